#include "store/answerautosaver.h"

#include "store/reviewstore.h"

namespace coform {

AnswerAutosaver::AnswerAutosaver(ReviewStore &store, qint64 reviewId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_reviewId(reviewId)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(SaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { flush(); });
}

AnswerAutosaver::~AnswerAutosaver()
{
    flush();
}

void AnswerAutosaver::setAnswer(const QString &itemId, const QJsonValue &value)
{
    m_pending.insert(itemId, value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
    if (!m_timer.isActive())
        m_timer.start();
}

Outcome AnswerAutosaver::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return Outcome::success();
    const QMap<QString, QJsonValue> batch = m_pending;
    const Outcome outcome = m_store.saveAnswers(m_reviewId, batch);
    if (outcome.ok() || outcome.status == StoreStatus::Conflict || outcome.status == StoreStatus::Invalid
        || outcome.status == StoreStatus::NotPermitted) {
        // Answers given while saving stay for the next save.
        for (auto it = batch.begin(); it != batch.end(); ++it) {
            if (m_pending.value(it.key()) == it.value())
                m_pending.remove(it.key());
        }
    }
    if (outcome.ok()) {
        m_lastSaved = QDateTime::currentDateTime();
        emit saved(batch.keys());
    } else {
        emit saveFailed(outcome.message);
    }
    if (!m_pending.isEmpty())
        m_timer.start();
    return outcome;
}

} // namespace coform
