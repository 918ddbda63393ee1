#include "shared/workflowwords.h"

#include <QCoreApplication>

namespace coform::WorkflowWords {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("WorkflowWords", text);
}

bool approvedBy(const VersionInfo &version, const QString &name)
{
    for (const Approval &a : version.approvals) {
        if (a.userName == name)
            return true;
    }
    return false;
}
} // namespace

QString state(const VersionInfo &version)
{
    switch (version.status) {
    case VersionStatus::Draft:
        return tr("draft %1").arg(version.version);
    case VersionStatus::Proposed:
        return tr("version %1 (waiting for approval)").arg(version.version);
    case VersionStatus::Published:
        return tr("version %1 (published, in use for reviews)").arg(version.version);
    case VersionStatus::Retired:
        return tr("version %1 (retired: no new reviews use it)").arg(version.version);
    }
    return {};
}

QString stillNeeded(const VersionInfo &version)
{
    if (version.status != VersionStatus::Proposed)
        return {};
    bool staff = false, coproducer = false;
    for (const Approval &a : version.approvals) {
        if (a.role == Role::Coproducer)
            coproducer = true;
        else
            staff = true;
    }
    if (staff && coproducer)
        return tr("It has the approvals it needs: an admin can publish it now.");
    if (staff)
        return tr("It still needs the approval of a lived-experience member (a coproducer) before it can be "
                  "published.");
    if (coproducer)
        return tr("It still needs a staff approval before it can be published.");
    return tr("It needs a staff approval and the approval of a lived-experience member (a coproducer) before it can "
              "be published.");
}

QString done(Step step, const VersionInfo &after)
{
    switch (step) {
    case Step::StartDraft:
        return tr("You started draft %1. Every change is saved as it is made; when it is ready, ask the group to "
                  "approve it.")
            .arg(after.version);
    case Step::Propose:
        return tr("You asked the group to approve version %1. Nobody can change it while it waits. %2")
            .arg(after.version)
            .arg(stillNeeded(after));
    case Step::Withdraw:
        return tr("You withdrew the proposal of version %1. It is a draft again: the group can change it, and it will "
                  "need to be proposed and approved again before it can be published.")
            .arg(after.version);
    case Step::Approve:
        return tr("You approved version %1. %2").arg(after.version).arg(stillNeeded(after));
    case Step::Publish:
        return tr("You published version %1. It is now in use for reviews and will not change. To change the form, "
                  "start a new draft.")
            .arg(after.version);
    case Step::Retire: // not in the menu
        break;
    }
    return {};
}

QString refused(Step step, const VersionInfo &now, const Session &session, const Outcome &outcome)
{
    const int v = now.version;
    const bool draft = now.status == VersionStatus::Draft;
    const bool proposed = now.status == VersionStatus::Proposed;
    switch (step) {
    case Step::StartDraft:
        if (draft)
            return tr("Draft %1 is already open for changes: work on it, or ask the group to approve it.").arg(v);
        if (proposed)
            return tr("Version %1 is waiting for approval. A new draft can start once it is published (or the "
                      "proposal is withdrawn).")
                .arg(v);
        break;
    case Step::Propose:
        if (proposed)
            return tr("Version %1 is already waiting for approval.").arg(v);
        if (!draft)
            return tr("Version %1 is %2. To change the form, start a new draft.")
                .arg(v)
                .arg(versionStateWords(now.status));
        break;
    case Step::Withdraw:
        if (!proposed)
            return tr("Version %1 is not waiting for approval, so there is no proposal to withdraw.").arg(v);
        if (session.role() != Role::Admin && now.proposedBy != session.userName())
            return tr("Only %1, who asked the group to approve version %2, or an admin can withdraw the proposal.")
                .arg(now.proposedBy)
                .arg(v);
        break;
    case Step::Approve:
        if (draft)
            return tr("Version %1 is still a draft: it can be approved once someone asks the group to approve it.")
                .arg(v);
        if (!proposed)
            return tr("Version %1 is %2: there is nothing left to approve.").arg(v).arg(versionStateWords(now.status));
        break;
    case Step::Publish:
        if (draft)
            return tr("Version %1 is still a draft: ask the group to approve it first.").arg(v);
        if (!proposed)
            return tr("Version %1 is %2: there is nothing to publish.").arg(v).arg(versionStateWords(now.status));
        if (outcome.status == StoreStatus::NotPermitted && session.role() == Role::Admin)
            return tr("Version %1 was not published. %2 (%3)").arg(v).arg(stillNeeded(now), outcome.message);
        break;
    case Step::Retire: // not in the menu
        break;
    }
    if (outcome.status == StoreStatus::NotPermitted)
        return tr("Your account may not do this. %1").arg(outcome.message);
    return tr("This was not done: %1").arg(outcome.message);
}

QString frozen(const VersionInfo &version, bool mayWithdraw)
{
    const int v = version.version;
    switch (version.status) {
    case VersionStatus::Draft:
        return {};
    case VersionStatus::Proposed:
        return mayWithdraw
                   ? tr("Version %1 is waiting for approval, so it cannot change. Withdraw the proposal to change it.")
                         .arg(v)
                   : tr("Version %1 is waiting for approval, so it cannot change. %2").arg(v).arg(stillNeeded(version));
    case VersionStatus::Published:
        return tr("Version %1 is published and used for reviews, so it cannot change. Start a new draft to change it.")
            .arg(v);
    case VersionStatus::Retired:
        return tr("Version %1 is retired, so it cannot change. Start a new draft to change it.").arg(v);
    }
    return {};
}

bool makesSense(Step step, const VersionInfo &version, const Session &session)
{
    const bool proposed = version.status == VersionStatus::Proposed;
    switch (step) {
    case Step::StartDraft:
        return version.status == VersionStatus::Published || version.status == VersionStatus::Retired;
    case Step::Propose:
        return version.status == VersionStatus::Draft;
    case Step::Withdraw:
        return proposed && (session.role() == Role::Admin || version.proposedBy == session.userName());
    case Step::Approve:
        return proposed && !approvedBy(version, session.userName());
    case Step::Publish:
        return proposed && session.role() == Role::Admin;
    case Step::Retire: // not in the menu
        return false;
    }
    return false;
}

} // namespace coform::WorkflowWords
