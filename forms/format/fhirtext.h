#pragma once

#include "model/markup.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace coform {

/// Plain text from the texts of a FHIR item. Forms put markup in their texts (`<strong>`, `<br/>`, `<img>`, and the
/// `rendering-xhtml` extension on `_text`); a Coform label is plain text, so no tag is ever shown or printed.
namespace FhirText {

inline constexpr const char *renderingXhtml = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml";

/// True when `text` holds an HTML or XHTML tag or entity (model/markup.h).
using coform::hasMarkup;
/// The text without markup: line breaks for <br>, <p>, <div> and list items, other tags dropped, entities decoded,
/// spaces tidied. Each picture (<img>) is added to `pictures` by its alt text (or its file name).
QString plain(const QString &text, QStringList *pictures = nullptr);
/// The plain text of `owner`'s element `name` ("text"): the element made plain; when it is empty, the
/// `rendering-xhtml` extension on `_name` made plain. Pictures of either are added to `pictures`.
QString plainOf(const QJsonObject &owner, const QString &name, QStringList *pictures = nullptr);

} // namespace FhirText
} // namespace coform
