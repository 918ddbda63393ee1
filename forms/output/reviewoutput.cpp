#include "output/reviewoutput.h"

#include "format/outputfile.h"
#include "store/auditlog.h"

namespace coform {

PrintProfile ReviewOutput::profileForPreferredFormat(const QString &preferredFormat)
{
    if (preferredFormat == QLatin1String("large-print"))
        return PrintProfile::Large;
    if (preferredFormat == QLatin1String("easy-read"))
        return PrintProfile::Easy;
    return PrintProfile::Standard;
}

Outcome ReviewOutput::render(ReviewStore &reviews, qint64 reviewId, Format format, std::optional<PrintProfile> profile,
                             QByteArray *out, QString *auditDetail, bool withPrevious)
{
    const Result<ReviewRecord> review = reviews.get(reviewId);
    if (!review.ok())
        return review.outcome();
    const Result<Template> t = reviews.templateOf(*review);
    if (!t.ok())
        return t.outcome();
    RenderOptions options;
    if (profile) {
        options.profile = *profile;
    } else {
        // The person's recorded format, read with the same rights as the review itself.
        const Result<PersonRecord> person = reviews.person(review->personId);
        if (!person.ok())
            return person.outcome();
        options.profile = profileForPreferredFormat(person->preferredFormat);
    }
    if (withPrevious) {
        const Result<std::optional<ReviewRecord>> previous =
            reviews.previousCompleted(review->personId, review->templateId, reviewId);
        if (!previous.ok())
            return previous.outcome();
        if (!previous->has_value())
            return Outcome::notFound(
                QStringLiteral(
                    "review %1 has no earlier completed review of the same person and form to show beside it")
                    .arg(reviewId));
        options.withPrevious = true;
        options.previous = (*previous)->answers;
        options.previousDate = (*previous)->completedAt.toLocalTime().date();
    }
    QString error;
    const bool ok = format == Format::Pdf ? renderPdf(*t, &review->answers, options, out, &error)
                                          : renderHtml(*t, &review->answers, options, out, &error);
    if (!ok)
        return Outcome::failed(QStringLiteral("review %1 cannot be written: %2").arg(reviewId).arg(error));
    *auditDetail = QStringLiteral("%1 %2%3").arg(
        format == Format::Pdf ? QStringLiteral("pdf") : QStringLiteral("html"), printProfileName(options.profile),
        options.withPrevious ? QStringLiteral(" with the last review") : QString());
    return Outcome::success();
}

Outcome ReviewOutput::writeTo(ReviewStore &reviews, qint64 reviewId, Format format, std::optional<PrintProfile> profile,
                              const QString &path, const char *auditAction, bool withPrevious)
{
    // Refused before any rendering: a device or a pipe is never written to.
    if (const QString problem = OutputFile::pathProblem(path); !problem.isEmpty())
        return Outcome::invalid(problem);
    QByteArray document;
    QString detail;
    if (Outcome made = render(reviews, reviewId, format, profile, &document, &detail, withPrevious); !made.ok())
        return made;
    QString error;
    if (!writeFileAtomically(path, document, &error))
        return Outcome::invalid(error);
    return reviews.recordOutput(reviewId, auditAction, detail);
}

} // namespace coform
