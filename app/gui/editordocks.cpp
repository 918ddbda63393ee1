#include "editordocks.h"

#include "coveragepanel.h"
#include "mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QStyle>
#include <QUndoStack>
#include <QUndoView>

namespace coform {

EditorDocks::EditorDocks(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_coverage(new CoveragePanel(window->document()))
    , m_undoView(new QUndoView(window->document()->undoStack()))
    , m_coverageDock(new QDockWidget(tr("Requirement coverage"), window))
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

    auto place = [window](QDockWidget *dock, const QString &name, QWidget *content) {
        dock->setObjectName(name);
        dock->setAccessibleName(dock->windowTitle());
        // With big text the window must still fit the screen: a panel shorter than its contents scrolls.
        auto *scroll = new QScrollArea(dock);
        scroll->setObjectName(name + QStringLiteral("Scroll"));
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setFocusPolicy(Qt::NoFocus);
        scroll->setWidget(content);
        scroll->setMinimumSize(120, 80);
        dock->setWidget(scroll);
        dock->setFocusProxy(content);
        window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    };
    place(m_coverageDock, QStringLiteral("coverageDock"), m_coverage);
    place(m_undoDock, QStringLiteral("undoHistoryDock"), m_undoView);
    window->tabifyDockWidget(m_coverageDock, m_undoDock);
    m_coverageDock->raise();

    connect(m_coverage, &CoveragePanel::questionActivated, m_window, &MainWindow::selectId);
    createMenuItems();
}

EditorDocks::~EditorDocks() = default;

void EditorDocks::createMenuItems()
{
    QMenu *view = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
    if (!view)
        return;
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

    auto goTo = [this, view](const QString &name, const QString &text, int key, QDockWidget *dock, QWidget *target) {
        auto *action = new QAction(text, m_window);
        action->setObjectName(name);
        action->setShortcut(QKeySequence(Qt::CTRL | key));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, [dock, target] {
            dock->show();
            dock->raise();
            target->setFocus(Qt::ShortcutFocusReason);
        });
        m_window->addAction(action);
        view->addAction(action);
    };
    goTo(QStringLiteral("actionGoToCoverage"), tr("Go to requirement co&verage"), Qt::Key_5, m_coverageDock,
         m_coverage->findChild<QWidget *>(QStringLiteral("coverageList")));
    goTo(QStringLiteral("actionGoToUndoHistory"), tr("Go to the undo histor&y"), Qt::Key_6, m_undoDock, m_undoView);
}

} // namespace coform
