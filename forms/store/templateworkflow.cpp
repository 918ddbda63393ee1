// TemplateStore's approval workflow after a proposal: approving, publishing and retiring versions.
#include "store/templatestore.h"

#include "check/coverage.h"
#include "format/templateformat.h"
#include "model/requirementset.h"
#include "model/translationstamps.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/templateactivity.h"
#include "store/transaction.h"

namespace coform {

namespace {

/// Why a version with out-of-date translations was not published, and the two ways on, in plain words.
QString outOfDateRefusal(const Template &t, int version, const QVector<TranslationStamps::OutOfDate> &stale)
{
    const TranslationStamps::OutOfDate &first = stale.first();
    const QString what =
        QStringLiteral("The %1 of %2")
            .arg(TranslationStamps::languageName(first.language), TranslationStamps::placeInWords(t, first));
    const qsizetype more = stale.size() - 1;
    const QString source = TranslationStamps::languageName(t.sourceLanguage());
    return QStringLiteral("Version %1 of '%2' was not published. %3: the %4 changed after %5 translated. Withdraw "
                          "the proposal and re-approve each in the draft (say it is still right, or give a new "
                          "translation), or give a reason for publishing with %6 as %7.")
        .arg(version)
        .arg(t.id,
             more == 0 ? what + QStringLiteral(" is out of date")
                       : QStringLiteral("%1 and %2 more are out of date").arg(what).arg(more),
             source, more == 0 ? QStringLiteral("it was") : QStringLiteral("they were"),
             more == 0 ? QStringLiteral("it") : QStringLiteral("them"),
             more == 0 ? QStringLiteral("it is") : QStringLiteral("they are"));
}

} // namespace

Outcome TemplateStore::approve(const QString &templateId)
{
    Role role = Role::Coproducer;
    std::optional<Transaction> tx;
    const Result<VersionInfo> latest = beginStep(WorkflowStep::Approve, templateId, 0, tx, &role);
    if (!latest.ok())
        return latest.outcome();
    for (const Approval &a : latest->approvals) {
        if (a.userName == m_session.userName())
            return Outcome::success();
    }
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(
            q, QStringLiteral("INSERT INTO approvals (template_id, version, user_id, role, at) VALUES (?, ?, ?, ?, ?)"),
            {templateId, latest->version, m_session.userId(), roleName(role), Database::timeText(m_db.now())}, &error))
        return dbFailure(m_db, error);
    return endStep(*tx, templateId);
}

Result<VersionInfo> TemplateStore::publish(const QString &templateId, const QString &coverageReason,
                                           const QString &commentsReason, const QString &translationsReason)
{
    std::optional<Transaction> tx;
    const Result<VersionInfo> latest = beginStep(WorkflowStep::Publish, templateId, 0, tx);
    if (!latest.ok())
        return latest.outcome();
    if (Outcome approved = checkApprovals(templateId, latest->version); !approved.ok())
        return approved;
    const Result<Template> content = readContent(templateId, latest->version, "content");
    if (!content.ok())
        return content.outcome();
    const QString name = QStringLiteral("%1 version %2").arg(templateId).arg(latest->version);
    Problems problems;
    if (!readTemplate(writeTemplate(content.value()), name, &problems) || hasErrors(problems)) {
        QStringList errors;
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error && errors.size() < 5)
                errors.append(p.toString());
        }
        return Outcome::invalid(QStringLiteral("%1 cannot be published until its errors are fixed: %2")
                                    .arg(name, errors.join(QStringLiteral("; "))));
    }
    if (!content->requirementSet.isEmpty()) {
        const auto set = bundledRequirementSet(content->requirementSet);
        if (!set)
            return Outcome::invalid(
                QStringLiteral("%1 names an unknown requirement set '%2'").arg(name, content->requirementSet));
        const Coverage coverage = computeCoverage(content.value(), *set);
        if (!coverage.uncovered.isEmpty() && coverageReason.trimmed().isEmpty())
            return Outcome::invalid(QStringLiteral("%1 does not cover these framework requirements: %2; an admin "
                                                   "can publish it anyway by giving a reason")
                                        .arg(name, coverage.uncovered.join(QStringLiteral(", "))));
    }
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT count(*) FROM comments WHERE template_id = ? AND thread_id IS NULL AND "
                                  "resolved_at IS NULL"),
                   {templateId}, &error)
        || !q.next())
        return dbFailure(m_db, error);
    const int open = q.value(0).toInt();
    q.finish();
    if (open > 0 && commentsReason.trimmed().isEmpty())
        return Outcome::conflict(QStringLiteral("version %1 of '%2' was not published: %3 still open. Resolve each "
                                                "one, or give a reason for publishing without the changes they ask "
                                                "for (it goes in the \"What changed\" summary under \"Not changed, "
                                                "and why\")")
                                     .arg(latest->version)
                                     .arg(templateId, open == 1 ? QStringLiteral("1 comment is")
                                                                : QStringLiteral("%1 comments are").arg(open)),
                                 Refusal::OpenComments);
    // Translations the source wording moved on from: re-approved in the draft, or published as they are for a reason.
    const QVector<TranslationStamps::OutOfDate> stale = TranslationStamps::outOfDate(content.value());
    if (!stale.isEmpty() && translationsReason.trimmed().isEmpty())
        return Outcome::conflict(outOfDateRefusal(content.value(), latest->version, stale),
                                 Refusal::OutOfDateTranslations);
    if (open > 0
        && !m_db.exec(q,
                      QStringLiteral("UPDATE comments SET resolved_by = ?, resolved_at = ?, resolved_reason = ? WHERE "
                                     "template_id = ? AND thread_id IS NULL AND resolved_at IS NULL"),
                      {m_session.userId(), Database::timeText(m_db.now()), commentsReason.trimmed(), templateId},
                      &error))
        return dbFailure(m_db, error);
    if (!m_db.exec(
            q,
            QStringLiteral("UPDATE template_versions SET status = 'published', published_by = ?, published_at = "
                           "?, coverage_reason = ?, translations_reason = ? WHERE template_id = ? AND version = ?"),
            {m_session.userId(), Database::timeText(m_db.now()), coverageReason.trimmed(),
             stale.isEmpty() ? QVariant() : QVariant(translationsReason.trimmed()), templateId, latest->version},
            &error))
        return dbFailure(m_db, error);
    if (Outcome ended = endStep(*tx, templateId); !ended.ok())
        return ended;
    return readVersion(templateId, latest->version);
}

Outcome TemplateStore::retire(const QString &templateId, int version)
{
    std::optional<Transaction> tx;
    const Result<VersionInfo> info = beginStep(WorkflowStep::Retire, templateId, version, tx);
    if (!info.ok())
        return info.outcome();
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE template_versions SET status = 'retired', retired_by = ?, retired_at = ? "
                                  "WHERE template_id = ? AND version = ?"),
                   {m_session.userId(), Database::timeText(m_db.now()), templateId, version}, &error))
        return dbFailure(m_db, error);
    return endStep(*tx, templateId);
}

} // namespace coform
