#include "store/templatestore.h"

#include "check/coverage.h"
#include "edit/templatejson.h"
#include "format/pictureformat.h"
#include "format/templateformat.h"
#include "model/jsonreader.h"
#include "model/requirementset.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/templateactivity.h"
#include "store/transaction.h"
#include "store/typingsteps.h"

#include <QJsonDocument>

namespace coform {

namespace {

QString contentText(const Template &t)
{
    return QString::fromUtf8(QJsonDocument(TemplateJson::fromTemplate(t)).toJson(QJsonDocument::Compact));
}

std::optional<Template> parseContent(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject()) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    return TemplateJson::toTemplate(doc.object(), error);
}

/// The permission a workflow step needs.
Action actionOf(WorkflowStep step)
{
    switch (step) {
    case WorkflowStep::StartDraft:
    case WorkflowStep::Propose:
    case WorkflowStep::Withdraw:
        return Action::EditTemplates;
    case WorkflowStep::Approve:
        return Action::Approve;
    case WorkflowStep::Publish:
    case WorkflowStep::Retire:
        return Action::Publish;
    }
    return Action::Publish;
}

/// Whether a step may start from a version in this state.
bool startsFrom(WorkflowStep step, VersionStatus status)
{
    switch (step) {
    case WorkflowStep::StartDraft:
        return status == VersionStatus::Published || status == VersionStatus::Retired;
    case WorkflowStep::Propose:
        return status == VersionStatus::Draft;
    case WorkflowStep::Withdraw:
    case WorkflowStep::Approve:
    case WorkflowStep::Publish:
        return status == VersionStatus::Proposed;
    case WorkflowStep::Retire:
        return status == VersionStatus::Published;
    }
    return false;
}

/// Why a step cannot start from the version as it is, in the group's words.
QString notFromHere(WorkflowStep step, const QString &templateId, const VersionInfo &v)
{
    const QString state = versionStateWords(v.status);
    const QString waiting = QStringLiteral("a version waiting for approval");
    const auto only = [&](const QString &from, const QString &done) {
        return QStringLiteral("version %2 of '%1' is %3: only %4 can be %5")
            .arg(templateId)
            .arg(v.version)
            .arg(state, from, done);
    };
    switch (step) {
    case WorkflowStep::StartDraft:
        return QStringLiteral("version %2 of '%1' is still %3: a new draft starts once it is published")
            .arg(templateId)
            .arg(v.version)
            .arg(state);
    case WorkflowStep::Propose:
        return only(versionStateWords(VersionStatus::Draft), QStringLiteral("proposed for approval"));
    case WorkflowStep::Withdraw:
        return only(waiting, QStringLiteral("withdrawn"));
    case WorkflowStep::Approve:
        return only(waiting, QStringLiteral("approved"));
    case WorkflowStep::Publish:
        return only(waiting, QStringLiteral("published"));
    case WorkflowStep::Retire:
        return only(QStringLiteral("a published version"), QStringLiteral("retired"));
    }
    return {};
}

} // namespace

QString versionStatusName(VersionStatus status)
{
    switch (status) {
    case VersionStatus::Draft:
        return QStringLiteral("draft");
    case VersionStatus::Proposed:
        return QStringLiteral("proposed");
    case VersionStatus::Published:
        return QStringLiteral("published");
    case VersionStatus::Retired:
        return QStringLiteral("retired");
    }
    return {};
}

QString versionStateWords(VersionStatus status)
{
    switch (status) {
    case VersionStatus::Draft:
        return QStringLiteral("a draft");
    case VersionStatus::Proposed:
        return QStringLiteral("waiting for approval");
    case VersionStatus::Published:
        return QStringLiteral("published, in use for reviews");
    case VersionStatus::Retired:
        return QStringLiteral("retired: no new reviews use it");
    }
    return {};
}

std::optional<VersionStatus> versionStatusFromName(const QString &name)
{
    for (VersionStatus s :
         {VersionStatus::Draft, VersionStatus::Proposed, VersionStatus::Published, VersionStatus::Retired}) {
        if (versionStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

TemplateStore::TemplateStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Outcome TemplateStore::check(Action action, Role *currentRole) const
{
    return Permissions::check(m_db, m_session, action, currentRole);
}

Result<VersionInfo> TemplateStore::beginStep(WorkflowStep step, const QString &templateId, int version,
                                             std::optional<Transaction> &tx, Role *currentRole)
{
    if (Outcome allowed = check(actionOf(step), currentRole); !allowed.ok())
        return allowed;
    tx.emplace(m_db);
    if (!tx->isActive())
        return dbFailure(m_db, tx->error());
    Result<VersionInfo> v = readVersion(templateId, version);
    if (!v.ok())
        return v.outcome();
    if (!startsFrom(step, v->status))
        return Outcome::conflict(notFromHere(step, templateId, v.value()));
    return v;
}

Outcome TemplateStore::endStep(Transaction &tx, const QString &templateId)
{
    QString error;
    if (!TemplateActivity::note(m_db, templateId, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Result<QVector<TemplateSummary>> TemplateStore::list() const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    QMap<QString, int> unresolved;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT template_id, count(*) FROM comments WHERE thread_id IS NULL AND resolved_at "
                                  "IS NULL GROUP BY template_id"),
                   {}, &error))
        return dbFailure(m_db, error);
    while (q.next())
        unresolved.insert(q.value(0).toString(), q.value(1).toInt());
    if (!m_db.exec(q,
                   QStringLiteral("SELECT template_id, version, status, content FROM template_versions "
                                  "ORDER BY template_id, version"),
                   {}, &error))
        return dbFailure(m_db, error);
    QVector<TemplateSummary> list;
    QString lastContent;
    auto finish = [&]() {
        if (list.isEmpty())
            return;
        QString parseError;
        if (const auto t = parseContent(lastContent, &parseError))
            list.last().title = t->title;
    };
    while (q.next()) {
        const QString id = q.value(0).toString();
        if (list.isEmpty() || list.last().id != id) {
            finish();
            TemplateSummary s;
            s.id = id;
            s.unresolvedComments = unresolved.value(id);
            list.append(s);
        }
        TemplateSummary &s = list.last();
        s.latestVersion = q.value(1).toInt();
        s.latestStatus = versionStatusFromName(q.value(2).toString()).value_or(VersionStatus::Draft);
        if (s.latestStatus == VersionStatus::Published)
            s.publishedVersion = s.latestVersion;
        lastContent = q.value(3).toString();
    }
    finish();
    return list;
}

Result<VersionInfo> TemplateStore::addTemplate(const Template &t)
{
    if (Outcome allowed = check(Action::EditTemplates); !allowed.ok())
        return allowed;
    if (!JsonReader::isValidId(t.id))
        return Outcome::invalid(
            QStringLiteral("'%1' is not a template id (a-z, 0-9 and -)").arg(JsonReader::shown(t.id)));
    Template first = t;
    first.version = 1;
    const QString now = Database::timeText(m_db.now());
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM templates WHERE id = ?"), {t.id}, &error) || !q.next())
        return dbFailure(m_db, error);
    if (q.value(0).toLongLong() > 0)
        return Outcome::conflict(QStringLiteral("a template with the id '%1' exists already").arg(t.id));
    const QString content = contentText(first);
    if (!m_db.exec(q,
                   QStringLiteral("INSERT INTO templates (id, last_seq, created_by, created_at) VALUES (?, 0, ?, ?)"),
                   {t.id, m_session.userId(), now}, &error)
        || !m_db.exec(q,
                      QStringLiteral("INSERT INTO template_versions (template_id, version, status, base_content, "
                                     "content, created_by, created_at) VALUES (?, 1, 'draft', ?, ?, ?, ?)"),
                      {t.id, content, content, m_session.userId(), now}, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return readVersion(t.id, 1);
}

Result<Template> TemplateStore::readContent(const QString &templateId, int version, const char *column) const
{
    QSqlQuery q = m_db.query();
    QString error;
    const QString sql =
        version > 0
            ? QStringLiteral("SELECT %1 FROM template_versions WHERE template_id = ? AND version = ?")
                  .arg(QLatin1String(column))
            : QStringLiteral("SELECT %1 FROM template_versions WHERE template_id = ? ORDER BY version DESC LIMIT 1")
                  .arg(QLatin1String(column));
    const QVariantList values = version > 0 ? QVariantList{templateId, version} : QVariantList{templateId};
    if (!m_db.exec(q, sql, values, &error))
        return dbFailure(m_db, error);
    if (!q.next()) {
        return Outcome::notFound(version > 0
                                     ? QStringLiteral("template '%1' has no version %2").arg(templateId).arg(version)
                                     : QStringLiteral("there is no template '%1'").arg(templateId));
    }
    auto t = parseContent(q.value(0).toString(), &error);
    if (!t)
        return Outcome::failed(QStringLiteral("%1: template '%2' version %3 cannot be read: %4")
                                   .arg(m_db.location(), templateId)
                                   .arg(version)
                                   .arg(error));
    return *t;
}

Result<Template> TemplateStore::get(const QString &templateId, int version) const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    return readContent(templateId, version, "content");
}

Result<VersionInfo> TemplateStore::readVersion(const QString &templateId, int version) const
{
    QSqlQuery q = m_db.query();
    QString error;
    const QString columns = QStringLiteral(
        "SELECT v.version, v.status, v.created_at, v.proposed_at, v.published_at, v.retired_at, v.coverage_reason, "
        "(SELECT name FROM users WHERE id = v.created_by), (SELECT name FROM users WHERE id = v.proposed_by), "
        "(SELECT name FROM users WHERE id = v.published_by), (SELECT name FROM users WHERE id = v.retired_by), "
        "v.content, v.translations_reason FROM template_versions v WHERE v.template_id = ? ");
    const bool latest = version <= 0;
    if (!m_db.exec(
            q,
            columns
                + (latest ? QStringLiteral("ORDER BY v.version DESC LIMIT 1") : QStringLiteral("AND v.version = ?")),
            latest ? QVariantList{templateId} : QVariantList{templateId, version}, &error))
        return dbFailure(m_db, error);
    if (!q.next()) {
        return Outcome::notFound(latest
                                     ? QStringLiteral("there is no template '%1'").arg(templateId)
                                     : QStringLiteral("template '%1' has no version %2").arg(templateId).arg(version));
    }
    VersionInfo v;
    v.templateId = templateId;
    v.version = q.value(0).toInt();
    v.status = versionStatusFromName(q.value(1).toString()).value_or(VersionStatus::Draft);
    v.createdAt = Database::timeFromText(q.value(2).toString());
    v.proposedAt = Database::timeFromText(q.value(3).toString());
    v.publishedAt = Database::timeFromText(q.value(4).toString());
    v.retiredAt = Database::timeFromText(q.value(5).toString());
    v.coverageReason = q.value(6).toString();
    v.createdBy = q.value(7).toString();
    v.proposedBy = q.value(8).toString();
    v.publishedBy = q.value(9).toString();
    v.retiredBy = q.value(10).toString();
    v.translationsReason = q.value(12).toString();
    if (const auto t = parseContent(q.value(11).toString(), &error))
        v.title = t->title;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT u.name, a.role, a.at FROM approvals a JOIN users u ON u.id = a.user_id "
                                  "WHERE a.template_id = ? AND a.version = ? ORDER BY a.at, u.name"),
                   {templateId, v.version}, &error))
        return dbFailure(m_db, error);
    while (q.next()) {
        v.approvals.append({q.value(0).toString(), roleFromName(q.value(1).toString()).value_or(Role::Coproducer),
                            Database::timeFromText(q.value(2).toString())});
    }
    return v;
}

Result<VersionInfo> TemplateStore::versionInfo(const QString &templateId, int version) const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    return readVersion(templateId, version);
}

Result<QVector<VersionInfo>> TemplateStore::versions(const QString &templateId) const
{
    if (Outcome allowed = check(Action::ReadTemplates); !allowed.ok())
        return allowed;
    const Result<VersionInfo> latest = readVersion(templateId, 0);
    if (!latest.ok())
        return latest.outcome();
    QVector<VersionInfo> list;
    for (int v = 1; v <= latest->version; ++v) {
        Result<VersionInfo> info = readVersion(templateId, v);
        if (!info.ok())
            return info.outcome();
        list.append(info.value());
    }
    return list;
}

Result<VersionInfo> TemplateStore::startDraft(const QString &templateId)
{
    std::optional<Transaction> tx;
    const Result<VersionInfo> latest = beginStep(WorkflowStep::StartDraft, templateId, 0, tx);
    if (!latest.ok())
        return latest.outcome();
    Result<Template> content = readContent(templateId, latest->version, "content");
    if (!content.ok())
        return content.outcome();
    Template next = content.value();
    next.version = latest->version + 1;
    const QString text = contentText(next);
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("INSERT INTO template_versions (template_id, version, status, base_content, content, "
                                  "created_by, created_at) VALUES (?, ?, 'draft', ?, ?, ?, ?)"),
                   {templateId, next.version, text, text, m_session.userId(), Database::timeText(m_db.now())}, &error))
        return dbFailure(m_db, error);
    if (Outcome ended = endStep(*tx, templateId); !ended.ok())
        return ended;
    return readVersion(templateId, next.version);
}

Result<ChangeRecord> TemplateStore::applyEdit(const QString &templateId, const Edit &edit, const EditContext &context)
{
    if (Outcome allowed = check(Action::EditTemplates); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    // Taking the next number first also takes the write lock on PostgreSQL (the template's row).
    if (!m_db.exec(q, QStringLiteral("UPDATE templates SET last_seq = last_seq + 1 WHERE id = ?"), {templateId},
                   &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() != 1)
        return Outcome::notFound(QStringLiteral("there is no template '%1'").arg(templateId));
    if (!m_db.exec(q, QStringLiteral("SELECT last_seq FROM templates WHERE id = ?"), {templateId}, &error) || !q.next())
        return dbFailure(m_db, error);
    ChangeRecord record;
    record.templateId = templateId;
    record.seq = q.value(0).toLongLong();
    if (!m_db.exec(q,
                   QStringLiteral("SELECT version, status, content FROM template_versions WHERE template_id = ? "
                                  "ORDER BY version DESC LIMIT 1"),
                   {templateId}, &error)
        || !q.next())
        return dbFailure(m_db, error);
    record.version = q.value(0).toInt();
    const QString status = q.value(1).toString();
    if (status != QLatin1String("draft")) {
        return Outcome::conflict(
            QStringLiteral("version %2 of '%1' is %3, not a draft: it cannot change")
                .arg(templateId)
                .arg(record.version)
                .arg(versionStateWords(versionStatusFromName(status).value_or(VersionStatus::Published))));
    }
    auto draft = parseContent(q.value(2).toString(), &error);
    if (!draft)
        return Outcome::failed(
            QStringLiteral("%1: the draft of '%2' cannot be read: %3").arg(m_db.location(), templateId, error));
    const Template before = *draft;
    const EditOutcome outcome = edit.apply(*draft);
    if (outcome.status == EditOutcome::Status::Conflict) {
        QString now;
        if (!outcome.current.isUndefined())
            now = QStringLiteral(" (it is now %1)")
                      .arg(outcome.current.isString()
                               ? QStringLiteral("\u201c%1\u201d").arg(outcome.current.toString())
                               : QString::fromUtf8(QJsonDocument::fromVariant(QVariantList{outcome.current.toVariant()})
                                                       .toJson(QJsonDocument::Compact)));
        return Outcome::conflict(QStringLiteral("conflict: %1%2; nothing was changed").arg(outcome.message, now));
    }
    if (outcome.status == EditOutcome::Status::Invalid)
        return Outcome::invalid(outcome.message);
    if (const QString problem = editedPicturesProblem(edit, before, *draft); !problem.isEmpty())
        return Outcome::invalid(QStringLiteral("%1; nothing was changed").arg(problem));
    record.userId = m_session.userId();
    record.userName = m_session.userName();
    record.at = m_db.now();
    record.stamp = record.seq;
    record.edit = edit;
    record.commentId = context.commentId;
    record.note = context.note;
    std::optional<ChangeRecord> step;
    if (context.continuesTyping) {
        error.clear();
        step = openTypingStep(templateId, record.version, edit, record.at, context, &error);
        if (!error.isEmpty())
            return dbFailure(m_db, error);
    }
    if (!m_db.exec(q, QStringLiteral("UPDATE template_versions SET content = ? WHERE template_id = ? AND version = ?"),
                   {contentText(*draft), templateId, record.version}, &error))
        return dbFailure(m_db, error);
    if (step) {
        // The keystroke joins the author's open step: the row keeps its number and first value, and is marked with
        // this write's number so that change feeds read it again.
        record.seq = step->seq;
        record.edit = TypingSteps::joined(step->edit, edit);
        if (!m_db.exec(
                q, QStringLiteral("UPDATE changes SET edit = ?, at = ?, stamp = ? WHERE template_id = ? AND seq = ?"),
                {QString::fromUtf8(QJsonDocument(record.edit.toJson()).toJson(QJsonDocument::Compact)),
                 Database::timeText(record.at), record.stamp, templateId, record.seq},
                &error))
            return dbFailure(m_db, error);
    } else {
        const QString editText = QString::fromUtf8(QJsonDocument(edit.toJson()).toJson(QJsonDocument::Compact));
        const QVariant comment =
            context.commentId > 0 ? QVariant(context.commentId) : QVariant(QMetaType(QMetaType::LongLong));
        if (!m_db.exec(
                q,
                QStringLiteral("INSERT INTO changes (template_id, seq, version, user_id, at, kind, item_id, "
                               "section_id, edit, comment_id, note, stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                               "?, ?)"),
                {templateId, record.seq, record.version, record.userId, Database::timeText(record.at),
                 Edit::kindName(edit.kind), edit.itemId().isNull() ? QStringLiteral("") : edit.itemId(),
                 edit.sectionId().isNull() ? QStringLiteral("") : edit.sectionId(), editText, comment,
                 context.note.isNull() ? QStringLiteral("") : context.note, record.stamp},
                &error))
            return dbFailure(m_db, error);
    }
    // Other instances on PostgreSQL learn of the change at once (delivered when the transaction commits); SQLite
    // instances notice through PRAGMA data_version. See ChangeFeed.
    if (m_db.backend() == Database::Backend::Postgres
        && !m_db.exec(q, QStringLiteral("SELECT pg_notify('coform_changes', ?)"), {templateId}, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return record;
}

Outcome TemplateStore::propose(const QString &templateId)
{
    std::optional<Transaction> tx;
    const Result<VersionInfo> latest = beginStep(WorkflowStep::Propose, templateId, 0, tx);
    if (!latest.ok())
        return latest.outcome();
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE template_versions SET status = ?, proposed_by = ?, proposed_at = ? WHERE "
                                  "template_id = ? AND version = ?"),
                   {versionStatusName(VersionStatus::Proposed), m_session.userId(), Database::timeText(m_db.now()),
                    templateId, latest->version},
                   &error))
        return dbFailure(m_db, error);
    return endStep(*tx, templateId);
}

Outcome TemplateStore::withdrawProposal(const QString &templateId)
{
    Role role = Role::Coproducer;
    std::optional<Transaction> tx;
    const Result<VersionInfo> latest = beginStep(WorkflowStep::Withdraw, templateId, 0, tx, &role);
    if (!latest.ok())
        return latest.outcome();
    if (role != Role::Admin && latest->proposedBy != m_session.userName())
        return Outcome::notPermitted(QStringLiteral("not permitted: only %1, who asked the group to approve version %2 "
                                                    "of '%3', or an admin can withdraw the proposal")
                                         .arg(latest->proposedBy)
                                         .arg(latest->version)
                                         .arg(templateId));
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("DELETE FROM approvals WHERE template_id = ? AND version = ?"),
                   {templateId, latest->version}, &error)
        || !m_db.exec(q,
                      QStringLiteral("UPDATE template_versions SET status = 'draft', proposed_by = NULL, proposed_at = "
                                     "NULL WHERE template_id = ? AND version = ?"),
                      {templateId, latest->version}, &error))
        return dbFailure(m_db, error);
    return endStep(*tx, templateId);
}

} // namespace coform
