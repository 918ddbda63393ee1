#pragma once

#include "conflictdialog.h"
#include "edit/editcommand.h"
#include "store/presencestore.h"
#include "store/templatestore.h"

#include <QJsonValue>
#include <QObject>
#include <QTimer>

namespace coform {

class ChangeFeed;
class Database;
class SyncableDocument;

/// An edit of the person's own that the store refused because someone else changed the same thing first: both
/// values, who and when, so that nothing is lost and the person can choose (ConflictDialog).
struct SyncConflict
{
    Edit edit;         ///< what the person tried (its `before` is what they saw)
    QString what;      ///< in words: what was changed
    QJsonValue mine;   ///< the value the person wrote
    QJsonValue theirs; ///< the value in the store now
    QString theirName; ///< who changed it last
    QDateTime theirTime;
    /// Whether both values are texts that a person can merge by hand.
    bool isText() const { return mine.isString() && (theirs.isString() || theirs.isNull() || theirs.isUndefined()); }
};

/// Ties a stored template open in a document to the store:
/// - every edit the document makes (push, undo, redo) is sent with TemplateStore::applyEdit first and changes the
///   document only when the store took it; a refused edit raises conflictArose() with both values;
/// - other people's changes arriving through a ChangeFeed change the document without an undo step;
/// - keystrokes in one field are one step of the change log until the focus moves (EditContext::continuesTyping);
/// - a presence heartbeat every PresenceStore::HeartbeatSeconds says which question this person is on, and
///   presenceChanged() says who is in the template now.
class StoredTemplateSync : public QObject, public EditTarget
{
    Q_OBJECT

public:
    /// The document must hold the template as it is in the store now (read it just before).
    StoredTemplateSync(Database &db, const Session &session, const QString &templateId, SyncableDocument *document,
                       QObject *parent = nullptr);
    ~StoredTemplateSync() override;

    const QString &templateId() const { return m_templateId; }
    ChangeFeed *feed() const { return m_feed; }
    /// This window's id in the presence list.
    const QString &instance() const { return m_instance; }

    /// How often the store is asked for other people's changes (tests make it quick).
    void setPollInterval(int milliseconds);
    /// An optional note recorded with each edit of this person's ("why").
    void setEditNote(const QString &note) { m_context.note = note; }

    /// EditTarget: the gate the document's own edits pass through.
    EditOutcome applyEdit(const Edit &edit) override;

    /// Carries out the person's choice about a conflict (ConflictDialog::choice() and text()): their change is
    /// brought in; "use mine" and "merge by hand" then make a new change over it, an undoable step of the person's.
    bool resolveConflict(const SyncConflict &conflict, ConflictDialog::Choice choice, const QString &mergedText = {});

public slots:
    /// The question this person is on now ("" for none); sent with the next heartbeat, and at once.
    void setCurrentItem(const QString &itemId);
    /// Sends a heartbeat now and reads who is present.
    void sendHeartbeat();

signals:
    void conflictArose(const coform::SyncConflict &conflict);
    void presenceChanged(const QVector<coform::Presence> &present);
    /// Other people's changes are about to change the document: views that rebuild on a structure change (the tree)
    /// remember the chosen question here and choose it again on remoteChangesApplied(), so it does not move.
    void aboutToApplyRemoteChanges();
    /// Other people's changes were applied to the document (for the history and comments panels).
    void remoteChangesApplied(int count);
    /// An edit of this person's own was stored (for the history panel).
    void ownChangeStored();
    /// Something went wrong talking to the store: in words.
    void failed(const QString &message);

private:
    void onChangesArrived(const QVector<ChangeRecord> &changes);
    SyncConflict describeConflict(const Edit &edit) const;
    /// Whether the undo stack is undoing or redoing this edit now (an undo or redo never joins a step of typing).
    bool isUndoOrRedo(const Edit &edit) const;
    void dropRefusedCommand(const Edit &edit);

    Database &m_db;
    Session m_session;
    QString m_templateId;
    SyncableDocument *m_document;
    TemplateStore m_store;
    PresenceStore m_presence;
    ChangeFeed *m_feed;
    QTimer m_heartbeat;
    QString m_instance;
    QString m_currentItem;
    EditContext m_context;
    bool m_discarding = false;
    // Typing joins one step of the change log until the focus moves (TypingSteps): focus moves counted, and the
    // count at this person's last edit.
    quint64 m_focusMoves = 0;
    quint64 m_focusMovesAtLastEdit = 0;
};

} // namespace coform
