#include "editor/templatetreemodel.h"

#include "common/templatewords.h"
#include "document/templatedocument.h"

#include <QMimeData>

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

void TemplateTreeModel::emitDataChangedFor(const QStringList &ids)
{
    for (const QString &id : ids) {
        const QModelIndex index = indexForId(id);
        if (index.isValid())
            emit dataChanged(index, index);
    }
}

void TemplateTreeModel::setPresence(const QMap<QString, QStringList> &namesByItem)
{
    if (namesByItem == m_presence)
        return;
    QStringList touched = m_presence.keys() + namesByItem.keys();
    m_presence = namesByItem;
    emitDataChangedFor(touched);
}

void TemplateTreeModel::setOpenComments(const QMap<QString, int> &countsById)
{
    if (countsById == m_openComments)
        return;
    QStringList touched = m_openComments.keys() + countsById.keys();
    m_openComments = countsById;
    emitDataChangedFor(touched);
}

QString TemplateTreeModel::annotations(const QString &id) const
{
    QString text;
    if (const int open = m_openComments.value(id); open > 0)
        text += QStringLiteral("  [%1]").arg(TemplateWords::count(open, tr("open comment"), tr("open comments")));
    if (const QStringList names = m_presence.value(id); !names.isEmpty())
        text += QStringLiteral("  [%1]").arg(names.size() == 1 ? tr("%1 is here").arg(names.first())
                                                               : tr("%1 are here").arg(TemplateWords::list(names)));
    return text;
}

void TemplateTreeModel::reload()
{
    m_questionNumbers = m_document->content().questionNumbers();
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
    const Template &t = m_document->content();
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
    const Template &t = m_document->content();
    if (kind(index) == Kind::Section) {
        const Section &section = t.sections.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return section.title + annotations(section.id);
        case Qt::EditRole:
            return section.title;
        case Qt::ToolTipRole:
            return tr("Section %1 of %2: %3").arg(index.row() + 1).arg(t.sections.size()).arg(section.title)
                   + annotations(section.id);
        case Qt::AccessibleTextRole:
            return tr("Section: %1").arg(section.title) + annotations(section.id);
        case IdRole:
            return section.id;
        case OpenCommentsRole:
            return m_openComments.value(section.id);
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
        return TemplateWords::itemHeading(item, number) + annotations(item.id);
    case Qt::EditRole:
        return item.label;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1 (%2)").arg(TemplateWords::itemHeading(item, number),
                                             TemplateWords::itemTypeDescription(item.type))
               + annotations(item.id);
    case PresenceRole:
        return m_presence.value(item.id);
    case OpenCommentsRole:
        return m_openComments.value(item.id);
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
        return Qt::ItemIsDropEnabled; // sections are dropped between sections
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (kind(index) == Kind::Item)
        f |= Qt::ItemNeverHasChildren;
    else
        f |= Qt::ItemIsDropEnabled; // items are dropped into sections
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

namespace {
const QString kIdMimeType = QStringLiteral("application/x-coform-template-part");
}

QStringList TemplateTreeModel::mimeTypes() const
{
    return {kIdMimeType};
}

QMimeData *TemplateTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kIdMimeType, indexes.first().data(IdRole).toString().toUtf8());
    return data;
}

bool TemplateTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                        const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || !data || !data->hasFormat(kIdMimeType))
        return false;
    const QString id = QString::fromUtf8(data->data(kIdMimeType));
    const Template &t = m_document->content();
    if (t.findSection(id))
        return !parent.isValid();
    return t.findItem(id) && parent.isValid() && kind(parent) == Kind::Section;
}

bool TemplateTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString id = QString::fromUtf8(data->data(kIdMimeType));
    const Template &t = m_document->content();
    if (t.findSection(id)) {
        int from = 0;
        while (t.sections.at(from).id != id)
            ++from;
        int to = row < 0 ? int(t.sections.size()) : row;
        if (to > from)
            --to; // the index it has once it is out of its old place
        m_document->push(Edit::moveSection(t, id, std::min(to, int(t.sections.size()) - 1)));
        return false;
    }
    const Section &target = t.sections.at(parent.row());
    int to = row < 0 ? int(target.items.size()) : row;
    const Section *source = t.sectionOfItem(id);
    if (source->id == target.id) {
        int from = 0;
        while (source->items.at(from).id != id)
            ++from;
        if (to > from)
            --to;
        to = std::min(to, int(target.items.size()) - 1);
    }
    m_document->push(Edit::moveItem(t, id, target.id, to));
    return false;
}

QModelIndex TemplateTreeModel::indexForId(const QString &id) const
{
    const Template &t = m_document->content();
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
