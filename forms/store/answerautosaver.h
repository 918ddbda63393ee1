#pragma once

#include "store/storeresult.h"

#include <QDateTime>
#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace coform {

class ReviewStore;

/// Saves a review's answers as they are given: every answer is written at most SaveDelayMs after it changed (the
/// timer starts at the first unsaved change and is not pushed back by later ones), one row per answer, so that a
/// crash loses at most the last moment's answers and two reviewers never overwrite each other's different answers.
/// A failed save (the database busy for too long) keeps the answers and tries again.
class AnswerAutosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int SaveDelayMs = 700;

    AnswerAutosaver(ReviewStore &store, qint64 reviewId, QObject *parent = nullptr);
    /// Saves what is still unsaved.
    ~AnswerAutosaver() override;

    /// An answer given (a null value clears it).
    void setAnswer(const QString &itemId, const QJsonValue &value);
    /// Saves everything unsaved now; the outcome of the write (Ok when there was nothing to save).
    Outcome flush();
    /// Forgets a change not yet saved (what was typed on the way to an answer that is then refused).
    void discard(const QString &itemId) { m_pending.remove(itemId); }
    bool hasUnsaved() const { return !m_pending.isEmpty(); }
    QDateTime lastSaved() const { return m_lastSaved; }

signals:
    void saved(const QStringList &itemIds);
    /// A save failed; `message` says why in words. Locked (Conflict) and invalid answers are dropped, others retried.
    void saveFailed(const QString &message);

private:
    ReviewStore &m_store;
    qint64 m_reviewId;
    QMap<QString, QJsonValue> m_pending;
    QTimer m_timer;
    QDateTime m_lastSaved;
};

} // namespace coform
