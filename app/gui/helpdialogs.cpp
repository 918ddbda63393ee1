#include "helpdialogs.h"

#include "model/picturelibrary.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWidget>

namespace coform {

namespace {

/// The shortcuts of `actions` and of the menus among them (keys, what they do), each once, in menu order; only what
/// is offered now.
void addShortcuts(const QList<QAction *> &actions, QList<QStringList> *rows)
{
    for (const QAction *action : actions) {
        if (!action->isVisible())
            continue;
        if (action->menu())
            addShortcuts(action->menu()->actions(), rows);
        if (action->shortcut().isEmpty())
            continue;
        const QStringList row{action->shortcut().toString(QKeySequence::NativeText),
                              QString(action->text()).remove(QLatin1Char('&'))};
        if (!rows->contains(row))
            rows->append(row);
    }
}

} // namespace

void HelpDialogs::showShortcuts(QWidget *window)
{
    // Every menu's, not only the window's own: the shared templates' (comment, approve, open) live in their menu.
    QList<QStringList> rows;
    if (auto *main = qobject_cast<QMainWindow *>(window))
        addShortcuts(main->menuBar()->actions(), &rows);
    addShortcuts(window->actions(), &rows);
    rows.append({QObject::tr("Alt+letter"), QObject::tr("Go to the panel or menu with that letter underlined")});

    // A list that scrolls, read a line at a time: there are more than fit a small screen in large text.
    QDialog dialog(window);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(QObject::tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *list = new QTreeWidget;
    list->setObjectName(QStringLiteral("shortcutsList"));
    list->setAccessibleName(QObject::tr("Keyboard shortcuts"));
    list->setHeaderLabels({QObject::tr("Keys"), QObject::tr("What they do")});
    list->setRootIsDecorated(false);
    list->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const QStringList &row : std::as_const(rows))
        list->addTopLevelItem(new QTreeWidgetItem(row));
    list->resizeColumnToContents(0);
    list->resizeColumnToContents(1);
    const int wanted = list->columnWidth(0) + list->columnWidth(1) + 60;
    // What they do wraps in the width there is (large text on a small screen) rather than running off the side.
    list->setWordWrap(true);
    list->setTextElideMode(Qt::ElideNone);
    list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    list->setCurrentItem(list->topLevelItem(0));
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    const QFontMetrics fm(list->font());
    const QRect screen = window->screen() ? window->screen()->availableGeometry() : QRect(0, 0, 1280, 720);
    const int lines = int(rows.size()) + 4; // the heading, the button and the frame
    dialog.resize(qMin(wanted, screen.width() * 9 / 10), qMin(lines * (fm.height() + 4), screen.height() * 8 / 10));
    list->setFocus();
    dialog.exec();
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
