#pragma once

#include "model/template.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVector>

#include <optional>

namespace coform {

/// What applying an edit to a template came to.
struct EditOutcome
{
    enum class Status {
        Applied,  ///< the template changed
        Conflict, ///< the value the edit replaces no longer holds (someone changed it first); nothing changed
        Invalid   ///< the edit makes no sense for this template (unknown property, bad value); nothing changed
    };
    Status status = Status::Applied;
    QString message;    ///< in words, for Conflict and Invalid
    QJsonValue current; ///< Conflict: the value that holds now (to show beside the edit's own)

    bool applied() const { return status == Status::Applied; }
};

/// One change to a template draft, the only way a draft changes (DESIGN.md, "Editing model").
///
/// An edit is a small value that records the value it replaces (`before`) and the value it puts in (`after`), both as
/// JSON in the shape of `coform-template/1`. Applying it checks that `before` still holds; inverting it swaps the two,
/// so undo is an edit of its own. Edits to different items or different properties never conflict. Positions are
/// anchors ("after item X", empty for "first"), never indexes, so that inserting elsewhere never shifts them.
///
/// The `kind`s and what their fields mean:
/// - SetTemplateProperty: `property` is title, requirementSet or languages.
/// - SetSectionProperty: `section`; `property` is title, help or showIf.
/// - SetItemProperty: `item`; `property` is type, label, help, required, requirements, options, columns, format, min,
///   max, unit, showIf or note. Absent values are null (min, max, showIf) or the empty text / list / false.
/// - SetTranslation: `language`; the template (no section, no item), `section` or `item`; `property` is title, label,
///   help, "option:VALUE", "optionDescription:VALUE" or "column:ID"; the values are texts ("" = not translated).
/// - InsertSection / RemoveSection: `section`; the value {"after": SECTION-ID, "section": {...}} is `after` for an
///   insert and `before` for a remove (the other is null).
/// - MoveSection: `section`; `before` and `after` are {"after": SECTION-ID}.
/// - InsertItem / RemoveItem: `item`; the value {"section": ID, "after": ITEM-ID, "item": {...}}.
/// - MoveItem: `item`; `before` and `after` are {"section": ID, "after": ITEM-ID}.
/// - Macro: `children` applied in order as one step (all or nothing); `description` says what it does.
struct Edit
{
    enum class Kind {
        SetTemplateProperty,
        SetSectionProperty,
        SetItemProperty,
        SetTranslation,
        InsertSection,
        RemoveSection,
        MoveSection,
        InsertItem,
        RemoveItem,
        MoveItem,
        Macro
    };

    Kind kind = Kind::SetItemProperty;
    QString section;
    QString item;
    QString property;
    QString language;
    QJsonValue before;
    QJsonValue after;
    QVector<Edit> children;
    QString description;

    bool operator==(const Edit &) const = default;

    /// Applies the edit to `t` if every value it replaces still holds; otherwise leaves `t` as it was.
    EditOutcome apply(Template &t) const;
    /// The edit that undoes this one.
    Edit inverted() const;
    /// True when applying would change nothing (before equals after).
    bool isNoOp() const;

    /// The item this edit is about (for a macro: the item all its children are about, else empty).
    QString itemId() const;
    /// The section this edit is about when it is about a section itself.
    QString sectionId() const;
    /// Edits with equal merge keys change the same thing (kind, target, property, language): typing merges on it.
    QString mergeKey() const;
    /// A short description in words ("Changed the label of review-type").
    QString summary() const;

    QJsonObject toJson() const;
    static std::optional<Edit> fromJson(const QJsonObject &json, QString *error);

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    // Builders that read `before` from the template as it is now.

    static Edit setTemplateProperty(const Template &t, const QString &property, const QJsonValue &value);
    static Edit setSectionProperty(const Template &t, const QString &sectionId, const QString &property,
                                   const QJsonValue &value);
    static Edit setItemProperty(const Template &t, const QString &itemId, const QString &property,
                                const QJsonValue &value);
    /// `sectionId` and `itemId` both empty: the template's own title.
    static Edit setTranslation(const Template &t, const QString &sectionId, const QString &itemId,
                               const QString &language, const QString &property, const QString &text);
    /// Inserts `item` into `sectionId` at `index` (clamped to the section's size).
    static Edit insertItem(const Template &t, const QString &sectionId, int index, const Item &item);
    static Edit removeItem(const Template &t, const QString &itemId);
    /// Moves an item to `index` of `sectionId` (the index it will have once moved).
    static Edit moveItem(const Template &t, const QString &itemId, const QString &toSectionId, int index);
    static Edit insertSection(const Template &t, int index, const Section &section);
    static Edit removeSection(const Template &t, const QString &sectionId);
    static Edit moveSection(const Template &t, const QString &sectionId, int index);
    static Edit macro(const QString &description, const QVector<Edit> &children);

    /// The current JSON value of what an edit of this kind, target and property sets (for Set* kinds); undefined
    /// when the target or property does not exist.
    static QJsonValue currentValue(const Template &t, Kind kind, const QString &sectionId, const QString &itemId,
                                   const QString &property, const QString &language);
};

/// Replays edits in order onto a copy of `base`; std::nullopt (and the failing edit's message) when one does not apply.
std::optional<Template> replayEdits(const Template &base, const QVector<Edit> &edits, QString *error);

} // namespace coform
