// PackageStore: taking an update of the origin into the local draft (a three-way merge through Edits).

#include "store/auditlog.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/packagerows.h"
#include "store/permissions.h"
#include "store/templatestore.h"
#include "store/transaction.h"

#include <algorithm>

namespace coform {

namespace {

constexpr const char *AuditTakeUpdate = "take-package-update";

/// What a person answered, and what they were asked, so that the plan can be checked again once the draft is locked.
struct Answer
{
    QString what;
    QString mine;
    QString theirs;
    MergeChoice choice = MergeChoice::KeepMine;
};

/// The package as an Update of a local template, or a refusal in words.
Result<PackagePreview> updatePreview(const PackageStore &store, const QByteArray &bytes)
{
    Result<PackagePreview> preview = store.preview(bytes);
    if (!preview.ok())
        return preview;
    switch (preview->effect) {
    case PackagePreview::Effect::Update:
        return preview;
    case PackagePreview::Effect::Same:
        return Outcome::conflict(preview->message);
    case PackagePreview::Effect::Refused:
        return Outcome::invalid(preview->message);
    case PackagePreview::Effect::NewTemplate:
        break;
    }
    return Outcome::invalid(
        QStringLiteral("This package is not an update of a form here: nothing here was adapted "
                       "from %1's '%2'. Import it as a new form instead.")
            .arg(preview->package.provenance.organisationName, preview->package.provenance.templateId));
}

/// The plan for taking `package` into the newest version of local template `templateId`.
Result<MergePlan> planFor(Database &db, const Session &session, const QString &templateId, const FormPackage &package)
{
    const Result<TemplateOrigin> origin = PackageRows::readOrigin(db, templateId);
    if (!origin.ok())
        return origin.outcome();
    const Result<Template> mine = TemplateStore(db, session).get(templateId);
    if (!mine.ok())
        return mine.outcome();
    QString error;
    const auto plan = planMerge(origin->base, package.content, mine.value(), &error);
    if (!plan)
        return Outcome::invalid(QStringLiteral("%1's changes cannot be taken into '%2': %3")
                                    .arg(package.provenance.organisationName, templateId, error));
    return *plan;
}

} // namespace

Result<MergePlan> PackageStore::planUpdate(const QByteArray &bytes) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    const Result<PackagePreview> preview = updatePreview(*this, bytes);
    if (!preview.ok())
        return preview.outcome();
    return planFor(m_db, m_session, preview->localTemplateId, preview->package);
}

Outcome PackageStore::takeUpdate(const QByteArray &bytes,
                                 const std::function<MergeChoice(const MergeConflict &)> &choose)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::EditTemplates); !allowed.ok())
        return allowed;
    const Result<PackagePreview> preview = updatePreview(*this, bytes);
    if (!preview.ok())
        return preview.outcome();
    const QString templateId = preview->localTemplateId;
    const FormPackage &package = preview->package;
    const Provenance &p = package.provenance;

    // The person answers every conflict first, with nothing locked; the plan is then made again inside the
    // transaction and must ask the same questions (someone may have changed the draft in between).
    const Result<MergePlan> asked = planFor(m_db, m_session, templateId, package);
    if (!asked.ok())
        return asked.outcome();
    QVector<Answer> answers;
    for (const MergeConflict &c : asked->conflicts)
        answers.append({c.what, c.mine, c.theirs, choose ? choose(c) : MergeChoice::KeepMine});

    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    TemplateStore store(m_db, m_session);
    const Result<MergePlan> plan = planFor(m_db, m_session, templateId, package);
    if (!plan.ok())
        return plan.outcome();
    bool same = plan->conflicts.size() == answers.size()
                && std::equal(plan->apply.cbegin(), plan->apply.cend(), asked->apply.cbegin(), asked->apply.cend());
    for (qsizetype i = 0; same && i < answers.size(); ++i) {
        const MergeConflict &c = plan->conflicts.at(i);
        same = c.what == answers.at(i).what && c.mine == answers.at(i).mine && c.theirs == answers.at(i).theirs;
    }
    if (!same)
        return Outcome::conflict(QStringLiteral("'%1' changed while the update was being taken: nothing was changed. "
                                                "Look at the update again.")
                                     .arg(templateId));

    QVector<Edit> edits = plan->apply;
    QVector<Edit> taken;
    for (qsizetype i = 0; i < answers.size(); ++i) {
        if (answers.at(i).choice == MergeChoice::TakeTheirs)
            taken.append(plan->conflicts.at(i).takeTheirs);
    }
    if (!edits.isEmpty() || !taken.isEmpty()) {
        const Result<VersionInfo> latest = store.versionInfo(templateId);
        if (!latest.ok())
            return latest.outcome();
        if (latest->status == VersionStatus::Proposed)
            return Outcome::conflict(QStringLiteral("Version %1 of '%2' is waiting for approval: withdraw the "
                                                    "proposal before taking an update into it. Nothing was changed.")
                                         .arg(latest->version)
                                         .arg(templateId));
        if (latest->status != VersionStatus::Draft) {
            const Result<VersionInfo> draft = store.startDraft(templateId);
            if (!draft.ok())
                return draft.outcome();
        }
    }
    EditContext context;
    context.note = QStringLiteral("From %1 version %2").arg(p.organisationName).arg(p.version);
    const auto refused = [&](const Outcome &why) {
        return Outcome::conflict(QStringLiteral("%1's update cannot be taken into '%2': %3. Nothing was changed.")
                                     .arg(p.organisationName, templateId, why.message));
    };
    for (const Edit &e : std::as_const(edits)) {
        const Result<ChangeRecord> applied = store.applyEdit(templateId, e, context);
        if (!applied.ok())
            return refused(applied.outcome());
    }
    for (const Edit &e : std::as_const(taken)) {
        const Result<Template> draft = store.get(templateId);
        if (!draft.ok())
            return draft.outcome();
        const Result<ChangeRecord> applied = store.applyEdit(templateId, rebasedEdit(e, draft.value()), context);
        if (!applied.ok())
            return refused(applied.outcome());
    }

    // The origin version this template is now based on.
    const Result<TemplateOrigin> was = PackageRows::readOrigin(m_db, templateId);
    if (!was.ok())
        return was.outcome();
    TemplateOrigin origin = was.value();
    origin.originVersion = p.version;
    origin.base = package.content;
    origin.provenance = p;
    QString error;
    const int keptMine = int(answers.size() - taken.size());
    if (!PackageRows::writeOrigin(m_db, origin, m_session.userId(), &error)
        || !PackageRows::noteKeySeen(m_db, preview->check.publicKey, p.organisationName, &error)
        || !AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditTakeUpdate, 0, 0,
                             QStringLiteral("template %1 updated to version %2 of %3's '%4' (%5): %6 changes "
                                            "applied, %7 of theirs taken, %8 kept as they were here")
                                 .arg(templateId)
                                 .arg(p.version)
                                 .arg(p.organisationName, p.templateId, p.organisationCode)
                                 .arg(edits.size())
                                 .arg(taken.size())
                                 .arg(keptMine),
                             &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

} // namespace coform
