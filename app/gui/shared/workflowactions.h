#pragma once

#include "shared/workflowwords.h"
#include "store/session.h"
#include "store/templatestore.h"

#include <QMap>
#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace coform {

class Database;

/// The approval workflow in the Shared templates menu: start a new draft, ask the group to approve it, withdraw the
/// proposal, approve, publish. Each item is shown only where it makes sense for the open version's state and the
/// person's role; each step says in plain words what it did and what comes next (or why it was refused); publishing
/// over open comments asks first (OpenCommentsDialog), then about translations that are out of date
/// (StaleTranslationsDialog), then about framework requirements not covered.
class WorkflowActions : public QObject
{
    Q_OBJECT

public:
    using Step = WorkflowWords::Step;

    /// Adds the items to `menu`. `reopen` opens the template again after a step (its state changed).
    WorkflowActions(QWidget *window, QMenu *menu, Database &db, const Session &session,
                    std::function<void(const QString &templateId)> reopen);

    /// The open stored version (std::nullopt: none), for which items to show.
    void setVersion(const std::optional<VersionInfo> &version);
    /// Runs a step on the open template; false when it was refused or cancelled (the person was told why).
    bool run(Step step);
    /// The words of the last step's message.
    const QString &lastMessage() const { return m_lastMessage; }

signals:
    /// A step was done (the person has been told).
    void stepDone(coform::WorkflowWords::Step step);

private:
    /// Asks about open comments, then about out-of-date translations, then publishes (asking about requirements not
    /// covered); false when refused or cancelled.
    bool publish(TemplateStore &store, const QString &id, Outcome *outcome);
    void tell(const QString &message, bool refused);

    QWidget *m_window;
    Database &m_db;
    Session m_session;
    std::function<void(const QString &)> m_reopen;
    std::optional<VersionInfo> m_version;
    QMap<Step, QAction *> m_actions;
    QString m_lastMessage;
};

} // namespace coform
