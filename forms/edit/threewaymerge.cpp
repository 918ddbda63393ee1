#include "edit/threewaymerge.h"

#include "edit/editproperties.h"
#include "edit/editscript.h"
#include "edit/mergeplaces.h"
#include "edit/mergewords.h"
#include "edit/templatejson.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace coform {

namespace {

using Kind = Edit::Kind;
using namespace MergePlaces;

QString tr(const char *text)
{
    return QCoreApplication::translate("coform::MergeWords", text);
}

const char *const sectionProperties[] = {"title", "help", "showIf", "picture"};

bool isSetKind(Kind kind)
{
    return kind == Kind::SetTemplateProperty || kind == Kind::SetSectionProperty || kind == Kind::SetItemProperty
           || kind == Kind::SetTranslation;
}

/// Macros as their children, in order: each child is merged on its own.
void flatten(const QVector<Edit> &edits, QVector<Edit> &out)
{
    for (const Edit &e : edits) {
        if (e.kind == Kind::Macro)
            flatten(e.children, out);
        else
            out.append(e);
    }
}

class Merger
{
public:
    Merger(const Template &base, const Template &theirs, const Template &mine)
        : m_base(base)
        , m_theirs(theirs)
        , m_mine(mine)
        , m_now(mine)
        , m_words(m_now, theirs, base)
    {}

    std::optional<MergePlan> run(QString *error);

private:
    void set(const Edit &e);
    void insertItem(const Edit &e);
    void removeItem(const Edit &e);
    void placeItem(const QString &id);
    void insertSection(const Edit &e);
    void removeSection(const Edit &e);
    void placeSection(const QString &id);
    void removedHere();
    void keptLocal(const QVector<Edit> &mineEdits);

    void apply(const Edit &e);
    void conflict(const Edit &takeTheirs, const QString &itemId, const QString &sectionId, const QString &mine,
                  const QString &theirs, bool isText, const QString &key);
    void note(const QString &line)
    {
        if (!m_notes.contains(line))
            m_notes.append(line);
    }
    /// Where the origin's item `itemId` goes in the draft's section `sectionId`: after the nearest item before it in
    /// the origin's order that the draft's section holds ("" = first).
    QString itemAnchor(const QString &sectionId, const QString &itemId) const;
    QString sectionAnchor(const QString &sectionId) const;

    const Template &m_base;
    const Template &m_theirs;
    const Template &m_mine;
    Template m_now; ///< the draft with the plan's edits applied so far
    MergeWords m_words;
    MergePlan m_plan;
    QStringList m_notes;
    QSet<QString> m_settled;    ///< what a conflict asks about or both sides did alike (not "kept")
    QSet<QString> m_wholeItems; ///< questions a conflict is about as a whole (removed on one side)
    QSet<QString> m_removedHere;
    QSet<QString> m_theirMovedItems;
    QSet<QString> m_theirMovedSections;
    QSet<QString> m_mineMovedItems;
    QSet<QString> m_mineMovedSections;
};

std::optional<MergePlan> Merger::run(QString *error)
{
    QString why;
    const auto theirEdits = editsBetween(m_base, m_theirs, &why);
    if (!theirEdits) {
        *error = tr("the origin's changes cannot be worked out: %1").arg(why);
        return std::nullopt;
    }
    const auto mineEdits = editsBetween(m_base, m_mine, &why);
    if (!mineEdits) {
        *error = tr("this team's changes cannot be worked out: %1").arg(why);
        return std::nullopt;
    }
    QVector<Edit> origin;
    flatten(*theirEdits, origin);
    QVector<Edit> mine;
    flatten(*mineEdits, mine);

    m_theirMovedItems = movedItems(m_base, m_theirs);
    m_mineMovedItems = movedItems(m_base, m_mine);
    m_theirMovedSections = outOfOrder(sectionIds(m_base), sectionIds(m_theirs));
    m_mineMovedSections = outOfOrder(sectionIds(m_base), sectionIds(m_mine));
    for (const Item *item : m_base.allItems()) {
        if (!m_mine.findItem(item->id))
            m_removedHere.insert(item->id);
    }

    // The origin's edits by what they are about. Moves are not taken as they are (the edit script shifts whatever
    // it passes); each question or section the origin really moved is placed after the one before it in its order.
    QVector<Edit> first;
    QVector<Edit> itemRemovals;
    QVector<Edit> sectionRemovals;
    QHash<QString, Edit> itemInserts;
    QHash<QString, QVector<Edit>> itemEdits;
    QHash<QString, QVector<Edit>> sectionEdits;
    for (const Edit &e : origin) {
        switch (e.kind) {
        case Kind::SetTemplateProperty:
        case Kind::InsertSection:
            first.append(e);
            break;
        case Kind::SetTranslation:
            if (!e.item.isEmpty())
                itemEdits[e.item].append(e);
            else if (!e.section.isEmpty())
                sectionEdits[e.section].append(e);
            else
                first.append(e);
            break;
        case Kind::SetItemProperty:
            itemEdits[e.item].append(e);
            break;
        case Kind::SetSectionProperty:
            sectionEdits[e.section].append(e);
            break;
        case Kind::InsertItem:
            itemInserts.insert(e.item, e);
            break;
        case Kind::RemoveItem:
            itemRemovals.append(e);
            break;
        case Kind::RemoveSection:
            sectionRemovals.append(e);
            break;
        case Kind::MoveItem:
        case Kind::MoveSection:
        case Kind::Macro:
            break;
        }
    }

    for (const Edit &e : first)
        e.kind == Kind::InsertSection ? insertSection(e) : set(e);
    for (const Edit &e : itemRemovals)
        removeItem(e);
    for (const Item *item : m_theirs.allItems()) {
        if (m_removedHere.contains(item->id))
            continue; // the origin's changes to a question this team removed: asked about as a whole below
        if (itemInserts.contains(item->id))
            insertItem(itemInserts.value(item->id));
        else if (m_theirMovedItems.contains(item->id))
            placeItem(item->id);
        for (const Edit &e : itemEdits.value(item->id))
            set(e);
    }
    for (const Edit &e : sectionRemovals)
        removeSection(e);
    for (const Section &s : m_theirs.sections) {
        if (!m_base.findSection(s.id) || m_theirMovedSections.contains(s.id))
            placeSection(s.id);
        for (const Edit &e : sectionEdits.value(s.id))
            set(e);
    }
    removedHere();
    keptLocal(mine);

    // The whole plan applies in order to the draft, and each conflict's "take theirs" over the result.
    const auto replayed = replayEdits(m_mine, m_plan.apply, &why);
    if (!replayed || *replayed != m_now) {
        *error = tr("the origin's changes do not apply to this draft in order: %1").arg(why);
        return std::nullopt;
    }
    for (const MergeConflict &c : std::as_const(m_plan.conflicts)) {
        Template copy = m_now;
        const EditOutcome outcome = rebasedEdit(c.takeTheirs, copy).apply(copy);
        if (!outcome.applied()) {
            *error = tr("the origin's change to %1 cannot be taken: %2").arg(c.what, outcome.message);
            return std::nullopt;
        }
    }
    return m_plan;
}

void Merger::apply(const Edit &e)
{
    const EditOutcome outcome = e.apply(m_now);
    if (outcome.applied())
        m_plan.apply.append(e);
    else
        note(tr("The origin's change to %1 does not fit your draft and is not taken (%2)")
                 .arg(m_words.what(e), outcome.message));
}

void Merger::conflict(const Edit &takeTheirs, const QString &itemId, const QString &sectionId, const QString &mine,
                      const QString &theirs, bool isText, const QString &key)
{
    MergeConflict c;
    c.itemId = itemId;
    c.sectionId = itemId.isEmpty() ? sectionId : QString();
    c.what = m_words.what(takeTheirs);
    c.mine = mine;
    c.theirs = theirs;
    c.isText = isText;
    c.takeTheirs = takeTheirs;
    m_plan.conflicts.append(c);
    m_settled.insert(key);
}

void Merger::set(const Edit &e)
{
    const QJsonValue current = Edit::currentValue(m_now, e.kind, e.section, e.item, e.property, e.language);
    if (current.isUndefined()) {
        if (!e.section.isEmpty() && !m_now.findSection(e.section))
            note(tr("You removed %1: the origin's changes to it are not taken").arg(m_words.section(e.section)));
        else
            note(tr("%1 is not in your draft: the origin's change to it is not taken").arg(m_words.what(e)));
        return;
    }
    if (current == e.after) {
        ++m_plan.alreadyThere;
        m_settled.insert(e.mergeKey());
        return;
    }
    if (current == e.before) {
        apply(e);
        return;
    }
    Edit take = e;
    take.before = current;
    conflict(take, e.item, e.section, MergeWords::value(current), MergeWords::value(e.after),
             current.isString() && e.after.isString(), e.mergeKey());
}

QString Merger::itemAnchor(const QString &sectionId, const QString &itemId) const
{
    const Section *theirs = m_theirs.sectionOfItem(itemId);
    const Section *here = m_now.findSection(sectionId);
    if (!theirs || !here)
        return {};
    const QStringList order = itemIds(*theirs);
    const QStringList ids = itemIds(*here);
    for (qsizetype i = order.indexOf(itemId) - 1; i >= 0; --i) {
        if (ids.contains(order.at(i)))
            return order.at(i);
    }
    return {};
}

QString Merger::sectionAnchor(const QString &sectionId) const
{
    const QStringList order = sectionIds(m_theirs);
    for (qsizetype i = order.indexOf(sectionId) - 1; i >= 0; --i) {
        if (m_now.findSection(order.at(i)))
            return order.at(i);
    }
    return {};
}

void Merger::insertItem(const Edit &e)
{
    const QString key = QStringLiteral("item:") + e.item;
    const Item *there = m_theirs.findItem(e.item);
    if (const Item *here = m_now.findItem(e.item)) {
        if (*here == *there) {
            ++m_plan.alreadyThere;
            m_settled.insert(key);
            return;
        }
        // Both sides added a question with this id: taking theirs makes it the origin's question where it is.
        Template replaced = m_now;
        *replaced.findItem(e.item) = *there;
        QString why;
        const auto edits = editsBetween(m_now, replaced, &why);
        m_wholeItems.insert(e.item);
        conflict(Edit::macro(tr("Took the origin's %1").arg(m_words.question(e.item)), edits.value_or(QVector<Edit>{})),
                 e.item, {}, here->label, there->label, false, key);
        m_plan.conflicts.last().what = m_words.question(e.item);
        return;
    }
    const QString sectionId = e.after.toObject().value(QLatin1String("section")).toString();
    if (!m_now.findSection(sectionId)) {
        note(tr("You removed %1: the origin's new %2 in it is not added")
                 .arg(m_words.section(sectionId), m_words.question(e.item)));
        return;
    }
    Edit put = e;
    QJsonObject after = e.after.toObject();
    after.insert(QStringLiteral("after"), itemAnchor(sectionId, e.item));
    put.after = after;
    apply(put);
}

void Merger::removeItem(const Edit &e)
{
    const QString key = QStringLiteral("item:") + e.item;
    const Item *here = m_now.findItem(e.item);
    if (!here) {
        ++m_plan.alreadyThere;
        m_settled.insert(key);
        return;
    }
    const Item *was = m_base.findItem(e.item);
    const Edit take = Edit::removeItem(m_now, e.item);
    if (!was || *here == *was) {
        apply(take);
        return;
    }
    const QString mine = tr("Kept, with your changes to %1").arg(MergeWords::itemDifferences(*was, *here));
    m_wholeItems.insert(e.item);
    conflict(take, e.item, {}, mine, tr("Removed from the form"), false, key);
}

void Merger::placeItem(const QString &id)
{
    const Section *here = m_now.sectionOfItem(id);
    const Section *theirs = m_theirs.sectionOfItem(id);
    if (!here || !theirs)
        return;
    const QString target = theirs->id;
    if (!m_now.findSection(target)) {
        note(tr("You removed %1: the origin moved %2 into it, and it stays where it is")
                 .arg(m_words.section(target), m_words.question(id)));
        return;
    }
    const QString anchor = itemAnchor(target, id);
    const QString hereAnchor = itemBefore(m_now, id);
    const QString key = QStringLiteral("move:") + id;
    if (here->id == target && hereAnchor == anchor) {
        if (m_mineMovedItems.contains(id)) {
            ++m_plan.alreadyThere;
            m_settled.insert(key);
        }
        return;
    }
    Edit move;
    move.kind = Kind::MoveItem;
    move.item = id;
    move.before = itemPlace(here->id, hereAnchor);
    move.after = itemPlace(target, anchor);
    if (m_mineMovedItems.contains(id)) {
        conflict(move, id, {}, m_words.itemPlace(here->id, hereAnchor), m_words.itemPlace(target, anchor), false, key);
        return;
    }
    apply(move);
}

void Merger::insertSection(const Edit &e)
{
    const QString key = QStringLiteral("section:") + e.section;
    if (const Section *here = m_now.findSection(e.section)) {
        const Section *there = m_theirs.findSection(e.section);
        QVector<Edit> children;
        Template copy = m_now;
        for (const char *p : sectionProperties) {
            const QString prop = QLatin1String(p);
            const Edit child =
                Edit::setSectionProperty(copy, e.section, prop, EditProperties::sectionProperty(*there, prop));
            if (!child.isNoOp() && child.apply(copy).applied())
                children.append(child);
        }
        if (children.isEmpty()) {
            ++m_plan.alreadyThere;
            m_settled.insert(key);
            return;
        }
        conflict(Edit::macro(tr("Took the origin's %1").arg(m_words.section(e.section)), children), {}, e.section,
                 here->title, there->title, false, key);
        m_plan.conflicts.last().what = m_words.section(e.section);
        return;
    }
    // At the end for now: it is placed where the origin has it once every section is there.
    Edit put = e;
    QJsonObject after = e.after.toObject();
    after.insert(QStringLiteral("after"), m_now.sections.isEmpty() ? QString() : m_now.sections.last().id);
    put.after = after;
    apply(put);
}

void Merger::removeSection(const Edit &e)
{
    const QString key = QStringLiteral("section:") + e.section;
    const Section *here = m_now.findSection(e.section);
    if (!here) {
        ++m_plan.alreadyThere;
        m_settled.insert(key);
        return;
    }
    const Edit take = Edit::removeSection(m_now, e.section);
    const QLatin1String sectionKey("section");
    if (take.before.toObject().value(sectionKey) == e.before.toObject().value(sectionKey)) {
        apply(take);
        return;
    }
    QStringList questions;
    for (const Item &item : here->items)
        questions.append(m_words.question(item.id));
    const QString mine = questions.isEmpty()
                             ? tr("Kept, as you changed it")
                             : tr("Kept, with its questions:\n%1").arg(questions.join(QLatin1Char('\n')));
    conflict(take, {}, e.section, mine, tr("Removed from the form, with its questions"), false, key);
}

void Merger::placeSection(const QString &id)
{
    if (!m_now.findSection(id))
        return;
    const QString anchor = sectionAnchor(id);
    const QString hereAnchor = sectionBefore(m_now, id);
    const QString key = QStringLiteral("move-section:") + id;
    if (hereAnchor == anchor) {
        if (m_mineMovedSections.contains(id)) {
            ++m_plan.alreadyThere;
            m_settled.insert(key);
        }
        return;
    }
    Edit move;
    move.kind = Kind::MoveSection;
    move.section = id;
    move.before = sectionPlace(hereAnchor);
    move.after = sectionPlace(anchor);
    if (m_mineMovedSections.contains(id)) {
        conflict(move, {}, id, m_words.sectionPlace(hereAnchor), m_words.sectionPlace(anchor), false, key);
        return;
    }
    apply(move);
}

void Merger::removedHere()
{
    for (const Item *was : m_base.allItems()) {
        const QString id = was->id;
        const Item *there = m_theirs.findItem(id);
        if (!m_removedHere.contains(id) || !there)
            continue;
        const bool moved = m_theirMovedItems.contains(id);
        if (*there == *was && !moved)
            continue;
        const Section *section = m_theirs.sectionOfItem(id);
        if (!m_now.findSection(section->id)) {
            note(tr("You removed %1: the origin's changes to %2 in it are not taken")
                     .arg(m_words.section(section->id), m_words.question(id)));
            continue;
        }
        Edit put;
        put.kind = Kind::InsertItem;
        put.item = id;
        put.after = QJsonObject{{QStringLiteral("section"), section->id},
                                {QStringLiteral("after"), itemAnchor(section->id, id)},
                                {QStringLiteral("item"), TemplateJson::fromItem(*there)}};
        QString changes = *there == *was ? tr("its place") : MergeWords::itemDifferences(*was, *there);
        if (moved && *there != *was)
            changes = tr("%1, and its place").arg(changes);
        m_wholeItems.insert(id);
        conflict(put, id, {}, tr("Removed from the form by you"),
                 tr("Kept, with the origin's changes to %1").arg(changes), false, QStringLiteral("item:") + id);
    }
}

void Merger::keptLocal(const QVector<Edit> &mineEdits)
{
    QStringList lines;
    const auto add = [&](const QString &key, const QString &line) {
        if (!m_settled.contains(key) && !lines.contains(line))
            lines.append(line);
    };
    for (const Edit &e : mineEdits) {
        if (!e.item.isEmpty() && m_wholeItems.contains(e.item))
            continue;
        if (isSetKind(e.kind))
            add(e.mergeKey(), m_words.kept(e));
        else if (e.kind == Kind::InsertItem || e.kind == Kind::RemoveItem)
            add(QStringLiteral("item:") + e.item, m_words.kept(e));
        else if (e.kind == Kind::InsertSection || e.kind == Kind::RemoveSection)
            add(QStringLiteral("section:") + e.section, m_words.kept(e));
    }
    // Moves as the person made them (the edit script's moves shift whatever they pass).
    for (const Item *item : m_mine.allItems()) {
        if (m_mineMovedItems.contains(item->id) && !m_wholeItems.contains(item->id)) {
            Edit move;
            move.kind = Kind::MoveItem;
            move.item = item->id;
            add(QStringLiteral("move:") + item->id, m_words.kept(move));
        }
    }
    for (const Section &s : m_mine.sections) {
        if (m_mineMovedSections.contains(s.id)) {
            Edit move;
            move.kind = Kind::MoveSection;
            move.section = s.id;
            add(QStringLiteral("move-section:") + s.id, m_words.kept(move));
        }
    }
    m_plan.keptLocal = lines + m_notes;
}

} // namespace

std::optional<MergePlan> planMerge(const Template &base, const Template &theirs, const Template &mine, QString *error)
{
    QString ignored;
    return Merger(base, theirs, mine).run(error ? error : &ignored);
}

} // namespace coform
