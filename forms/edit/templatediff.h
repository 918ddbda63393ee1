#pragma once

#include "model/template.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace coform {

/// Why a change was made: a comment that led to it ("you said") or a note its author gave ("we did").
struct DiffNote
{
    enum class Kind { Comment, Note };
    Kind kind = Kind::Comment;
    QString author;
    QDateTime at;
    QString text;
    bool operator==(const DiffNote &) const = default;
};

/// What happened to one item between two versions.
struct ItemDiff
{
    enum class Change {
        Added,
        Removed,
        Moved,
        Reworded,
        OptionsChanged,
        TypeChanged,
        TranslationChanged,
        OtherChanged
    };

    QString itemId;
    QString sectionBefore; ///< empty when added
    QString sectionAfter;  ///< empty when removed
    QString labelBefore;
    QString labelAfter;
    QVector<Change> changes;
    QStringList details; ///< one line in words a change ("Label: “Old” became “New”")
    QStringList authors; ///< who made the changes (from the change log), in order of first change
    QVector<DiffNote> notes;

    bool has(Change change) const { return changes.contains(change); }
    /// The label to show: the new one, or the old one of a removed item.
    QString label() const { return labelAfter.isEmpty() ? labelBefore : labelAfter; }
};

/// What happened to one section (added, removed, moved, retitled; its items are listed as ItemDiffs).
struct SectionDiff
{
    enum class Change { Added, Removed, Moved, Retitled, OtherChanged };
    QString sectionId;
    QString titleBefore;
    QString titleAfter;
    QVector<Change> changes;
    QStringList details;
};

/// A comment thread the group decided not to act on: what was asked and why the form was not changed ("Not
/// changed, and why" in the "What changed" summary).
struct NotChangedNote
{
    QString itemId;  ///< empty: the whole template
    QString label;   ///< the question's words (or the template's title)
    QString author;  ///< who asked
    QDateTime at;    ///< when
    QString comment; ///< what they asked
    QString reason;  ///< why the form was not changed
    QString reasonBy;
    bool operator==(const NotChangedNote &) const = default;
};

/// A version published with translations that were out of date, and the publisher's reason ("Not changed, and
/// why": "The Welsh of questions 3 and 7 was not brought up to date: ...").
struct TranslationsNotUpdated
{
    int version = 0;
    QString what;     ///< in words: "The Welsh of questions 3 and 7"
    QString reason;   ///< why it was published as it was
    QString reasonBy; ///< who published it
    /// "The Welsh of questions 3 and 7 was not brought up to date: REASON"
    QString sentence() const { return QStringLiteral("%1 was not brought up to date: %2").arg(what, reason); }
    bool operator==(const TranslationsNotUpdated &) const = default;
};

/// The difference between two versions of a template, item by item (ids are stable, so an item keeps its id when
/// it is reworded or moved).
struct TemplateDiff
{
    QString templateId;
    QString title;
    int fromVersion = 0;
    int toVersion = 0;
    QStringList templateDetails; ///< changes to the template's own title, languages, requirement set
    QVector<SectionDiff> sections;
    QVector<ItemDiff> items; ///< in the order of the newer version, removed items last
    /// Comments on these versions closed without a change, with the reason (not part of isEmpty()).
    QVector<NotChangedNote> notChanged;
    /// Versions among these published with out-of-date translations, with the reason (not part of isEmpty()).
    QVector<TranslationsNotUpdated> translationsNotUpdated;

    bool isEmpty() const { return templateDetails.isEmpty() && sections.isEmpty() && items.isEmpty(); }
    const ItemDiff *item(const QString &id) const;
    static QString changeName(ItemDiff::Change change); ///< "added", "reworded", "options changed", ...
    static QString changeName(SectionDiff::Change change);
};

TemplateDiff diffTemplates(const Template &from, const Template &to);

} // namespace coform

namespace coform {

/// A TemplateDiff in words, one line a change, as `coform-cli template diff` prints it and form packages carry it
/// ("What changed"): "item q3: reworded" with its details indented below it, and "Not changed, and why" lines. Who made
/// a change, who commented and who gave a reason are named only `withNames`.
struct DiffWords
{
    QStringList changes;
    QStringList notChanged;
};
DiffWords diffWords(const TemplateDiff &diff, bool withNames);

} // namespace coform
