#include "optionseditor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QResizeEvent>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coform {

namespace {
QTableWidgetItem *cell(const QString &text, bool editable)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}
} // namespace

OptionsEditor::OptionsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("propertyOptionsEditor"));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("propertyOptions"));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_table->setToolTip(tr("Type to change an answer's words. Press F2 to change a cell."));
    m_table->installEventFilter(this);

    auto *add = new QPushButton(tr("Add an answer"), this);
    add->setObjectName(QStringLiteral("propertyAddOption"));
    add->setAccessibleName(tr("Add an answer"));
    auto *remove = new QPushButton(tr("Remove the chosen answer"), this);
    remove->setObjectName(QStringLiteral("propertyRemoveOption"));
    remove->setAccessibleName(tr("Remove the chosen answer"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &OptionsEditor::addOption);
    connect(remove, &QPushButton::clicked, this, &OptionsEditor::removeOption);
    connect(m_table, &QTableWidget::itemChanged, this,
            [this](QTableWidgetItem *changed) { cellEdited(changed->row(), changed->column()); });
}

void OptionsEditor::setItem(const Item &item)
{
    m_filling = true;
    const int currentRow = m_table->currentRow();
    m_options = item.options;
    m_scale = item.type == ItemType::Scale;
    m_table->clear();
    m_table->setColumnCount(m_scale ? 3 : 2);
    m_table->setHorizontalHeaderLabels(m_scale ? QStringList{tr("Answer"), tr("What it means"), tr("Code")}
                                               : QStringList{tr("Answer"), tr("Code")});
    m_table->setRowCount(int(m_options.size()));
    for (int row = 0; row < m_options.size(); ++row) {
        const Option &option = m_options.at(row);
        m_table->setItem(row, 0, cell(option.label, true));
        if (m_scale)
            m_table->setItem(row, 1, cell(option.description, true));
        m_table->setItem(row, m_scale ? 2 : 1, cell(option.value, false));
    }
    if (currentRow >= 0 && currentRow < m_table->rowCount())
        m_table->setCurrentCell(currentRow, 0);
    fitHeight();
    m_filling = false;
}

void OptionsEditor::fitHeight()
{
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->sizeHint().height();
    for (int row = 0; row < m_table->rowCount(); ++row)
        height += m_table->rowHeight(row);
    m_table->setFixedHeight(height + 2 * m_table->frameWidth() + 2);
}

void OptionsEditor::editAnswer(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_table->setCurrentCell(row, 0);
    m_table->setFocus(Qt::OtherFocusReason);
    m_table->editItem(m_table->item(row, 0));
}

bool OptionsEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        // Wrapped rows change height with the width; the columns are laid out once this event is handled.
        if (resize->size().width() != resize->oldSize().width())
            QMetaObject::invokeMethod(this, &OptionsEditor::fitHeight, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void OptionsEditor::cellEdited(int row, int column)
{
    if (m_filling || row >= m_options.size())
        return;
    QVector<Option> options = m_options;
    const QString text = m_table->item(row, column)->text();
    if (column == 0)
        options[row].label = text;
    else if (m_scale && column == 1)
        options[row].description = text;
    else
        return;
    emit optionsEdited(options);
}

void OptionsEditor::addOption()
{
    QVector<Option> options = m_options;
    auto taken = [&options](const QString &value) {
        return std::any_of(options.cbegin(), options.cend(), [&value](const Option &o) { return o.value == value; });
    };
    int n = int(options.size()) + 1;
    while (taken(QStringLiteral("answer-%1").arg(n)))
        ++n;
    options.append(Option{QStringLiteral("answer-%1").arg(n), tr("New answer"), {}});
    emit optionsEdited(options);
}

void OptionsEditor::removeOption()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_options.size())
        return;
    QVector<Option> options = m_options;
    options.remove(row);
    emit optionsEdited(options);
}

} // namespace coform
