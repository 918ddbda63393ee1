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

/// Renders the review with its own template version, by default in the person's format (`profile` overrides it).
/// Returns the outcome; the document in *out and what the audit row will say ("pdf large") in *auditDetail. Nothing
/// is audited yet: the caller records the export with ReviewStore::recordOutput() once the document is written.
/// With `withPrevious` (PDF only) a "Last review" column shows the person's latest other completed review of the
/// template beside each question; NotFound when there is none.
Outcome render(ReviewStore &reviews, qint64 reviewId, Format format, std::optional<PrintProfile> profile,
               QByteArray *out, QString *auditDetail, bool withPrevious = false);

/// Renders the review and writes it to `path` (0600; a device, FIFO or socket is refused), then records the export
/// in the audit trail: only a file that was written is audited. Invalid with the reason when writing failed.
Outcome writeTo(ReviewStore &reviews, qint64 reviewId, Format format, std::optional<PrintProfile> profile,
                const QString &path, const char *auditAction = "export", bool withPrevious = false);

} // namespace ReviewOutput
} // namespace coform
