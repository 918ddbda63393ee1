#include "helpdialogs.h"

#include "model/picturelibrary.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QWidget>

namespace coform {

namespace {

/// The shortcuts of `actions` and of the menus among them, each once, in menu order; only what is offered now.
void addShortcuts(const QList<QAction *> &actions, QStringList *lines)
{
    for (const QAction *action : actions) {
        if (!action->isVisible())
            continue;
        if (action->menu())
            addShortcuts(action->menu()->actions(), lines);
        if (action->shortcut().isEmpty())
            continue;
        const QString line = QStringLiteral("%1: %2").arg(action->shortcut().toString(QKeySequence::NativeText),
                                                          QString(action->text()).remove(QLatin1Char('&')));
        if (!lines->contains(line))
            lines->append(line);
    }
}

} // namespace

void HelpDialogs::showShortcuts(QWidget *window)
{
    // Every menu's, not only the window's own: the shared templates' (comment, approve, open) live in their menu.
    QStringList lines;
    if (auto *main = qobject_cast<QMainWindow *>(window))
        addShortcuts(main->menuBar()->actions(), &lines);
    addShortcuts(window->actions(), &lines);
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
