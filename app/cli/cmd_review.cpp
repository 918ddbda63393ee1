// coform-cli review list [--search TEXT] [--status in-progress|completed] [--due-within DAYS] | review show ID |
// review new --person ID --template ID [--version N] [--from-previous] | review answer ID --answers FILE | review
// complete ID | review reopen ID --reason TEXT | review pdf ID -o FILE [--print PROFILE] [--format pdf|html]
// [--with-previous] | review audit ID | review import-pdf ID FILE [--accept]
#include "clisession.h"
#include "command.h"
#include "signin.h"

#include "format/filledpdfreader.h"
#include "format/templateformat.h"
#include "model/nhsnumber.h"
#include "output/reviewoutput.h"
#include "store/auditlog.h"
#include "store/reviewstore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace coform::cli {
namespace {

const char *const usage =
    "usage: coform-cli review list [--search TEXT] [--status in-progress|completed] [--due-within DAYS] | show ID | "
    "new --person ID --template ID [--version N] [--from-previous] | answer ID --answers FILE | complete ID | reopen "
    "ID --reason TEXT | "
    "pdf ID -o FILE [--print standard|large|easy] [--format pdf|html] [--with-previous] | audit ID | import-pdf ID "
    "FILE [--accept]   "
    "[--db PATH-or-URL] [--user NAME]";

int badUsage(const QString &message = {})
{
    return usageError(usage, message);
}

QString statusText(ReviewStatus status)
{
    return status == ReviewStatus::Completed ? QStringLiteral("completed") : QStringLiteral("in progress");
}

int list(ReviewStore &reviews, AuditLog audit, QStringList args)
{
    ReviewFilter filter;
    filter.limit = 1000000;
    QString status, within;
    if (!takeOption(args, QStringLiteral("--search"), &filter.search)
        || !takeOption(args, QStringLiteral("--status"), &status)
        || !takeOption(args, QStringLiteral("--due-within"), &within))
        return BadUsage;
    if (!args.isEmpty())
        return badUsage();
    if (status == QLatin1String("completed"))
        filter.status = ReviewStatus::Completed;
    else if (status == QLatin1String("in-progress"))
        filter.status = ReviewStatus::InProgress;
    else if (!status.isEmpty())
        return badUsage(QStringLiteral("--status: expected in-progress or completed, not \"%1\"").arg(status));
    if (!within.isEmpty()) {
        bool ok = false;
        const int days = within.toInt(&ok);
        if (!ok || days < 0)
            return badUsage(QStringLiteral("--due-within: expected a number of days, not \"%1\"").arg(within));
        filter.dueTo = QDate::currentDate().addDays(days);
    }
    const Result<QVector<ReviewSummary>> found = reviews.find(filter);
    if (!found.ok())
        return CliSession::report(found.outcome());
    if (const Outcome logged = audit.recordListing(
            filter.search.isEmpty() ? AuditLog::ListReviews : AuditLog::SearchReviews, found->size());
        !logged.ok())
        return CliSession::report(logged);
    const QDate today = QDate::currentDate();
    for (const ReviewSummary &r : found.value()) {
        printLine(QStringLiteral("%1\t%2\t%3\t%4\t%5 version %6\tnext due %7%8")
                      .arg(r.id)
                      .arg(r.personName, NhsNumber::formatted(r.nhsNumber), statusText(r.status), r.templateId)
                      .arg(r.version)
                      .arg(r.nextDue.isValid() ? r.nextDue.toString(Qt::ISODate) : QStringLiteral("not set"),
                           r.dueWithin(today) ? QStringLiteral("\tDUE WITHIN 30 DAYS") : QString()));
    }
    return Done;
}

int create(ReviewStore &reviews, QStringList args)
{
    QString person, templateId, version;
    const bool fromPrevious = args.removeAll(QStringLiteral("--from-previous")) > 0;
    if (!takeOption(args, QStringLiteral("--person"), &person)
        || !takeOption(args, QStringLiteral("--template"), &templateId)
        || !takeOption(args, QStringLiteral("--version"), &version))
        return BadUsage;
    bool personOk = false, versionOk = true;
    const qint64 personId = person.toLongLong(&personOk);
    const int v = version.isEmpty() ? 0 : version.toInt(&versionOk);
    if (!args.isEmpty() || !personOk || templateId.isEmpty() || !versionOk)
        return badUsage(
            QStringLiteral("usage: coform-cli review new --person ID --template ID [--version N] [--from-previous]"));
    if (!version.isEmpty() && v <= 0) {
        printError(QStringLiteral("--version: a version number is 1 or more, not %1").arg(v));
        return InvalidInput;
    }
    CarriedForward carried;
    const Result<ReviewRecord> made = reviews.create(personId, templateId, v, {}, fromPrevious ? &carried : nullptr);
    if (!made.ok())
        return CliSession::report(made.outcome());
    printLine(QString::number(made->id));
    if (fromPrevious) {
        // What was taken over goes to stderr, so that stdout stays the new id alone.
        printError(QStringLiteral("started from review %1 (completed %2): %3 answer(s) taken over; dates, signatures "
                                  "and the person's details are not")
                       .arg(carried.fromReview)
                       .arg(carried.completed.toString(Qt::ISODate))
                       .arg(carried.carried));
        for (const QString &left : std::as_const(carried.leftOut))
            printError(QStringLiteral("not taken over: %1").arg(left));
    }
    return Done;
}

int answer(ReviewStore &reviews, qint64 id, QStringList args)
{
    QString file;
    if (!takeOption(args, QStringLiteral("--answers"), &file))
        return BadUsage;
    if (!args.isEmpty() || file.isEmpty())
        return badUsage(QStringLiteral("usage: coform-cli review answer ID --answers FILE"));
    Problems problems;
    const std::optional<Answers> answers = readAnswersFile(file, &problems);
    if (!answers) {
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error)
                printError(p.toString());
        }
        return InvalidInput;
    }
    const Result<ReviewRecord> review = reviews.get(id);
    if (!review.ok())
        return CliSession::report(review.outcome());
    if (!answers->templateId.isEmpty() && answers->templateId != review->templateId) {
        printError(QStringLiteral("%1:/template: these answers are for template \"%2\", but review %3 uses \"%4\"")
                       .arg(file, answers->templateId)
                       .arg(id)
                       .arg(review->templateId));
        return InvalidInput;
    }
    const Outcome saved = reviews.saveAnswers(id, answers->values);
    if (!saved.ok()) {
        printError(saved.status == StoreStatus::Invalid ? QStringLiteral("%1: %2").arg(file, saved.message)
                                                        : saved.message);
        return CliSession::exitCodeFor(saved.status);
    }
    return Done;
}

int output(ReviewStore &reviews, qint64 id, QStringList args)
{
    QString out, print, format;
    const bool withPrevious = args.removeAll(QStringLiteral("--with-previous")) > 0;
    if (!takeOption(args, QStringLiteral("-o"), &out) || !takeOption(args, QStringLiteral("--print"), &print)
        || !takeOption(args, QStringLiteral("--format"), &format))
        return BadUsage;
    if (!args.isEmpty() || out.isEmpty())
        return badUsage(
            QStringLiteral("usage: coform-cli review pdf ID -o FILE [--print standard|large|easy] [--format pdf|html] "
                           "[--with-previous]"));
    std::optional<PrintProfile> profile;
    if (!print.isEmpty()) {
        profile = printProfileFromName(print);
        if (!profile)
            return badUsage(QStringLiteral("--print: expected standard, large or easy, not \"%1\"").arg(print));
    }
    if (!format.isEmpty() && format != QLatin1String("pdf") && format != QLatin1String("html"))
        return badUsage(QStringLiteral("--format: expected pdf or html, not \"%1\"").arg(format));
    if (withPrevious && format == QLatin1String("html"))
        return badUsage(QStringLiteral("--with-previous: the last review's column is printed in PDFs only"));
    return CliSession::report(ReviewOutput::writeTo(
        reviews, id, format == QLatin1String("html") ? ReviewOutput::Format::Html : ReviewOutput::Format::Pdf, profile,
        out, AuditLog::Export, withPrevious));
}

/// `review import-pdf ID FILE [--accept]`: lists the answers filled into a fillable form of the review's template
/// (question, answer now, answer in the PDF); with --accept saves those that differ. Nothing is saved when the file is
/// refused or any filled-in answer does not fit its question.
int importPdf(ReviewStore &reviews, qint64 id, QStringList args)
{
    const bool accept = args.removeAll(QStringLiteral("--accept")) > 0;
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return badUsage(QStringLiteral("usage: coform-cli review import-pdf ID FILE [--accept]"));
    const QString file = args.first();
    if (!QFileInfo::exists(file)) {
        printError(QStringLiteral("%1: no such file").arg(file));
        return NotFound;
    }
    const Result<ReviewRecord> stored = reviews.get(id);
    if (!stored.ok())
        return CliSession::report(stored.outcome());
    const Result<Template> t = reviews.templateOf(stored.value());
    if (!t.ok())
        return CliSession::report(t.outcome());
    PdfImportOptions options;
    options.workerPath = QCoreApplication::applicationFilePath();
    const FilledPdfAnswers read = readFilledPdf(file, t.value(), options);
    if (!read.refusal.isEmpty()) {
        // One arg() call: the refusal may quote the file's own words, which must not be read as place markers.
        printError(QStringLiteral("%1: %2; review %3 uses template \"%4\" version %5; nothing was saved")
                       .arg(file, read.refusal, QString::number(id), t->id, QString::number(t->version)));
        return InvalidInput;
    }
    if (!read.problems.isEmpty()) {
        for (const QString &problem : read.problems)
            printError(QStringLiteral("%1: %2").arg(file, problem));
        printError(read.problems.size() == 1
                       ? QStringLiteral("%1: 1 answer does not fit its question; nothing was saved").arg(file)
                       : QStringLiteral("%1: %2 answers do not fit their questions; nothing was saved")
                             .arg(file)
                             .arg(read.problems.size()));
        return InvalidInput;
    }
    // The answers now are shown beside the proposed ones: a view of the review, for the audit trail.
    const Result<ReviewRecord> review = reviews.open(id);
    if (!review.ok())
        return CliSession::report(review.outcome());
    QMap<QString, QJsonValue> changed;
    for (const ProposedAnswer &a : read.answers) {
        const Item *item = t->findItem(a.itemId);
        const QJsonValue now = review->answers.value(a.itemId);
        const bool same = now == a.value;
        if (!same)
            changed.insert(a.itemId, a.value);
        printLine(QStringLiteral("%1\t%2\tnow: %3\tin the PDF: %4%5")
                      .arg(a.number)
                      .arg(a.label, answerInWords(*item, now), answerInWords(*item, a.value),
                           same ? QStringLiteral("\t(unchanged)") : QString()));
    }
    if (read.answers.isEmpty()) {
        printLine(QStringLiteral("nothing is filled in"));
        return Done;
    }
    if (!accept) {
        printLine(changed.size() == 1
                      ? QStringLiteral("1 answer would change; nothing was saved (add --accept to save it)")
                      : QStringLiteral("%1 answers would change; nothing was saved (add --accept to save them)")
                            .arg(changed.size()));
        return Done;
    }
    if (changed.isEmpty()) {
        printLine(QStringLiteral("no answer changes; nothing to save"));
        return Done;
    }
    const Outcome saved = reviews.saveAnswers(id, changed, QStringLiteral("a filled PDF form"));
    if (!saved.ok()) {
        printError(saved.status == StoreStatus::Invalid ? QStringLiteral("%1: %2").arg(file, saved.message)
                                                        : saved.message);
        return CliSession::exitCodeFor(saved.status);
    }
    printLine(changed.size() == 1 ? QStringLiteral("saved 1 answer")
                                  : QStringLiteral("saved %1 answers").arg(changed.size()));
    return Done;
}

int audit(Database &db, const Session &session, qint64 id)
{
    const Result<QVector<AuditEntry>> trail = AuditLog(db, session).forReview(id);
    if (!trail.ok())
        return CliSession::report(trail.outcome());
    for (const AuditEntry &e : trail.value())
        printLine(QStringLiteral("%1\t%2\t%3\t%4").arg(Database::timeText(e.at), e.userName, e.action, e.detail));
    return Done;
}

int runReview(const QStringList &arguments)
{
    CliSession cli;
    std::optional<CommandWords> words = takeCommand(cli, arguments, usage);
    if (!words)
        return BadUsage;
    const QString sub = words->sub;
    QStringList &args = words->args;
    static const QStringList withId = {
        QStringLiteral("show"), QStringLiteral("answer"), QStringLiteral("complete"),  QStringLiteral("reopen"),
        QStringLiteral("pdf"),  QStringLiteral("audit"),  QStringLiteral("import-pdf")};
    if (sub != QLatin1String("list") && sub != QLatin1String("new") && !withId.contains(sub))
        return badUsage();
    qint64 id = 0;
    if (withId.contains(sub)) {
        bool ok = false;
        id = args.isEmpty() ? 0 : args.takeFirst().toLongLong(&ok);
        if (!ok || id <= 0)
            return badUsage(QStringLiteral("review %1 needs a review id").arg(sub));
    }
    QString reason;
    if (sub == QLatin1String("reopen")
        && (!takeOption(args, QStringLiteral("--reason"), &reason) || !args.isEmpty() || reason.trimmed().isEmpty()))
        return badUsage(QStringLiteral("usage: coform-cli review reopen ID --reason TEXT"));
    if ((sub == QLatin1String("show") || sub == QLatin1String("complete") || sub == QLatin1String("audit"))
        && !args.isEmpty())
        return badUsage();
    return signedIn(cli, [&](const Session &session) -> int {
        ReviewStore reviews(*cli.database(), session);
        if (sub == QLatin1String("list"))
            return list(reviews, AuditLog(*cli.database(), session), args);
        if (sub == QLatin1String("new"))
            return create(reviews, args);
        if (sub == QLatin1String("answer"))
            return answer(reviews, id, args);
        if (sub == QLatin1String("pdf"))
            return output(reviews, id, args);
        if (sub == QLatin1String("audit"))
            return audit(*cli.database(), session, id);
        if (sub == QLatin1String("import-pdf"))
            return importPdf(reviews, id, args);
        if (sub == QLatin1String("reopen"))
            return CliSession::report(reviews.reopen(id, reason));
        if (sub == QLatin1String("complete"))
            return CliSession::report(reviews.complete(id));
        const Result<ReviewRecord> review = reviews.open(id);
        if (!review.ok())
            return CliSession::report(review.outcome());
        const QByteArray json = writeAnswers(review->answers);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return Done;
    });
}

const CommandRegistration registration("review",
                                       "review list [--search TEXT] | show ID | new --person ID --template ID "
                                       "[--version N] | answer ID --answers FILE | complete ID | reopen ID --reason "
                                       "TEXT | pdf ID -o FILE [--print PROFILE] | audit ID | import-pdf ID FILE "
                                       "[--accept]  [--db PATH-or-URL] "
                                       "[--user NAME]",
                                       runReview);

} // namespace
} // namespace coform::cli
