#pragma once

#include "model/answers.h"
#include "model/template.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace coform {

/// Beside a review's form: what stops it being completed, one link a missing answer ("Question 5: What type of
/// review is this?"), each a button that takes the keyboard (Tab, then Space or Enter) or the mouse to its question.
/// Hidden while there is nothing to show; it sits beside the form, so the form keeps its height.
class CompletionPanel : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString itemId; ///< empty for a problem that is not about one question
        QString text;
    };

    explicit CompletionPanel(QWidget *parent = nullptr);

    /// Shows the entries (hides the panel when there are none).
    void setEntries(const QVector<Entry> &entries);
    int entryCount() const { return m_count; }

    /// What stops completing, from the stored answers (required questions unanswered, answers that do not fit) and
    /// the answers typed but refused (`unsaved`: question id to why), each with its question number.
    /// `stillOpen`: when nothing is found, says the review could not be completed.
    static QVector<Entry> entriesFor(const Template &t, const Answers &stored, const QMap<QString, QString> &unsaved,
                                     bool stillOpen);
    /// Says what completing means (locked; reopening needs a reason, which is kept) and asks; true to complete.
    static bool confirmCompleting(QWidget *parent);

signals:
    void goToQuestion(const QString &itemId);

private:
    QLabel *m_heading = nullptr;
    QVBoxLayout *m_list = nullptr;
    int m_count = 0;
};

} // namespace coform
