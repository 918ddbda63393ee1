#pragma once

#include "edit/edit.h"

#include <QJsonValue>
#include <QString>

namespace coform {

/// Words for the three-way merge (threewaymerge.h): what a change is about, a value and a place, as a person reads
/// them. Questions are named with their number and words in the first of the given templates that has them (the
/// local draft as it is, then the origin's newer version, then the base).
class MergeWords
{
public:
    MergeWords(const Template &now, const Template &theirs, const Template &base)
        : m_now(now)
        , m_theirs(theirs)
        , m_base(base)
    {}

    /// "question 10 (Who is taking part in this review?)", "the information text (...)".
    QString question(const QString &itemId) const;
    /// "section 2 (People)".
    QString section(const QString &sectionId) const;
    /// "the words", "the Welsh words", "the Welsh of the choice “yes”" ...
    static QString property(const QString &property, const QString &language = {});
    /// What an edit of a single thing is about: "the words of question 10 (...)", "the title of the form".
    QString what(const Edit &edit) const;
    /// A stored value: a text as it is, yes/no, a list one entry a line, "(nothing)".
    static QString value(const QJsonValue &value);
    /// Where an item is: "at the start of section 2 (People)", "in section 2 (People), after question 9 (...)".
    QString itemPlace(const QString &sectionId, const QString &afterItemId) const;
    /// Where a section is: "first in the form", "after section 3 (...)".
    QString sectionPlace(const QString &afterSectionId) const;
    /// "its words, choices and Welsh": the properties in which two versions of an item differ.
    static QString itemDifferences(const Item &from, const Item &to);
    /// A line for a change this team made, kept as it is: "You changed the words of question 3 (...)".
    QString kept(const Edit &edit) const;

private:
    const Template &m_now;
    const Template &m_theirs;
    const Template &m_base;
};

} // namespace coform
