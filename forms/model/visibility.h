#pragma once

#include "model/answers.h"
#include "model/template.h"

namespace coform {

/// Whether a section or item is shown for these answers (its showIf, and its section's showIf, hold).
bool isShown(const Template &t, const Item &item, const Answers &answers);
bool isShown(const Template &t, const Section &section, const Answers &answers);

} // namespace coform
