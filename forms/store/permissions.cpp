#include "store/permissions.h"

#include "store/database.h"
#include "store/dbfailure.h"

namespace coform {

bool Permissions::allows(Role role, Action action)
{
    switch (action) {
    case Action::ManageUsers:
    case Action::Publish:
        return role == Role::Admin;
    case Action::ReadTemplates:
    case Action::EditTemplates:
    case Action::Approve:
    case Action::Comment:
        return true;
    case Action::ReadReviews:
    case Action::WriteReviews:
    case Action::ReadPeople:
    case Action::WritePeople:
        return role != Role::Coproducer;
    }
    return false;
}

QString Permissions::describe(Action action)
{
    switch (action) {
    case Action::ManageUsers:
        return QStringLiteral("manage accounts");
    case Action::ReadTemplates:
        return QStringLiteral("read templates");
    case Action::EditTemplates:
        return QStringLiteral("change templates");
    case Action::Approve:
        return QStringLiteral("approve template versions");
    case Action::Publish:
        return QStringLiteral("publish or retire template versions");
    case Action::Comment:
        return QStringLiteral("comment");
    case Action::ReadReviews:
        return QStringLiteral("read reviews");
    case Action::WriteReviews:
        return QStringLiteral("write reviews");
    case Action::ReadPeople:
        return QStringLiteral("read people's details");
    case Action::WritePeople:
        return QStringLiteral("change people's details");
    }
    return {};
}

Outcome Permissions::check(const Database &db, const Session &session, Action action, Role *currentRole)
{
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, QStringLiteral("SELECT role, disabled FROM users WHERE id = ?"), {session.userId()}, &error))
        return dbFailure(db, error);
    if (!q.next())
        return Outcome::notPermitted(
            QStringLiteral("not permitted: the account '%1' does not exist").arg(session.userName()));
    if (q.value(1).toInt() != 0)
        return Outcome::notPermitted(
            QStringLiteral("not permitted: the account '%1' is disabled").arg(session.userName()));
    const auto role = roleFromName(q.value(0).toString());
    if (!role || !allows(*role, action)) {
        return Outcome::notPermitted(QStringLiteral("not permitted: a %1 cannot %2")
                                         .arg(role ? roleName(*role) : QStringLiteral("user"), describe(action)));
    }
    if (currentRole)
        *currentRole = *role;
    return Outcome::success();
}

} // namespace coform
