#pragma once

#include "edit/edit.h"

#include <optional>

namespace coform {

/// The edits that turn `from` into `to` (the template's version number aside): section and item inserts, removals and
/// moves, and one property or translation edit per text that differs. Applied in order to `from` they give `to`
/// exactly; that is checked before they are returned (std::nullopt and a message otherwise). Used to bring a file
/// edited outside Coform into a draft as attributed edits ("template update").
std::optional<QVector<Edit>> editsBetween(const Template &from, const Template &to, QString *error);

} // namespace coform
