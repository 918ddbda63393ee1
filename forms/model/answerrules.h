#pragma once

#include "model/template.h"

#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace coform {

/// The most characters a free-text answer (a text, a long text, a table cell) may hold.
constexpr qsizetype MaxAnswerCharacters = 20000;
/// Characters as people count them (Unicode code points, not UTF-16 units).
qsizetype characterCount(QStringView text);
/// Why a text answer cannot be stored, in words that never repeat it, to follow "the answer " or another subject:
/// "is 20,001 characters long: 1 over the limit of 20,000", or "holds a line break ..." (a long, `multiline` answer may
/// hold line breaks and tabs; no other control character is allowed). Empty when it is fine.
QString textProblem(const QString &text, bool multiline);

/// Checks one answer value for one item; returns a message in words, or an empty string when it is fine.
QString answerProblem(const Item &item, const QJsonValue &value);

} // namespace coform
