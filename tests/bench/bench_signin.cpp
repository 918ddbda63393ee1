// Sign-in time for a name that does not exist against a real account's, inside the process (no start-up cost): the
// two must be within 10% of each other, so that timing does not tell which names exist. "ratio" on the unknown-name
// runs is its mean elapsed time over BM_SignInRealNameWrongPassword's (run in the same process, just before it),
// "cpu_ratio" the same in processor time.
// Run: build/bin/bench_signin --benchmark_repetitions=5 (signin-timing.sh compares whole coform-cli runs of two
// builds, e.g. this one and the previous commit's).
#include "store/database.h"
#include "store/userstore.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <memory>

using namespace coform;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;

    Fixture()
    {
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")), &error);
        UserStore users(*db);
        const Result<Session> ada = users.createFirstAdmin(QStringLiteral("ada"), QStringLiteral("ada-password"));
        if (!db || !ada.ok()
            || !users.addUser(*ada, QStringLiteral("rita"), Role::Reviewer, QStringLiteral("rita-password")).ok()) {
            std::fprintf(stderr, "bench_signin: cannot set up the database: %s\n", qPrintable(error));
            std::exit(1);
        }
        // Wrong passwords would lock rita after five; a clock far in the future each time keeps her unlocked.
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

double realNameMeanMs = 0, realNameCpuMs = 0;

double clockMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

void signInLoop(benchmark::State &state, const QString &name, const QString &password, bool isReal)
{
    Fixture &f = fixture();
    UserStore users(*f.db);
    qint64 step = 0;
    double total = 0, cpu = 0;
    for (auto _ : state) {
        // Each attempt a lock-out period later, so that the account is never locked during the run.
        f.db->setClock([step] { return QDateTime::currentDateTimeUtc().addSecs(step * 600); });
        ++step;
        const double start = clockMs(CLOCK_MONOTONIC), startCpu = clockMs(CLOCK_THREAD_CPUTIME_ID);
        const Result<Session> r = users.signIn(name, password);
        total += clockMs(CLOCK_MONOTONIC) - start;
        cpu += clockMs(CLOCK_THREAD_CPUTIME_ID) - startCpu;
        benchmark::DoNotOptimize(r.ok());
    }
    const double mean = total / double(state.iterations()), meanCpu = cpu / double(state.iterations());
    state.counters["mean_ms"] = mean;
    state.counters["cpu_ms"] = meanCpu;
    if (isReal) {
        realNameMeanMs = mean;
        realNameCpuMs = meanCpu;
    } else if (realNameMeanMs > 0) {
        // Elapsed time on a busy machine mostly measures the others; processor time is the attacker's signal on
        // an idle one.
        state.counters["ratio"] = mean / realNameMeanMs;
        state.counters["cpu_ratio"] = meanCpu / realNameCpuMs;
    }
}

void BM_SignInRealNameWrongPassword(benchmark::State &state)
{
    signInLoop(state, QStringLiteral("rita"), QStringLiteral("not-her-password"), true);
}

void BM_SignInUnknownName(benchmark::State &state)
{
    signInLoop(state, QStringLiteral("nobody-here"), QStringLiteral("not-her-password"), false);
}

void BM_SignInRealNameRightPassword(benchmark::State &state)
{
    signInLoop(state, QStringLiteral("rita"), QStringLiteral("rita-password"), true);
}

} // namespace

BENCHMARK(BM_SignInRealNameWrongPassword)->Unit(benchmark::kMillisecond)->Iterations(30);
BENCHMARK(BM_SignInUnknownName)->Unit(benchmark::kMillisecond)->Iterations(30);
BENCHMARK(BM_SignInRealNameRightPassword)->Unit(benchmark::kMillisecond)->Iterations(30);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
