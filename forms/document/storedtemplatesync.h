#pragma once

#include "edit/editcommand.h"
#include "store/presencestore.h"
#include "store/templatestore.h"

#include <QJsonValue>
#include <QObject>
#include <QTimer>

#include <optional>

namespace coform {

class ChangeFeed;
class Database;
class TemplateDocument;

/// What the person chose about a conflict.
enum class ConflictChoice { KeepTheirs, UseMine, MergeByHand };

/// An edit of the person's own that the store refused because someone else changed the same thing first: both
/// values, who and when, so that nothing is lost and the person can choose (ConflictDialog).
struct SyncConflict
{
    Edit edit;           ///< what the person tried (its `before` is what they saw)
    QString what;        ///< in words: what was changed
    QJsonValue mine;     ///< the value the person wrote
    QJsonValue theirs;   ///< the value in the store now
    QString theirName;   ///< who changed it last (a person's name from the change log; never empty)
    QDateTime theirTime; ///< when (from the change log; always valid)
    /// Whether both values are texts that a person can merge by hand.
    bool isText() const { return mine.isString() && (theirs.isString() || theirs.isNull() || theirs.isUndefined()); }
};

/// Ties a stored template open in a document to the store (the document's edit gate):
/// - every edit the document makes (push, undo, redo) is sent with TemplateStore::applyEdit first and changes the
///   document only when the store took it; an edit refused because someone else changed the same thing first raises
///   conflictArose() with both values, their name and time (never without them: any other refusal is failed());
/// - a version that is not a draft (proposed, published, retired) freezes the document with the reason in words;
/// - other people's changes arriving through a ChangeFeed change the document without an undo step;
/// - keystrokes in one field are one step of the change log until the focus moves (EditContext::continuesTyping);
/// - a presence heartbeat every PresenceStore::HeartbeatSeconds says which question this person is on, and
///   presenceChanged() says who is in the template now.
class StoredTemplateSync : public QObject, public EditTarget
{
    Q_OBJECT

public:
    /// The document must hold the template as it is in the store now (read it just before).
    StoredTemplateSync(Database &db, const Session &session, const QString &templateId, TemplateDocument *document,
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
    bool resolveConflict(const SyncConflict &conflict, ConflictChoice choice, const QString &mergedText = {});

    /// Reads the version's state again and freezes the document unless it is a draft; the version's number and state.
    void checkVersionState();
    /// The open version (its number and state), as last read.
    const VersionInfo &version() const { return m_version; }
    /// Why a version in this state cannot change, and what to do about it, in words; empty for a draft.
    static QString frozenReason(const VersionInfo &version);

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
    /// The version's state was read again (checkVersionState()).
    void versionStateChanged(const coform::VersionInfo &version);

private:
    void onChangesArrived(const QVector<ChangeRecord> &changes);
    std::optional<SyncConflict> describeConflict(const Edit &edit) const;
    /// Whether the undo stack is undoing or redoing this edit now (an undo or redo never joins a step of typing).
    bool isUndoOrRedo(const Edit &edit) const;

    Database &m_db;
    Session m_session;
    QString m_templateId;
    TemplateDocument *m_document;
    TemplateStore m_store;
    PresenceStore m_presence;
    ChangeFeed *m_feed;
    QTimer m_heartbeat;
    QString m_instance;
    QString m_currentItem;
    EditContext m_context;
    VersionInfo m_version;
    // Typing joins one step of the change log until the focus moves (TypingSteps): focus moves counted, and the
    // count at this person's last edit.
    quint64 m_focusMoves = 0;
    quint64 m_focusMovesAtLastEdit = 0;
};

} // namespace coform
