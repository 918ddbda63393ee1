#include "storedtemplatesync.h"

#include "panelwords.h"
#include "store/changefeed.h"
#include "syncabledocument.h"

#include <QGuiApplication>
#include <QPointer>
#include <QUndoStack>
#include <QUuid>

namespace coform {

StoredTemplateSync::StoredTemplateSync(Database &db, const Session &session, const QString &templateId,
                                       SyncableDocument *document, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_templateId(templateId)
    , m_document(document)
    , m_store(db, session)
    , m_presence(db, session)
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    const Result<qint64> last = m_store.lastSeq(templateId);
    m_feed = new ChangeFeed(db, session, templateId, last.ok() ? last.value() : 0, this);
    connect(m_feed, &ChangeFeed::changesArrived, this, &StoredTemplateSync::onChangesArrived);
    connect(m_feed, &ChangeFeed::failed, this, &StoredTemplateSync::failed);
    m_document->setEditGate(this);
    m_feed->start();
    // Leaving a field ends a step of typing in the change log.
    connect(qGuiApp, &QGuiApplication::focusObjectChanged, this, [this] { ++m_focusMoves; });

    m_heartbeat.setInterval(PresenceStore::HeartbeatSeconds * 1000);
    connect(&m_heartbeat, &QTimer::timeout, this, &StoredTemplateSync::sendHeartbeat);
    m_heartbeat.start();
    QTimer::singleShot(0, this, &StoredTemplateSync::sendHeartbeat);
}

StoredTemplateSync::~StoredTemplateSync()
{
    m_document->setEditGate(nullptr);
    m_feed->stop();
    m_presence.leave(m_templateId, m_instance);
}

void StoredTemplateSync::setPollInterval(int milliseconds)
{
    m_feed->setPollInterval(milliseconds);
}

EditOutcome StoredTemplateSync::applyEdit(const Edit &edit)
{
    if (m_discarding) // taking a refused command off the undo stack: it never changed anything
        return {};
    EditContext context = m_context;
    context.continuesTyping = m_focusMoves == m_focusMovesAtLastEdit && !isUndoOrRedo(edit);
    m_focusMovesAtLastEdit = m_focusMoves;
    const Result<ChangeRecord> stored = m_store.applyEdit(m_templateId, edit, context);
    if (!stored.ok()) {
        EditOutcome refused;
        refused.status =
            stored.status() == StoreStatus::Conflict ? EditOutcome::Status::Conflict : EditOutcome::Status::Invalid;
        refused.message = stored.message();
        if (stored.status() == StoreStatus::Conflict) {
            const SyncConflict conflict = describeConflict(edit);
            refused.current = conflict.theirs;
            // Not from inside the undo stack's push: the receiver may open a dialog.
            QMetaObject::invokeMethod(
                this,
                [this, conflict] {
                    dropRefusedCommand(conflict.edit);
                    emit conflictArose(conflict);
                },
                Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                this,
                [this, edit, message = stored.message()] {
                    dropRefusedCommand(edit);
                    emit failed(message);
                },
                Qt::QueuedConnection);
        }
        return refused;
    }
    m_feed->markOwn(stored->stamp);
    const EditOutcome local = m_document->applyDirectly(edit);
    if (!local.applied())
        emit failed(tr("The change was saved, but this window could not show it (%1). Open the template again.")
                        .arg(local.message));
    emit ownChangeStored();
    return local;
}

bool StoredTemplateSync::isUndoOrRedo(const Edit &edit) const
{
    // While the undo stack undoes a command it is still the one before the stack's index; while it redoes one, it is
    // the one at the index. A pushed command is in neither place yet.
    const QUndoStack *stack = m_document->syncUndoStack();
    if (!stack)
        return false;
    const int index = stack->index();
    const auto *undone = index > 0 ? dynamic_cast<const EditCommand *>(stack->command(index - 1)) : nullptr;
    const auto *redone = index < stack->count() ? dynamic_cast<const EditCommand *>(stack->command(index)) : nullptr;
    return (undone && undone->edit().inverted() == edit) || (redone && redone->edit() == edit);
}

SyncConflict StoredTemplateSync::describeConflict(const Edit &edit) const
{
    SyncConflict conflict;
    conflict.edit = edit;
    conflict.what = edit.summary();
    if (const Item *item = m_document->syncedTemplate().findItem(edit.item);
        item && edit.kind == Edit::Kind::SetItemProperty)
        conflict.what =
            tr("the %1 of the question \u201c%2\u201d").arg(PanelWords::propertyName(edit.property), item->label);
    conflict.mine = edit.after;
    if (const Result<Template> now = m_store.get(m_templateId); now.ok())
        conflict.theirs =
            Edit::currentValue(now.value(), edit.kind, edit.section, edit.item, edit.property, edit.language);
    HistoryFilter filter;
    filter.itemId = edit.itemId();
    if (const Result<QVector<ChangeRecord>> history = m_store.history(m_templateId, filter); history.ok()) {
        const QString key = edit.mergeKey();
        for (auto it = history->crbegin(); it != history->crend(); ++it) {
            if (key.isEmpty() || it->edit.mergeKey() == key || it->edit.kind == Edit::Kind::Macro) {
                conflict.theirName = it->userName;
                conflict.theirTime = it->at;
                break;
            }
        }
    }
    if (conflict.theirName.isEmpty())
        conflict.theirName = tr("Someone else");
    return conflict;
}

void StoredTemplateSync::dropRefusedCommand(const Edit &edit)
{
    // The undo stack holds a command that changed nothing; take it off (undo of it changes nothing either), so that
    // undoing later does not send the store an edit it never had.
    QUndoStack *stack = m_document->syncUndoStack();
    if (!stack || stack->index() == 0)
        return;
    const auto *command = dynamic_cast<const EditCommand *>(stack->command(stack->index() - 1));
    if (!command || command->edit() != edit || command->lastOutcome().applied())
        return;
    m_discarding = true;
    stack->undo();
    m_discarding = false;
}

bool StoredTemplateSync::resolveConflict(const SyncConflict &conflict, ConflictDialog::Choice choice,
                                         const QString &mergedText)
{
    // Bring in their change first, so the document shows what the store holds.
    m_feed->checkNow();
    if (choice == ConflictDialog::Choice::KeepTheirs)
        return true;
    Edit again = conflict.edit;
    again.children.clear();
    const Template &now = m_document->syncedTemplate();
    switch (again.kind) {
    case Edit::Kind::SetTemplateProperty:
    case Edit::Kind::SetSectionProperty:
    case Edit::Kind::SetItemProperty:
    case Edit::Kind::SetTranslation:
        again.before = Edit::currentValue(now, again.kind, again.section, again.item, again.property, again.language);
        again.after = choice == ConflictDialog::Choice::MergeByHand ? QJsonValue(mergedText) : conflict.mine;
        break;
    default:
        // Structure changes are tried again as they were (the person chose them knowingly).
        again = conflict.edit;
        break;
    }
    return m_document->pushEdit(again);
}

void StoredTemplateSync::onChangesArrived(const QVector<ChangeRecord> &changes)
{
    if (changes.isEmpty())
        return;
    emit aboutToApplyRemoteChanges();
    int applied = 0;
    for (const ChangeRecord &change : changes) {
        Edit edit = change.edit;
        if (change.continued) // a step being typed into: from what this window holds to the newest value
            edit.before = Edit::currentValue(m_document->syncedTemplate(), edit.kind, edit.section, edit.item,
                                             edit.property, edit.language);
        const EditOutcome outcome = m_document->applyDirectly(edit);
        if (outcome.applied())
            ++applied;
        else
            emit failed(tr("%1's change could not be shown here (%2). Open the template again to see it.")
                            .arg(change.userName, outcome.message));
    }
    if (applied > 0)
        emit remoteChangesApplied(applied);
}

void StoredTemplateSync::setCurrentItem(const QString &itemId)
{
    if (itemId == m_currentItem)
        return;
    m_currentItem = itemId;
    sendHeartbeat();
}

void StoredTemplateSync::sendHeartbeat()
{
    const Outcome sent = m_presence.heartbeat(m_templateId, m_instance, m_currentItem);
    if (!sent.ok()) {
        emit failed(sent.message);
        return;
    }
    const Result<QVector<Presence>> present = m_presence.present(m_templateId);
    if (present.ok())
        emit presenceChanged(present.value());
}

} // namespace coform
