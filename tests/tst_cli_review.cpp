// coform-cli person and review commands, run as a user would: ids on stdout, exit codes, refusals, audit trail; on
// SQLite and, when the test script started one, on PostgreSQL.
#include "pdffill.h"
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
    void newFromPreviousAndPdfWithTheLastReview_data() { addBackendRows(); }
    void newFromPreviousAndPdfWithTheLastReview();
    void coproducerIsRefused_data() { addBackendRows(); }
    void coproducerIsRefused();
    void importPdfProposesThenSavesTheFilledAnswers_data() { addBackendRows(); }
    void importPdfProposesThenSavesTheFilledAnswers();
    void importPdfRefusesBadValuesAndOtherForms_data() { addBackendRows(); }
    void importPdfRefusesBadValuesAndOtherForms();
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

void TestCliReview::newFromPreviousAndPdfWithTheLastReview()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson();
    const QStringList fromPrevious{QStringLiteral("review"),         QStringLiteral("new"),
                                   QStringLiteral("--person"),       QString::number(person),
                                   QStringLiteral("--template"),     QStringLiteral("chc-review"),
                                   QStringLiteral("--from-previous")};
    // Nothing to start from: refused in words, nothing made.
    const Run none = cli(f, QStringLiteral("rita"), fromPrevious);
    QCOMPARE(none.exitCode, 4);
    QVERIFY(none.out.isEmpty());
    QVERIFY2(none.err.contains(QLatin1String("no completed review")), qPrintable(none.err));
    ReviewStore reviews(*f.db, *f.reviewer);
    QCOMPARE(reviews.list()->size(), 0);

    const qint64 first = reviews.create(person, f.chc.id, 0)->id;
    QMap<QString, QJsonValue> answers = requiredAnswers();
    answers[QStringLiteral("going-well")] = QStringLiteral("Gardening with the carer");
    QVERIFY(reviews.saveAnswers(first, answers).ok());
    QVERIFY(reviews.complete(first).ok());

    const Run made = cli(f, QStringLiteral("rita"), fromPrevious);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const qint64 second = made.out.trimmed().toLongLong();
    QVERIFY(second > first);
    QVERIFY2(made.err.contains(QStringLiteral("started from review %1").arg(first)), qPrintable(made.err));
    const Answers started = reviews.get(second)->answers;
    QCOMPARE(started.value(QStringLiteral("going-well")), QJsonValue(QStringLiteral("Gardening with the carer")));
    QCOMPARE(started.value(QStringLiteral("breathing-level")), QJsonValue(QStringLiteral("low")));
    // Consent, the outcome and the participation record are asked afresh; dates and signatures belong to one review.
    for (const char *fresh : {"consent-review", "review-outcome", "participation-recorded", "review-date",
                              "next-review-date", "reviewer-signature"})
        QVERIFY2(!started.has(QLatin1String(fresh)), fresh);

    QTemporaryDir dir;
    const QString pdfPath = dir.filePath(QStringLiteral("second.pdf"));
    const Run pdf = cli(f, QStringLiteral("ravi"),
                        {QStringLiteral("review"), QStringLiteral("pdf"), QString::number(second), QStringLiteral("-o"),
                         pdfPath, QStringLiteral("--with-previous")});
    QVERIFY2(pdf.exitCode == 0, qPrintable(pdf.err));
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdfPath);
    QVERIFY(doc);
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(doc->page(i))->text({}) + QLatin1Char(' ');
    text = text.simplified();
    QVERIFY2(text.contains(QLatin1String("Last review")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QLatin1String("Care meets needs well.")));
    // The first review has no review before it.
    const Run nothingBefore =
        cli(f, QStringLiteral("ravi"),
            {QStringLiteral("review"), QStringLiteral("pdf"), QString::number(first), QStringLiteral("-o"),
             dir.filePath(QStringLiteral("first.pdf")), QStringLiteral("--with-previous")});
    QCOMPARE(nothingBefore.exitCode, 4);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("first.pdf"))));
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

namespace {

/// A blank form of `t` made by `coform-cli render` (fillable unless said otherwise); empty when that failed.
QByteArray renderedForm(const Template &t, const QTemporaryDir &dir, bool fillable = true)
{
    const QString templatePath = dir.filePath(QStringLiteral("template-%1.json").arg(t.version));
    const QString out = dir.filePath(QStringLiteral("blank.pdf"));
    QString error;
    if (!writeTemplateFile(t, templatePath, &error))
        return {};
    QStringList args = {QStringLiteral("render"), templatePath, QStringLiteral("-o"), out};
    if (fillable)
        args << QStringLiteral("--fillable");
    QProcess p;
    p.start(qEnvironmentVariable("COFORM_CLI"), args);
    p.waitForFinished(60000);
    if (p.exitCode() != 0) {
        qWarning("%s", p.readAllStandardError().constData());
        return {};
    }
    QFile file(out);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList proposalLines(const QString &out)
{
    QStringList lines;
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1Char('\t')))
            lines << line;
    }
    return lines;
}

} // namespace

void TestCliReview::importPdfProposesThenSavesTheFilledAnswers()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson();
    const qint64 review = ReviewStore(*f.db, *f.reviewer).create(person, f.chc.id, 0)->id;
    // An empty review to import into: without the details filled from the person's record.
    QVERIFY(ReviewStore(*f.db, *f.reviewer)
                .saveAnswers(review, {{QStringLiteral("full-name"), QJsonValue(QJsonValue::Null)},
                                      {QStringLiteral("nhs-number"), QJsonValue(QJsonValue::Null)},
                                      {QStringLiteral("date-of-birth"), QJsonValue(QJsonValue::Null)}})
                .ok());
    const QString id = QString::number(review);
    QTemporaryDir dir;
    const QByteArray blank = renderedForm(f.chc, dir);
    QVERIFY(!blank.isEmpty());

    Filling filling;
    filling.texts[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
    filling.texts[QStringLiteral("nhs-number")] = QStringLiteral("999 000 0018");
    filling.texts[QStringLiteral("review-date")] = QStringLiteral("20/11/2026");
    filling.texts[QStringLiteral("going-well")] = QStringLiteral("Gardening with the carer");
    filling.texts[QStringLiteral("actions.1.what")] = QStringLiteral("New hoist");
    filling.on = {QStringLiteral("has-phb.no"), QStringLiteral("review-type=annual"),
                  QStringLiteral("who-took-part.person"), QStringLiteral("who-took-part.advocate")};
    const QString filled = dir.filePath(QStringLiteral("filled.pdf"));
    const QStringList missing = fillPdf(blank, filling, filled);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));

    QMap<QString, QJsonValue> expected;
    expected[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
    expected[QStringLiteral("nhs-number")] = QStringLiteral("9990000018");
    expected[QStringLiteral("review-date")] = QStringLiteral("2026-11-20");
    expected[QStringLiteral("going-well")] = QStringLiteral("Gardening with the carer");
    expected[QStringLiteral("actions")] =
        QJsonArray{QJsonObject{{QStringLiteral("what"), QStringLiteral("New hoist")}}};
    expected[QStringLiteral("has-phb")] = false;
    expected[QStringLiteral("review-type")] = QStringLiteral("annual");
    expected[QStringLiteral("who-took-part")] = QJsonArray{QStringLiteral("person"), QStringLiteral("advocate")};

    // Without --accept: the proposals, nothing saved.
    const QStringList importArgs = {QStringLiteral("review"), QStringLiteral("import-pdf"), id, filled};
    const Run proposed = cli(f, QStringLiteral("rita"), importArgs);
    QVERIFY2(proposed.exitCode == 0, qPrintable(proposed.err));
    const QStringList lines = proposalLines(proposed.out);
    QCOMPARE(lines.size(), int(expected.size()));
    const QMap<QString, int> numbers = f.chc.questionNumbers();
    const Item *date = f.chc.findItem(QStringLiteral("review-date"));
    QVERIFY2(lines.contains(QStringLiteral("%1\t%2\tnow: not answered\tin the PDF: 20/11/2026")
                                .arg(numbers.value(date->id))
                                .arg(date->label)),
             qPrintable(proposed.out));
    QVERIFY(!proposed.out.contains(QLatin1String("in the PDF: Yes")));
    QVERIFY(proposed.out.contains(QLatin1String("in the PDF: No")));
    QVERIFY(proposed.out.contains(QLatin1String("in the PDF: 999 000 0018")));
    QVERIFY(proposed.out.contains(QLatin1String("nothing was saved")));
    QVERIFY(ReviewStore(*f.db, *f.reviewer).get(review)->answers.values.isEmpty());

    // With --accept: saved, exactly the values filled in, in the audit trail as answered from a PDF.
    const Run accepted = cli(f, QStringLiteral("ravi"), importArgs + QStringList{QStringLiteral("--accept")});
    QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
    QVERIFY2(accepted.out.contains(QStringLiteral("saved %1 answers").arg(expected.size())), qPrintable(accepted.out));
    QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(review)->answers.values, expected);
    const Run audit = cli(f, QStringLiteral("ada"), {QStringLiteral("review"), QStringLiteral("audit"), id});
    const QString last = audit.out.trimmed().section(QLatin1Char('\n'), -1);
    QVERIFY2(last.contains(QLatin1String("ravi\tchange\tanswered from a filled PDF form: ")), qPrintable(last));
    QVERIFY(last.contains(QLatin1String("review-date")));
    QVERIFY(!last.contains(QLatin1String("Gardening"))); // never the answers

    // Again: nothing changes.
    const Run again = cli(f, QStringLiteral("rita"), importArgs);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out.count(QLatin1String("(unchanged)")), int(expected.size()));
}

void TestCliReview::importPdfRefusesBadValuesAndOtherForms()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson();
    const qint64 review = ReviewStore(*f.db, *f.reviewer).create(person, f.chc.id, 0)->id;
    // Only the details filled from the person's record, and nothing added to them below.
    const Answers started = ReviewStore(*f.db, *f.reviewer).get(review)->answers;
    const QString id = QString::number(review);
    QTemporaryDir dir;
    const QByteArray blank = renderedForm(f.chc, dir);
    QVERIFY(!blank.isEmpty());
    const auto import = [&](const QString &file) {
        return cli(f, QStringLiteral("rita"),
                   {QStringLiteral("review"), QStringLiteral("import-pdf"), id, file, QStringLiteral("--accept")});
    };

    Filling bad;
    bad.texts[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
    bad.texts[QStringLiteral("nhs-number")] = QStringLiteral("999 000 0019");
    bad.texts[QStringLiteral("review-date")] = QStringLiteral("31/02/2026");
    const QString badPath = dir.filePath(QStringLiteral("bad.pdf"));
    QVERIFY(fillPdf(blank, bad, badPath).isEmpty());
    const Run refused = import(badPath);
    QCOMPARE(refused.exitCode, 2);
    const QMap<QString, int> numbers = f.chc.questionNumbers();
    for (const char *itemId : {"nhs-number", "review-date"}) {
        const Item *item = f.chc.findItem(QLatin1String(itemId));
        QVERIFY2(
            refused.err.contains(QStringLiteral("question %1 (\"%2\")").arg(numbers.value(item->id)).arg(item->label)),
            qPrintable(refused.err));
    }
    QVERIFY(refused.err.contains(QLatin1String("nothing was saved")));
    QVERIFY(!refused.err.contains(QLatin1String("0019"))); // an NHS number is not repeated
    QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(review)->answers.values, started.values);

    // A form of the next version of the template.
    Template next = f.chc;
    next.version = f.chc.version + 1;
    const QString nextPath = dir.filePath(QStringLiteral("next.pdf"));
    QVERIFY(fillPdf(renderedForm(next, dir), bad, nextPath).isEmpty());
    const Run otherVersion = import(nextPath);
    QCOMPARE(otherVersion.exitCode, 2);
    QVERIFY2(otherVersion.err.contains(
                 QStringLiteral("version %1, not of \"chc-review\" version %2").arg(next.version).arg(f.chc.version)),
             qPrintable(otherVersion.err));

    // A PDF that is not a fillable Coform form; a file that is not a PDF.
    const QString plainPath = dir.filePath(QStringLiteral("plain.pdf"));
    QFile plain(plainPath);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write(renderedForm(f.chc, dir, false));
    plain.close();
    const Run notFillable = import(plainPath);
    QCOMPARE(notFillable.exitCode, 2);
    QVERIFY2(notFillable.err.contains(QLatin1String("fillable Coform form")), qPrintable(notFillable.err));
    const QString textPath = dir.filePath(QStringLiteral("notes.pdf"));
    QFile text(textPath);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("Not a PDF at all");
    text.close();
    QCOMPARE(import(textPath).exitCode, 2);
    QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(review)->answers.values, started.values);
    const Run audit = cli(f, QStringLiteral("ada"), {QStringLiteral("review"), QStringLiteral("audit"), id});
    QVERIFY(!audit.out.contains(QLatin1String("\tchange\t")));
}

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_cli_review.moc"
