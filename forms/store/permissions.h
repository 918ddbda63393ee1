#pragma once

#include "store/session.h"
#include "store/storeresult.h"

namespace coform {

class Database;

/// What a person may do, by role. The stores ask here on every call, so a refused action is refused in the core,
/// whatever a window shows or hides.
///
/// | action | admin | reviewer | coproducer |
/// |---|---|---|---|
/// | manage accounts, publish, retire | yes | no | no |
/// | read templates, add, edit drafts, propose, approve, comment | yes | yes | yes |
/// | read and write reviews and people | yes | yes | no |
enum class Action {
    ManageUsers,
    ReadTemplates,
    EditTemplates, ///< add a template, start a draft, apply edits, propose, withdraw
    Approve,
    Publish, ///< publish and retire versions
    Comment,
    ReadReviews,
    WriteReviews,
    ReadPeople,
    WritePeople
};

namespace Permissions {

bool allows(Role role, Action action);
/// "publish a template version" and the like, for messages.
QString describe(Action action);
/// Checks the session's account as it is now in the database (still enabled, its current role) against `action`;
/// NotPermitted with a clear message otherwise.
Outcome check(const Database &db, const Session &session, Action action, Role *currentRole = nullptr);

} // namespace Permissions
} // namespace coform
