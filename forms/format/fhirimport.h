#pragma once

#include "format/importreport.h"
#include "format/templateformat.h"

#include <QByteArray>
#include <QString>

namespace coform {

/// Reads a FHIR R4 Questionnaire (JSON) into a coform template (docs/import.md has the mapping). Lenient where R4
/// allows no harm (a missing status is accepted); STU3 and R5 resources, QuestionnaireResponses and other resources
/// are refused with the version or kind that was found. Every loss is in the report and in the item's note.
/// Bounded by `limits` (bytes, nesting depth, item count) and by `timeoutMs` of work.
ImportResult importFhirQuestionnaire(const QByteArray &json, const QString &fileName, const ReadLimits &limits = {},
                                     int timeoutMs = 4000);

} // namespace coform
