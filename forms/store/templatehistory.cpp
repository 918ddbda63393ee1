// TemplateStore's reading of the change log: history, a template or item as it was after a change, and diffs.
#include "store/templatestore.h"

#include "model/translationstamps.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/typingsteps.h"

#include <QJsonDocument>

namespace coform {

namespace {

/// The item ids an edit is about (each child's for a macro).
QStringList itemsOfEdit(const Edit &edit)
{
    if (edit.kind != Edit::Kind::Macro)
        return edit.item.isEmpty() ? QStringList() : QStringList{edit.item};
    QStringList ids;
    for (const Edit &child : edit.children) {
        for (const QString &id : itemsOfEdit(child)) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

} // namespace

Result<QVector<ChangeRecord>> TemplateStore::history(const QString &templateId, const HistoryFilter &filter) const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    QString sql = QStringLiteral("SELECT c.seq, c.version, c.user_id, u.name, c.at, c.edit, c.comment_id, c.note, "
                                 "c.stamp FROM changes c JOIN users u ON u.id = c.user_id WHERE c.template_id = ?");
    QVariantList values{templateId};
    if (!filter.userName.isEmpty()) {
        sql += QStringLiteral(" AND u.name = ?");
        values.append(filter.userName);
    }
    if (!filter.itemId.isEmpty()) {
        // A macro about several items has no single item id: it is kept here and checked below.
        sql += QStringLiteral(" AND (c.item_id = ? OR c.kind = 'macro')");
        values.append(filter.itemId);
    }
    if (filter.version > 0) {
        sql += QStringLiteral(" AND c.version = ?");
        values.append(filter.version);
    }
    if (filter.afterSeq > 0) {
        sql += QStringLiteral(" AND c.seq > ?");
        values.append(filter.afterSeq);
    }
    if (filter.changedAfter > 0) {
        sql += QStringLiteral(" AND c.stamp > ?");
        values.append(filter.changedAfter);
    }
    sql += QStringLiteral(" ORDER BY c.seq");
    if (filter.limit > 0 && filter.itemId.isEmpty())
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, sql, values, &error))
        return dbFailure(m_db, error);
    QVector<ChangeRecord> list;
    while (q.next()) {
        ChangeRecord r;
        r.templateId = templateId;
        r.seq = q.value(0).toLongLong();
        r.version = q.value(1).toInt();
        r.userId = q.value(2).toLongLong();
        r.userName = q.value(3).toString();
        r.at = Database::timeFromText(q.value(4).toString());
        const auto edit = Edit::fromJson(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object(), &error);
        if (!edit)
            return Outcome::failed(QStringLiteral("%1: change %2 of '%3' cannot be read: %4")
                                       .arg(m_db.location())
                                       .arg(r.seq)
                                       .arg(templateId, error));
        r.edit = *edit;
        if (!filter.itemId.isEmpty() && !itemsOfEdit(r.edit).contains(filter.itemId))
            continue;
        r.commentId = q.value(6).toLongLong();
        r.note = q.value(7).toString();
        r.stamp = q.value(8).toLongLong();
        list.append(r);
        if (filter.limit > 0 && list.size() >= filter.limit)
            break;
    }
    return list;
}

std::optional<ChangeRecord> TemplateStore::openTypingStep(const QString &templateId, int version, const Edit &edit,
                                                          const QDateTime &at, const EditContext &context,
                                                          QString *error) const
{
    if (context.commentId > 0)
        return std::nullopt;
    QSqlQuery q = m_db.query();
    if (!m_db.exec(q,
                   QStringLiteral("SELECT seq, version, user_id, at, edit, comment_id, note FROM changes WHERE "
                                  "template_id = ? ORDER BY seq DESC LIMIT 1"),
                   {templateId}, error)
        || !q.next())
        return std::nullopt;
    if (q.value(1).toInt() != version || q.value(2).toLongLong() != m_session.userId() || !q.value(5).isNull()
        || q.value(6).toString() != context.note)
        return std::nullopt;
    QString parseError;
    const auto open = Edit::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object(), &parseError);
    const QDateTime openAt = Database::timeFromText(q.value(3).toString());
    if (!open || !TypingSteps::continues(*open, openAt, edit, at))
        return std::nullopt;
    ChangeRecord step;
    step.templateId = templateId;
    step.seq = q.value(0).toLongLong();
    step.version = version;
    step.userId = m_session.userId();
    step.userName = m_session.userName();
    step.at = openAt;
    step.edit = *open;
    step.note = context.note;
    return step;
}

Result<qint64> TemplateStore::lastSeq(const QString &templateId) const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT last_seq FROM templates WHERE id = ?"), {templateId}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("there is no template '%1'").arg(templateId));
    return q.value(0).toLongLong();
}

Result<Template> TemplateStore::templateAsOf(const QString &templateId, qint64 seq) const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT version FROM changes WHERE template_id = ? AND seq = ?"),
                   {templateId, seq}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("template '%1' has no change %2").arg(templateId).arg(seq));
    const int version = q.value(0).toInt();
    const Result<Template> base = readContent(templateId, version, "base_content");
    if (!base.ok())
        return base;
    HistoryFilter filter;
    filter.version = version;
    const Result<QVector<ChangeRecord>> changes = history(templateId, filter);
    if (!changes.ok())
        return changes.outcome();
    QVector<Edit> edits;
    for (const ChangeRecord &c : changes.value()) {
        if (c.seq <= seq)
            edits.append(c.edit);
    }
    const auto t = replayEdits(base.value(), edits, &error);
    if (!t)
        return Outcome::failed(
            QStringLiteral("%1: the change log of '%2' does not replay: %3").arg(m_db.location(), templateId, error));
    return *t;
}

Result<Item> TemplateStore::itemAsOf(const QString &templateId, const QString &itemId, qint64 seq) const
{
    const Result<Template> t = templateAsOf(templateId, seq);
    if (!t.ok())
        return t.outcome();
    const Item *item = t->findItem(itemId);
    if (!item)
        return Outcome::notFound(QStringLiteral("item '%1' did not exist after change %2").arg(itemId).arg(seq));
    return *item;
}

Result<TemplateDiff> TemplateStore::diff(const QString &templateId, int from, int to) const
{
    // Version 0 is "nothing yet": a first version is read as the whole form being new.
    const Result<Template> b = get(templateId, to);
    if (!b.ok())
        return b.outcome();
    Template nothing = b.value();
    nothing.version = 0;
    nothing.sections.clear();
    const Result<Template> a = from == 0 ? Result<Template>(nothing) : get(templateId, from);
    if (!a.ok())
        return a.outcome();
    TemplateDiff diff = diffTemplates(a.value(), b.value());
    const int low = std::min(a->version, b->version), high = std::max(a->version, b->version);

    // Who changed each item, and the notes they gave, from the change log of the versions after `low`.
    const Result<QVector<ChangeRecord>> changes = history(templateId);
    if (!changes.ok())
        return changes.outcome();
    QMap<QString, QStringList> authors;
    QMap<QString, QVector<DiffNote>> notes;
    QMap<QString, QList<qint64>> linkedComments;
    for (const ChangeRecord &c : changes.value()) {
        if (c.version <= low || c.version > high)
            continue;
        for (const QString &id : itemsOfEdit(c.edit)) {
            if (!authors[id].contains(c.userName))
                authors[id].append(c.userName);
            if (!c.note.isEmpty())
                notes[id].append({DiffNote::Kind::Note, c.userName, c.at, c.note});
            if (c.commentId > 0 && !linkedComments[id].contains(c.commentId))
                linkedComments[id].append(c.commentId);
        }
    }
    // The comments behind them: those a change names, and the threads started on the item while the older version
    // was current or the newer one was being drafted.
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(
            q,
            QStringLiteral("SELECT c.id, c.item_id, c.version, u.name, c.at, c.body FROM comments c JOIN users u "
                           "ON u.id = c.author_id WHERE c.template_id = ? AND c.thread_id IS NULL ORDER BY c.id"),
            {templateId}, &error))
        return dbFailure(m_db, error);
    QMap<QString, QVector<DiffNote>> commentNotes;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString itemId = q.value(1).toString();
        const int version = q.value(2).toInt();
        const DiffNote note{DiffNote::Kind::Comment, q.value(3).toString(),
                            Database::timeFromText(q.value(4).toString()), q.value(5).toString()};
        for (const ItemDiff &d : std::as_const(diff.items)) {
            const bool onItem = d.itemId == itemId && version >= low && version < high;
            if (onItem || linkedComments.value(d.itemId).contains(id))
                commentNotes[d.itemId].append(note);
        }
    }
    for (ItemDiff &d : diff.items) {
        d.authors = authors.value(d.itemId);
        d.notes = commentNotes.value(d.itemId) + notes.value(d.itemId);
    }
    // Threads on these versions closed with a reason for not changing the form.
    if (!m_db.exec(q,
                   QStringLiteral("SELECT c.item_id, c.version, u.name, c.at, c.body, c.resolved_reason, (SELECT name "
                                  "FROM users WHERE id = c.resolved_by) FROM comments c JOIN users u ON u.id = "
                                  "c.author_id WHERE c.template_id = ? AND c.thread_id IS NULL AND c.resolved_reason "
                                  "<> '' ORDER BY c.id"),
                   {templateId}, &error))
        return dbFailure(m_db, error);
    while (q.next()) {
        const int version = q.value(1).toInt();
        if (version < std::max(low, 1) || version > high)
            continue;
        NotChangedNote n;
        n.itemId = q.value(0).toString();
        const Item *item = b->findItem(n.itemId);
        if (!item)
            item = a->findItem(n.itemId);
        n.label = n.itemId.isEmpty() ? b->title : item ? item->label : n.itemId;
        n.author = q.value(2).toString();
        n.at = Database::timeFromText(q.value(3).toString());
        n.comment = q.value(4).toString();
        n.reason = q.value(5).toString();
        n.reasonBy = q.value(6).toString();
        diff.notChanged.append(n);
    }
    // Versions after the older one published with out-of-date translations, for a reason.
    if (!m_db.exec(q,
                   QStringLiteral("SELECT v.version, v.translations_reason, (SELECT name FROM users WHERE id = "
                                  "v.published_by) FROM template_versions v WHERE v.template_id = ? AND v.version > ? "
                                  "AND v.version <= ? AND v.translations_reason <> '' ORDER BY v.version"),
                   {templateId, low, high}, &error))
        return dbFailure(m_db, error);
    QVector<TranslationsNotUpdated> published;
    while (q.next())
        published.append({q.value(0).toInt(), QString(), q.value(1).toString(), q.value(2).toString()});
    q.finish();
    for (TranslationsNotUpdated &n : published) {
        const Result<Template> content = n.version == b->version ? b : get(templateId, n.version);
        if (!content.ok())
            return content.outcome();
        n.what = TranslationStamps::staleInWords(content.value(), TranslationStamps::outOfDate(content.value()));
        if (n.what.isEmpty())
            n.what = QStringLiteral("The translations of version %1").arg(n.version);
        diff.translationsNotUpdated.append(n);
    }
    return diff;
}

} // namespace coform
