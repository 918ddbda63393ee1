#pragma once

#include "format/fhirvaluesets.h"
#include "format/importreport.h"
#include "format/templateformat.h"

#include <QByteArray>
#include <QString>

namespace coform {

/// Reads a FHIR R4 Questionnaire (JSON) into a coform template (docs/import.md has the mapping). Lenient where R4
/// allows no harm (a missing status is accepted); STU3 and R5 resources, QuestionnaireResponses and other resources
/// are refused with the version or kind that was found. Every loss is in the report and in the item's note.
/// Bounded by `limits` (bytes, nesting depth, item count) and by `timeoutMs` of work. A Bundle holding one
/// Questionnaire is read too, with the ValueSets beside it. `valueSets`: more value sets to take answer lists from
/// (a person's own files), besides those contained in the Questionnaire or its Bundle.
ImportResult importFhirQuestionnaire(const QByteArray &json, const QString &fileName, const ReadLimits &limits = {},
                                     int timeoutMs = 4000, const FhirValueSets *valueSets = nullptr);

} // namespace coform
