#pragma once

#include "store/session.h"
#include "store/templatestore.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace coform {

class Database;

/// Tells an open document about the changes other people (other instances, other machines) make to a template.
///
/// It reads new change-log rows after the last one it has seen: on SQLite when `PRAGMA data_version` says another
/// connection committed (polled, cheap), on PostgreSQL when the server sends a notification on the
/// `coform_changes` channel (with a slow poll as a safety net). Rows this instance wrote itself (markOwn()) are passed
/// over, so the local undo stack and document never see their own edits twice. A step that someone keeps typing into
/// (TypingSteps) is reported again with each keystroke, marked ChangeRecord::continued.
///
/// Comments, replies, resolutions, approvals and state changes travel the same way (TemplateActivity): each look
/// also reads the template's activity count, and activityArrived() says when it moved.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    /// The PostgreSQL notification channel; TemplateStore::applyEdit notifies on it with the template id.
    static constexpr const char *Channel = "coform_changes";

    /// Starts after change `lastSeenSeq` (the seq the open document was read at).
    ChangeFeed(Database &db, const Session &session, QString templateId, qint64 lastSeenSeq, QObject *parent = nullptr);
    ~ChangeFeed() override;

    /// How often SQLite's data_version is polled (default 50 ms); on PostgreSQL the safety-net poll runs at ten
    /// times this.
    void setPollInterval(int milliseconds);
    void start();
    void stop();

    /// A change this instance applied itself (its ChangeRecord::stamp): it will not be reported.
    void markOwn(qint64 stamp);
    /// The newest change reported or passed over.
    qint64 lastSeenSeq() const { return m_lastSeen; }

    /// Reads new changes now (also called by the timer and on notifications).
    void checkNow();

Q_SIGNALS:
    /// Changes made by others since the last report, oldest first.
    void changesArrived(const QVector<coform::ChangeRecord> &changes);
    /// A comment, reply, resolution, approval or state change was written (by anyone but this connection, on SQLite)
    /// since the last look.
    void activityArrived();
    /// Reading the change log failed (the database went away, ...): in words.
    void failed(const QString &message);

private:
    void onNotification(const QString &name, const QVariant &payload);

    Database &m_db;
    Session m_session;
    QString m_templateId;
    qint64 m_lastSeen = 0;
    qint64 m_lastDataVersion = -1;
    qint64 m_lastActivity = -1;
    QSet<qint64> m_own;
    QTimer m_timer;
    bool m_subscribed = false;
};

} // namespace coform
