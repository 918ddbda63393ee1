// A review day that builds on what is known: identity questions filled from the person's record, the participation
// record needed for completion, the person's last completed review (found, carried forward, printed beside the new
// answers). On SQLite, and on PostgreSQL too when COFORM_TEST_PG_URL names a server.
#include "reviewfixture.h"

#include "check/carryforward.h"
#include "model/prefill.h"
#include "output/reviewoutput.h"
#include "store/auditlog.h"

#include <QJsonArray>
#include <QJsonObject>

#include <poppler-qt6.h>

using namespace coform;
using namespace coform::test;

namespace {

QString pdfText(const QByteArray &pdf)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return {};
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(doc->page(i))->text({}) + QLatin1Char('\n');
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified();
}

/// A completed review of the person with every required answer, breathing "low" and going-well said.
qint64 completedReview(ReviewFixture &f, qint64 person)
{
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(person, f.chc.id, 0)->id;
    QMap<QString, QJsonValue> answers = requiredAnswers();
    answers[QStringLiteral("going-well")] = QStringLiteral("Enjoys the lunch club on Tuesdays");
    answers[QStringLiteral("funding-agreed-date")] = QStringLiteral("2024-03-01");
    if (!reviews.saveAnswers(id, answers).ok() || !reviews.complete(id).ok())
        return 0;
    return id;
}

} // namespace

class TestReviewPrevious : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void identityQuestionsStartFromTheRecord();
    void aDifferenceFromTheRecordKeepsItsReason();
    void participationOrAReasonIsNeededToComplete();
    void lastCompletedReviewIsFoundAndCarriedForward();
    void pdfPrintsTheLastReviewColumnOnlyWhenAsked();
};

void TestReviewPrevious::identityQuestionsStartFromTheRecord()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    QCOMPARE(f.chc.findItem(QStringLiteral("nhs-number"))->prefill, QLatin1String(Prefill::NhsNumber));
    ReviewStore reviews(*f.db, *f.reviewer);
    const Result<ReviewRecord> made = reviews.create(f.addPerson(), f.chc.id, 0);
    QVERIFY2(made.ok(), qPrintable(made.message()));
    QCOMPARE(made->answers.value(QStringLiteral("full-name")), QJsonValue(QStringLiteral("Alex Example")));
    QCOMPARE(made->answers.value(QStringLiteral("nhs-number")), QJsonValue(QStringLiteral("9990000018")));
    QCOMPARE(made->answers.value(QStringLiteral("date-of-birth")), QJsonValue(QStringLiteral("1941-03-02")));
    // Nothing else is filled in.
    QCOMPARE(made->answers.values.size(), 3);
    // Answers given at creation win over the record.
    Answers given;
    given.values[QStringLiteral("full-name")] = QStringLiteral("Alexandra Example");
    const Result<ReviewRecord> other = reviews.create(f.addPerson(), f.chc.id, 0, given);
    QCOMPARE(other->answers.value(QStringLiteral("full-name")), QJsonValue(QStringLiteral("Alexandra Example")));
}

void TestReviewPrevious::aDifferenceFromTheRecordKeepsItsReason()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;
    QCOMPARE(reviews.keepRecordDifference(id, QStringLiteral("nhs-number"), QStringLiteral("  ")).status,
             StoreStatus::Invalid);
    QCOMPARE(reviews.keepRecordDifference(id, QStringLiteral("going-well"), QStringLiteral("x")).status,
             StoreStatus::Invalid);
    const QString reason = QStringLiteral("The GP letter gives a newer number; the record is being checked");
    QVERIFY(reviews.keepRecordDifference(id, QStringLiteral("nhs-number"), reason).ok());
    const ReviewRecord stored = reviews.get(id).value();
    QCOMPARE(stored.recordDifferences.value(QStringLiteral("nhs-number")), reason);
    // The reason is not an answer: it never meets the questions, their checks or their count.
    QVERIFY(!stored.answers.has(QStringLiteral("record-differs:nhs-number")));
    QCOMPARE(stored.answers.values.size(), 3);
    // The audit trail says a reason was kept, naming the question, never the reason or the answer.
    const Result<QVector<AuditEntry>> audit = AuditLog(*f.db, *f.admin).forReview(id);
    QVERIFY(audit.ok());
    QVERIFY(std::any_of(audit->begin(), audit->end(), [&](const AuditEntry &e) {
        return e.detail.contains(QLatin1String("nhs-number")) && !e.detail.contains(reason);
    }));
}

void TestReviewPrevious::participationOrAReasonIsNeededToComplete()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;
    QMap<QString, QJsonValue> answers = requiredAnswers();
    answers.remove(QStringLiteral("participation-recorded"));
    answers.remove(QStringLiteral("participation-not-recorded-reason"));
    QVERIFY(reviews.saveAnswers(id, answers).ok());
    Outcome refused = reviews.complete(id);
    QCOMPARE(refused.status, StoreStatus::Invalid);
    QVERIFY2(refused.message.contains(QLatin1String("how you were invited")), qPrintable(refused.message));

    // Saying it is recorded asks for the record itself.
    QVERIFY(reviews.saveAnswers(id, {{QStringLiteral("participation-recorded"), true}}).ok());
    refused = reviews.complete(id);
    QCOMPARE(refused.status, StoreStatus::Invalid);
    for (const char *label : {"When did we invite you", "How did we invite you", "How did you take part",
                              "Did we offer you an independent advocate"})
        QVERIFY2(refused.message.contains(QLatin1String(label)), qPrintable(refused.message));
    QVERIFY(!refused.message.contains(QLatin1String("Why can we not write down")));
    QVERIFY(reviews
                .saveAnswers(id, {{QStringLiteral("invited-date"), QStringLiteral("2026-10-30")},
                                  {QStringLiteral("invited-format"), QStringLiteral("easy-read")},
                                  {QStringLiteral("how-took-part"), QStringLiteral("in-person")},
                                  {QStringLiteral("advocate-offer"), QStringLiteral("not-offered")}})
                .ok());
    // An advocate not offered needs a reason too.
    refused = reviews.complete(id);
    QVERIFY2(refused.message.contains(QLatin1String("Why did we not offer an advocate")), qPrintable(refused.message));
    QVERIFY(reviews.saveAnswers(id, {{QStringLiteral("advocate-offer"), QStringLiteral("declined")}}).ok());
    const Outcome done = reviews.complete(id);
    QVERIFY2(done.ok(), qPrintable(done.message));
}

void TestReviewPrevious::lastCompletedReviewIsFoundAndCarriedForward()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 person = f.addPerson();
    CarriedForward carried;
    // Nothing to start from yet: refused, nothing made.
    QCOMPARE(reviews.create(person, f.chc.id, 0, {}, &carried).status(), StoreStatus::NotFound);
    QCOMPARE(reviews.list()->size(), 0);

    const qint64 first = completedReview(f, person);
    QVERIFY(first > 0);
    const qint64 inProgress = reviews.create(person, f.chc.id, 0)->id;
    QVERIFY(reviews.saveAnswers(inProgress, {{QStringLiteral("going-well"), QStringLiteral("not finished")}}).ok());
    QVERIFY(completedReview(f, f.addPerson(QStringLiteral("Bea Other"), QStringLiteral("9990000026"))) > 0);

    // A newer version of the template (one question reworded): the last review is found across versions.
    QVERIFY(f.publish(f.chc, QStringLiteral("going-well"), QStringLiteral("What is going well for you?")));
    const Result<std::optional<ReviewRecord>> found = reviews.previousCompleted(person, f.chc.id, inProgress);
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->id, first);

    const Result<ReviewRecord> second = reviews.create(person, f.chc.id, 0, {}, &carried);
    QVERIFY2(second.ok(), qPrintable(second.message()));
    QCOMPARE(second->version, 2);
    QCOMPARE(carried.fromReview, first);
    QCOMPARE(second->answers.value(QStringLiteral("going-well")),
             QJsonValue(QStringLiteral("Enjoys the lunch club on Tuesdays")));
    QCOMPARE(second->answers.value(QStringLiteral("breathing-level")), QJsonValue(QStringLiteral("low")));
    // Dates and signatures belong to one review; the identity comes from the record.
    QVERIFY(!second->answers.has(QStringLiteral("review-date")));
    QVERIFY(!second->answers.has(QStringLiteral("funding-agreed-date")));
    QVERIFY(!second->answers.has(QStringLiteral("reviewer-signature")));
    QCOMPARE(second->answers.value(QStringLiteral("nhs-number")), QJsonValue(QStringLiteral("9990000018")));
    QVERIFY(second->nextDue.isNull());
    QCOMPARE(carried.carried, int(second->answers.values.size()) - 3);

    // An answer that no longer fits is left out, and said.
    Template changed = f.chc;
    changed.findItem(QStringLiteral("care-meets-needs"))->options.removeIf([](const Option &o) {
        return o.value == QLatin1String("mostly");
    });
    QStringList leftOut;
    const QMap<QString, QJsonValue> kept = carryForward(changed, reviews.get(first)->answers, &leftOut);
    QVERIFY(!kept.contains(QStringLiteral("care-meets-needs")));
    QCOMPARE(leftOut.size(), 1);
    QVERIFY2(leftOut.first().contains(QLatin1String("Does your care meet your needs?")), qPrintable(leftOut.first()));
}

void TestReviewPrevious::pdfPrintsTheLastReviewColumnOnlyWhenAsked()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 person = f.addPerson();
    const qint64 first = completedReview(f, person);
    QVERIFY(first > 0);
    QByteArray pdf;
    QString detail; // what an audit row would say
    // The first review has nothing before it.
    QCOMPARE(
        ReviewOutput::render(reviews, first, ReviewOutput::Format::Pdf, PrintProfile::Standard, &pdf, &detail, true)
            .status,
        StoreStatus::NotFound);

    const qint64 second = reviews.create(person, f.chc.id, 0)->id;
    QVERIFY(reviews.saveAnswers(second, {{QStringLiteral("going-well"), QStringLiteral("New garden chair")}}).ok());
    const Outcome plain =
        ReviewOutput::render(reviews, second, ReviewOutput::Format::Pdf, PrintProfile::Standard, &pdf, &detail);
    QVERIFY2(plain.ok(), qPrintable(plain.message));
    QString text = pdfText(pdf);
    QVERIFY(text.contains(QLatin1String("New garden chair")));
    QVERIFY(!text.contains(QLatin1String("Last review")));
    QVERIFY(!text.contains(QLatin1String("lunch club")));

    const Outcome withColumn =
        ReviewOutput::render(reviews, second, ReviewOutput::Format::Pdf, PrintProfile::Standard, &pdf, &detail, true);
    QVERIFY2(withColumn.ok(), qPrintable(withColumn.message));
    text = pdfText(pdf);
    const QString completed =
        QLocale(QLocale::English, QLocale::UnitedKingdom)
            .toString(reviews.get(first)->completedAt.toLocalTime().date(), QStringLiteral("d MMMM yyyy"));
    QVERIFY2(text.contains(QLatin1String("Last review")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(completed));
    QVERIFY(text.contains(QLatin1String("New garden chair")));
    QVERIFY(text.contains(QLatin1String("Enjoys the lunch club on Tuesdays")));
    QVERIFY(text.contains(QLatin1String("Care meets needs well.")));
}

// A QGuiApplication: the PDF is laid out with real fonts.
QTEST_MAIN(TestReviewPrevious)
#include "tst_review_previous.moc"
