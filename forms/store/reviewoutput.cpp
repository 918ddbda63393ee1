#include "store/reviewoutput.h"

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
                             QByteArray *out, const char *auditAction)
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
    QString error;
    const bool ok = format == Format::Pdf ? renderPdf(*t, &review->answers, options, out, &error)
                                          : renderHtml(*t, &review->answers, options, out, &error);
    if (!ok)
        return Outcome::failed(QStringLiteral("review %1 cannot be written: %2").arg(reviewId).arg(error));
    return reviews.recordOutput(
        reviewId, auditAction,
        QStringLiteral("%1 %2").arg(format == Format::Pdf ? QStringLiteral("pdf") : QStringLiteral("html"),
                                    printProfileName(options.profile)));
}

} // namespace coform
