// TemplateStore's rule for publishing: who has approved, and whose approval still counts.
#include "store/templatestore.h"

#include "store/database.h"
#include "store/dbfailure.h"

namespace coform {

Outcome TemplateStore::checkApprovals(const QString &templateId, int version) const
{
    // Only approvals of accounts that are active now, in the role they approved in, count: an admin who adds a
    // coproducer account, approves as it and disables it has not had a lived-experience approval.
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT a.user_id, a.role, u.role, u.disabled, u.name FROM approvals a "
                                  "JOIN users u ON u.id = a.user_id WHERE a.template_id = ? AND a.version = ? "
                                  "ORDER BY a.at"),
                   {templateId, version}, &error))
        return dbFailure(m_db, error);
    qint64 staff = 0, coproducer = 0;
    QStringList notCounted;
    while (q.next()) {
        const qint64 user = q.value(0).toLongLong();
        const auto approvedAs = roleFromName(q.value(1).toString());
        const auto roleNow = roleFromName(q.value(2).toString());
        const bool staffApproval = approvedAs && *approvedAs != Role::Coproducer;
        const QString who = q.value(4).toString();
        if (q.value(3).toInt() != 0) {
            notCounted.append(
                QStringLiteral("the approval of '%1' no longer counts: the account is disabled").arg(who));
            continue;
        }
        if (!roleNow || (*roleNow != Role::Coproducer) != staffApproval) {
            notCounted.append(
                QStringLiteral("the approval of '%1' no longer counts: the account's role has changed").arg(who));
            continue;
        }
        if (staffApproval && staff == 0 && user != coproducer)
            staff = user;
        else if (!staffApproval && coproducer == 0 && user != staff)
            coproducer = user;
    }
    q.finish();
    if (staff == 0 || coproducer == 0) {
        QStringList missing;
        if (staff == 0)
            missing.append(QStringLiteral("a reviewer or admin"));
        if (coproducer == 0)
            missing.append(QStringLiteral("a coproducer"));
        const QString why =
            notCounted.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notCounted.join(QStringLiteral("; ")));
        return Outcome::notPermitted(QStringLiteral("not permitted: publishing version %1 of '%2' needs the approval "
                                                    "of %3, two different people whose accounts are active when it "
                                                    "is published%4")
                                         .arg(version)
                                         .arg(templateId, missing.join(QStringLiteral(" and ")), why));
    }
    return Outcome::success();
}

} // namespace coform
