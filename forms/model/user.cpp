#include "model/user.h"

namespace coform {

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Reviewer:
        return QStringLiteral("reviewer");
    case Role::Coproducer:
        return QStringLiteral("coproducer");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Admin, Role::Reviewer, Role::Coproducer}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace coform
