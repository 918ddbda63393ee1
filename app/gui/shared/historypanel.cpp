#include "shared/historypanel.h"

#include "common/flowlayout.h"
#include "common/templatewords.h"
#include "shared/changedetailwords.h"
#include "shared/changewords.h"
#include "store/commentstore.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace coform {

namespace {
constexpr int RecordRole = Qt::UserRole + 1; ///< the change's position in m_shown
}

HistoryPanel::HistoryPanel(Database &db, const Session &session, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_session(session)
    , m_personFilter(new QComboBox(this))
    , m_itemFilter(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_showAsItWas(new QPushButton(tr("As it was"), this))
    , m_asItWasHeading(new QLabel(tr("The question as it was then:"), this))
    , m_asItWas(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    setAccessibleName(tr("History of changes"));

    m_personFilter->setObjectName(QStringLiteral("historyPersonFilter"));
    m_personFilter->setAccessibleName(tr("Show changes made by"));
    m_itemFilter->setObjectName(QStringLiteral("historyItemFilter"));
    m_itemFilter->setAccessibleName(tr("Show changes to"));
    m_itemFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_itemFilter->setMinimumContentsLength(6);
    m_personFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_personFilter->setMinimumContentsLength(6);

    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Changes, newest first"));
    m_list->setHeaderLabels({tr("When"), tr("Who"), tr("What changed"), tr("Why")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(false);
    m_list->setWordWrap(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Interactive);
    m_list->header()->resizeSection(3, m_list->fontMetrics().averageCharWidth() * 16);

    m_showAsItWas->setObjectName(QStringLiteral("historyShowAsItWas"));
    m_showAsItWas->setAccessibleName(tr("Show this question as it was then"));
    m_showAsItWas->setEnabled(false);

    m_asItWasHeading->setObjectName(QStringLiteral("historyAsItWasHeading"));
    m_asItWas->setObjectName(QStringLiteral("historyAsItWas"));
    m_asItWas->setAccessibleName(tr("The question as it was then (read only)"));
    m_asItWas->setReadOnly(true);
    m_asItWas->setTabChangesFocus(true);
    m_asItWas->setPlaceholderText(tr("Choose a change above, then press \u201cAs it was\u201d."));
    m_asItWasHeading->setBuddy(m_asItWas);

    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);

    // The filters on one line when there is room, wrapping with large text or a narrow column; the question as it
    // was under the list, so that each keeps the column's width.
    auto *filters = new FlowLayout(nullptr, 8);
    auto pair = [this, filters](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        filters->addWidget(label); // the box goes under its label when the two do not fit side by side
        filters->addWidget(field);
    };
    pair(tr("&Made by:"), m_personFilter);
    pair(tr("&Question:"), m_itemFilter);
    filters->addWidget(m_status);

    auto *asItWas = new QWidget(this);
    auto *asItWasLayout = new QVBoxLayout(asItWas);
    asItWasLayout->setContentsMargins(0, 0, 0, 0);
    asItWasLayout->addWidget(m_showAsItWas);
    asItWasLayout->addWidget(m_asItWasHeading);
    asItWasLayout->addWidget(m_asItWas, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("historySplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_list);
    split->addWidget(asItWas);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_asItWas->setMinimumHeight(m_asItWas->fontMetrics().height() * 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(300);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HistoryPanel::refresh);

    setTabOrder(m_personFilter, m_itemFilter);
    setTabOrder(m_itemFilter, m_list);
    setTabOrder(m_list, m_showAsItWas);
    setTabOrder(m_showAsItWas, m_asItWas);

    connect(m_personFilter, &QComboBox::currentIndexChanged, this, &HistoryPanel::reloadList);
    connect(m_itemFilter, &QComboBox::currentIndexChanged, this, &HistoryPanel::reloadList);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HistoryPanel::onCurrentChangeChanged);
    connect(m_list, &QTreeWidget::itemActivated, this, &HistoryPanel::showItemAsItWas);
    connect(m_showAsItWas, &QPushButton::clicked, this, &HistoryPanel::showItemAsItWas);
}

void HistoryPanel::setTemplateId(const QString &templateId)
{
    m_templateId = templateId;
    m_asItWas->clear();
    refresh();
}

void HistoryPanel::refreshSoon()
{
    m_refreshTimer.start();
}

void HistoryPanel::refresh()
{
    m_refreshTimer.stop();
    QVector<ChangeRecord> all;
    m_latest = Template{};
    m_commentTexts.clear();
    if (!m_templateId.isEmpty()) {
        TemplateStore store(m_db, m_session);
        Result<QVector<ChangeRecord>> history = store.history(m_templateId);
        if (!history.ok()) {
            m_status->setText(tr("The history cannot be read: %1").arg(history.message()));
            emit failed(history.message());
        } else {
            all = history.value();
        }
        if (Result<Template> latest = store.get(m_templateId); latest.ok())
            m_latest = latest.value();
        // Comments behind changes, by comment id (a change may point at a reply, not only a thread's start).
        CommentStore comments(m_db, m_session);
        if (Result<QVector<CommentThread>> threads = comments.threads(m_templateId); threads.ok()) {
            for (const CommentThread &thread : threads.value()) {
                for (const Comment &c : thread.comments)
                    m_commentTexts.insert(c.id, tr("%1 said: \u201c%2\u201d").arg(c.author, c.body));
            }
        }
    }
    reloadFilters(all);
    reloadList();
}

void HistoryPanel::reloadFilters(const QVector<ChangeRecord> &all)
{
    const QString person = m_personFilter->currentData().toString();
    const QString item = m_itemFilter->currentData().toString();
    const QSignalBlocker blockPerson(m_personFilter);
    const QSignalBlocker blockItem(m_itemFilter);

    QStringList people;
    QStringList removedItems;
    for (const ChangeRecord &record : all) {
        if (!people.contains(record.userName))
            people.append(record.userName);
        const QString id = record.edit.itemId();
        if (!id.isEmpty() && !m_latest.findItem(id) && !removedItems.contains(id))
            removedItems.append(id);
    }
    std::sort(people.begin(), people.end(),
              [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    m_personFilter->clear();
    m_personFilter->addItem(tr("Everyone"), QString());
    for (const QString &name : people)
        m_personFilter->addItem(name, name);
    m_personFilter->setCurrentIndex(std::max(0, m_personFilter->findData(person)));

    m_itemFilter->clear();
    m_itemFilter->addItem(tr("All questions"), QString());
    const QMap<QString, int> numbers = m_latest.questionNumbers();
    for (const Item *it : m_latest.allItems())
        m_itemFilter->addItem(TemplateWords::itemHeading(*it, numbers.value(it->id)), it->id);
    for (const QString &id : removedItems)
        m_itemFilter->addItem(tr("Removed question (%1)").arg(id), id);
    m_itemFilter->setCurrentIndex(std::max(0, m_itemFilter->findData(item)));
}

void HistoryPanel::reloadList()
{
    const qint64 currentSeq = currentRecord() ? currentRecord()->seq : 0;
    m_shown.clear();
    m_list->clear();
    if (!m_templateId.isEmpty()) {
        HistoryFilter filter;
        filter.userName = m_personFilter->currentData().toString();
        filter.itemId = m_itemFilter->currentData().toString();
        TemplateStore store(m_db, m_session);
        Result<QVector<ChangeRecord>> history = store.history(m_templateId, filter);
        if (history.ok()) {
            m_shown = history.value();
            std::reverse(m_shown.begin(), m_shown.end());
        }
    }
    QTreeWidgetItem *toSelect = nullptr;
    for (int i = 0; i < m_shown.size(); ++i) {
        const ChangeRecord &record = m_shown.at(i);
        auto *row = new QTreeWidgetItem(m_list, {ChangeDetailWords::when(record.at), record.userName,
                                                 ChangeWords::sentence(record, m_latest), whyText(record)});
        row->setData(0, RecordRole, i);
        for (int column = 0; column < 4; ++column)
            row->setToolTip(column, row->text(column));
        if (record.seq == currentSeq)
            toSelect = row;
    }
    if (toSelect)
        m_list->setCurrentItem(toSelect);
    if (m_templateId.isEmpty())
        m_status->setText(tr("No stored template is open."));
    else if (m_shown.isEmpty() && m_personFilter->currentIndex() <= 0 && m_itemFilter->currentIndex() <= 0)
        m_status->setText(tr("No changes yet."));
    else if (m_shown.isEmpty())
        m_status->setText(tr("No changes match what you chose."));
    else
        m_status->setText(TemplateWords::count(m_shown.size(), tr("change shown"), tr("changes shown")));
    onCurrentChangeChanged();
}

QString HistoryPanel::whyText(const ChangeRecord &record) const
{
    QStringList parts;
    if (!record.note.isEmpty())
        parts << tr("Note: %1").arg(record.note);
    if (record.commentId != 0)
        parts << m_commentTexts.value(record.commentId, tr("Made after a comment"));
    return parts.join(QStringLiteral("; "));
}

const ChangeRecord *HistoryPanel::currentRecord() const
{
    const QTreeWidgetItem *row = m_list->currentItem();
    if (!row)
        return nullptr;
    const int index = row->data(0, RecordRole).toInt();
    return index >= 0 && index < m_shown.size() ? &m_shown.at(index) : nullptr;
}

void HistoryPanel::onCurrentChangeChanged()
{
    const ChangeRecord *record = currentRecord();
    const bool aboutOneItem = record && !record->edit.itemId().isEmpty();
    m_showAsItWas->setEnabled(aboutOneItem);
    if (record && !aboutOneItem)
        m_showAsItWas->setToolTip(tr("This change is not about one question."));
    else
        m_showAsItWas->setToolTip(QString());
}

void HistoryPanel::showItemAsItWas()
{
    const ChangeRecord *record = currentRecord();
    if (!record || record->edit.itemId().isEmpty())
        return;
    TemplateStore store(m_db, m_session);
    const Result<Item> item = store.itemAsOf(m_templateId, record->edit.itemId(), record->seq);
    const QString heading = tr("The question as it was after %1's change on %2:")
                                .arg(record->userName, ChangeDetailWords::when(record->at));
    m_asItWasHeading->setText(heading);
    if (item.ok())
        m_asItWas->setPlainText(ChangeDetailWords::itemDescription(item.value()));
    else if (item.status() == StoreStatus::NotFound)
        m_asItWas->setPlainText(tr("This question was not in the template after this change (it had been removed)."));
    else
        m_asItWas->setPlainText(tr("The question cannot be shown: %1").arg(item.message()));
    m_asItWas->setFocus();
}

} // namespace coform
