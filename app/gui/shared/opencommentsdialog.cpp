#include "shared/opencommentsdialog.h"

#include "common/templatewords.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {
constexpr int ThreadIdRole = Qt::UserRole + 1;
}

OpenCommentsDialog::OpenCommentsDialog(Database &db, const Session &session, const Template &version,
                                       const QVector<CommentThread> &open, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_session(session)
    , m_intro(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_resolve(new QPushButton(tr("&Mark the chosen comment as resolved"), this))
    , m_reason(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_publish(new QPushButton(tr("&Publish"), this))
{
    setObjectName(QStringLiteral("openCommentsDialog"));
    setWindowTitle(tr("Open comments"));
    setAccessibleName(tr("Open comments before publishing"));

    m_intro->setObjectName(QStringLiteral("openCommentsIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(
        tr("Some comments are still open. Before version %1 is published, mark each one resolved (the form was "
           "changed, "
           "or it no longer needs to be), or say why the form is not changed as they ask. Your reason goes in the "
           "\u201cWhat changed\u201d summary under \u201cNot changed, and why\u201d.")
            .arg(version.version));

    m_list->setObjectName(QStringLiteral("openCommentsList"));
    m_list->setAccessibleName(tr("Open comments"));
    m_list->setHeaderLabels({tr("Question"), tr("Who"), tr("What they said")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(true);
    const QMap<QString, int> numbers = version.questionNumbers();
    for (const CommentThread &thread : open) {
        QString where = tr("The whole form");
        if (const Item *item = version.findItem(thread.itemId))
            where = numbers.contains(item->id) ? tr("Question %1, %2").arg(numbers.value(item->id)).arg(item->label)
                                               : item->label;
        const Comment last = thread.comments.isEmpty() ? Comment{} : thread.comments.constLast();
        auto *row = new QTreeWidgetItem(m_list, {where, last.author, last.body});
        row->setData(0, ThreadIdRole, thread.id);
        for (int column = 0; column < 3; ++column)
            row->setToolTip(column, row->text(column));
    }
    m_list->setCurrentItem(m_list->topLevelItem(0));
    m_list->setColumnWidth(0, 280);
    m_list->setColumnWidth(1, 110);

    m_resolve->setObjectName(QStringLiteral("openCommentsResolve"));
    m_resolve->setAccessibleName(tr("Mark the chosen comment as resolved"));

    auto *reasonLabel = new QLabel(tr("&Why the form is not changed as the open comments ask:"), this);
    reasonLabel->setWordWrap(true);
    reasonLabel->setBuddy(m_reason);
    m_reason->setObjectName(QStringLiteral("openCommentsReason"));
    m_reason->setAccessibleName(tr("Why the form is not changed as the open comments ask"));
    m_reason->setTabChangesFocus(true);
    m_reason->setMaximumHeight(m_reason->fontMetrics().lineSpacing() * 5);

    m_status->setObjectName(QStringLiteral("openCommentsStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_publish->setObjectName(QStringLiteral("openCommentsPublish"));
    m_publish->setAccessibleName(tr("Publish with the reason given"));
    buttons->addButton(m_publish, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(tr("Do &not publish yet"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("openCommentsCancel"));
    cancel->setAccessibleName(tr("Do not publish yet"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_resolve, 0, Qt::AlignLeft);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setTabOrder(m_list, m_resolve);
    setTabOrder(m_resolve, m_reason);

    resize(760, 520);
    connect(m_resolve, &QPushButton::clicked, this, &OpenCommentsDialog::resolveChosen);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &OpenCommentsDialog::update);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_list->setFocus();
    update();
}

QString OpenCommentsDialog::reason() const
{
    return openCount() > 0 ? m_reason->toPlainText().trimmed() : QString();
}

int OpenCommentsDialog::openCount() const
{
    return m_list->topLevelItemCount();
}

void OpenCommentsDialog::resolveChosen()
{
    QTreeWidgetItem *row = m_list->currentItem();
    if (!row)
        return;
    const Outcome done = CommentStore(m_db, m_session).resolve(row->data(0, ThreadIdRole).toLongLong());
    if (!done.ok()) {
        m_status->setText(tr("That comment could not be marked resolved: %1").arg(done.message));
        return;
    }
    delete row;
    update();
}

void OpenCommentsDialog::update()
{
    const int open = openCount();
    const bool ready = open == 0 || !m_reason->toPlainText().trimmed().isEmpty();
    m_publish->setEnabled(ready);
    m_resolve->setEnabled(open > 0);
    if (open == 0)
        m_status->setText(tr("Every comment is resolved: the version can be published."));
    else if (ready)
        m_status->setText(tr("%1: your reason will be given for each.")
                              .arg(TemplateWords::count(open, tr("open comment"), tr("open comments"))));
    else
        m_status->setText(tr("%1: resolve each, or say why the form is not changed, to publish.")
                              .arg(TemplateWords::count(open, tr("open comment"), tr("open comments"))));
}

} // namespace coform
