// ReviewForm's part that shows where answers come from: the person's record (identity questions) and the last
// completed review beside each question. Kept apart from reviewform.cpp, which builds and saves the form.
#include "reviews/reviewform.h"

#include "reviews/identityprefill.h"
#include "reviews/previousreview.h"

#include <QBoxLayout>
#include <QLabel>

namespace coform {

QWidget *ReviewForm::decorateField(const Item &item, const Field &field)
{
    if (QWidget *note = m_identity->noteFor(item)) {
        // Under the editor, above the problem label.
        auto *box = static_cast<QBoxLayout *>(field.block->layout());
        box->insertWidget(box->indexOf(field.error) >= 0 ? box->indexOf(field.error) : box->count(), note);
    }
    if (!m_previous)
        return field.block;
    const QString id = item.id;
    return m_previous->besideQuestion(m_template, item, field.block,
                                      [this, id](const QJsonValue &value) { copyAnswer(id, value); });
}

void ReviewForm::answerShown(const QString &itemId, bool finished)
{
    m_identity->answerChanged(itemId, m_answers.value(itemId), finished);
    if (m_previous)
        m_previous->answerChanged(itemId, m_answers.value(itemId));
}

void ReviewForm::copyAnswer(const QString &itemId, const QJsonValue &value)
{
    const auto field = m_fields.find(itemId);
    if (field == m_fields.end() || !field->show || m_review.isCompleted())
        return;
    m_loading = true;
    field->show(value);
    m_loading = false;
    edited(itemId, true);
}

} // namespace coform
