#pragma once

#include "model/problem.h"

#include <QString>
#include <QVector>

#include <optional>

namespace coform {

/// One framework requirement a review form must meet (DOMAIN.md's table). Ids are stable.
struct Requirement
{
    QString id;
    QString title;
    QString mustContain;
    QString source;
    bool operator==(const Requirement &) const = default;
};

/// A set of requirements that templates are checked against (`coform-requirements/1`).
struct RequirementSet
{
    QString id;
    QString title;
    QVector<Requirement> requirements;

    const Requirement *find(const QString &id) const;
};

std::optional<RequirementSet> readRequirementSet(const QByteArray &json, const QString &fileName, Problems *problems);

/// A requirement set compiled into Coform (":/coform/requirements/ID.json"); std::nullopt when there is none.
std::optional<RequirementSet> bundledRequirementSet(const QString &id);

} // namespace coform
