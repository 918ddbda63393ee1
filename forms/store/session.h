#pragma once

#include <QString>

#include <optional>

namespace coform {

/// The roles of DESIGN.md: admin (accounts, publishing, everything), reviewer (review staff), coproducer (lived
/// experience: edits drafts, comments, approves; never reads reviews or personal data).
enum class Role { Admin, Reviewer, Coproducer };

QString roleName(Role role); ///< "admin", "reviewer", "coproducer"
std::optional<Role> roleFromName(const QString &name);

/// A signed-in person. Only UserStore makes sessions (by a sign-in or by creating the first admin), and every store
/// call takes one: the store checks the role itself (and that the account is still enabled) on every call.
class Session
{
public:
    qint64 userId() const { return m_userId; }
    const QString &userName() const { return m_userName; }
    /// The role when the session began; stores check the role the account has now.
    Role role() const { return m_role; }

private:
    friend class UserStore;
    Session(qint64 userId, QString userName, Role role)
        : m_userId(userId)
        , m_userName(std::move(userName))
        , m_role(role)
    {}

    qint64 m_userId;
    QString m_userName;
    Role m_role;
};

} // namespace coform
