#include "common/dateedit.h"

#include <QCalendarWidget>
#include <QDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace coform {

DateEdit::DateEdit(UkDate::Purpose purpose, const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_purpose(purpose)
    , m_today([] { return QDate::currentDate(); })
{
    setObjectName(objectName + QStringLiteral("-box"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit;
    m_edit->setObjectName(objectName);
    m_edit->setPlaceholderText(tr("dd/mm/yyyy"));
    m_edit->setMaxLength(40);
    // Wide enough for "02/12/2026" and "2 December 2026".
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("30 September 2026")) + 16);
    m_edit->setMaximumWidth(m_edit->minimumWidth() + 40);
    m_edit->setToolTip(tr("Day first, such as 02/12/2026 or 2 December 2026. Alt+Down opens a calendar."));
    m_edit->installEventFilter(this);
    setFocusProxy(m_edit);
    m_calendar = new QToolButton;
    m_calendar->setObjectName(objectName + QStringLiteral("-calendar"));
    m_calendar->setText(tr("Calendar"));
    m_calendar->setFocusPolicy(Qt::NoFocus); // Tab goes on to the next question; Alt+Down opens it from the box
    m_words = new QLabel;
    m_words->setObjectName(objectName + QStringLiteral("-words"));
    m_words->setTextFormat(Qt::PlainText);
    m_words->setWordWrap(true);
    // Room for the longest date in words on one line; a refusal wraps.
    m_words->setMinimumWidth(m_words->fontMetrics().horizontalAdvance(QStringLiteral("30 September 2026, Wednesday"))
                             + 8);
    m_keep = new QPushButton(tr("&Keep this date"));
    m_keep->setObjectName(objectName + QStringLiteral("-keep"));
    m_keep->hide();
    row->addWidget(m_edit);
    row->addWidget(m_calendar);
    row->addWidget(m_words, 1);
    row->addWidget(m_keep);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        m_confirmed = false;
        reread();
        emit edited();
    });
    connect(m_edit, &QLineEdit::editingFinished, this, &DateEdit::finished);
    connect(m_calendar, &QToolButton::clicked, this, &DateEdit::openCalendar);
    connect(m_keep, &QPushButton::clicked, this, [this] {
        m_confirmed = true;
        reread();
        m_edit->setFocus();
        emit edited();
        emit finished();
    });
    setName({});
    reread();
}

DateEdit::~DateEdit()
{
    // The box loses focus while it is taken apart: that is no "typing finished".
    m_edit->disconnect(this);
}

void DateEdit::setName(const QString &name)
{
    m_name = name;
    m_edit->setAccessibleName(name.isEmpty() ? tr("Date") : name);
    m_calendar->setAccessibleName(name.isEmpty() ? tr("Choose the date from a calendar")
                                                 : tr("%1: choose from a calendar").arg(name));
    m_keep->setAccessibleName(name.isEmpty() ? tr("Keep this date") : tr("%1: keep this date").arg(name));
    m_words->setAccessibleName(name.isEmpty() ? tr("The date in words") : tr("%1: in words").arg(name));
}

void DateEdit::setDate(const QDate &date)
{
    const QSignalBlocker block(m_edit);
    m_edit->setText(UkDate::typed(date));
    m_confirmed = date.isValid(); // a stored date was meant
    reread();
}

QDate DateEdit::date() const
{
    if (m_reading.state != UkDate::Reading::Valid || (!m_reading.toConfirm.isEmpty() && !m_confirmed))
        return {};
    return m_reading.date;
}

bool DateEdit::isEmpty() const
{
    return m_reading.state == UkDate::Reading::Empty;
}

QString DateEdit::problem() const
{
    if (m_reading.state == UkDate::Reading::Refused)
        return m_reading.problem;
    if (m_reading.state == UkDate::Reading::Valid && !m_reading.toConfirm.isEmpty() && !m_confirmed)
        return tr("%1: press Keep this date if it is right").arg(m_reading.toConfirm);
    return {};
}

void DateEdit::reread()
{
    m_reading = UkDate::read(m_edit->text(), m_purpose, m_today());
    const QString why = problem();
    QString words;
    if (m_reading.state == UkDate::Reading::Empty)
        words = tr("Not answered");
    else if (!why.isEmpty())
        words = m_reading.state == UkDate::Reading::Refused ? tr("Not a date yet: %1").arg(why) : why;
    else
        words = UkDate::inWords(m_reading.date);
    m_words->setText(words);
    m_words->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("color: #a00000; font-weight: bold"));
    m_keep->setVisible(m_reading.state == UkDate::Reading::Valid && !m_reading.toConfirm.isEmpty() && !m_confirmed);
    m_edit->setAccessibleDescription(words);
}

bool DateEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F4 || (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier)) {
            openCalendar();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DateEdit::openCalendar()
{
    QDialog dialog(this);
    dialog.setObjectName(m_edit->objectName() + QStringLiteral("-calendarDialog"));
    dialog.setWindowTitle(m_name.isEmpty() ? tr("Choose a date") : m_name);
    auto *layout = new QVBoxLayout(&dialog);
    auto *calendar = new QCalendarWidget;
    calendar->setObjectName(QStringLiteral("calendar"));
    calendar->setAccessibleName(tr("Calendar: the arrow keys move by day, Enter chooses"));
    calendar->setFirstDayOfWeek(Qt::Monday);
    calendar->setGridVisible(true);
    const QDate shown = m_reading.state == UkDate::Reading::Valid ? m_reading.date : m_today();
    calendar->setSelectedDate(shown);
    layout->addWidget(calendar);
    connect(calendar, &QCalendarWidget::activated, &dialog, &QDialog::accept);
    auto *buttons = new QHBoxLayout;
    auto *choose = new QPushButton(tr("&Choose"));
    choose->setObjectName(QStringLiteral("calendarChoose"));
    choose->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("calendarCancel"));
    buttons->addStretch();
    buttons->addWidget(choose);
    buttons->addWidget(cancel);
    layout->addLayout(buttons);
    connect(choose, &QPushButton::clicked, &dialog, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, &dialog, &QDialog::reject);
    calendar->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return;
    // A date picked from the calendar was meant, whatever its distance from today.
    m_edit->setText(UkDate::typed(calendar->selectedDate()));
    if (!m_reading.toConfirm.isEmpty()) {
        m_confirmed = true;
        reread();
        emit edited();
    }
    m_edit->setFocus();
    emit finished();
}

} // namespace coform
