#include "reviews/previousanswer.h"

#include "pdf/formcontent.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace coform {

namespace {

bool isEmpty(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())
           || (v.isArray() && v.toArray().isEmpty());
}

/// Multiple choices compare as sets: ticking the same boxes in another order is the same answer.
bool sameAnswer(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isArray() && b.isArray()) {
        QStringList x = a.toVariant().toStringList(), y = b.toVariant().toStringList();
        x.sort();
        y.sort();
        return x == y;
    }
    return a == b;
}

} // namespace

PreviousAnswer::PreviousAnswer(const Template &t, const Item &item, const QJsonValue &previous, const QDate &completed,
                               QWidget *question, std::function<void(const QJsonValue &)> copy, QWidget *parent)
    : QWidget(parent)
    , m_previous(previous)
{
    setObjectName(QStringLiteral("previous-%1").arg(item.id));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#previous-%1 { border-left: 3px solid #6b7c93; }").arg(item.id));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 0, 6);
    const QString shown = answerAsText(t, item, previous);
    auto *text = new QLabel(
        tr("Last review, %1:\n%2")
            .arg(QLocale().toString(completed, QLocale::LongFormat), shown.isEmpty() ? tr("not answered") : shown));
    text->setObjectName(QStringLiteral("previousText-%1").arg(item.id));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("previousStatus-%1").arg(item.id));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    m_same = new QPushButton(tr("Same as last time"));
    m_same->setObjectName(QStringLiteral("same-%1").arg(item.id));
    m_same->setAccessibleName(tr("Same as last time: %1").arg(shown.isEmpty() ? tr("not answered") : shown));
    m_same->setToolTip(tr("Copy last review's answer (Ctrl+L while the question has the focus)"));
    m_same->setEnabled(!isEmpty(previous) && item.type != ItemType::Signature);
    layout->addWidget(m_same, 0, Qt::AlignLeft);
    layout->addStretch();
    setAccessibleName(tr("Last review's answer to this question"));

    const auto copyIt = [this, copy] {
        if (m_same->isEnabled() && isEnabled())
            copy(m_previous);
    };
    connect(m_same, &QPushButton::clicked, this, copyIt);
    for (QWidget *scope : {question, static_cast<QWidget *>(this)}) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), scope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, copyIt);
    }
    // Hidden and shown with its question (showIf).
    question->installEventFilter(this);
    setCurrent({});
}

bool PreviousAnswer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::HideToParent)
        hide();
    else if (event->type() == QEvent::ShowToParent)
        show();
    return QWidget::eventFilter(watched, event);
}

void PreviousAnswer::setCurrent(const QJsonValue &current)
{
    m_differs = !isEmpty(current) && !sameAnswer(current, m_previous);
    QString status;
    if (isEmpty(current))
        status = tr("Not answered yet");
    else if (m_differs)
        status = tr("\u2260 Changed since the last review");
    else
        status = tr("\u2713 Same as the last review");
    m_status->setText(status);
    // Changes stand out: the words, a mark and bold type, with a tint for those who see it.
    m_status->setStyleSheet(m_differs ? QStringLiteral("font-weight: bold; background: #fff1c2; color: #5c3d00; "
                                                       "padding: 2px")
                                      : QString());
    setAccessibleDescription(status);
}

} // namespace coform
