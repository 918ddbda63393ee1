#pragma once

#include "format/templateformat.h"

namespace coform {

/// Reads a `coform-template/1` document the way drafts are read: a form that could be saved can always be opened
/// again. Unfinished work (an empty section, a choice without answers, a condition that points nowhere) is what a
/// person in the middle of writing a form has, and what a crash or a save catches: the strict reader's findings are
/// all listed in `problems`, but the template is returned whenever its JSON is structurally sound (the lenient codec
/// the store uses for drafts). A section with no questions yet is listed too (a warning). Only a file that is not a
/// template at all (not JSON, wrong shapes) gives nothing.
std::optional<Template> readTemplateLeniently(const QByteArray &json, const QString &fileName, Problems *problems,
                                              const ReadLimits &limits = {});
/// Reads a template file leniently (a Qt resource path ":/..." works too).
std::optional<Template> readTemplateFileLeniently(const QString &path, Problems *problems,
                                                  const ReadLimits &limits = {});

} // namespace coform
