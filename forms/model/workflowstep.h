#pragma once

#include <QString>

#include <optional>

namespace coform {

/// A step in the life of a template version (docs/store.md): start a new draft from the latest version, propose the
/// draft for approval, withdraw the proposal, approve it, publish it for reviews, retire a published version.
enum class WorkflowStep { StartDraft, Propose, Withdraw, Approve, Publish, Retire };

/// The step's word, as the command line takes it: "draft", "propose", "withdraw", "approve", "publish", "retire".
QString workflowStepName(WorkflowStep step);
/// The step a word names; std::nullopt for any other word, with *problem saying so in words.
std::optional<WorkflowStep> workflowStepFromName(const QString &name, QString *problem = nullptr);

} // namespace coform
