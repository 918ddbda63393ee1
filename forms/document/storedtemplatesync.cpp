#include "document/storedtemplatesync.h"

#include "document/templatedocument.h"
#include "edit/editcommand.h"
#include "edit/propertywords.h"
#include "store/changefeed.h"

#include <QGuiApplication>
#include <QUndoStack>
#include <QUuid>

namespace coform {

StoredTemplateSync::StoredTemplateSync(Database &db, const Session &session, const QString &templateId,
                                       TemplateDocument *document, QObject *parent)
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
    checkVersionState();
    m_feed->start();
    // Leaving a field ends a step of typing in the change log.
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(app, &QGuiApplication::focusObjectChanged, this, [this] { ++m_focusMoves; });

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
    if (m_document->isReadOnly()) { // a frozen version: nothing reaches the store
        EditOutcome refused;
        refused.status = EditOutcome::Status::Invalid;
        refused.message = m_document->readOnlyReason();
        return refused;
    }
    EditContext context = m_context;
    context.continuesTyping = m_focusMoves == m_focusMovesAtLastEdit && !isUndoOrRedo(edit);
    m_focusMovesAtLastEdit = m_focusMoves;
    const Result<ChangeRecord> stored = m_store.applyEdit(m_templateId, edit, context);
    if (stored.ok()) {
        m_feed->markOwn(stored->stamp);
        const EditOutcome local = m_document->applyDirectly(edit);
        if (!local.applied())
            emit failed(tr("The change was saved, but this window could not show it (%1). Open the template again.")
                            .arg(local.message));
        emit ownChangeStored();
        return local;
    }
    EditOutcome refused;
    refused.status =
        stored.status() == StoreStatus::Conflict ? EditOutcome::Status::Conflict : EditOutcome::Status::Invalid;
    refused.message = stored.message();
    // Not from inside the undo stack's push: the receivers may open a dialog. The refused command drops itself from
    // the undo stack (EditCommand marks it obsolete).
    std::optional<SyncConflict> conflict;
    if (stored.status() == StoreStatus::Conflict) {
        // Perhaps the version is no longer a draft (someone proposed it): then it is frozen, not a conflict.
        checkVersionState();
        if (!m_document->isReadOnly())
            conflict = describeConflict(edit);
    }
    if (conflict) {
        refused.current = conflict->theirs;
        QMetaObject::invokeMethod(
            this, [this, c = *conflict] { emit conflictArose(c); }, Qt::QueuedConnection);
    } else {
        const QString message = m_document->isReadOnly() ? m_document->readOnlyReason()
                                                         : tr("That change was not saved: %1").arg(stored.message());
        QMetaObject::invokeMethod(
            this, [this, message] { emit failed(message); }, Qt::QueuedConnection);
    }
    return refused;
}

bool StoredTemplateSync::isUndoOrRedo(const Edit &edit) const
{
    // While the undo stack undoes a command it is still the one before the stack's index; while it redoes one, it is
    // the one at the index. A pushed command is in neither place yet.
    const QUndoStack *stack = m_document->undoStack();
    if (!stack)
        return false;
    const int index = stack->index();
    const auto *undone = index > 0 ? dynamic_cast<const EditCommand *>(stack->command(index - 1)) : nullptr;
    const auto *redone = index < stack->count() ? dynamic_cast<const EditCommand *>(stack->command(index)) : nullptr;
    return (undone && undone->edit().inverted() == edit) || (redone && redone->edit() == edit);
}

std::optional<SyncConflict> StoredTemplateSync::describeConflict(const Edit &edit) const
{
    SyncConflict conflict;
    conflict.edit = edit;
    conflict.what = edit.summary();
    if (const Item *item = m_document->content().findItem(edit.item); item && edit.kind == Edit::Kind::SetItemProperty)
        conflict.what = tr("the %1 of the question \u201c%2\u201d").arg(propertyWords(edit.property), item->label);
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
    // A conflict names a real person and time, or it is not shown as one.
    if (conflict.theirName.isEmpty() || !conflict.theirTime.isValid())
        return std::nullopt;
    return conflict;
}

void StoredTemplateSync::checkVersionState()
{
    const Result<VersionInfo> info = m_store.versionInfo(m_templateId);
    if (!info.ok()) {
        emit failed(info.message());
        return;
    }
    m_version = info.value();
    m_document->setReadOnly(frozenReason(m_version));
    emit versionStateChanged(m_version);
}

QString StoredTemplateSync::frozenReason(const VersionInfo &version)
{
    switch (version.status) {
    case VersionStatus::Draft:
        return {};
    case VersionStatus::Proposed:
        return tr("Version %1 is proposed for approval, so it cannot change. Withdraw the proposal to change it.")
            .arg(version.version);
    case VersionStatus::Published:
        return tr("Version %1 is published and used for reviews, so it cannot change. Start a new draft to change it.")
            .arg(version.version);
    case VersionStatus::Retired:
        return tr("Version %1 is retired, so it cannot change. Start a new draft to change it.").arg(version.version);
    }
    return {};
}

bool StoredTemplateSync::resolveConflict(const SyncConflict &conflict, ConflictChoice choice, const QString &mergedText)
{
    // Bring in their change first, so the document shows what the store holds.
    m_feed->checkNow();
    if (choice == ConflictChoice::KeepTheirs)
        return true;
    Edit again = conflict.edit;
    again.children.clear();
    const Template &now = m_document->content();
    switch (again.kind) {
    case Edit::Kind::SetTemplateProperty:
    case Edit::Kind::SetSectionProperty:
    case Edit::Kind::SetItemProperty:
    case Edit::Kind::SetTranslation:
        again.before = Edit::currentValue(now, again.kind, again.section, again.item, again.property, again.language);
        again.after = choice == ConflictChoice::MergeByHand ? QJsonValue(mergedText) : conflict.mine;
        break;
    default:
        // Structure changes are tried again as they were (the person chose them knowingly).
        again = conflict.edit;
        break;
    }
    return m_document->push(again);
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
            edit.before = Edit::currentValue(m_document->content(), edit.kind, edit.section, edit.item, edit.property,
                                             edit.language);
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
