#pragma once

#include "pdf/renderer.h"
#include "store/reviewstore.h"

#include <QByteArray>

namespace coform {

/// Writing a filled review out (PDF or HTML) in the format its person asked for, with the export in the audit trail.
namespace ReviewOutput {

enum class Format { Pdf, Html };

/// The print profile for a person's recorded format: large print and easy read have their own; others standard.
PrintProfile profileForPreferredFormat(const QString &preferredFormat);

/// Renders the review with its own template version, by default in the person's format (`profile` overrides it),
/// and records the export ("pdf large") in the audit trail. Returns the outcome; the document in *out.
/// With `withPrevious` (PDF only) a "Last review" column shows the person's latest other completed review of the
/// template beside each question; NotFound when there is none.
Outcome render(ReviewStore &reviews, qint64 reviewId, Format format, std::optional<PrintProfile> profile,
               QByteArray *out, const char *auditAction = "export", bool withPrevious = false);

} // namespace ReviewOutput
} // namespace coform
