#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QVector>

namespace coform {

class Database;

/// Someone who has a template open now, and where they are in it.
struct Presence
{
    QString userName;
    QString instance; ///< one per open window, so one person on two laptops shows twice
    QString itemId;   ///< the question they are on; empty for none
    QDateTime seenAt;
};

/// Who is in a template now. Each open editor sends a heartbeat every few seconds with the item it is on; an entry
/// whose heartbeat is older than `expiry` no longer counts (a laptop that went to sleep or crashed drops out by
/// itself).
class PresenceStore
{
public:
    static constexpr int HeartbeatSeconds = 5;
    static constexpr int ExpirySeconds = 20;

    PresenceStore(Database &db, const Session &session);

    /// Says "I am here, on this item" for this instance.
    Outcome heartbeat(const QString &templateId, const QString &instance, const QString &itemId);
    /// Says "I have left" (closing the template).
    Outcome leave(const QString &templateId, const QString &instance);
    /// Everyone whose heartbeat is fresh, by name; this instance included.
    Result<QVector<Presence>> present(const QString &templateId, int expirySeconds = ExpirySeconds) const;

private:
    Database &m_db;
    Session m_session;
};

} // namespace coform
