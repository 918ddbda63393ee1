#pragma once

#include "model/answers.h"
#include "model/template.h"

#include <QByteArray>
#include <QJsonObject>

namespace coform {

/// A template as a FHIR R4 Questionnaire: sections are groups, items map to their R4 types, translations use the
/// standard `translation` extension, and what R4 has no element for travels in Coform extensions so that importing
/// the result gives the same template back (docs/import.md).
QJsonObject questionnaireFromTemplate(const Template &t);

/// Filled answers as a FHIR R4 QuestionnaireResponse for `questionnaireFromTemplate(t)`; the person is a contained
/// Patient (NHS number as identifier). `authored` is an ISO date-time; now when empty.
QJsonObject questionnaireResponseFromAnswers(const Template &t, const Answers &answers, const QString &authored = {});

/// The canonical URL written as Questionnaire.url and referred to by the response.
QString questionnaireUrl(const Template &t);

/// Indented UTF-8 JSON.
QByteArray fhirJson(const QJsonObject &resource);

} // namespace coform
