#pragma once

#include "edit/edit.h"

#include <QJsonValue>
#include <QString>
#include <QVector>

#include <optional>

namespace coform {

/// One thing both sides changed differently since the base: the person chooses.
struct MergeConflict
{
    QString itemId;     ///< the question it is about (empty for a section or the template)
    QString sectionId;  ///< the section it is about, when not a question
    QString what;       ///< in words: "the words of question 10 (Who is involved?)"
    QString mine;       ///< this team's value, in words
    QString theirs;     ///< the origin's value, in words
    bool isText = true; ///< a plain text (merging by hand is offered) rather than a list or yes/no
    /// Applied to the local draft when the person takes the origin's change: it replaces this team's value.
    Edit takeTheirs;
};

/// What taking the origin's changes into a local draft comes to (DESIGN.md, "Form packages").
struct MergePlan
{
    QVector<Edit> apply;              ///< the origin's changes to things this team did not change, in order
    QVector<MergeConflict> conflicts; ///< the same thing changed on both sides
    int alreadyThere = 0;             ///< origin changes this team had made already (identical): nothing to do
    QStringList keptLocal;            ///< this team's own changes the update leaves as they are, in words

    bool isEmpty() const { return apply.isEmpty() && conflicts.isEmpty(); }
};

/// Plans a three-way merge: `base` is the origin version the local template was adapted from (or last updated
/// to), `theirs` the origin's newer version, `mine` the local draft. Each origin change (editsBetween(base,
/// theirs)) is tried on `mine`: it applies when what it replaces still holds there; when this team changed the same
/// thing to the same value it is already there; otherwise it is a conflict. std::nullopt and `error` in words when
/// the origin's changes cannot be worked out.
std::optional<MergePlan> planMerge(const Template &base, const Template &theirs, const Template &mine, QString *error);

/// `edit` with what it replaces read from `now` (a value, a question or section as it is, where it is), so that it
/// applies over whatever the draft holds: a conflict's `takeTheirs` is rebased on the draft before it is applied.
/// Inserts are returned as they are; a macro's children are rebased in turn.
Edit rebasedEdit(const Edit &edit, const Template &now);

} // namespace coform
