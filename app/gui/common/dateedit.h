#pragma once

#include "model/ukdate.h"

#include <QDate>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace coform {

/// The one date box of the app: a line edit that reads what is typed the UK way (UkDate), says the date in words
/// beside it and in its accessible description ("2 December 2026, Wednesday"), or says in words why it cannot be
/// read. Nothing is a date until it reads exactly; empty means "not answered". Tab leaves the box (the calendar
/// button takes no focus: Alt+Down or F4 in the box opens the calendar, at the date typed or at today). A date that
/// reads but is unusual for its purpose (a review date more than a year away) shows "Keep this date" and counts only
/// once that is pressed.
///
/// The line edit carries the object name given; the calendar button is NAME-calendar, the words NAME-words and the
/// confirmation button NAME-keep.
class DateEdit : public QWidget
{
    Q_OBJECT
public:
    DateEdit(UkDate::Purpose purpose, const QString &objectName, QWidget *parent = nullptr);
    ~DateEdit() override;

    /// Names the box (and its buttons, after it) for screen readers.
    void setName(const QString &name);
    /// The date ranges and two-digit years are measured from this (by default the computer's date).
    void setToday(std::function<QDate()> today) { m_today = std::move(today); }

    /// Shows a stored date (invalid: empty), as "02/12/2026".
    void setDate(const QDate &date);
    /// The date when it reads and, if unusual, is confirmed; invalid otherwise.
    QDate date() const;
    bool isEmpty() const;
    /// Why what is typed cannot be saved yet, in words; empty when it is a usable date or empty.
    QString problem() const;
    QLineEdit *lineEdit() const { return m_edit; }

signals:
    /// What the box holds changed (typed, chosen from the calendar, or confirmed).
    void edited();
    /// Typing is finished (focus left or Enter).
    void finished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reread();
    void openCalendar();

    UkDate::Purpose m_purpose;
    std::function<QDate()> m_today;
    UkDate::Reading m_reading;
    bool m_confirmed = false;
    QString m_name;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_calendar = nullptr;
    QLabel *m_words = nullptr;
    QPushButton *m_keep = nullptr;
};

} // namespace coform
