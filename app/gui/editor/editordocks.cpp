#include "editor/editordocks.h"

#include "common/rowsofroom.h"
#include "editor/coveragepanel.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QScrollArea>
#include <QStyle>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUndoView>

namespace coform {

EditorDocks::EditorDocks(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_coverage(new CoveragePanel(window->document()))
    , m_undoView(new QUndoView(window->document()->undoStack()))
    , m_coverageDock(new QDockWidget(tr("Coverage"), window))
    , m_undoDock(new QDockWidget(tr("Undo history"), window))
{
    setObjectName(QStringLiteral("editorDocks"));

    m_undoView->setObjectName(QStringLiteral("undoHistoryView"));
    m_undoView->setAccessibleName(tr("Undo history"));
    m_undoView->setAccessibleDescription(tr("Every change made since the form was opened, oldest first. Choose a "
                                            "line to go back to how the form was just after that change."));
    m_undoView->setToolTip(tr("Choose a line to undo every change after it; choose a later line to redo them. The "
                              "first line is the form as it was opened; the saved state has the save icon."));
    // The first line is the form before any change: as it was opened, a new empty one, or none.
    auto updateEmptyLabel = [this] {
        const TemplateDocument *document = m_window->document();
        if (!document->isOpen())
            m_undoView->setEmptyLabel(tr("No form is open"));
        else if (document->origin() == TemplateDocument::Origin::File && document->path().isEmpty())
            m_undoView->setEmptyLabel(tr("<empty template>"));
        else
            m_undoView->setEmptyLabel(tr("As opened"));
    };
    updateEmptyLabel();
    connect(window->document(), &TemplateDocument::templateReplaced, this, updateEmptyLabel);
    m_undoView->setCleanIcon(m_undoView->style()->standardIcon(QStyle::SP_DialogSaveButton));

    // The right column takes the full height of the window (the bottom corners belong to it); its tabs on top.
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    window->setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    window->setTabPosition(Qt::RightDockWidgetArea, QTabWidget::North);
    addToColumn(window, m_coverageDock, QStringLiteral("coverageDock"), m_coverage);
    addToColumn(window, m_undoDock, QStringLiteral("undoHistoryDock"), m_undoView);
    m_coverageDock->setAccessibleName(tr("Requirement coverage"));
    RowsOfRoom::keep(m_undoView);
    RowsOfRoom::keep(m_coverage->list());
    window->tabifyDockWidget(m_coverageDock, m_undoDock);
    m_coverageDock->raise();

    connect(m_coverage, &CoveragePanel::questionActivated, m_window, &MainWindow::selectId);
    createMenuItems();
}

EditorDocks::~EditorDocks() = default;

void EditorDocks::createMenuItems()
{
    QMenu *view = m_window->viewMenu();
    view->addSeparator();
    QAction *showCoverage = m_coverageDock->toggleViewAction();
    showCoverage->setObjectName(QStringLiteral("actionShowCoverage"));
    showCoverage->setText(tr("Requirement &coverage"));
    showCoverage->setToolTip(tr("Show or hide which requirements the form covers"));
    QAction *showUndo = m_undoDock->toggleViewAction();
    showUndo->setObjectName(QStringLiteral("actionShowUndoHistory"));
    showUndo->setText(tr("&Undo history"));
    showUndo->setToolTip(tr("Show or hide the list of changes that can be undone"));
    view->addActions({showCoverage, showUndo});

    addGoTo(m_window, QStringLiteral("actionGoToCoverage"), tr("Go to requirement co&verage"), Qt::Key_5,
            m_coverageDock, m_coverage->list());
    addGoTo(m_window, QStringLiteral("actionGoToUndoHistory"), tr("Go to the undo histor&y"), Qt::Key_6, m_undoDock,
            m_undoView);
}

void EditorDocks::addToColumn(MainWindow *window, QDockWidget *dock, const QString &name, QWidget *content)
{
    dock->setObjectName(name);
    dock->setAccessibleName(dock->windowTitle());
    // With big text the window must still fit the screen: a panel shorter than its contents scrolls up and down; its
    // rows wrap rather than running out of sight to the side.
    auto *scroll = new QScrollArea(dock);
    scroll->setObjectName(name + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(content);
    scroll->setMinimumSize(120, 80);
    if (content->layout())
        content->layout()->setContentsMargins(4, 4, 4, 4); // the column's width is for words, not margins
    for (QLabel *label : content->findChildren<QLabel *>())
        label->setWordWrap(true); // headings and notes take more lines in a narrow column, never its width
    dock->setWidget(scroll);
    dock->setFocusProxy(content);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
}

void EditorDocks::addGoTo(MainWindow *window, const QString &name, const QString &text, int key, QDockWidget *dock,
                          QWidget *target)
{
    QMenu *view = window->viewMenu();
    auto *action = new QAction(text, window);
    action->setObjectName(name);
    action->setShortcut(QKeySequence(Qt::CTRL | key));
    action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                     action->shortcut().toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, dock, [dock, target] {
        dock->show();
        dock->raise();
        target->setFocus(Qt::ShortcutFocusReason);
    });
    window->addAction(action);
    if (view)
        view->addAction(action);
}

} // namespace coform
