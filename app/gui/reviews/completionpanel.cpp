#include "reviews/completionpanel.h"

#include "check/answervalidation.h"

#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace coform {

CompletionPanel::CompletionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("completionPanel"));
    setAccessibleName(tr("What is missing before the review can be completed"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("completionProblems"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget;
    m_list = new QVBoxLayout(inner);
    m_list->setContentsMargins(0, 0, 0, 0);
    m_list->addStretch();
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    hide();
}

void CompletionPanel::setEntries(const QVector<Entry> &entries)
{
    while (m_list->count() > 1) {
        QLayoutItem *item = m_list->takeAt(0);
        delete item->widget();
        delete item;
    }
    m_count = int(entries.size());
    m_heading->setText(tr("The review cannot be completed yet (%n thing(s) to do):", nullptr, m_count));
    int row = 0;
    for (const Entry &entry : entries) {
        QWidget *line = nullptr;
        if (entry.itemId.isEmpty()) {
            auto *label = new QLabel(entry.text);
            label->setWordWrap(true);
            label->setTextFormat(Qt::PlainText);
            line = label;
        } else {
            auto *link = new QPushButton(entry.text);
            link->setObjectName(QStringLiteral("missing-%1").arg(entry.itemId));
            link->setFlat(true);
            link->setCursor(Qt::PointingHandCursor);
            link->setStyleSheet(
                QStringLiteral("QPushButton { text-align: left; color: #0645ad; text-decoration: underline; }"));
            link->setAccessibleName(tr("Go to %1").arg(entry.text));
            link->setToolTip(tr("Go to this question"));
            const QString id = entry.itemId;
            connect(link, &QPushButton::clicked, this, [this, id] { emit goToQuestion(id); });
            line = link;
        }
        m_list->insertWidget(row++, line);
    }
    setVisible(m_count > 0);
}

QVector<CompletionPanel::Entry> CompletionPanel::entriesFor(const Template &t, const Answers &stored,
                                                            const QMap<QString, QString> &unsaved, bool stillOpen)
{
    QVector<Entry> entries;
    const QMap<QString, int> numbers = t.questionNumbers();
    if (stored.person.nhsNumber.isEmpty())
        entries.append({{}, tr("The person has no NHS number recorded.")});
    const QString prefix = QStringLiteral("/answers/");
    for (const Problem &p : validateAnswers(t, stored, {}, RequiredAnswers::MustBePresent)) {
        if (p.severity != Problem::Severity::Error)
            continue;
        const QString id = p.pointer.startsWith(prefix) ? p.pointer.mid(prefix.size()) : QString();
        const Item *item = id.isEmpty() ? nullptr : t.findItem(id);
        if (!item) {
            entries.append({{}, p.message});
            continue;
        }
        const QJsonValue v = stored.value(id);
        const bool missing = v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())
                             || (v.isArray() && v.toArray().isEmpty());
        entries.append({id, missing ? tr("Question %1: %2 (needs an answer)").arg(numbers.value(id)).arg(item->label)
                                    : tr("Question %1: %2").arg(numbers.value(id)).arg(p.message)});
    }
    for (auto it = unsaved.begin(); it != unsaved.end(); ++it)
        entries.append({it.key(), tr("Question %1 is not saved: %2").arg(numbers.value(it.key())).arg(it.value())});
    if (entries.isEmpty() && stillOpen)
        entries.append({{}, tr("The review could not be completed; try again.")});
    return entries;
}

bool CompletionPanel::confirmCompleting(QWidget *parent)
{
    QMessageBox ask(QMessageBox::Question, tr("Complete the review"),
                    tr("Complete this review?\n\nCompleting locks it: nobody can change an answer afterwards. To "
                       "change anything, someone has to reopen it and give a reason, which is kept in the audit "
                       "trail."),
                    QMessageBox::NoButton, parent);
    ask.setObjectName(QStringLiteral("confirmComplete"));
    QPushButton *yes = ask.addButton(tr("&Complete and lock"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmCompleteYes"));
    ask.addButton(tr("&Not yet"), QMessageBox::RejectRole);
    ask.setDefaultButton(yes);
    ask.exec();
    return ask.clickedButton() == yes;
}

} // namespace coform
