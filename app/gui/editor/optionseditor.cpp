#include "editor/optionseditor.h"

#include "common/flowlayout.h"

#include <QEvent>
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

OptionsEditor::OptionsEditor(QWidget *parent, Rows rows)
    : QWidget(parent)
    , m_rows(rows)
{
    const bool columns = rows == Rows::Columns;
    const QString name = columns ? QStringLiteral("Column") : QStringLiteral("Option");
    setObjectName(QStringLiteral("property%1sEditor").arg(name));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("property%1s").arg(name));
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
    m_table->setToolTip(columns ? tr("Type to change a column's heading. Press F2 to change a cell.")
                                : tr("Type to change an answer's words. Press F2 to change a cell."));
    m_table->installEventFilter(this);

    auto button = [this, &name](const QString &action, const QString &text) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QStringLiteral("property%1%2").arg(action, name));
        b->setAccessibleName(QString(text).remove(QLatin1Char('&')));
        return b;
    };
    QPushButton *add = button(QStringLiteral("Add"), columns ? tr("Add a column") : tr("Add an answer"));
    QPushButton *remove = button(QStringLiteral("Remove"), tr("Remove"));
    remove->setAccessibleName(columns ? tr("Remove the chosen column") : tr("Remove the chosen answer"));
    remove->setToolTip(remove->accessibleName());
    QPushButton *up = button(QStringLiteral("MoveUp"), tr("Move up"));
    up->setToolTip(columns ? tr("Move the chosen column one place earlier") : tr("Move the chosen answer up"));
    QPushButton *down = button(QStringLiteral("MoveDown"), tr("Move down"));
    down->setToolTip(columns ? tr("Move the chosen column one place later") : tr("Move the chosen answer down"));
    // The buttons wrap onto a second row in a narrow panel or with large text, instead of widening the panel.
    auto *buttons = new FlowLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(up);
    buttons->addWidget(down);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &OptionsEditor::addOption);
    connect(remove, &QPushButton::clicked, this, &OptionsEditor::removeOption);
    connect(up, &QPushButton::clicked, this, [this] { moveOption(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveOption(1); });
    connect(m_table, &QTableWidget::itemChanged, this,
            [this](QTableWidgetItem *changed) { cellEdited(changed->row(), changed->column()); });
}

void OptionsEditor::setItem(const Item &item)
{
    m_filling = true;
    const int currentRow = m_table->currentRow();
    m_options.clear();
    if (m_rows == Rows::Columns) {
        for (const Column &column : item.columns)
            m_options.append(Option{column.id, column.label, {}, {}});
    } else {
        m_options = item.options;
    }
    m_scale = m_rows == Rows::Options && item.type == ItemType::Scale;
    const int columns = m_scale ? 3 : 2;
    // Cells are updated in place, never rebuilt while the same rows are shown: a cell just typed in (whose editor is
    // still closing) and the chosen cell stay as they are.
    if (m_table->columnCount() != columns || m_table->rowCount() != m_options.size()) {
        m_table->clear();
        m_table->setColumnCount(columns);
        m_table->setHorizontalHeaderLabels(m_scale ? QStringList{tr("Answer"), tr("What it means"), tr("Code")}
                                           : m_rows == Rows::Columns ? QStringList{tr("Column heading"), tr("Code")}
                                                                     : QStringList{tr("Answer"), tr("Code")});
        m_table->setRowCount(int(m_options.size()));
    }
    auto put = [this](int row, int column, const QString &text, bool editable) {
        QTableWidgetItem *existing = m_table->item(row, column);
        if (!existing) {
            m_table->setItem(row, column, cell(text, editable));
        } else if (existing->text() != text) {
            existing->setText(text);
            existing->setToolTip(text);
        }
    };
    for (int row = 0; row < m_options.size(); ++row) {
        const Option &option = m_options.at(row);
        put(row, 0, option.label, true);
        if (m_scale)
            put(row, 1, option.description, true);
        put(row, m_scale ? 2 : 1, option.value, false);
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
    report(options);
}

void OptionsEditor::report(const QVector<Option> &rows)
{
    if (m_rows == Rows::Options) {
        emit optionsEdited(rows);
        return;
    }
    QVector<Column> columns;
    for (const Option &row : rows)
        columns.append(Column{row.value, row.label});
    emit columnsEdited(columns);
}

void OptionsEditor::moveOption(int step)
{
    const int row = m_table->currentRow();
    const int to = row + step;
    if (row < 0 || row >= m_options.size() || to < 0 || to >= m_options.size())
        return;
    QVector<Option> options = m_options;
    options.move(row, to);
    report(options);
    m_table->setCurrentCell(to, m_table->currentColumn());
}

void OptionsEditor::addOption()
{
    QVector<Option> options = m_options;
    auto taken = [&options](const QString &value) {
        return std::any_of(options.cbegin(), options.cend(), [&value](const Option &o) { return o.value == value; });
    };
    const QString stem = m_rows == Rows::Columns ? QStringLiteral("column-%1") : QStringLiteral("answer-%1");
    int n = int(options.size()) + 1;
    while (taken(stem.arg(n)))
        ++n;
    options.append(Option{stem.arg(n), m_rows == Rows::Columns ? tr("New column") : tr("New answer"), {}, {}});
    report(options);
}

void OptionsEditor::removeOption()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_options.size())
        return;
    QVector<Option> options = m_options;
    options.remove(row);
    report(options);
}

} // namespace coform
