#pragma once

#include "model/template.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace coform {

/// The details of a stored change in words, for the co-production panels (history, what changed, comments,
/// conflicts): when, a question as it was, a stored value, a property's name.
namespace ChangeDetailWords {

/// A time as people read it, in local time: "26 Nov 2026 at 14:05".
QString when(const QDateTime &time);

/// A question as it reads, one fact a line: its words, what kind of answer, help, whether it must be answered, its
/// choices. For the read-only "as it was then" view.
QString itemDescription(const Item &item);

/// A stored value shown to a person: a text as it is, yes/no for a flag, a list one entry a line (an option's label),
/// "(nothing)" for an empty value.
QString valueText(const QJsonValue &value);

/// A property of a question or section in words: "words" for label, "help text" for help, "choices" for options ...
QString propertyName(const QString &property);

} // namespace ChangeDetailWords
} // namespace coform
