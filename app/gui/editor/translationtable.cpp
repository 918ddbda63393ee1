#include "editor/translationtable.h"

#include "common/templatewords.h"

#include <QHeaderView>

namespace coform {

namespace {
/// A translation cell: shows "(not translated yet)" when empty, but edits the real (empty) text.
class TranslationCell : public QTableWidgetItem
{
public:
    explicit TranslationCell(const QString &text)
        : m_text(text)
    {}
    QVariant data(int role) const override
    {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
            if (m_text.isEmpty())
                return TranslationTable::tr("(not translated yet)");
            return m_outOfDate ? TranslationTable::tr("(out of date: the English changed) %1").arg(m_text) : m_text;
        }
        if (role == Qt::EditRole)
            return m_text;
        return QTableWidgetItem::data(role);
    }
    void setData(int role, const QVariant &value) override
    {
        if (role == Qt::EditRole || role == Qt::DisplayRole) {
            m_text = value.toString();
            QTableWidgetItem::setData(Qt::UserRole, m_text); // lets the table notice the change
            return;
        }
        QTableWidgetItem::setData(role, value);
    }

    void setOutOfDate(bool outOfDate) { m_outOfDate = outOfDate; }

private:
    QString m_text;
    bool m_outOfDate = false;
};

QTableWidgetItem *readOnlyCell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}
} // namespace

TranslationTable::TranslationTable(QWidget *parent)
    : QTableWidget(parent)
{
    setObjectName(QStringLiteral("propertyTranslations"));
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setTabKeyNavigation(false);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Type a translation in its language's column. Press F2 to change a cell."));
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *cell) {
        if (m_filling || cell->column() < 2 || cell->column() - 1 >= m_languages.size())
            return;
        const QString property = item(cell->row(), 0)->data(Qt::UserRole).toString();
        emit translationEdited(m_languages.at(cell->column() - 1), property, cell->data(Qt::EditRole).toString());
    });
}

void TranslationTable::setTexts(const QStringList &languages, const QVector<Row> &rows)
{
    m_filling = true;
    m_languages = languages;
    QStringList headers{tr("Text")};
    for (const QString &lang : languages)
        headers.append(TemplateWords::languageName(lang));
    clear();
    setColumnCount(int(headers.size()));
    setHorizontalHeaderLabels(headers);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        QTableWidgetItem *name = readOnlyCell(rows.at(row).name);
        name->setData(Qt::UserRole, rows.at(row).property);
        setItem(row, 0, name);
        const QStringList &texts = rows.at(row).texts;
        for (int lang = 0; lang < texts.size(); ++lang) {
            // The source words are changed in the fields above; the translations here.
            setItem(row, lang + 1, lang == 0 ? readOnlyCell(texts.at(lang)) : new TranslationCell(texts.at(lang)));
        }
    }
    fitHeight();
    m_filling = false;
}

void TranslationTable::setOutOfDate(const QSet<QString> &keys)
{
    m_filling = true;
    for (int row = 0; row < rowCount(); ++row) {
        const QString property = item(row, 0) ? item(row, 0)->data(Qt::UserRole).toString() : QString();
        for (int lang = 1; lang < m_languages.size(); ++lang) {
            if (auto *cell = dynamic_cast<TranslationCell *>(item(row, lang + 1))) {
                cell->setOutOfDate(keys.contains(m_languages.at(lang) + QLatin1Char('|') + property));
                // Tell the view the words changed (setData(UserRole) is what the cell keeps for that).
                cell->QTableWidgetItem::setData(Qt::UserRole + 1,
                                                keys.contains(m_languages.at(lang) + QLatin1Char('|') + property));
            }
        }
    }
    m_filling = false;
    fitHeight();
}

void TranslationTable::fitHeight()
{
    resizeRowsToContents();
    int height = horizontalHeader()->sizeHint().height();
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    setFixedHeight(height + 2 * frameWidth() + 2);
}

} // namespace coform
