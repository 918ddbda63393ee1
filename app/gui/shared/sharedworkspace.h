#pragma once

#include "model/template.h"
#include "store/session.h"
#include "store/templatestore.h"
#include "store/whatneedsyou.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace coform {

class CommentsPanel;
class Database;
class DiffView;
class HistoryPanel;
class MainWindow;
class WhatNeedsYouPage;
class WorkflowActions;
class SessionLock;
class StoredTemplateSync;
struct SyncConflict;

/// The shared-database side of the main window, once someone has signed in: the "Shared templates" and "Reviews"
/// menus, the history, "what changed" and comments panels, and the live link (StoredTemplateSync) between the open
/// stored template and everyone else editing it. Without a sign-in (working on files only) none of this exists.
/// Its owner destroys it before the window (the live link must let go of the window's document first).
class SharedWorkspace : public QObject
{
    Q_OBJECT
public:
    SharedWorkspace(MainWindow *window, Database &db, const Session &session);
    ~SharedWorkspace() override;

    /// Opens the latest version of a template from the database, live: others' changes arrive, own changes are sent.
    bool openStoredTemplate(const QString &templateId);
    const Session &session() const { return m_session; }
    /// The live link to the open stored template; null when none is open.
    StoredTemplateSync *sync() const { return m_sync.get(); }
    /// The start page at sign-in: "What needs you", shown to a coproducer always and to others when something waits
    /// for them. Its count is also on the Shared templates menu.
    void showStartPage();
    /// Shows "What needs you" (Shared templates > What needs you, Ctrl+Shift+Y).
    void showWhatNeedsYou();
    WhatNeedsYouPage *whatNeedsYouPage() const { return m_needsPage; }
    WorkflowActions *workflow() const { return m_workflow; }

private:
    void createMenus();
    /// File > Lock after a time without use, File > Sign out (returned).
    QAction *createSessionActions();
    void createPanels();
    void chooseStoredTemplate();
    void shareOpenTemplate();
    /// "What needs you": the page, the menu item with its count, and what opening an entry does
    /// (sharedworkspaceneeds.cpp).
    void createNeedsYou(QMenu *shared);
    void updateNeedsCount();
    void openNeed(const coform::NeedsYou &entry);
    /// Shared templates > Comment on the chosen question: the comments panel, ready to type.
    void commentOnChosen();
    /// Shows a dock panel and puts the keyboard in `focus`.
    void showDock(QDockWidget *dock, QWidget *focus);
    void openReviews();
    void onConflict(const SyncConflict &conflict);
    /// Someone commented, replied, resolved, approved or changed the version's state (through the change feed).
    void onActivity();
    /// Gives the bottom panels (history, what changed, comments) room for at least five rows.
    void stopSync();
    /// Shows the open version's number and state: title bar, template list, and the banner when it is frozen.
    void showVersionState(const coform::VersionInfo &version);
    /// The newest published version of the open stored template; std::nullopt when none (or not a stored one).
    std::optional<Template> lastPublishedVersion() const;

    MainWindow *m_window;
    Database &m_db;
    Session m_session;
    std::unique_ptr<StoredTemplateSync> m_sync;
    HistoryPanel *m_history = nullptr;
    DiffView *m_diffView = nullptr;
    CommentsPanel *m_comments = nullptr;
    QDockWidget *m_diffDock = nullptr;
    QDockWidget *m_commentsDock = nullptr;
    QLabel *m_presence = nullptr;
    SessionLock *m_lock = nullptr;
    WorkflowActions *m_workflow = nullptr;
    WhatNeedsYouPage *m_needsPage = nullptr;
    QMenu *m_sharedMenu = nullptr;
    QAction *m_needsAction = nullptr;
    VersionInfo m_openVersion; ///< the stored version open now, as it was when opened
};

} // namespace coform
