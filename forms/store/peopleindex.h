#pragma once

#include "store/personstore.h"
#include "store/storeresult.h"

#include <QHash>
#include <QMutex>

#include <functional>

namespace coform {

class Database;
class DataKey;

/// The people of one signed-in session, opened in memory so that searching by name or NHS number does not open every
/// sealed row again (docs/security.md). Built on first use, then brought up to date before each use by opening only
/// the people added (a higher id) or changed (a higher people.stamp) since; this session's own additions and changes
/// are put in at once. Never written anywhere; wiped with the session's key (the window locking, signing out) and
/// when the session ends. Shared by the copies of one Session; calls are serialised.
class PeopleIndex
{
public:
    struct Entry
    {
        PersonRecord record;
        QString foldedName; ///< the name case folded, for searching
    };
    using Entries = QHash<qint64, Entry>;

    PeopleIndex() = default;
    ~PeopleIndex();
    PeopleIndex(const PeopleIndex &) = delete;
    PeopleIndex &operator=(const PeopleIndex &) = delete;

    /// Brings the index up to date, then runs `use` on it (under the index's lock).
    Outcome withCurrent(const Database &db, const DataKey &key, const std::function<void(const Entries &)> &use);
    /// A person this session just added or changed (after the transaction committed).
    void put(const PersonRecord &record);
    /// Zeroes and drops every entry; the next use builds the index again.
    void wipe();

    /// Whether the entry matches a search text (PersonStore::matches): a name containing the text (any case), or
    /// an NHS number starting with its digits (spaces and dashes ignored).
    struct Search
    {
        explicit Search(const QString &text);
        bool matches(const Entry &entry) const;
        QString digits;
        QString folded;
        bool isNumber = false;
    };

private:
    Outcome refresh(const Database &db, const DataKey &key);
    void putLocked(const PersonRecord &record);

    QMutex m_mutex;
    Entries m_entries;
    bool m_built = false;
    qint64 m_maxId = 0;
    qint64 m_stamp = 0;
};

} // namespace coform
