#include "model/workflowstep.h"

#include <QStringList>

namespace coform {

namespace {

constexpr WorkflowStep allSteps[] = {WorkflowStep::StartDraft, WorkflowStep::Propose, WorkflowStep::Withdraw,
                                     WorkflowStep::Approve,    WorkflowStep::Publish, WorkflowStep::Retire};

} // namespace

QString workflowStepName(WorkflowStep step)
{
    switch (step) {
    case WorkflowStep::StartDraft:
        return QStringLiteral("draft");
    case WorkflowStep::Propose:
        return QStringLiteral("propose");
    case WorkflowStep::Withdraw:
        return QStringLiteral("withdraw");
    case WorkflowStep::Approve:
        return QStringLiteral("approve");
    case WorkflowStep::Publish:
        return QStringLiteral("publish");
    case WorkflowStep::Retire:
        return QStringLiteral("retire");
    }
    return {};
}

std::optional<WorkflowStep> workflowStepFromName(const QString &name, QString *problem)
{
    QStringList names;
    for (WorkflowStep step : allSteps) {
        if (workflowStepName(step) == name)
            return step;
        names.append(workflowStepName(step));
    }
    if (problem)
        *problem = QStringLiteral("'%1' is not a step of a template's workflow (%2)")
                       .arg(name, names.join(QStringLiteral(", ")));
    return std::nullopt;
}

} // namespace coform
