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
    m_timer.setInterval(100);
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

void ChangeFeed::markOwn(qint64 seq)
{
    if (seq > m_lastSeen)
        m_own.insert(seq);
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
    TemplateStore store(m_db, m_session);
    HistoryFilter filter;
    filter.afterSeq = m_lastSeen;
    const Result<QVector<ChangeRecord>> changes = store.history(m_templateId, filter);
    if (!changes.ok()) {
        Q_EMIT failed(changes.message());
        return;
    }
    QVector<ChangeRecord> others;
    for (const ChangeRecord &c : *changes) {
        m_lastSeen = std::max(m_lastSeen, c.seq);
        if (!m_own.remove(c.seq))
            others.append(c);
    }
    // Own changes older than what has been read can no longer arrive.
    m_own.removeIf([this](qint64 seq) { return seq <= m_lastSeen; });
    if (!others.isEmpty())
        Q_EMIT changesArrived(others);
}

} // namespace coform
