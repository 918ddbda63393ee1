#pragma once

#include "model/template.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace coform {

/// Where questions and sections are, for the three-way merge (threewaymerge.h).
namespace MergePlaces {

QStringList itemIds(const Section &s);
QStringList sectionIds(const Template &t);
/// The ids of `to`, also in `from`, that changed their order: those off a longest common subsequence (the fewest
/// moves that explain the new order, so moving one question is one move, not a shift of all the others).
QSet<QString> outOfOrder(const QStringList &from, const QStringList &to);
/// The items `to` has in another section than `from`, or out of their order.
QSet<QString> movedItems(const Template &from, const Template &to);
/// The item just before `itemId` in its section ("" when it is first or not there).
QString itemBefore(const Template &t, const QString &itemId);
QString sectionBefore(const Template &t, const QString &sectionId);
/// A MoveItem edit's place: {"section", "after"}.
QJsonObject itemPlace(const QString &sectionId, const QString &after);
/// A MoveSection edit's place: {"after"}.
QJsonObject sectionPlace(const QString &after);

} // namespace MergePlaces
} // namespace coform
