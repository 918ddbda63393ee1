// Autosave under a crash and under two writers. The test runs copies of itself as the children: a child signs in,
// answers questions through AnswerAutosaver and prints each answer as it gives it ("STEP ITEM MSECS"), until it is
// killed or has answered all it was told to.
#include "reviewfixture.h"

#include "store/answerautosaver.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <cstdio>

using namespace coform;
using namespace coform::test;

namespace {

const QStringList crashItems = {
    QStringLiteral("going-well"),          QStringLiteral("not-working"),        QStringLiteral("matters-most"),
    QStringLiteral("carer-views"),         QStringLiteral("breathing-evidence"), QStringLiteral("nutrition-evidence"),
    QStringLiteral("continence-evidence"), QStringLiteral("skin-evidence"),      QStringLiteral("mobility-evidence"),
    QStringLiteral("cognition-evidence"),  QStringLiteral("behaviour-evidence"), QStringLiteral("new-illnesses"),
    QStringLiteral("changes-needed"),      QStringLiteral("communication-help"), QStringLiteral("consent-notes")};

/// The child: answers the items round and round, `steps` answers, `intervalMs` apart.
int runChild()
{
    QString error;
    std::unique_ptr<Database> db = Database::open(qEnvironmentVariable("CHILD_DB"), &error);
    if (!db) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }
    UserStore users(*db);
    const Result<Session> session = users.signIn(qEnvironmentVariable("CHILD_USER"), password);
    if (!session.ok()) {
        std::fprintf(stderr, "child: %s\n", qPrintable(session.message()));
        return 5;
    }
    ReviewStore reviews(*db, *session);
    AnswerAutosaver saver(reviews, qEnvironmentVariable("CHILD_REVIEW").toLongLong());
    QObject::connect(&saver, &AnswerAutosaver::saveFailed,
                     [](const QString &message) { std::fprintf(stderr, "child: %s\n", qPrintable(message)); });
    const QStringList items = qEnvironmentVariable("CHILD_ITEMS").split(QLatin1Char(','));
    const QString prefix = qEnvironmentVariable("CHILD_PREFIX");
    const int steps = qEnvironmentVariableIntValue("CHILD_STEPS");
    const int interval = qEnvironmentVariableIntValue("CHILD_INTERVAL_MS");
    for (int step = 0; step < steps; ++step) {
        const QString item = items.at(step % items.size());
        saver.setAnswer(item, QStringLiteral("%1 step %2").arg(prefix).arg(step));
        std::printf("%d %s %lld\n", step, qPrintable(item), QDateTime::currentMSecsSinceEpoch());
        std::fflush(stdout);
        QEventLoop loop;
        QTimer::singleShot(interval, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return saver.flush().ok() ? 0 : 3;
}

void startChild(QProcess &child, const ReviewFixture &f, qint64 reviewId, const QString &user, const QStringList &items,
                const QString &prefix, int steps, int intervalMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHILD_MODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("CHILD_DB"), f.location);
    env.insert(QStringLiteral("CHILD_USER"), user);
    env.insert(QStringLiteral("CHILD_REVIEW"), QString::number(reviewId));
    env.insert(QStringLiteral("CHILD_ITEMS"), items.join(QLatin1Char(',')));
    env.insert(QStringLiteral("CHILD_PREFIX"), prefix);
    env.insert(QStringLiteral("CHILD_STEPS"), QString::number(steps));
    env.insert(QStringLiteral("CHILD_INTERVAL_MS"), QString::number(intervalMs));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
}

int stepOf(const QJsonValue &value)
{
    return value.toString().section(QLatin1Char(' '), -1).toInt();
}

} // namespace

class TestReviewCrash : public QObject
{
    Q_OBJECT

private slots:
    void answersBeforeTheLastTwoSecondsSurviveSigkill_data() { addBackendRows(); }
    void answersBeforeTheLastTwoSecondsSurviveSigkill();
    void twoProcessesAnsweringDifferentQuestionsBothSurvive_data() { addBackendRows(); }
    void twoProcessesAnsweringDifferentQuestionsBothSurvive();
};

void TestReviewCrash::answersBeforeTheLastTwoSecondsSurviveSigkill()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;

    QProcess child;
    startChild(child, f, id, QStringLiteral("rita"), crashItems, QStringLiteral("rita"), 100000, 30);
    QVERIFY(child.waitForStarted());
    // Let it answer for a while (after its sign-in), then kill it without warning.
    QElapsedTimer answering;
    QByteArray output;
    while (!output.contains('\n') || answering.elapsed() < 4000) {
        if (!answering.isValid() && output.contains('\n'))
            answering.start();
        QVERIFY2(child.state() == QProcess::Running, "the child stopped by itself");
        child.waitForReadyRead(100);
        output += child.readAllStandardOutput();
    }
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    output += child.readAllStandardOutput();

    // For each question, the last answer given more than 2 seconds before the kill.
    QMap<QString, int> mustHave;
    int lines = 0;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3)
            continue;
        ++lines;
        if (parts.at(2).toLongLong() <= killedAt - 2000)
            mustHave[QString::fromLatin1(parts.at(1))] = parts.at(0).toInt();
    }
    QVERIFY2(lines > 50, qPrintable(QStringLiteral("only %1 answers given").arg(lines)));
    QVERIFY(mustHave.size() == crashItems.size());

    QString error;
    std::unique_ptr<Database> after = Database::open(f.location, &error);
    QVERIFY2(after, qPrintable(error));
    if (backend == QLatin1String("sqlite")) {
        QSqlQuery q = after->query();
        QVERIFY(after->exec(q, QStringLiteral("PRAGMA integrity_check"), {}, &error));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
    const Answers saved = ReviewStore(*after, *f.reviewer).get(id)->answers;
    for (auto it = mustHave.begin(); it != mustHave.end(); ++it) {
        QVERIFY2(saved.has(it.key()), qPrintable(it.key()));
        QVERIFY2(stepOf(saved.value(it.key())) >= it.value(),
                 qPrintable(QStringLiteral("%1: saved step %2, but step %3 was given more than 2 s before the kill")
                                .arg(it.key())
                                .arg(stepOf(saved.value(it.key())))
                                .arg(it.value())));
    }
}

void TestReviewCrash::twoProcessesAnsweringDifferentQuestionsBothSurvive()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
    const QStringList ritasItems = crashItems.mid(0, 7);
    const QStringList ravisItems = crashItems.mid(7);
    const int steps = 60;

    QProcess rita, ravi;
    startChild(rita, f, id, QStringLiteral("rita"), ritasItems, QStringLiteral("rita"), steps, 25);
    startChild(ravi, f, id, QStringLiteral("ravi"), ravisItems, QStringLiteral("ravi"), steps, 25);
    QVERIFY(rita.waitForFinished(60000) && ravi.waitForFinished(60000));
    QCOMPARE(rita.exitStatus(), QProcess::NormalExit);
    QCOMPARE(rita.exitCode(), 0);
    QCOMPARE(ravi.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ravi.exitCode(), 0);

    const Answers saved = ReviewStore(*f.db, *f.reviewer).get(id)->answers;
    auto lastStep = [&](const QStringList &items, const QString &item) {
        const int index = int(items.indexOf(item));
        int last = -1;
        for (int step = 0; step < steps; ++step) {
            if (step % items.size() == index)
                last = step;
        }
        return last;
    };
    for (const QString &item : ritasItems)
        QCOMPARE(saved.value(item).toString(), QStringLiteral("rita step %1").arg(lastStep(ritasItems, item)));
    for (const QString &item : ravisItems)
        QCOMPARE(saved.value(item).toString(), QStringLiteral("ravi step %1").arg(lastStep(ravisItems, item)));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("CHILD_MODE"))
        return runChild();
    TestReviewCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_review_crash.moc"
