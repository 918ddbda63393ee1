#include "reviews/previousreview.h"

#include "reviews/previousanswer.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace coform {

PreviousReview::PreviousReview(const ReviewRecord &review, QObject *parent)
    : QObject(parent)
    , m_review(review)
{}

std::unique_ptr<PreviousReview> PreviousReview::find(const ReviewStore &reviews, const ReviewRecord &current,
                                                     QObject *parent)
{
    const Result<std::optional<ReviewRecord>> found =
        reviews.previousCompleted(current.personId, current.templateId, current.id);
    if (!found.ok() || !found->has_value())
        return nullptr;
    return std::unique_ptr<PreviousReview>(new PreviousReview(**found, parent));
}

QWidget *PreviousReview::summaryBar()
{
    auto *bar = new QWidget;
    bar->setObjectName(QStringLiteral("previousReviewBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *text = new QLabel(tr("Last review: completed %1 by %2. Its answers are beside each question; "
                               "\u201cSame as last time\u201d (Ctrl+L) copies one.")
                                .arg(QLocale().toString(m_review.completedAt.toLocalTime().date(), QLocale::LongFormat),
                                     m_review.completedBy));
    text->setObjectName(QStringLiteral("previousReviewSummary"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    m_printColumn = new QCheckBox(tr("Print the last review's answers in the PDF"));
    m_printColumn->setObjectName(QStringLiteral("pdfWithPrevious"));
    m_printColumn->setAccessibleName(tr("Print the last review's answers in a column of the PDF"));
    layout->addWidget(text, 1);
    layout->addWidget(m_printColumn);
    return bar;
}

QWidget *PreviousReview::besideQuestion(const Template &t, const Item &item, QWidget *block,
                                        std::function<void(const QJsonValue &)> copy)
{
    if (!itemTypeIsAnswerable(item.type))
        return block;
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *previous = new PreviousAnswer(t, item, m_review.answers.value(item.id),
                                        m_review.completedAt.toLocalTime().date(), block, std::move(copy));
    layout->addWidget(block, 3);
    layout->addWidget(previous, 2);
    m_answers.insert(item.id, previous);
    return row;
}

void PreviousReview::answerChanged(const QString &itemId, const QJsonValue &answer)
{
    if (PreviousAnswer *previous = m_answers.value(itemId))
        previous->setCurrent(answer);
}

bool PreviousReview::printColumn() const
{
    return m_printColumn && m_printColumn->isChecked();
}

} // namespace coform
