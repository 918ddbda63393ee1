// coform-cli review show ID | review list   (minimal for now: the reviews work extends this file)
#include "clisession.h"
#include "command.h"

#include "format/templateformat.h"
#include "store/reviewstore.h"

namespace coform::cli {
namespace {

int runReview(const QStringList &arguments)
{
    QStringList args = arguments;
    CliSession cli;
    if (!cli.takeOptions(args))
        return BadUsage;
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    bool idOk = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&idOk) : 0;
    if (!((sub == QLatin1String("show") && idOk) || (sub == QLatin1String("list") && args.isEmpty()))) {
        printError(QStringLiteral("usage: coform-cli review show ID | review list  [--db PATH-or-URL] [--user NAME]"));
        return BadUsage;
    }
    int code = Done;
    const std::optional<Session> session = cli.signIn(&code);
    if (!session)
        return code;
    ReviewStore reviews(*cli.database(), *session);
    if (sub == QLatin1String("list")) {
        const Result<QVector<ReviewRecord>> list = reviews.list();
        if (!list.ok())
            return CliSession::report(list.outcome());
        for (const ReviewRecord &r : list.value())
            printLine(QStringLiteral("%1\t%2 version %3\t%4").arg(r.id).arg(r.templateId).arg(r.version).arg(r.status));
        return Done;
    }
    const Result<ReviewRecord> review = reviews.get(id);
    if (!review.ok())
        return CliSession::report(review.outcome());
    const QByteArray json = writeAnswers(review->answers);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return Done;
}

const CommandRegistration registration("review", "review show ID | list  [--db PATH-or-URL] [--user NAME]", runReview);

} // namespace
} // namespace coform::cli
