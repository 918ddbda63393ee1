#pragma once

#include "model/template.h"

#include <QDate>
#include <QJsonValue>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace coform {

/// Beside one question of a review: the answer the person's last completed review gave ("Last review, 20 November
/// 2025: Low"), whether today's answer differs from it (said in words and marked, not by colour alone), and a
/// "Same as last time" button that copies it (Ctrl+L while the question has the focus).
///
/// Widgets: the panel "previous-ID", its text "previousText-ID", the status "previousStatus-ID" and the button
/// "same-ID".
class PreviousAnswer : public QWidget
{
    Q_OBJECT

public:
    /// `question` is the question's block: the panel follows it when showIf hides or shows it, and Ctrl+L works
    /// while the focus is anywhere in it. `copy` puts the previous answer into the question's editor.
    PreviousAnswer(const Template &t, const Item &item, const QJsonValue &previous, const QDate &completed,
                   QWidget *question, std::function<void(const QJsonValue &)> copy, QWidget *parent = nullptr);

    /// Shows whether the answer now is the same as last time's, different, or not given yet.
    void setCurrent(const QJsonValue &current);
    bool differs() const { return m_differs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QJsonValue m_previous;
    QLabel *m_status = nullptr;
    QPushButton *m_same = nullptr;
    bool m_differs = false;
};

} // namespace coform
