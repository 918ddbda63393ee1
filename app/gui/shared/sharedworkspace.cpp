#include "shared/sharedworkspace.h"

#include "common/rowsofroom.h"
#include "common/templatewords.h"
#include "document/storedtemplatesync.h"
#include "document/templatedocument.h"
#include "editor/coveragepanel.h"
#include "editor/editordocks.h"
#include "editor/templatelist.h"
#include "editor/templatetreemodel.h"
#include "mainwindow.h"
#include "reviews/reviewswindow.h"
#include "shared/accountswindow.h"
#include "shared/changedetailwords.h"
#include "shared/commentspanel.h"
#include "shared/conflictdialog.h"
#include "shared/diffview.h"
#include "shared/frozenbanner.h"
#include "shared/historypanel.h"
#include "shared/packageactions.h"
#include "shared/securityactions.h"
#include "shared/sessionlock.h"
#include "shared/whatneedsyoupage.h"
#include "shared/workflowactions.h"
#include "shared/workflowwords.h"

#include "store/changefeed.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/templatestore.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>

namespace coform {

SharedWorkspace::SharedWorkspace(MainWindow *window, Database &db, const Session &session)
    : m_window(window)
    , m_db(db)
    , m_session(session)
{
    createPanels();
    createMenus();
    new PackageActions(
        m_window, m_sharedMenu, m_window->quitAction(), m_db, m_session,
        [this](const QString &id) { openStoredTemplate(id); }, this);
    m_lock = new SessionLock(db, session, this);
    QAction *signOut = createSessionActions();
    // File > Accounts (admins), Change my password
    AccountsWindow::addMenuItems(m_window, m_window->fileMenu(), signOut, m_db, m_session);
    m_presence = new QLabel(m_window);
    m_presence->setObjectName(QStringLiteral("presenceLabel"));
    m_presence->setAccessibleDescription(tr("Who is in this template now")); // its name is what it says
    m_window->statusBar()->addPermanentWidget(m_presence);
    // Who is signed in stays in its own place at the right of the status bar (a message would cover the summary).
    auto *signedIn = new QLabel(tr("Signed in as %1 (%2)").arg(session.userName(), roleName(session.role())), m_window);
    signedIn->setObjectName(QStringLiteral("signedInLabel"));
    m_window->statusBar()->addPermanentWidget(signedIn);
    // Where this person is: the comments follow it, and the others see it in their trees.
    connect(m_window, &MainWindow::currentIdChanged, this, [this](const QString &id) {
        m_comments->setItemId(id);
        if (m_sync)
            m_sync->setCurrentItem(id);
    });
    // New or resolved comments (one's own or, through the change feed, others') show in the meeting view at once.
    connect(m_comments, &CommentsPanel::unresolvedCountsChanged, m_window, &MainWindow::refreshMeetingView);
    connect(m_comments, &CommentsPanel::unresolvedCountsChanged, m_window->treeModel(),
            &TemplateTreeModel::setOpenComments);
    // The coverage panel compares with the last published version of the open stored template.
    m_window->coveragePanel()->setPublishedProvider([this] { return lastPublishedVersion(); });
    // The template list's shared entries open the shared template.
    connect(m_window->templateList(), &TemplateList::templateChosen, this,
            [this](TemplateDocument::Origin origin, const QString &id) {
                if (origin == TemplateDocument::Origin::Store)
                    openStoredTemplate(id);
            });
    // Opening a file or a bundled template ends the live link to a stored one.
    connect(m_window->document(), &TemplateDocument::templateReplaced, this, [this] {
        if (m_sync && m_window->document()->origin() != TemplateDocument::Origin::Store)
            stopSync();
    });
}

SharedWorkspace::~SharedWorkspace()
{
    delete m_needsPage;
    m_window->coveragePanel()->setPublishedProvider({});
    stopSync();
}

std::optional<Template> SharedWorkspace::lastPublishedVersion() const
{
    const TemplateDocument *document = m_window->document();
    if (document->origin() != TemplateDocument::Origin::Store)
        return std::nullopt;
    const TemplateStore store(m_db, m_session);
    const Result<QVector<TemplateSummary>> all = store.list();
    if (!all.ok())
        return std::nullopt;
    for (const TemplateSummary &summary : all.value()) {
        if (summary.id == document->content().id && summary.publishedVersion > 0) {
            const Result<Template> published = store.get(summary.id, summary.publishedVersion);
            if (published.ok())
                return published.value();
        }
    }
    return std::nullopt;
}

void SharedWorkspace::stopSync()
{
    m_sync.reset();
    if (m_workflow)
        m_workflow->setVersion(std::nullopt);
    m_window->frozenBanner()->clear();
    m_window->setSharedVersion(QString());
    if (m_presence)
        m_presence->clear();
    m_window->treeModel()->setPresence({});
    m_window->setCommentsProvider({});
    m_window->treeModel()->setOpenComments({});
}

void SharedWorkspace::createMenus()
{
    QMenu *shared = new QMenu(tr("&Shared templates"), m_window);
    shared->setObjectName(QStringLiteral("menuShared"));
    m_sharedMenu = shared;
    m_window->menuBar()->insertMenu(m_window->menuBar()->actions().value(1), shared);
    auto add = [&](const QString &name, const QString &text, const QKeySequence &keys, auto slot) {
        QAction *action = shared->addAction(text);
        action->setObjectName(name);
        if (!keys.isEmpty())
            action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(QStringLiteral("actionOpenShared"), tr("&Open a shared template\u2026"), QKeySequence(tr("Ctrl+Shift+O")),
        [this] { chooseStoredTemplate(); });
    add(QStringLiteral("actionShareTemplate"), tr("&Share the open template with the group"), QKeySequence(),
        [this] { shareOpenTemplate(); });
    add(QStringLiteral("actionCommentOnChosen"), tr("&Comment on the chosen question"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [this] { commentOnChosen(); });
    shared->addSeparator();
    m_workflow = new WorkflowActions(m_window, shared, m_db, m_session, [this](const QString &id) {
        openStoredTemplate(id);
        updateNeedsCount();
    });
    m_workflow->setParent(this); // its items call back into this workspace: they go with it
    createNeedsYou(shared);

    if (m_session.role() == Role::Admin)
        new SecurityActions(m_window, m_window->fileMenu(), m_window->quitAction(), m_db, m_session, this);

    if (ReviewsWindow::isAvailableTo(m_session)) {
        QMenu *reviews = new QMenu(tr("&Reviews"), m_window);
        reviews->setObjectName(QStringLiteral("menuReviews"));
        m_window->menuBar()->insertMenu(m_window->menuBar()->actions().value(2), reviews);
        QAction *open = reviews->addAction(tr("&Open reviews\u2026"));
        open->setObjectName(QStringLiteral("actionOpenReviews"));
        open->setShortcut(QKeySequence(tr("Ctrl+R")));
        connect(open, &QAction::triggered, this, &SharedWorkspace::openReviews);
    }
}

QAction *SharedWorkspace::createSessionActions()
{
    QMenu *file = m_window->fileMenu();
    QAction *quit = m_window->quitAction();
    auto *lockTime = new QAction(tr("&Lock after a time without use…"), m_window);
    lockTime->setObjectName(QStringLiteral("actionLockTime"));
    connect(lockTime, &QAction::triggered, this, [this] {
        bool ok = false;
        const int minutes = QInputDialog::getInt(
            m_window, tr("Lock after a time without use"),
            tr("Minutes without keyboard or mouse use before Coform hides everything behind the sign-in:"),
            SessionLock::minutesSetting(), SessionLock::MinMinutes, SessionLock::MaxMinutes, 1, &ok);
        if (ok)
            SessionLock::setMinutesSetting(minutes);
    });
    auto *signOut = new QAction(tr("Sign o&ut"), m_window);
    signOut->setObjectName(QStringLiteral("actionSignOut"));
    signOut->setShortcut(QKeySequence(tr("Ctrl+Shift+Q")));
    connect(signOut, &QAction::triggered, this, [] { SessionLock::requestSignOut(); });
    m_window->addAction(signOut);
    file->insertActions(quit, {lockTime, signOut});
    return signOut;
}

void SharedWorkspace::createPanels()
{
    auto addDock = [this](QWidget *panel, QAbstractItemView *list, const QString &name, const QString &title,
                          const QString &fullName) {
        auto *dock = new QDockWidget(title, m_window);
        EditorDocks::addToColumn(m_window, dock, name, panel);
        dock->setAccessibleName(fullName);
        RowsOfRoom::keep(list);
        return dock;
    };
    m_history = new HistoryPanel(m_db, m_session);
    m_diffView = new DiffView(m_db, m_session);
    m_comments = new CommentsPanel(m_db, m_session);
    // Enter on a question in "What changed" goes to it (the comments follow).
    connect(m_diffView, &DiffView::itemChosen, m_window, [this](const QString &id) { m_window->selectId(id); });
    // Tabs of the editor's column down the right, the full height of the window, so that each list has room for its
    // rows on a laptop screen at any text size (View menu: each can be closed and brought back; Ctrl+7, 8, 9 go there).
    QDockWidget *history =
        addDock(m_history, m_history->list(), QStringLiteral("historyDock"), tr("History"), tr("History of changes"));
    QDockWidget *diff = m_diffDock = addDock(m_diffView, m_diffView->list(), QStringLiteral("whatChangedDock"),
                                             tr("What changed"), tr("What changed between versions"));
    QDockWidget *comments = m_commentsDock =
        addDock(m_comments, m_comments->list(), QStringLiteral("commentsDock"), tr("Comments"), tr("Comments"));
    m_window->setFrontDock(history); // in front when the window is first shown
    m_window->tabifyDockWidget(m_window->coverageDock(), history);
    m_window->tabifyDockWidget(history, diff);
    m_window->tabifyDockWidget(diff, comments);
    history->raise();
    // The panels as the person left them (MainWindow::saveLayout); the editor's own were restored before these existed.
    if (!m_window->restoreState(QSettings().value(QStringLiteral("window/docks")).toByteArray(),
                                MainWindow::kDockLayout))
        m_window->fitPanelsToText();
    QMenu *view = m_window->viewMenu();
    view->addSeparator();
    history->toggleViewAction()->setText(tr("History o&f changes"));
    diff->toggleViewAction()->setText(tr("&What changed between versions"));
    comments->toggleViewAction()->setText(tr("C&omments"));
    view->addActions({history->toggleViewAction(), diff->toggleViewAction(), comments->toggleViewAction()});
    EditorDocks::addGoTo(m_window, QStringLiteral("actionGoToHistory"), tr("Go to the h&istory of changes"), Qt::Key_7,
                         history, m_history->list());
    EditorDocks::addGoTo(m_window, QStringLiteral("actionGoToWhatChanged"), tr("Go to what ch&anged"), Qt::Key_8, diff,
                         m_diffView->list());
    EditorDocks::addGoTo(m_window, QStringLiteral("actionGoToComments"), tr("Go to the comm&ents"), Qt::Key_9, comments,
                         m_comments->list());
}

bool SharedWorkspace::openStoredTemplate(const QString &templateId)
{
    stopSync();
    const Result<Template> stored = TemplateStore(m_db, m_session).get(templateId);
    if (!stored.ok()) {
        QMessageBox::warning(m_window, tr("The template cannot be opened"), stored.message());
        return false;
    }
    TemplateDocument *document = m_window->document();
    document->open(stored.value(), TemplateDocument::Origin::Store, QString());
    m_sync = std::make_unique<StoredTemplateSync>(m_db, m_session, templateId, document);
    connect(m_sync.get(), &StoredTemplateSync::conflictArose, this, &SharedWorkspace::onConflict);
    connect(m_sync.get(), &StoredTemplateSync::versionStateChanged, this, &SharedWorkspace::showVersionState);
    showVersionState(m_sync->version());
    connect(m_sync.get(), &StoredTemplateSync::remoteChangesApplied, this, [this] {
        m_history->refreshSoon();
        m_comments->refresh();
    });
    connect(m_sync.get(), &StoredTemplateSync::ownChangeStored, m_history, &HistoryPanel::refreshSoon);
    connect(m_sync->feed(), &ChangeFeed::activityArrived, this, &SharedWorkspace::onActivity);
    if (const Result<VersionInfo> opened = TemplateStore(m_db, m_session).versionInfo(templateId); opened.ok())
        m_openVersion = opened.value();
    connect(m_sync.get(), &StoredTemplateSync::presenceChanged, this, [this](const QVector<Presence> &present) {
        QStringList names;
        QMap<QString, QStringList> othersByItem; // this window's own place is shown by the selection
        for (const Presence &p : present) {
            if (!names.contains(p.userName))
                names.append(p.userName);
            if (!p.itemId.isEmpty() && p.instance != m_sync->instance() && !othersByItem[p.itemId].contains(p.userName))
                othersByItem[p.itemId].append(p.userName);
        }
        m_presence->setText(tr("In this template now: %1").arg(TemplateWords::list(names)));
        m_window->treeModel()->setPresence(othersByItem);
    });
    connect(m_sync.get(), &StoredTemplateSync::failed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message); });
    m_window->setCommentsProvider([this, templateId](const QString &itemId) {
        QStringList lines;
        const Result<QVector<CommentThread>> threads = CommentStore(m_db, m_session).threadsOnItem(templateId, itemId);
        if (!threads.ok())
            return lines;
        for (const CommentThread &thread : threads.value()) {
            if (thread.resolved || thread.comments.isEmpty())
                continue;
            const Comment &last = thread.comments.constLast();
            lines.append(QStringLiteral("%1: %2").arg(last.author, last.body));
        }
        return lines;
    });
    m_history->setTemplateId(templateId);
    m_diffView->setTemplateId(templateId);
    m_comments->setTemplateId(templateId);
    m_sync->setCurrentItem(m_window->currentId());
    m_comments->setItemId(m_window->currentId());
    m_sync->sendHeartbeat();
    return true;
}

void SharedWorkspace::showVersionState(const VersionInfo &version)
{
    if (!m_sync)
        return;
    m_workflow->setVersion(version);
    m_window->setSharedVersion(WorkflowWords::state(version));
    TemplateList *list = m_window->templateList();
    list->setSharedEntry(m_sync->templateId(), m_window->whereWorkLives());
    list->selectEntry(TemplateDocument::Origin::Store, m_sync->templateId());
    using Step = WorkflowWords::Step;
    const bool mayWithdraw = WorkflowWords::makesSense(Step::Withdraw, version, m_session);
    const QString reason = WorkflowWords::frozen(version, mayWithdraw);
    if (reason.isEmpty()) {
        m_window->frozenBanner()->clear();
    } else if (version.status == VersionStatus::Proposed) {
        m_window->frozenBanner()->showFrozen(reason, mayWithdraw ? tr("&Withdraw the proposal") : QString(),
                                             [this] { m_workflow->run(Step::Withdraw); });
    } else {
        m_window->frozenBanner()->showFrozen(reason, tr("Start a new &draft"),
                                             [this] { m_workflow->run(Step::StartDraft); });
    }
}

void SharedWorkspace::chooseStoredTemplate()
{
    const Result<QVector<TemplateSummary>> all = TemplateStore(m_db, m_session).list();
    if (!all.ok()) {
        QMessageBox::warning(m_window, tr("Shared templates"), all.message());
        return;
    }
    if (all->isEmpty()) {
        QMessageBox::information(m_window, tr("Shared templates"),
                                 tr("No template has been shared yet. Open one and choose \u201cShare the open "
                                    "template with the group\u201d."));
        return;
    }
    QStringList choices;
    for (const TemplateSummary &s : all.value()) {
        VersionInfo latest;
        latest.version = s.latestVersion;
        latest.status = s.latestStatus;
        choices.append(tr("%1 \u2014 %2").arg(s.title, WorkflowWords::state(latest)));
    }
    bool ok = false;
    const QString choice =
        QInputDialog::getItem(m_window, tr("Open a shared template"), tr("&Template:"), choices, 0, false, &ok);
    if (ok)
        openStoredTemplate(all->at(choices.indexOf(choice)).id);
}

void SharedWorkspace::shareOpenTemplate()
{
    TemplateDocument *document = m_window->document();
    if (!document->isOpen())
        return;
    const QString title = document->content().title;
    const bool fromFile = document->origin() == TemplateDocument::Origin::File && !document->path().isEmpty();
    const Result<VersionInfo> added = TemplateStore(m_db, m_session).addTemplate(document->content());
    if (!added.ok()) {
        QMessageBox::warning(m_window, tr("The template was not shared"), added.message());
        return;
    }
    if (!openStoredTemplate(added->templateId))
        return;
    QMessageBox::information(
        m_window, tr("Shared with the group"),
        tr("\u201c%1\u201d is now shared with the group as draft %2. Everyone who signs in can open it from Shared "
           "templates, and every change is saved as it is made. %3")
            .arg(title)
            .arg(added->version)
            .arg(fromFile ? tr("Your file was not changed; you are now working on the shared template.") : QString()));
}

void SharedWorkspace::openReviews()
{
    auto *reviews = new ReviewsWindow(m_db, m_session, m_window);
    reviews->setAttribute(Qt::WA_DeleteOnClose);
    reviews->show();
}

void SharedWorkspace::onActivity()
{
    m_comments->refresh();
    m_history->refreshSoon();
    if (!m_sync)
        return;
    const QString id = m_sync->templateId();
    const Result<VersionInfo> now = TemplateStore(m_db, m_session).versionInfo(id);
    if (!now.ok())
        return;
    QString news;
    if (now->version != m_openVersion.version || now->status != m_openVersion.status) {
        const QString who = now->status == VersionStatus::Proposed    ? now->proposedBy
                            : now->status == VersionStatus::Published ? now->publishedBy
                            : now->status == VersionStatus::Retired   ? now->retiredBy
                                                                      : now->createdBy;
        news = now->version != m_openVersion.version
                   ? tr("%1 started draft %2.").arg(who).arg(now->version)
                   : tr("Version %1 is now %2.").arg(now->version).arg(versionStateWords(now->status));
        // Open it again as it is now (not from inside the change feed's own signal: reopening replaces the feed).
        QTimer::singleShot(0, this, [this, id] { openStoredTemplate(id); });
    } else if (now->approvals.size() > m_openVersion.approvals.size()) {
        news = tr("%1 approved version %2.").arg(now->approvals.constLast().userName).arg(now->version);
    }
    m_openVersion = now.value();
    updateNeedsCount();
    if (!news.isEmpty())
        m_window->statusBar()->showMessage(news, 10000);
}

void SharedWorkspace::onConflict(const SyncConflict &conflict)
{
    ConflictDialog dialog(conflict.what, ChangeDetailWords::valueText(conflict.mine), conflict.theirName,
                          conflict.theirTime, ChangeDetailWords::valueText(conflict.theirs), conflict.isText(),
                          m_window);
    dialog.exec(); // closing the dialog keeps theirs: nothing is overwritten without a choice
    if (m_sync)
        m_sync->resolveConflict(conflict, dialog.choice(), dialog.text());
}

} // namespace coform
