#pragma once

#include <QString>

namespace coform {

/// A template property's name in plain words ("label" -> "words", "options" -> "choices"); the name itself when it
/// has none. Used wherever a change is described to a person (conflicts, panels).
QString propertyWords(const QString &property);

} // namespace coform
