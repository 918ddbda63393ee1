#include "helpdialogs.h"

#include "model/picturelibrary.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QWidget>

namespace coform {

void HelpDialogs::showShortcuts(QWidget *window)
{
    QStringList lines;
    for (const QAction *action : window->actions()) {
        if (!action->shortcut().isEmpty()) {
            lines.append(QStringLiteral("%1: %2").arg(action->shortcut().toString(QKeySequence::NativeText),
                                                      QString(action->text()).remove(QLatin1Char('&'))));
        }
    }
    lines.append(QObject::tr("Alt and an underlined letter: go to that panel or menu"));
    QMessageBox::information(window, QObject::tr("Keyboard shortcuts"), lines.join(QLatin1Char('\n')));
}

void HelpDialogs::showAbout(QWidget *window)
{
    QMessageBox::about(window, QObject::tr("About Coform"),
                       QObject::tr("<p><b>Coform</b> %1</p><p>Write NHS Continuing Healthcare review forms together: "
                                   "staff and people with lived experience, as equal partners. Check them against the "
                                   "national framework and print them in the format each person needs.</p>"
                                   "<p>Pictures: %2</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped(),
                                PictureLibrary::credit(QStringLiteral("mulberry")).toHtmlEscaped()));
}

} // namespace coform
