// coform-cli person and review commands, run as a user would: ids on stdout, exit codes, refusals, audit trail; on
// SQLite and, when the test script started one, on PostgreSQL.
#include "reviewfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <poppler-qt6.h>

using namespace coform;
using namespace coform::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const ReviewFixture &f, const QString &user, QStringList args)
{
    args << QStringLiteral("--db") << f.location << QStringLiteral("--user") << user;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFORM_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("COFORM_CLI"), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliReview : public QObject
{
    Q_OBJECT

private slots:
    void personAddPrintsItsIdAndChecksTheNhsNumber_data() { addBackendRows(); }
    void personAddPrintsItsIdAndChecksTheNhsNumber();
    void reviewFromNewToPdfWithItsAuditTrail_data() { addBackendRows(); }
    void reviewFromNewToPdfWithItsAuditTrail();
    void coproducerIsRefused_data() { addBackendRows(); }
    void coproducerIsRefused();
};

void TestCliReview::personAddPrintsItsIdAndChecksTheNhsNumber()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const QStringList add = {QStringLiteral("person"),       QStringLiteral("add"),
                             QStringLiteral("--name"),       QStringLiteral("Alex Example"),
                             QStringLiteral("--nhs-number"), QStringLiteral("999 000 0018"),
                             QStringLiteral("--dob"),        QStringLiteral("1941-03-02")};
    const Run first = cli(f, QStringLiteral("rita"), add);
    QCOMPARE(first.exitCode, 0);
    bool isId = false;
    first.out.trimmed().toLongLong(&isId);
    QVERIFY2(isId, qPrintable(first.out));
    QVERIFY(first.err.isEmpty());

    const Run again = cli(f, QStringLiteral("rita"), add);
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains(QLatin1String("same NHS number")), qPrintable(again.err));

    QStringList wrong = add;
    wrong[5] = QStringLiteral("943 476 5918");
    const Run refused = cli(f, QStringLiteral("rita"), wrong);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains(QLatin1String("not a valid NHS number")), qPrintable(refused.err));
    // No personal data in error messages: the number typed is not repeated.
    QVERIFY(!refused.err.contains(QLatin1String("5918")));

    const Run listed = cli(f, QStringLiteral("rita"), {QStringLiteral("person"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out.count(QLatin1String("999 000 0018")), 2);
}

void TestCliReview::reviewFromNewToPdfWithItsAuditTrail()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson();
    const Run made = cli(f, QStringLiteral("rita"),
                         {QStringLiteral("review"), QStringLiteral("new"), QStringLiteral("--person"),
                          QString::number(person), QStringLiteral("--template"), QStringLiteral("chc-review")});
    QCOMPARE(made.exitCode, 0);
    const QString id = made.out.trimmed();
    QVERIFY(id.toLongLong() > 0);

    const Run early = cli(f, QStringLiteral("rita"), {QStringLiteral("review"), QStringLiteral("complete"), id});
    QCOMPARE(early.exitCode, 2);
    QVERIFY(early.err.contains(QLatin1String("needs an answer")));

    QTemporaryDir dir;
    Answers answers;
    answers.templateId = QStringLiteral("chc-review");
    answers.values = requiredAnswers();
    answers.values.insert(QStringLiteral("going-well"), QStringLiteral("Gardening with the carer"));
    const QString file = dir.filePath(QStringLiteral("answers.json"));
    QString error;
    QVERIFY(writeAnswersFile(answers, file, &error));
    QCOMPARE(cli(f, QStringLiteral("rita"),
                 {QStringLiteral("review"), QStringLiteral("answer"), id, QStringLiteral("--answers"), file})
                 .exitCode,
             0);
    const Run done = cli(f, QStringLiteral("rita"), {QStringLiteral("review"), QStringLiteral("complete"), id});
    QVERIFY2(done.exitCode == 0, qPrintable(done.err));
    // Locked now.
    const Run locked = cli(f, QStringLiteral("ravi"),
                           {QStringLiteral("review"), QStringLiteral("answer"), id, QStringLiteral("--answers"), file});
    QCOMPARE(locked.exitCode, 3);

    const QString pdfPath = dir.filePath(QStringLiteral("review.pdf"));
    const Run pdf = cli(f, QStringLiteral("ravi"),
                        {QStringLiteral("review"), QStringLiteral("pdf"), id, QStringLiteral("-o"), pdfPath});
    QVERIFY2(pdf.exitCode == 0, qPrintable(pdf.err));
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdfPath);
    QVERIFY(doc);
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(doc->page(i))->text({});
    QVERIFY(text.simplified().contains(QLatin1String("Gardening with the carer")));
    QVERIFY(text.contains(QLatin1String("999 000 0018")));

    const Run list =
        cli(f, QStringLiteral("rita"),
            {QStringLiteral("review"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("alex")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.startsWith(id + QLatin1Char('\t')));
    QVERIFY(list.out.contains(QLatin1String("completed")));

    const Run notAdmin = cli(f, QStringLiteral("rita"), {QStringLiteral("review"), QStringLiteral("audit"), id});
    QCOMPARE(notAdmin.exitCode, 5);
    const Run audit = cli(f, QStringLiteral("ada"), {QStringLiteral("review"), QStringLiteral("audit"), id});
    QCOMPARE(audit.exitCode, 0);
    const QStringList lines = audit.out.trimmed().split(QLatin1Char('\n'));
    QStringList actions;
    for (const QString &line : lines)
        actions << line.section(QLatin1Char('\t'), 1, 2);
    QCOMPARE(actions, (QStringList{QStringLiteral("rita\tcreate"), QStringLiteral("rita\tchange"),
                                   QStringLiteral("rita\tcomplete"), QStringLiteral("ravi\texport")}));
    QVERIFY(lines.last().endsWith(QLatin1String("pdf large"))); // the person asked for large print
}

void TestCliReview::coproducerIsRefused()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson();
    const qint64 review = ReviewStore(*f.db, *f.reviewer).create(person, f.chc.id, 0)->id;
    QTemporaryDir dir;
    const QList<QStringList> commands = {
        {QStringLiteral("review"), QStringLiteral("list")},
        {QStringLiteral("review"), QStringLiteral("show"), QString::number(review)},
        {QStringLiteral("review"), QStringLiteral("pdf"), QString::number(review), QStringLiteral("-o"),
         dir.filePath(QStringLiteral("x.pdf"))},
        {QStringLiteral("person"), QStringLiteral("list")},
        {QStringLiteral("person"), QStringLiteral("show"), QString::number(person)},
        {QStringLiteral("review"), QStringLiteral("new"), QStringLiteral("--person"), QString::number(person),
         QStringLiteral("--template"), QStringLiteral("chc-review")},
    };
    for (const QStringList &command : commands) {
        const Run r = cli(f, QStringLiteral("cora"), command);
        QVERIFY2(r.exitCode == 5, qPrintable(command.join(QLatin1Char(' '))));
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QLatin1String("not permitted")));
        QVERIFY(!r.err.contains(QLatin1String("Alex")));
    }
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
}

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
