#include "shared/commentspanel.h"

#include "common/flowlayout.h"
#include "common/templatewords.h"
#include "shared/changedetailwords.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {
constexpr int ThreadIdRole = Qt::UserRole + 1;
enum Scope { ThisQuestion = 0, WholeTemplate = 1 };
} // namespace

CommentsPanel::CommentsPanel(Database &db, const Session &session, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_session(session)
    , m_scope(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_add(new QPushButton(tr("&Add comment"), this))
    , m_reply(new QPushButton(tr("Repl&y"), this))
    , m_resolve(new QPushButton(tr("Reso&lve"), this))
    , m_reopen(new QPushButton(tr("Re&open"), this))
{
    setObjectName(QStringLiteral("commentsPanel"));
    setAccessibleName(tr("Comments"));

    m_scope->setObjectName(QStringLiteral("commentsScope"));
    m_scope->setAccessibleName(tr("Show comments on"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon); // narrow column, large text
    m_scope->setMinimumContentsLength(8);
    m_scope->addItem(tr("This question"));
    m_scope->addItem(tr("The whole template"));

    m_list->setObjectName(QStringLiteral("commentsList"));
    m_list->setAccessibleName(tr("Comment threads, oldest first"));
    m_list->setHeaderLabels({tr("Comment"), tr("Who"), tr("When"), tr("Open or resolved")});
    m_list->setWordWrap(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(true);

    m_status->setObjectName(QStringLiteral("commentsStatus"));
    m_status->setWordWrap(true);

    m_text->setObjectName(QStringLiteral("commentsText"));
    m_text->setAccessibleName(tr("Your comment or reply"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("Write your comment or reply here."));
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 6);

    m_add->setObjectName(QStringLiteral("commentsAdd"));
    m_add->setAccessibleName(tr("Add a new comment"));
    m_reply->setObjectName(QStringLiteral("commentsReply"));
    m_reply->setAccessibleName(tr("Reply to the chosen comment"));
    m_resolve->setObjectName(QStringLiteral("commentsResolve"));
    m_resolve->setAccessibleName(tr("Mark the chosen comment as resolved"));
    m_reopen->setObjectName(QStringLiteral("commentsReopen"));
    m_reopen->setAccessibleName(tr("Reopen the chosen comment"));

    auto *scopeRow = new FlowLayout; // the choice goes under its label when the two do not fit side by side
    auto *scopeLabel = new QLabel(tr("Show comme&nts on:"), this);
    scopeLabel->setBuddy(m_scope);
    scopeRow->addWidget(scopeLabel);
    scopeRow->addWidget(m_scope);
    auto *textLabel = new QLabel(tr("Your &words:"), this);
    textLabel->setBuddy(m_text);

    auto *buttons = new FlowLayout; // the buttons wrap with large text or a narrow column
    buttons->addWidget(m_add);
    buttons->addWidget(m_reply);
    buttons->addWidget(m_resolve);
    buttons->addWidget(m_reopen);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(scopeRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(textLabel);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    setTabOrder(m_scope, m_list);
    setTabOrder(m_list, m_text);
    setTabOrder(m_text, m_add);
    setTabOrder(m_add, m_reply);
    setTabOrder(m_reply, m_resolve);
    setTabOrder(m_resolve, m_reopen);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &CommentsPanel::refresh);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CommentsPanel::updateButtons);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CommentsPanel::updateButtons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (addComment(m_text->toPlainText()))
            m_text->clear();
    });
    connect(m_reply, &QPushButton::clicked, this, [this] {
        if (reply(currentThreadId(), m_text->toPlainText()))
            m_text->clear();
    });
    connect(m_resolve, &QPushButton::clicked, this, [this] { resolve(currentThreadId()); });
    connect(m_reopen, &QPushButton::clicked, this, [this] { reopen(currentThreadId()); });
    updateButtons();
}

void CommentsPanel::setTemplateId(const QString &templateId)
{
    m_templateId = templateId;
    m_itemId.clear();
    refresh();
}

void CommentsPanel::setItemId(const QString &itemId)
{
    m_itemId = itemId;
    const QSignalBlocker block(m_scope);
    m_scope->setCurrentIndex(itemId.isEmpty() ? WholeTemplate : ThisQuestion);
    m_scope->setEnabled(!itemId.isEmpty());
    refresh();
}

QString CommentsPanel::shownItemId() const
{
    return m_scope->currentIndex() == ThisQuestion ? m_itemId : QString();
}

void CommentsPanel::refresh()
{
    const qint64 current = currentThreadId();
    m_threads.clear();
    m_list->clear();
    if (m_templateId.isEmpty()) {
        m_status->setText(tr("No stored template is open."));
        updateButtons();
        return;
    }
    CommentStore store(m_db, m_session);
    const Result<QVector<CommentThread>> threads = store.threadsOnItem(m_templateId, shownItemId());
    if (!threads.ok()) {
        m_status->setText(tr("The comments cannot be read: %1").arg(threads.message()));
    } else {
        m_threads = threads.value();
        QTreeWidgetItem *toSelect = nullptr;
        for (const CommentThread &thread : m_threads) {
            const QString state =
                thread.resolved
                    ? tr("Resolved by %1 on %2").arg(thread.resolvedBy, ChangeDetailWords::when(thread.resolvedAt))
                    : tr("Open");
            QTreeWidgetItem *top = nullptr;
            for (int i = 0; i < thread.comments.size(); ++i) {
                const Comment &c = thread.comments.at(i);
                const QStringList columns{c.body, c.author, ChangeDetailWords::when(c.at),
                                          i == 0 ? state : tr("Reply")};
                QTreeWidgetItem *row = top ? new QTreeWidgetItem(top, columns) : new QTreeWidgetItem(m_list, columns);
                row->setData(0, ThreadIdRole, thread.id);
                for (int column = 0; column < 4; ++column)
                    row->setToolTip(column, row->text(column));
                if (!top)
                    top = row;
            }
            if (top) {
                top->setExpanded(true);
                if (thread.id == current)
                    toSelect = top;
            }
        }
        if (toSelect)
            m_list->setCurrentItem(toSelect);
        int open = 0;
        for (const CommentThread &thread : m_threads)
            open += thread.resolved ? 0 : 1;
        m_status->setText(m_threads.isEmpty() ? tr("No comments here yet.")
                                              : tr("%1, %2 open.")
                                                    .arg(TemplateWords::count(m_threads.size(), tr("comment thread"),
                                                                              tr("comment threads")),
                                                         QLocale().toString(open)));
    }

    const Result<QMap<QString, int>> counts = store.unresolvedCounts(m_templateId);
    if (counts.ok()) {
        int total = 0;
        for (int n : counts.value())
            total += n;
        emit unresolvedCountsChanged(counts.value());
        if (total != m_unresolvedTotal) {
            m_unresolvedTotal = total;
            emit unresolvedCountChanged(total);
        }
    }
    updateButtons();
}

qint64 CommentsPanel::currentThreadId() const
{
    const QTreeWidgetItem *row = m_list->currentItem();
    return row ? row->data(0, ThreadIdRole).toLongLong() : 0;
}

void CommentsPanel::updateButtons()
{
    const qint64 threadId = currentThreadId();
    const CommentThread *thread = nullptr;
    for (const CommentThread &t : m_threads) {
        if (t.id == threadId)
            thread = &t;
    }
    const bool hasText = !m_text->toPlainText().trimmed().isEmpty();
    m_add->setEnabled(!m_templateId.isEmpty() && hasText);
    m_reply->setEnabled(thread && hasText);
    m_resolve->setEnabled(thread && !thread->resolved);
    m_reopen->setEnabled(thread && thread->resolved);
}

void CommentsPanel::showOutcome(const Outcome &outcome, const QString &done)
{
    refresh();
    m_status->setText(outcome.ok() ? done : tr("That did not work: %1").arg(outcome.message));
}

bool CommentsPanel::addComment(const QString &text)
{
    if (m_templateId.isEmpty() || text.trimmed().isEmpty())
        return false;
    CommentStore store(m_db, m_session);
    const Result<CommentThread> thread = store.startThread(m_templateId, shownItemId(), text.trimmed());
    showOutcome(thread.outcome(), tr("Your comment was added."));
    if (thread.ok()) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            if (m_list->topLevelItem(i)->data(0, ThreadIdRole).toLongLong() == thread->id)
                m_list->setCurrentItem(m_list->topLevelItem(i));
        }
    }
    return thread.ok();
}

bool CommentsPanel::reply(qint64 threadId, const QString &text)
{
    if (threadId == 0 || text.trimmed().isEmpty())
        return false;
    CommentStore store(m_db, m_session);
    const Result<CommentThread> thread = store.reply(threadId, text.trimmed());
    showOutcome(thread.outcome(), tr("Your reply was added."));
    return thread.ok();
}

bool CommentsPanel::resolve(qint64 threadId)
{
    if (threadId == 0)
        return false;
    CommentStore store(m_db, m_session);
    const Outcome outcome = store.resolve(threadId);
    showOutcome(outcome, tr("The comment is marked as resolved."));
    return outcome.ok();
}

bool CommentsPanel::reopen(qint64 threadId)
{
    if (threadId == 0)
        return false;
    CommentStore store(m_db, m_session);
    const Outcome outcome = store.reopen(threadId);
    showOutcome(outcome, tr("The comment is open again."));
    return outcome.ok();
}

} // namespace coform
