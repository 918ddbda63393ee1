#include "preview/meetingview.h"

#include "common/templatewords.h"
#include "document/templatedocument.h"
#include "editor/picturepixmap.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

namespace {
QLabel *makeLabel(const QString &name, double scale, bool bold, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    label->setFont(font);
    return label;
}
} // namespace

MeetingView::MeetingView(TemplateDocument *document, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_document(document)
{
    setObjectName(QStringLiteral("meetingView"));
    setWindowTitle(tr("Meeting view \u2013 Coform"));
    setAccessibleName(tr("Meeting view"));
    m_section = makeLabel(QStringLiteral("meetingSection"), 1.6, false, this);
    m_question = makeLabel(QStringLiteral("meetingQuestion"), 3.0, true, this);
    m_picture = new QLabel(this);
    m_picture->setObjectName(QStringLiteral("meetingPicture"));
    m_picture->setAlignment(Qt::AlignTop);
    m_help = makeLabel(QStringLiteral("meetingHelp"), 2.0, false, this);
    m_answers = makeLabel(QStringLiteral("meetingAnswers"), 2.2, false, this);
    m_hints = makeLabel(QStringLiteral("meetingHints"), 1.6, false, this);
    m_comments = makeLabel(QStringLiteral("meetingComments"), 1.6, false, this);
    m_position = makeLabel(QStringLiteral("meetingPosition"), 1.4, false, this);
    m_previous = new QPushButton(tr("Previous question"), this);
    m_previous->setObjectName(QStringLiteral("meetingPrevious"));
    m_previous->setAccessibleName(tr("Previous question"));
    m_previous->setToolTip(tr("Previous question (Page Up)"));
    m_next = new QPushButton(tr("Next question"), this);
    m_next->setObjectName(QStringLiteral("meetingNext"));
    m_next->setAccessibleName(tr("Next question"));
    m_next->setToolTip(tr("Next question (Page Down)"));
    auto *close = new QPushButton(tr("Close the meeting view"), this);
    close->setObjectName(QStringLiteral("meetingClose"));
    close->setAccessibleName(tr("Close the meeting view"));
    close->setToolTip(tr("Close the meeting view (Escape)"));
    for (QPushButton *button : {m_previous, m_next, close}) {
        QFont font = button->font();
        font.setPointSizeF(font.pointSizeF() * 1.6);
        button->setFont(font);
    }

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(m_position);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->setSpacing(24);
    layout->addWidget(m_section);
    auto *question = new QHBoxLayout;
    question->setSpacing(24);
    question->addWidget(m_picture, 0, Qt::AlignTop);
    question->addWidget(m_question, 1);
    layout->addLayout(question);
    layout->addWidget(m_help);
    layout->addWidget(m_answers);
    layout->addWidget(m_hints);
    layout->addWidget(m_comments);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_previous, &QPushButton::clicked, this, &MeetingView::previous);
    connect(m_next, &QPushButton::clicked, this, &MeetingView::next);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_document, &TemplateDocument::contentChanged, this, &MeetingView::refresh);
    connect(m_document, &TemplateDocument::templateReplaced, this, [this] { showId({}); });
    resize(1024, 700);
}

int MeetingView::currentPosition() const
{
    const QVector<const Item *> items = m_document->content().allItems();
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i)->id == m_currentId)
            return i;
    }
    return -1;
}

void MeetingView::showId(const QString &id)
{
    const Template &t = m_document->content();
    QString itemId = id;
    if (const Section *section = t.findSection(id))
        itemId = section->items.isEmpty() ? QString() : section->items.first().id;
    if (!t.findItem(itemId)) {
        const QVector<const Item *> items = t.allItems();
        itemId = items.isEmpty() ? QString() : items.first()->id;
    }
    const bool moved = itemId != m_currentId;
    m_currentId = itemId;
    refresh();
    if (moved)
        emit currentChanged(m_currentId);
}

void MeetingView::setCommentsProvider(CommentsProvider provider)
{
    m_commentsProvider = std::move(provider);
    refresh();
}

void MeetingView::next()
{
    const QVector<const Item *> items = m_document->content().allItems();
    const int position = currentPosition();
    if (position + 1 < items.size())
        showId(items.at(position + 1)->id);
}

void MeetingView::previous()
{
    const QVector<const Item *> items = m_document->content().allItems();
    const int position = currentPosition();
    if (position > 0)
        showId(items.at(position - 1)->id);
}

void MeetingView::refresh()
{
    const Template &t = m_document->content();
    const Item *item = t.findItem(m_currentId);
    if (!item) {
        m_section->clear();
        m_question->setText(tr("There are no questions in this form yet."));
        m_help->clear();
        m_picture->clear();
        m_picture->hide();
        m_answers->clear();
        m_hints->clear();
        m_comments->clear();
        m_position->clear();
        m_previous->setEnabled(false);
        m_next->setEnabled(false);
        return;
    }
    const int number = t.questionNumbers().value(item->id);
    m_section->setText(t.sectionOfItem(item->id)->title);
    m_question->setText(number > 0 ? QStringLiteral("%1. %2").arg(number).arg(item->label) : item->label);
    m_help->setText(item->help);
    m_help->setVisible(!item->help.isEmpty());
    // The picture beside the question, as large as three lines of it.
    if (item->picture) {
        const int size = qMax(96, m_question->fontMetrics().height() * 3);
        m_picture->setPixmap(picturePixmap(*item->picture, size, devicePixelRatioF()));
        m_picture->setAccessibleName(item->picture->alt.isEmpty() ? tr("A picture") : item->picture->alt);
    } else {
        m_picture->clear();
    }
    m_picture->setVisible(item->picture.has_value());
    QStringList answers;
    for (const Option &option : item->options)
        answers.append(QStringLiteral("\u2022 ") + option.label);
    if (item->type == ItemType::YesNo)
        answers = {QStringLiteral("\u2022 ") + tr("Yes"), QStringLiteral("\u2022 ") + tr("No")};
    m_answers->setText(answers.join(QLatin1Char('\n')));
    m_answers->setVisible(!answers.isEmpty());
    QStringList hints = TemplateWords::plainLanguageHints(item->label);
    for (const QString &hint : TemplateWords::plainLanguageHints(item->help)) {
        if (!hints.contains(hint))
            hints.append(hint);
    }
    m_hints->setText(hints.isEmpty() ? QString() : tr("Plain words: %1").arg(hints.join(QLatin1Char('\n'))));
    m_hints->setVisible(!hints.isEmpty());
    const QStringList comments = m_commentsProvider ? m_commentsProvider(item->id) : QStringList();
    m_comments->setText(comments.isEmpty()
                            ? QString()
                            : tr("Comments (%1 open):\n%2").arg(comments.size()).arg(comments.join(QLatin1Char('\n'))));
    m_comments->setVisible(!comments.isEmpty());
    const int position = currentPosition();
    const int count = int(t.allItems().size());
    m_position->setText(tr("%1 of %2").arg(position + 1).arg(count));
    m_previous->setEnabled(position > 0);
    m_next->setEnabled(position + 1 < count);
    setAccessibleDescription(m_question->text());
}

void MeetingView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
        next();
        return;
    case Qt::Key_PageUp:
    case Qt::Key_Left:
    case Qt::Key_Up:
        previous();
        return;
    case Qt::Key_Escape:
        close();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace coform
