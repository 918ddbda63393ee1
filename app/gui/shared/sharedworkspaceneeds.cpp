// SharedWorkspace: "What needs you" (the start page and its count on the Shared templates menu), what opening one of
// its entries does, and going to the comments to write one.
#include "mainwindow.h"
#include "shared/commentspanel.h"
#include "shared/diffview.h"
#include "shared/sharedworkspace.h"
#include "shared/whatneedsyoupage.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

namespace coform {

void SharedWorkspace::createNeedsYou(QMenu *shared)
{
    m_needsPage = new WhatNeedsYouPage(m_db, m_session, m_window);
    m_needsPage->setWindowModality(Qt::NonModal);
    connect(m_needsPage, &WhatNeedsYouPage::openRequested, this, &SharedWorkspace::openNeed);
    m_needsAction = new QAction(tr("What needs &you"), shared);
    m_needsAction->setObjectName(QStringLiteral("actionWhatNeedsYou"));
    m_needsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    connect(m_needsAction, &QAction::triggered, this, &SharedWorkspace::showWhatNeedsYou);
    QAction *first = shared->actions().value(0);
    shared->insertAction(first, m_needsAction);
    shared->insertSeparator(first);
    // Others' approvals, proposals and comments on templates that are not open arrive without a change feed.
    auto *poll = new QTimer(this);
    poll->setInterval(60 * 1000);
    connect(poll, &QTimer::timeout, this, &SharedWorkspace::updateNeedsCount);
    poll->start();
    updateNeedsCount();
}

void SharedWorkspace::updateNeedsCount()
{
    if (!m_needsPage)
        return;
    const int count = m_needsPage->refresh();
    m_needsAction->setText(count > 0 ? tr("What needs &you (%1)").arg(count) : tr("What needs &you"));
    m_sharedMenu->setTitle(count > 0 ? tr("&Shared templates (%1 for you)").arg(count) : tr("&Shared templates"));
}

void SharedWorkspace::showStartPage()
{
    updateNeedsCount();
    if (m_session.role() == Role::Coproducer || !m_needsPage->entries().isEmpty())
        showWhatNeedsYou();
}

void SharedWorkspace::showWhatNeedsYou()
{
    updateNeedsCount();
    m_needsPage->show();
    m_needsPage->raise();
    m_needsPage->activateWindow();
    m_needsPage->list()->setFocus(Qt::ActiveWindowFocusReason);
}

void SharedWorkspace::showDock(QDockWidget *dock, QWidget *focus)
{
    m_window->activateWindow();
    dock->show();
    dock->raise();
    focus->setFocus(Qt::OtherFocusReason);
}

void SharedWorkspace::openNeed(const NeedsYou &entry)
{
    if (!openStoredTemplate(entry.templateId))
        return;
    switch (entry.kind) {
    case NeedsYou::Kind::Approve: {
        // There is always something to read before approving: what changed since the version before (for a first
        // version, the whole form as new, with its coverage).
        m_diffView->setVersions(entry.version - 1, entry.version);
        QTreeWidget *list = m_diffView->list();
        if (list->topLevelItemCount() > 0)
            list->setCurrentItem(list->topLevelItem(0));
        // In the panel, where it wraps: the status bar cut it short ("... comments on it; Ctrl+S").
        m_diffView->setHint(tr("Read what changed. Enter on a question goes to it; Ctrl+Shift+M comments on it; "
                               "Ctrl+Shift+A approves the version."));
        showDock(m_diffDock, list);
        break;
    }
    case NeedsYou::Kind::Reply:
    case NeedsYou::Kind::CommentOnYourChange: {
        if (!entry.itemId.isEmpty())
            m_window->selectId(entry.itemId);
        QTreeWidget *list = m_comments->list();
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *row = list->topLevelItem(i);
            if (row->data(0, Qt::UserRole + 1).toLongLong() == entry.threadId)
                list->setCurrentItem(row);
        }
        showDock(m_commentsDock, list);
        break;
    }
    case NeedsYou::Kind::Draft:
        m_window->templateTree()->setFocus(Qt::OtherFocusReason);
        break;
    }
}

void SharedWorkspace::commentOnChosen()
{
    if (!m_sync) {
        m_window->statusBar()->showMessage(tr("Open a shared template first."), 8000);
        return;
    }
    // From "What changed", the comment is on the question chosen there (as its hint says), not on what the template
    // tree showed before.
    const QTreeWidgetItem *changed = m_diffView->list()->hasFocus() ? m_diffView->list()->currentItem() : nullptr;
    const QString changedId = changed ? changed->data(0, Qt::UserRole).toString() : QString();
    if (!changedId.isEmpty() && !m_window->selectId(changedId)) {
        m_window->statusBar()->showMessage(tr("That question is not in the template now, so there is nothing there to "
                                              "comment on: choose a question that is."),
                                           10000);
        return;
    }
    showDock(m_commentsDock, m_comments->textBox());
}

} // namespace coform
