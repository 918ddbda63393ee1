#pragma once

#include "model/workflowstep.h"
#include "store/session.h"
#include "store/storeresult.h"
#include "store/templatestore.h"

#include <QString>

namespace coform::WorkflowWords {

/// The steps of the approval workflow; the Shared templates menu runs all but retiring.
using Step = WorkflowStep;

/// A version and its state in the group's words: "draft 2", "version 2 (waiting for approval)", "version 2
/// (published, in use for reviews)", "version 1 (retired: no new reviews use it)".
QString state(const VersionInfo &version);
/// What a version waiting for approval still needs before an admin can publish it, as a sentence ("It still needs a
/// staff approval before it can be published."); empty for any other state.
QString stillNeeded(const VersionInfo &version);
/// What the person did and what comes next: "You approved version 2. It still needs a staff approval before it can
/// be published." `after` is the version as it is after the step.
QString done(Step step, const VersionInfo &after);
/// Why the step was refused, in plain words, from the version as it is now and the store's answer.
QString refused(Step step, const VersionInfo &now, const Session &session, const Outcome &outcome);
/// Why the open version cannot change, and what this person can do about it (for the banner).
QString frozen(const VersionInfo &version, bool mayWithdraw);
/// Whether the step makes sense for this version and this person (the menu shows only those that do).
bool makesSense(Step step, const VersionInfo &version, const Session &session);

} // namespace coform::WorkflowWords
