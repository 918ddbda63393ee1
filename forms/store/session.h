#pragma once

#include "model/user.h"

#include <QString>

#include <memory>
#include <optional>

namespace coform {

class DataKey;
class PeopleIndex;

/// A signed-in person. Only UserStore makes sessions (by a sign-in or by creating the first admin), and every store
/// call takes one: the store checks the role itself (and that the account is still enabled) on every call.
class Session
{
public:
    qint64 userId() const { return m_userId; }
    const QString &userName() const { return m_userName; }
    /// The role when the session began; stores check the role the account has now.
    Role role() const { return m_role; }
    /// The database's data key, unwrapped at sign-in with the account's password (admins and reviewers); null for
    /// a coproducer, for an account that holds no key yet, and after forgetKey(). Shared by every copy.
    const DataKey *dataKey() const;
    /// Zeroes the data key in memory for this session and all its copies (signing out, the window locking).
    void forgetKey() const;
    /// After forgetKey(): takes the key back from a new sign-in of the same account (the window unlocking), into
    /// every copy of this session.
    void takeKeyFrom(const Session &signedInAgain) const;
    /// The people opened in memory for searching (PeopleIndex), shared by every copy; null without the data key.
    /// forgetKey() wipes it too.
    PeopleIndex *peopleIndex() const;

private:
    friend class UserStore;
    friend class KeyRing;
    Session(qint64 userId, QString userName, Role role, std::shared_ptr<DataKey> key = nullptr);

    qint64 m_userId;
    QString m_userName;
    Role m_role;
    std::shared_ptr<DataKey> m_key;
    std::shared_ptr<PeopleIndex> m_people;
};

} // namespace coform
