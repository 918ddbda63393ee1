#pragma once

#include "model/template.h"
#include "store/reviewstore.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

class QCheckBox;
class QWidget;

namespace coform {

class PreviousAnswer;

/// The person's last completed review of the same template (any version), shown in a review's form: a line at the
/// top saying which review it was, with the choice to print its answers in a "Last review" column of the PDF, and
/// beside each question (matched by id) its answer (PreviousAnswer).
class PreviousReview : public QObject
{
    Q_OBJECT

public:
    /// The latest other completed review of the same person and template; nullptr when there is none.
    static std::unique_ptr<PreviousReview> find(const ReviewStore &reviews, const ReviewRecord &current,
                                                QObject *parent = nullptr);

    /// "Last review: completed 20 November 2025 by rita", and the PDF column choice ("pdfWithPrevious").
    QWidget *summaryBar();
    /// A row holding the question's block and, beside it, last time's answer; the block alone for info items.
    /// `copy` puts a value into the question's editor as if it had been typed.
    QWidget *besideQuestion(const Template &t, const Item &item, QWidget *block,
                            std::function<void(const QJsonValue &)> copy);
    /// Call after a question's answer changed or was loaded.
    void answerChanged(const QString &itemId, const QJsonValue &answer);
    /// Whether the PDF should have the "Last review" column (off until ticked).
    bool printColumn() const;
    const ReviewRecord &review() const { return m_review; }

private:
    explicit PreviousReview(const ReviewRecord &review, QObject *parent);

    ReviewRecord m_review;
    QCheckBox *m_printColumn = nullptr;
    QHash<QString, PreviousAnswer *> m_answers;
};

} // namespace coform
