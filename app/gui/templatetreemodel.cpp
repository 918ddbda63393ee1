#include "templatetreemodel.h"

#include "plainwords.h"
#include "templatedocument.h"

namespace coform {

// Internal ids: 0 for a section, 1 + the section's row for an item of that section.

TemplateTreeModel::TemplateTreeModel(TemplateDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    connect(m_document, &TemplateDocument::aboutToReplaceTemplate, this, [this] { beginResetModel(); });
    connect(m_document, &TemplateDocument::templateReplaced, this, [this] {
        reload();
        endResetModel();
    });
    connect(m_document, &TemplateDocument::aboutToChangeStructure, this, [this] { beginResetModel(); });
    connect(m_document, &TemplateDocument::structureChanged, this, [this] {
        reload();
        endResetModel();
    });
    connect(m_document, &TemplateDocument::sectionChanged, this, [this](const QString &id) {
        const QModelIndex index = indexForId(id);
        if (index.isValid())
            emit dataChanged(index, index);
    });
    connect(m_document, &TemplateDocument::itemChanged, this, [this](const QString &id) {
        // A new kind of item can renumber the questions after it.
        const QMap<QString, int> before = m_questionNumbers;
        reload();
        const QModelIndex index = indexForId(id);
        if (before != m_questionNumbers)
            emitDataChangedForAllItems();
        else if (index.isValid())
            emit dataChanged(index, index);
    });
    reload();
}

void TemplateTreeModel::emitDataChangedForAllItems()
{
    for (int s = 0; s < rowCount(); ++s) {
        const QModelIndex section = index(s, 0);
        const int items = rowCount(section);
        if (items > 0)
            emit dataChanged(index(0, 0, section), index(items - 1, 0, section));
    }
}

void TemplateTreeModel::reload()
{
    m_questionNumbers = m_document->tmpl().questionNumbers();
}

QModelIndex TemplateTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TemplateTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int TemplateTreeModel::rowCount(const QModelIndex &parent) const
{
    const Template &t = m_document->tmpl();
    if (!parent.isValid())
        return int(t.sections.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(t.sections.at(parent.row()).items.size());
}

int TemplateTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

TemplateTreeModel::Kind TemplateTreeModel::kind(const QModelIndex &index)
{
    return index.internalId() == 0 ? Kind::Section : Kind::Item;
}

QVariant TemplateTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Template &t = m_document->tmpl();
    if (kind(index) == Kind::Section) {
        const Section &section = t.sections.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return section.title;
        case Qt::ToolTipRole:
            return tr("Section %1 of %2: %3").arg(index.row() + 1).arg(t.sections.size()).arg(section.title);
        case Qt::AccessibleTextRole:
            return tr("Section: %1").arg(section.title);
        case IdRole:
            return section.id;
        case KindRole:
            return int(Kind::Section);
        default:
            return {};
        }
    }
    const Section &section = t.sections.at(int(index.internalId() - 1));
    const Item &item = section.items.at(index.row());
    const int number = m_questionNumbers.value(item.id);
    switch (role) {
    case Qt::DisplayRole:
        return PlainWords::itemHeading(item, number);
    case Qt::EditRole:
        return item.label;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1 (%2)").arg(PlainWords::itemHeading(item, number),
                                             PlainWords::itemTypeDescription(item.type));
    case IdRole:
        return item.id;
    case KindRole:
        return int(Kind::Item);
    case ItemTypeRole:
        return itemTypeName(item.type);
    case QuestionNumberRole:
        return number;
    default:
        return {};
    }
}

QVariant TemplateTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Sections and questions");
    return {};
}

Qt::ItemFlags TemplateTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (kind(index) == Kind::Item)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> TemplateTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(KindRole, "kind");
    names.insert(ItemTypeRole, "itemType");
    names.insert(QuestionNumberRole, "questionNumber");
    return names;
}

QModelIndex TemplateTreeModel::indexForId(const QString &id) const
{
    const Template &t = m_document->tmpl();
    for (int s = 0; s < t.sections.size(); ++s) {
        const Section &section = t.sections.at(s);
        if (section.id == id)
            return index(s, 0);
        for (int i = 0; i < section.items.size(); ++i) {
            if (section.items.at(i).id == id)
                return index(i, 0, index(s, 0));
        }
    }
    return {};
}

} // namespace coform
