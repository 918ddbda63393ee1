#pragma once

#include <QString>

namespace coform {

/// True when `text` holds an HTML or XHTML tag or entity ("<b>", "<br/>", "&amp;"). Known tags only, so that
/// "a <b and c> d" in a plain text is not taken for markup. Coform's texts are plain: imported markup is made plain
/// (FhirText::plain) and the plain-words check reports what is left.
bool hasMarkup(const QString &text);

} // namespace coform
