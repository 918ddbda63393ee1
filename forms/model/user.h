#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace coform {

/// The roles of DESIGN.md: admin (accounts, publishing, everything), reviewer (review staff), coproducer (lived
/// experience: edits drafts, comments, approves; never reads reviews or personal data).
enum class Role { Admin, Reviewer, Coproducer };

QString roleName(Role role); ///< "admin", "reviewer", "coproducer"
std::optional<Role> roleFromName(const QString &name);

/// An account as others see it. Accounts are never deleted, only disabled: history keeps their name.
struct Account
{
    qint64 id = 0;
    QString name;
    Role role = Role::Coproducer;
    bool disabled = false;
    QDateTime createdAt;
    QDateTime lockedUntil;           ///< null when not locked
    bool mustChangePassword = false; ///< a first password an admin gave: they choose their own at the next sign-in
};

} // namespace coform
