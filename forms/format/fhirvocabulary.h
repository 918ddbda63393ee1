#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace coform {

/// The FHIR R4 extension URLs Coform reads and writes, and small helpers shared by the FHIR reader and writer.
/// Coform's own extensions (under `FhirVocabulary::coformBase`) carry what R4 has no element for, so that a template
/// exported to FHIR and imported again comes back the same.
namespace FhirVocabulary {

inline constexpr const char *translation = "http://hl7.org/fhir/StructureDefinition/translation";
inline constexpr const char *itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
inline constexpr const char *itemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";
inline constexpr const char *hidden = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
inline constexpr const char *unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
inline constexpr const char *unitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";
inline constexpr const char *minValue = "http://hl7.org/fhir/StructureDefinition/minValue";
inline constexpr const char *maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
inline constexpr const char *nhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

inline constexpr const char *coformBase = "https://coform.org/fhir/StructureDefinition/";
/// Coform's extension names (appended to coformBase).
inline constexpr const char *extItemType = "item-type";             ///< valueCode: scale, signature, textarea
inline constexpr const char *extId = "id";                          ///< valueString: the coform id when linkId differs
inline constexpr const char *extTextFormat = "text-format";         ///< valueCode: nhs-number, email, phone, postcode
inline constexpr const char *extNote = "note";                      ///< valueString: the item's note for authors
inline constexpr const char *extRequirement = "requirement";        ///< valueString, repeated: requirement ids
inline constexpr const char *extRequirementSet = "requirement-set"; ///< valueString on the Questionnaire
inline constexpr const char *extLanguage = "language";              ///< valueCode, repeated: template languages
inline constexpr const char *extHelp = "help";                      ///< valueString: help of an info item
inline constexpr const char *extPrefill = "prefill";                ///< valueCode: person.name, person.nhsNumber, ...
inline constexpr const char *extCarryForward = "carry-forward";     ///< valueBoolean false: asked afresh each review
inline constexpr const char *extPictures = "pictures"; ///< valueCode all-profiles: pictures in every print style
/// SDC: the FHIRPath an answer starts with (written beside extPrefill for other tools; read back through extPrefill).
inline constexpr const char *sdcInitialExpression =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression";
inline constexpr const char *extOptionDescription = "option-description"; ///< valueString on an answerOption

QString coformUrl(const char *name);

/// The `extension` entries of an element whose url is `url`.
QVector<QJsonObject> extensions(const QJsonObject &element, const QString &url);
/// A simple extension {url, value<type>: value}.
QJsonObject extension(const QString &url, const char *valueKey, const QJsonValue &value);

/// Translations of a primitive element from its `_name` companion: language -> text.
QMap<QString, QString> translations(const QJsonObject &owner, const QString &name);
/// Sets `_name` on owner to carry these translations (nothing when empty).
void setTranslations(QJsonObject *owner, const QString &name, const QMap<QString, QString> &byLanguage);

/// The codes of an itemControl extension ("help", "drop-down", ...); empty when there is none.
QStringList itemControlCodes(const QJsonObject &item);

} // namespace FhirVocabulary
} // namespace coform
