#pragma once

#include "edit/edit.h"

#include <QDateTime>

namespace coform {

class Database;

/// The rule that makes a run of typing one step of the change log.
///
/// Each keystroke is stored at once (others see it live through the change feed), but a keystroke that continues the
/// author's latest step joins it instead of adding a row: same person, same property of the same thing, texts on both
/// sides, no other change in between, and less than PauseMilliseconds since the step's last keystroke. The step keeps
/// the value from before the first keystroke and takes the newest. Leaving the field ends a step (the editor says so
/// with EditContext::continuesTyping). A run that comes back to where it started is a step of its own, so that an
/// undo is never folded away.
class TypingSteps
{
public:
    static constexpr qint64 PauseMilliseconds = 1000;

    /// Whether `next`, made at `nextAt` right after the step `open` (last typed at `openAt`) by the same person with
    /// no other change in between, continues it.
    static bool continues(const Edit &open, const QDateTime &openAt, const Edit &next, const QDateTime &nextAt);
    /// The step with `next` joined: `open`'s value before, `next`'s value after.
    static Edit joined(const Edit &open, const Edit &next);

    /// Joins the runs of keystroke rows already in a change log into steps, by the same rule (migration 6): every
    /// run of rows becomes its first row with the last row's value and time. Replaying the log gives the same drafts.
    static bool joinStoredRuns(const Database &db, QString *error);
};

} // namespace coform
