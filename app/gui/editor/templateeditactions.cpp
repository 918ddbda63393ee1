#include "editor/templateeditactions.h"

#include "document/templatedocument.h"
#include "editor/templatetreemodel.h"

#include <QAction>
#include <QMenu>
#include <QTreeView>

namespace coform {

namespace {
QAction *makeAction(QObject *parent, const QString &name, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(name);
    action->setShortcut(key);
    action->setToolTip(
        QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
    return action;
}
} // namespace

TemplateEditActions::TemplateEditActions(TemplateDocument *document, QTreeView *tree, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_tree(tree)
{
    m_addQuestion = makeAction(this, QStringLiteral("actionAddQuestion"), tr("Add a &question"),
                               QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addSection = makeAction(this, QStringLiteral("actionAddSection"), tr("Add a s&ection"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_duplicate =
        makeAction(this, QStringLiteral("actionDuplicate"), tr("&Copy this one"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete = makeAction(this, QStringLiteral("actionDelete"), tr("&Delete this one"), QKeySequence::Delete);
    // Delete only acts in the tree; in a text box the key deletes letters.
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tree->addAction(m_delete);
    m_moveUp = makeAction(this, QStringLiteral("actionMoveUp"), tr("Move &up"), QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveDown =
        makeAction(this, QStringLiteral("actionMoveDown"), tr("Move do&wn"), QKeySequence(Qt::ALT | Qt::Key_Down));

    connect(m_addQuestion, &QAction::triggered, this, &TemplateEditActions::addQuestion);
    connect(m_addSection, &QAction::triggered, this, &TemplateEditActions::addSection);
    connect(m_duplicate, &QAction::triggered, this, &TemplateEditActions::duplicate);
    connect(m_delete, &QAction::triggered, this, &TemplateEditActions::remove);
    connect(m_moveUp, &QAction::triggered, this, [this] { move(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { move(1); });

    // The tree is reset when sections or items are added, removed or moved (one's own change or someone else's):
    // choose the right one again and leave folded sections folded, so another person's change never moves one's place.
    connect(m_document, &TemplateDocument::aboutToChangeStructure, this, [this] {
        if (m_selectAfterChange.isEmpty())
            m_selectAfterChange = currentId();
        m_folded.clear();
        for (int row = 0; row < m_tree->model()->rowCount(); ++row) {
            const QModelIndex section = m_tree->model()->index(row, 0);
            if (!m_tree->isExpanded(section))
                m_folded.append(section.data(TemplateTreeModel::IdRole).toString());
        }
    });
    connect(m_document, &TemplateDocument::structureChanged, this, [this] {
        for (int row = 0; row < m_tree->model()->rowCount(); ++row) {
            const QModelIndex section = m_tree->model()->index(row, 0);
            m_tree->setExpanded(section, !m_folded.contains(section.data(TemplateTreeModel::IdRole).toString()));
        }
        const QString id = m_selectAfterChange;
        m_selectAfterChange.clear();
        select(id);
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &TemplateEditActions::updateEnabled);
    connect(m_document, &TemplateDocument::templateReplaced, this, &TemplateEditActions::updateEnabled);
    updateEnabled();
}

void TemplateEditActions::addTo(QMenu *menu)
{
    menu->addActions({m_addQuestion, m_addSection, m_duplicate, m_delete});
    menu->addSeparator();
    menu->addActions({m_moveUp, m_moveDown});
}

QString TemplateEditActions::currentId() const
{
    return m_tree->currentIndex().data(TemplateTreeModel::IdRole).toString();
}

void TemplateEditActions::select(const QString &id)
{
    const auto *model = static_cast<const TemplateTreeModel *>(m_tree->model());
    const QModelIndex index = model->indexForId(id);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    }
}

void TemplateEditActions::updateEnabled()
{
    const bool open = m_document->isOpen();
    const bool chosen = open && !currentId().isEmpty();
    m_addQuestion->setEnabled(open);
    m_addSection->setEnabled(open);
    for (QAction *action : {m_duplicate, m_delete, m_moveUp, m_moveDown})
        action->setEnabled(chosen);
}

QString TemplateEditActions::uniqueId(const QString &base) const
{
    const Template &t = m_document->content();
    auto taken = [&t](const QString &id) { return t.findSection(id) || t.findItem(id); };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!taken(id))
            return id;
    }
}

void TemplateEditActions::addQuestion()
{
    const Template &t = m_document->content();
    QString sectionId;
    int index = 0;
    const QString current = currentId();
    if (const Section *section = t.sectionOfItem(current)) {
        sectionId = section->id;
        while (index < section->items.size() && section->items.at(index).id != current)
            ++index;
        ++index; // after the chosen question
    } else if (const Section *chosenSection = t.findSection(current)) {
        sectionId = chosenSection->id;
        index = int(chosenSection->items.size());
    } else if (!t.sections.isEmpty()) {
        sectionId = t.sections.constLast().id;
        index = int(t.sections.constLast().items.size());
    } else {
        addSection(); // a question needs a section to live in
        return;
    }
    Item item;
    item.id = uniqueId(QStringLiteral("question"));
    item.type = ItemType::Text;
    item.label = tr("New question");
    m_selectAfterChange = item.id;
    if (m_document->push(Edit::insertItem(t, sectionId, index, item)))
        emit added(item.id);
    m_selectAfterChange.clear();
}

void TemplateEditActions::addSection()
{
    const Template &t = m_document->content();
    const QString current = currentId();
    int index = int(t.sections.size());
    const Section *chosen = t.findSection(current);
    if (!chosen)
        chosen = t.sectionOfItem(current);
    for (int i = 0; chosen && i < t.sections.size(); ++i) {
        if (t.sections.at(i).id == chosen->id)
            index = i + 1;
    }
    Section section;
    section.id = uniqueId(QStringLiteral("section"));
    section.title = tr("New section");
    m_selectAfterChange = section.id;
    if (m_document->push(Edit::insertSection(t, index, section)))
        emit added(section.id);
    m_selectAfterChange.clear();
}

void TemplateEditActions::duplicate()
{
    const Template &t = m_document->content();
    const QString current = currentId();
    if (const Item *item = t.findItem(current)) {
        const Section *section = t.sectionOfItem(current);
        int index = 0;
        while (section->items.at(index).id != current)
            ++index;
        Item copy = *item;
        copy.id = uniqueId(item->id + QStringLiteral("-copy"));
        m_selectAfterChange = copy.id;
        // The push changes the template: nothing of it is read through `item` or `section` afterwards.
        const QString label = item->label;
        if (m_document->push(Edit::insertItem(t, section->id, index + 1, copy)))
            emit message(tr("Made a copy of \u201c%1\u201d.").arg(label));
    } else if (const Section *section = t.findSection(current)) {
        int index = 0;
        while (t.sections.at(index).id != current)
            ++index;
        Section copy = *section;
        copy.id = uniqueId(section->id + QStringLiteral("-copy"));
        // Every id is unique in the template: the copied questions get new ones.
        QStringList taken;
        for (Item &item : copy.items) {
            QString id = uniqueId(item.id + QStringLiteral("-copy"));
            for (int n = 2; taken.contains(id); ++n)
                id = uniqueId(QStringLiteral("%1-copy-%2").arg(item.id).arg(n));
            taken.append(id);
            item.id = id;
        }
        m_selectAfterChange = copy.id;
        const QString title = section->title;
        if (m_document->push(Edit::insertSection(t, index + 1, copy)))
            emit message(tr("Made a copy of the section \u201c%1\u201d.").arg(title));
    }
    m_selectAfterChange.clear();
}

void TemplateEditActions::remove()
{
    const Template &t = m_document->content();
    const QString current = currentId();
    const QModelIndex index = m_tree->currentIndex();
    // Choose the one below it afterwards, or the one above when it was the last.
    QModelIndex neighbour = index.sibling(index.row() + 1, 0);
    if (!neighbour.isValid())
        neighbour = index.row() > 0 ? index.sibling(index.row() - 1, 0) : index.parent();
    m_selectAfterChange = neighbour.data(TemplateTreeModel::IdRole).toString();
    if (const Item *item = t.findItem(current)) {
        const QString label = item->label;
        if (m_document->push(Edit::removeItem(t, current)))
            emit message(tr("Deleted \u201c%1\u201d. To bring it back, choose Undo (Ctrl+Z).").arg(label));
    } else if (const Section *section = t.findSection(current)) {
        const QString title = section->title;
        if (m_document->push(Edit::removeSection(t, current)))
            emit message(tr("Deleted the section \u201c%1\u201d. To bring it back, choose Undo (Ctrl+Z).").arg(title));
    }
    m_selectAfterChange.clear();
}

void TemplateEditActions::move(int step)
{
    const Template &t = m_document->content();
    const QString current = currentId();
    m_selectAfterChange = current;
    if (const Section *section = t.sectionOfItem(current)) {
        int sectionIndex = 0;
        while (t.sections.at(sectionIndex).id != section->id)
            ++sectionIndex;
        int index = 0;
        while (section->items.at(index).id != current)
            ++index;
        const int to = index + step;
        if (to >= 0 && to < section->items.size()) {
            m_document->push(Edit::moveItem(t, current, section->id, to));
        } else if (sectionIndex + step >= 0 && sectionIndex + step < t.sections.size()) {
            // Past the end of its section: into the next (or previous) section.
            const Section &other = t.sections.at(sectionIndex + step);
            m_document->push(Edit::moveItem(t, current, other.id, step < 0 ? int(other.items.size()) : 0));
        }
    } else if (t.findSection(current)) {
        int index = 0;
        while (t.sections.at(index).id != current)
            ++index;
        if (index + step >= 0 && index + step < t.sections.size())
            m_document->push(Edit::moveSection(t, current, index + step));
    }
    m_selectAfterChange.clear();
}

} // namespace coform
