// How long a change made by one person takes to reach another person's open copy of the template.
// A second process (coedit_worker) changes a question every 100 ms, stamping the label with its clock; this process
// listens with a ChangeFeed, as the editor does, and records the delay from commit to arrival.
//
//   bench_coedit_latency [DATABASE] [COUNT]     DATABASE: a new SQLite file (default: in a temporary folder) or a
//                                              postgresql:// URL of an empty database or schema
// Prints the latency distribution (ms). Targets: 1 s on SQLite, 300 ms on PostgreSQL.
#include "format/templateformat.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace coform;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QStringList args = app.arguments();
    const QString location = args.size() > 1 ? args.at(1) : dir.filePath(QStringLiteral("latency.sqlite"));
    const int count = args.size() > 2 ? args.at(2).toInt() : 50;
    const QString password = QStringLiteral("latency benchmark");

    QString error;
    std::unique_ptr<Database> db = Database::open(location, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    UserStore users(*db);
    const Result<Session> admin = users.createFirstAdmin(QStringLiteral("admin"), password);
    if (!admin.ok() || !users.addUser(*admin, QStringLiteral("writer"), Role::Coproducer, password).ok()) {
        std::fprintf(stderr, "cannot set up accounts: %s\n", qPrintable(admin.message()));
        return 2;
    }
    Problems problems;
    Template t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems).value();
    TemplateStore store(*db, *admin);
    if (!store.addTemplate(t).ok())
        return 2;

    QVector<qint64> latencies;
    ChangeFeed feed(*db, *admin, t.id, store.lastSeq(t.id).value());
    QObject::connect(&feed, &ChangeFeed::changesArrived, [&](const QVector<ChangeRecord> &changes) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const ChangeRecord &c : changes) {
            const QString label = c.edit.after.toString();
            if (label.startsWith(QLatin1String("ts:")))
                latencies.append(now - label.mid(3).toLongLong());
        }
        if (latencies.size() >= count)
            app.quit();
    });
    feed.start();

    QProcess writer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFORM_PASSWORD"), password);
    writer.setProcessEnvironment(env);
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QCoreApplication::applicationDirPath() + QStringLiteral("/coedit_worker"),
                 {location, QStringLiteral("writer"), t.id, QStringLiteral("write"), QString::number(count),
                  QStringLiteral("100")});
    QTimer::singleShot(60000, &app, &QCoreApplication::quit);
    app.exec();
    writer.waitForFinished(10000);

    if (latencies.isEmpty()) {
        std::fprintf(stderr, "no change arrived\n");
        return 1;
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.at(std::min<int>(int(latencies.size()) - 1, int(p * latencies.size())));
    };
    double sum = 0;
    for (qint64 l : latencies)
        sum += double(l);
    std::printf("%s: %d changes from another process; latency ms: min %lld, median %lld, p90 %lld, p99 %lld, max %lld, "
                "mean %.1f\n",
                db->backend() == Database::Backend::Postgres ? "postgresql" : "sqlite", int(latencies.size()),
                latencies.first(), pct(0.5), pct(0.9), pct(0.99), latencies.last(), sum / double(latencies.size()));
    return 0;
}
