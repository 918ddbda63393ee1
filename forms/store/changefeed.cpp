#include "store/changefeed.h"

#include "store/database.h"

#include <QSqlDriver>

namespace coform {

ChangeFeed::ChangeFeed(Database &db, const Session &session, QString templateId, qint64 lastSeenSeq, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_templateId(std::move(templateId))
    , m_lastSeen(lastSeenSeq)
{
    m_timer.setInterval(50); // SQLite: one cheap PRAGMA per tick; PostgreSQL: see start()
    connect(&m_timer, &QTimer::timeout, this, &ChangeFeed::checkNow);
}

ChangeFeed::~ChangeFeed()
{
    stop();
}

void ChangeFeed::setPollInterval(int milliseconds)
{
    m_timer.setInterval(m_db.backend() == Database::Backend::Postgres ? milliseconds * 10 : milliseconds);
}

void ChangeFeed::start()
{
    if (m_db.backend() == Database::Backend::Postgres && !m_subscribed) {
        QSqlDriver *driver = m_db.connection().driver();
        if (driver && driver->subscribeToNotification(QLatin1String(Channel))) {
            m_subscribed = true;
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                        onNotification(name, payload);
                    });
            // Notifications do the work; the timer only catches anything missed while the connection was down.
            if (m_timer.interval() < 1000)
                m_timer.setInterval(1000);
        }
    }
    m_timer.start();
    checkNow();
}

void ChangeFeed::stop()
{
    m_timer.stop();
    if (m_subscribed) {
        if (QSqlDriver *driver = m_db.connection().driver()) {
            driver->disconnect(this);
            driver->unsubscribeFromNotification(QLatin1String(Channel));
        }
        m_subscribed = false;
    }
}

void ChangeFeed::markOwn(qint64 stamp)
{
    if (stamp > m_lastSeen)
        m_own.insert(stamp);
}

void ChangeFeed::onNotification(const QString &name, const QVariant &payload)
{
    if (name == QLatin1String(Channel) && (payload.toString().isEmpty() || payload.toString() == m_templateId))
        checkNow();
}

void ChangeFeed::checkNow()
{
    if (m_db.backend() == Database::Backend::Sqlite) {
        // data_version changes only when another connection commits: most ticks stop here without reading the log.
        const qint64 version = m_db.dataVersion();
        if (version == m_lastDataVersion && m_own.isEmpty())
            return;
        m_lastDataVersion = version;
    }
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT activity FROM templates WHERE id = ?"), {m_templateId}, &error)) {
        Q_EMIT failed(error);
        return;
    }
    bool activity = false;
    if (q.next()) {
        const qint64 count = q.value(0).toLongLong();
        activity = m_lastActivity >= 0 && count != m_lastActivity;
        m_lastActivity = count;
    }
    q.finish();
    TemplateStore store(m_db, m_session);
    HistoryFilter filter;
    filter.changedAfter = m_lastSeen;
    const Result<QVector<ChangeRecord>> changes = store.history(m_templateId, filter);
    if (!changes.ok()) {
        Q_EMIT failed(changes.message());
        return;
    }
    QVector<ChangeRecord> others;
    const qint64 seenBefore = m_lastSeen;
    for (ChangeRecord c : *changes) {
        m_lastSeen = std::max(m_lastSeen, c.stamp);
        c.continued = c.seq <= seenBefore;
        if (!m_own.remove(c.stamp))
            others.append(c);
    }
    // Own changes older than what has been read can no longer arrive.
    m_own.removeIf([this](qint64 seq) { return seq <= m_lastSeen; });
    if (!others.isEmpty())
        Q_EMIT changesArrived(others);
    if (activity)
        Q_EMIT activityArrived();
}

} // namespace coform
