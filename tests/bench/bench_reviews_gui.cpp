// Reviews at scale: 100,000 demonstration reviews (DemoData, as `coform-cli demo --reviews 100000` makes them).
// Opening the list, searching by name and by NHS number, opening a review, and opening the reviews window.
// COFORM_BENCH_REVIEWS sets the number (default 100000); COFORM_BENCH_DB reuses a database made before, with an
// admin "bench-admin" whose password is in COFORM_PASSWORD.
#include "format/templateformat.h"
#include "store/database.h"
#include "store/demodata.h"
#include "store/reviewstore.h"
#include "store/templatestore.h"
#include "store/userstore.h"

#include "reviews/reviewform.h"
#include "reviews/reviewlistmodel.h"
#include "reviews/reviewswindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace coform;

namespace {

std::unique_ptr<Database> g_db;
std::optional<Session> g_admin;
QString g_location;

bool prepare(QTemporaryDir &dir)
{
    const QString password = qEnvironmentVariableIsSet("COFORM_PASSWORD") ? qEnvironmentVariable("COFORM_PASSWORD")
                                                                          : QStringLiteral("bench-password");
    g_location = qEnvironmentVariable("COFORM_BENCH_DB");
    const bool fresh = g_location.isEmpty();
    if (fresh)
        g_location = dir.filePath(QStringLiteral("bench.sqlite"));
    QString error;
    g_db = Database::open(g_location, &error);
    if (!g_db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    UserStore users(*g_db);
    if (!fresh) {
        g_admin = users.signIn(QStringLiteral("bench-admin"), password).value();
        return true;
    }
    g_admin = users.createFirstAdmin(QStringLiteral("bench-admin"), password).value();
    users.addUser(*g_admin, QStringLiteral("bench-coproducer"), Role::Coproducer, password);
    const Session coproducer = users.signIn(QStringLiteral("bench-coproducer"), password).value();
    Problems problems;
    const Template t = *readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    TemplateStore templates(*g_db, *g_admin);
    if (!templates.addTemplate(t).ok() || !templates.propose(t.id).ok() || !templates.approve(t.id).ok()
        || !TemplateStore(*g_db, coproducer).approve(t.id).ok() || !templates.publish(t.id).ok())
        return false;
    const int count = qEnvironmentVariableIsSet("COFORM_BENCH_REVIEWS")
                          ? qEnvironmentVariableIntValue("COFORM_BENCH_REVIEWS")
                          : 100000;
    QElapsedTimer timer;
    timer.start();
    const Outcome filled = DemoData::fill(*g_db, *g_admin, count, t.id, 1, QDate::currentDate());
    std::fprintf(stderr, "demo data: %d reviews in %.1f s\n", count, timer.elapsed() / 1000.0);
    return filled.ok();
}

QString benchPassword()
{
    return qEnvironmentVariableIsSet("COFORM_PASSWORD") ? qEnvironmentVariable("COFORM_PASSWORD")
                                                        : QStringLiteral("bench-password");
}

/// Signing in to the database of 100,000 reviews (an admin: the password checked, the data key unwrapped).
void BM_SignIn(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(UserStore(*g_db).signIn(QStringLiteral("bench-admin"), benchPassword()).ok());
}
BENCHMARK(BM_SignIn)->Unit(benchmark::kMillisecond);

/// A fresh sign-in, then the first search by name of that session (which opens the session's index of people).
void BM_SignInThenFirstSearch(benchmark::State &state)
{
    ReviewFilter filter;
    filter.search = QStringLiteral("wyn notreal-3");
    for (auto _ : state) {
        const Session session = UserStore(*g_db).signIn(QStringLiteral("bench-admin"), benchPassword()).value();
        benchmark::DoNotOptimize(ReviewStore(*g_db, session).find(filter)->size());
    }
}
BENCHMARK(BM_SignInThenFirstSearch)->Unit(benchmark::kMillisecond);

void BM_OpenReviewsList(benchmark::State &state)
{
    ReviewStore store(*g_db, *g_admin);
    for (auto _ : state) {
        ReviewListModel model(store);
        model.setFilter({});
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_OpenReviewsList)->Unit(benchmark::kMillisecond);

void BM_SearchByName(benchmark::State &state)
{
    ReviewStore store(*g_db, *g_admin);
    ReviewFilter filter;
    filter.search = QStringLiteral("wyn notreal-3");
    for (auto _ : state)
        benchmark::DoNotOptimize(store.find(filter)->size());
}
BENCHMARK(BM_SearchByName)->Unit(benchmark::kMillisecond);

void BM_SearchByNhsNumber(benchmark::State &state)
{
    ReviewStore store(*g_db, *g_admin);
    ReviewFilter filter;
    filter.search = QStringLiteral("999 004 12");
    for (auto _ : state)
        benchmark::DoNotOptimize(store.find(filter)->size());
}
BENCHMARK(BM_SearchByNhsNumber)->Unit(benchmark::kMillisecond);

void BM_SearchWithCount(benchmark::State &state)
{
    ReviewStore store(*g_db, *g_admin);
    for (auto _ : state) {
        ReviewListModel model(store);
        ReviewFilter filter;
        filter.search = QStringLiteral("fictional");
        filter.status = ReviewStatus::InProgress;
        filter.dueTo = QDate::currentDate().addDays(30);
        model.setFilter(filter);
        benchmark::DoNotOptimize(model.totalCount());
    }
}
BENCHMARK(BM_SearchWithCount)->Unit(benchmark::kMillisecond);

void BM_OpenReviewForm(benchmark::State &state)
{
    for (auto _ : state) {
        ReviewForm form(*g_db, *g_admin, 4242);
        form.show();
        QApplication::processEvents();
        benchmark::DoNotOptimize(form.isLoaded());
    }
}
BENCHMARK(BM_OpenReviewForm)->Unit(benchmark::kMillisecond);

/// From opening the database to a reviews window showing its list (the password typed before is not counted).
void BM_StartToUsableWindow(benchmark::State &state)
{
    for (auto _ : state) {
        QString error;
        std::unique_ptr<Database> db = Database::open(g_location, &error);
        ReviewsWindow window(*db, *g_admin);
        window.show();
        QApplication::processEvents();
        benchmark::DoNotOptimize(window.listModel()->rowCount());
    }
}
BENCHMARK(BM_StartToUsableWindow)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QTemporaryDir dir;
    if (!prepare(dir))
        return 1;
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_db.reset();
    return 0;
}
