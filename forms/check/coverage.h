#pragma once

#include "model/problem.h"
#include "model/requirementset.h"
#include "model/template.h"

#include <QMap>
#include <QStringList>

namespace coform {

/// Which items of a template cover which requirement of its requirement set.
struct Coverage
{
    QMap<QString, QStringList> itemsByRequirement; ///< requirement id -> item ids (every id of the set is a key)
    QStringList uncovered;                         ///< requirement ids no item covers, in the set's order
    QMap<QString, QStringList> unknownTags;        ///< item id -> tags that are not in the set

    bool isComplete() const { return uncovered.isEmpty() && unknownTags.isEmpty(); }
};

Coverage computeCoverage(const Template &t, const RequirementSet &set);

/// Coverage as problems: uncovered requirements and unknown tags are warnings (pointer to the item or "/").
Problems coverageProblems(const Template &t, const Coverage &coverage, const QString &fileName);

/// Missing translations: for each language after the first (except en-x-easy, which is optional), each text property
/// that has no translation, as a warning with its pointer.
Problems translationProblems(const Template &t, const QString &fileName);

/// How many texts each language misses (language -> count); the source language is not listed.
QMap<QString, int> missingTranslationCounts(const Template &t);

} // namespace coform
