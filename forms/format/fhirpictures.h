#pragma once

#include "model/template.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace coform {

/// Pictures in FHIR (docs/formats.md, "Pictures"): the SDC item media extensions, whose Attachment carries the picture
/// itself (so that any viewer can show it), its words as `title` (other languages as translations of `title`), and
/// Coform's own extensions for a bundled picture's set and name and for the credit line, so that a round trip gives
/// the same picture back.
namespace FhirPictures {

/// SDC: a picture beside a question or group, and beside an answer option.
inline constexpr const char *itemMedia = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemMedia";
inline constexpr const char *answerMedia =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemAnswerMedia";

/// Adds the media extension `url` for `picture` to `element`; `altTranslations`: language -> words.
void add(QJsonObject *element, const char *url, const Picture &picture, const QMap<QString, QString> &altTranslations);

/// The picture of a media extension `url` of `element`, if there is one that can be used; its words in other
/// languages go to `altTranslations`. `problem` says why one that is there cannot be used (empty otherwise).
std::optional<Picture> read(const QJsonObject &element, const char *url, QMap<QString, QString> *altTranslations,
                            QString *problem);

} // namespace FhirPictures
} // namespace coform
