// People and reviews in the store: versions kept, answers one row each, completion and reopening, roles, audit.
// On SQLite, and on PostgreSQL too when COFORM_TEST_PG_URL names a server.
#include "reviewfixture.h"

#include "store/answerautosaver.h"
#include "store/auditlog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

using namespace coform;
using namespace coform::test;

class TestReviewStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void personDetailsAreCheckedAndKept();
    void reviewKeepsItsTemplateVersion();
    void differentAnswersOfTwoReviewersBothSurvive();
    void answersThatDoNotFitAreRefusedInWords();
    void completionChecksLocksAndReopensWithAReason();
    void coproducerCannotReachReviewsOrPeople();
    void auditTrailListsViewsChangesAndExports();
    void listFindsByNameNhsNumberStatusAndDueDate();
    void autosaverSavesWithinTwoSeconds();
    void unknownStoredStatusIsRefusedInWords();
};

void TestReviewStore::personDetailsAreCheckedAndKept()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    PersonStore people(*f.db, *f.reviewer);
    PersonRecord wrong;
    wrong.person = {QStringLiteral("Pat Example"), QStringLiteral("943 476 5918"), QDate(1950, 1, 1)};
    const Result<PersonRecord> refused = people.add(wrong);
    QCOMPARE(refused.status(), StoreStatus::Invalid);
    QVERIFY2(refused.message().contains(QLatin1String("not a valid NHS number")), qPrintable(refused.message()));

    PersonRecord pat = wrong;
    pat.person.nhsNumber = QStringLiteral("943-476-5919");
    pat.communicationNeeds = QStringLiteral("Uses a hearing loop");
    pat.preferredFormat = QStringLiteral("easy-read");
    pat.representativeName = QStringLiteral("Sam Example");
    pat.representativeContact = QStringLiteral("01632 960000");
    const Result<PersonRecord> added = people.add(pat);
    QVERIFY2(added.ok(), qPrintable(added.message()));
    const Result<PersonRecord> read = people.get(added->id);
    QVERIFY(read.ok());
    QCOMPARE(read->person.nhsNumber, QStringLiteral("9434765919"));
    QCOMPARE(read->communicationNeeds, pat.communicationNeeds);
    QCOMPARE(read->preferredFormat, QStringLiteral("easy-read"));
    QCOMPARE(read->representativeName, pat.representativeName);
    QCOMPARE(read->representativeContact, pat.representativeContact);

    // The same NHS number again is found, so that the caller can warn.
    const Result<QVector<PersonRecord>> same = people.sameNhsNumber(QStringLiteral("943 476 5919"));
    QVERIFY(same.ok());
    QCOMPARE(same->size(), 1);
    QCOMPARE(same->first().id, added->id);
    QVERIFY(people.sameNhsNumber(QStringLiteral("9434765919"), added->id)->isEmpty());
    QCOMPARE(people.search(QStringLiteral("pat ex"))->size(), 1);
    QCOMPARE(people.search(QStringLiteral("943 476"))->size(), 1);
    QCOMPARE(people.search(QStringLiteral("%"))->size(), 0);
}

void TestReviewStore::reviewKeepsItsTemplateVersion()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    const qint64 person = f.addPerson();
    ReviewStore reviews(*f.db, *f.reviewer);
    const Result<ReviewRecord> old = reviews.create(person, f.chc.id, 0);
    QVERIFY2(old.ok(), qPrintable(old.message()));
    QCOMPARE(old->version, 1);

    QVERIFY(f.publish(f.chc, QStringLiteral("review-type"), QStringLiteral("Which review is this, in version 2?")));

    const Result<ReviewRecord> fresh = reviews.create(person, f.chc.id, 0);
    QVERIFY(fresh.ok());
    QCOMPARE(fresh->version, 2);
    const Result<ReviewRecord> reopened = reviews.get(old->id);
    QCOMPARE(reopened->version, 1);
    const Result<Template> oldForm = reviews.templateOf(*reopened);
    QVERIFY(oldForm.ok());
    QCOMPARE(oldForm->findItem(QStringLiteral("review-type"))->label,
             f.chc.findItem(QStringLiteral("review-type"))->label);
    QCOMPARE(reviews.templateOf(*fresh)->findItem(QStringLiteral("review-type"))->label,
             QStringLiteral("Which review is this, in version 2?"));
    // A version that is not published takes no reviews.
    QCOMPARE(reviews.create(person, f.chc.id, 7).status(), StoreStatus::NotFound);
}

void TestReviewStore::differentAnswersOfTwoReviewersBothSurvive()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    const qint64 person = f.addPerson();
    ReviewStore rita(*f.db, *f.reviewer);
    const qint64 id = rita.create(person, f.chc.id, 0)->id;

    // Ravi works on his own connection, as another instance would.
    QString error;
    std::unique_ptr<Database> other = Database::open(f.location, &error);
    QVERIFY2(other, qPrintable(error));
    ReviewStore ravi(*other, *f.reviewer2);
    // Both have the review open; each answers different questions.
    QVERIFY(rita.get(id).ok() && ravi.get(id).ok());
    QVERIFY(rita.saveAnswers(id, {{QStringLiteral("going-well"), QStringLiteral("The garden visits")}}).ok());
    QVERIFY(ravi.saveAnswers(id, {{QStringLiteral("not-working"), QStringLiteral("Evening calls are late")}}).ok());
    QVERIFY(rita.saveAnswers(id, {{QStringLiteral("matters-most"), QStringLiteral("Seeing family")}}).ok());

    const Answers answers = rita.get(id)->answers;
    QCOMPARE(answers.value(QStringLiteral("going-well")).toString(), QStringLiteral("The garden visits"));
    QCOMPARE(answers.value(QStringLiteral("not-working")).toString(), QStringLiteral("Evening calls are late"));
    QCOMPARE(answers.value(QStringLiteral("matters-most")).toString(), QStringLiteral("Seeing family"));
    QCOMPARE(answers.person.nhsNumber, QStringLiteral("9990000018"));

    // Clearing an answer removes it.
    QVERIFY(ravi.saveAnswers(id, {{QStringLiteral("going-well"), QJsonValue::Null}}).ok());
    QVERIFY(!rita.get(id)->answers.has(QStringLiteral("going-well")));
}

void TestReviewStore::answersThatDoNotFitAreRefusedInWords()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;
    const Outcome wrongNhs = reviews.saveAnswers(id, {{QStringLiteral("nhs-number"), QStringLiteral("943 476 5918")},
                                                      {QStringLiteral("going-well"), QStringLiteral("fine")}});
    QCOMPARE(wrongNhs.status, StoreStatus::Invalid);
    QVERIFY2(wrongNhs.message.contains(QLatin1String("not a valid NHS number")), qPrintable(wrongNhs.message));
    QVERIFY(!reviews.get(id)->answers.has(QStringLiteral("going-well"))); // nothing of a refused save is kept
    QCOMPARE(reviews.saveAnswers(id, {{QStringLiteral("no-such-question"), true}}).status, StoreStatus::Invalid);
    QCOMPARE(reviews.saveAnswers(id, {{QStringLiteral("review-type"), QStringLiteral("weekly")}}).status,
             StoreStatus::Invalid);
    QCOMPARE(reviews.saveAnswers(424242, {{QStringLiteral("going-well"), QStringLiteral("x")}}).status,
             StoreStatus::NotFound);
}

void TestReviewStore::completionChecksLocksAndReopensWithAReason()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;

    const Outcome tooEarly = reviews.complete(id);
    QCOMPARE(tooEarly.status, StoreStatus::Invalid);
    QVERIFY2(tooEarly.message.contains(QLatin1String("needs an answer")), qPrintable(tooEarly.message));
    QVERIFY(tooEarly.message.contains(QLatin1String("What kind of review is this?")));

    QVERIFY(reviews.saveAnswers(id, requiredAnswers()).ok());
    // With a personal health budget its section applies; its questions are not required, so completion still works.
    const Outcome done = reviews.complete(id);
    QVERIFY2(done.ok(), qPrintable(done.message));
    const ReviewRecord completed = reviews.get(id).value();
    QVERIFY(completed.isCompleted());
    QCOMPARE(completed.completedBy, QStringLiteral("rita"));
    QCOMPARE(completed.nextDue, QDate(2027, 11, 20));

    const Outcome locked = reviews.saveAnswers(id, {{QStringLiteral("going-well"), QStringLiteral("late note")}});
    QCOMPARE(locked.status, StoreStatus::Conflict);
    QVERIFY(locked.message.contains(QLatin1String("reopen")));
    QCOMPARE(reviews.complete(id).status, StoreStatus::Conflict);

    QCOMPARE(reviews.reopen(id, QStringLiteral("   ")).status, StoreStatus::Invalid);
    QVERIFY(reviews.get(id)->isCompleted());
    QVERIFY(reviews.reopen(id, QStringLiteral("The person's daughter sent new information")).ok());
    QVERIFY(!reviews.get(id)->isCompleted());
    QVERIFY(reviews.saveAnswers(id, {{QStringLiteral("going-well"), QStringLiteral("late note")}}).ok());
    QCOMPARE(reviews.reopen(id, QStringLiteral("again")).status, StoreStatus::Conflict);

    const Result<QVector<AuditEntry>> trail = AuditLog(*f.db, *f.admin).forReview(id);
    QVERIFY(trail.ok());
    const auto reopening = std::find_if(trail->begin(), trail->end(),
                                        [](const AuditEntry &e) { return e.action == QLatin1String("reopen"); });
    QVERIFY(reopening != trail->end());
    QCOMPARE(reopening->detail, QStringLiteral("The person's daughter sent new information"));
    QCOMPARE(reopening->userName, QStringLiteral("rita"));
}

void TestReviewStore::coproducerCannotReachReviewsOrPeople()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    const qint64 person = f.addPerson();
    const qint64 id = ReviewStore(*f.db, *f.reviewer).create(person, f.chc.id, 0)->id;

    PersonStore people(*f.db, *f.coproducer);
    ReviewStore reviews(*f.db, *f.coproducer);
    QCOMPARE(people.list().status(), StoreStatus::NotPermitted);
    QCOMPARE(people.get(person).status(), StoreStatus::NotPermitted);
    QCOMPARE(people.search(QStringLiteral("alex")).status(), StoreStatus::NotPermitted);
    QCOMPARE(people.add(Person{QStringLiteral("Someone"), {}, {}}).status(), StoreStatus::NotPermitted);
    QCOMPARE(reviews.list().status(), StoreStatus::NotPermitted);
    QCOMPARE(reviews.find({}).status(), StoreStatus::NotPermitted);
    QCOMPARE(reviews.get(id).status(), StoreStatus::NotPermitted);
    QCOMPARE(reviews.open(id).status(), StoreStatus::NotPermitted);
    QCOMPARE(reviews.create(person, f.chc.id, 0).status(), StoreStatus::NotPermitted);
    QCOMPARE(reviews.saveAnswers(id, {{QStringLiteral("going-well"), QStringLiteral("x")}}).status,
             StoreStatus::NotPermitted);
    QCOMPARE(reviews.recordOutput(id, AuditLog::Export, QStringLiteral("pdf")).status, StoreStatus::NotPermitted);
    const Outcome refused = reviews.complete(id);
    QCOMPARE(refused.status, StoreStatus::NotPermitted);
    QVERIFY2(refused.message.contains(QLatin1String("not permitted")), qPrintable(refused.message));
    QCOMPARE(AuditLog(*f.db, *f.coproducer).forReview(id).status(), StoreStatus::NotPermitted);
    // Reviewers fill reviews but the audit trail is for admins.
    QCOMPARE(AuditLog(*f.db, *f.reviewer).forReview(id).status(), StoreStatus::NotPermitted);
}

void TestReviewStore::auditTrailListsViewsChangesAndExports()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;
    QVERIFY(reviews.open(id).ok());
    QVERIFY(reviews.saveAnswers(id, {{QStringLiteral("going-well"), QStringLiteral("Walks in the park")}}).ok());
    QVERIFY(reviews.recordOutput(id, AuditLog::Export, QStringLiteral("pdf large")).ok());
    QVERIFY(ReviewStore(*f.db, *f.reviewer2).open(id).ok());

    const Result<QVector<AuditEntry>> trail = AuditLog(*f.db, *f.admin).forReview(id);
    QVERIFY2(trail.ok(), qPrintable(trail.message()));
    QStringList seen;
    for (const AuditEntry &e : trail.value()) {
        seen << QStringLiteral("%1 %2 %3").arg(e.userName, e.action, e.detail);
        QVERIFY(e.at.isValid());
        // "what" names questions, never answers.
        QVERIFY(!e.detail.contains(QLatin1String("Walks in the park")));
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("rita create chc-review version 1"), QStringLiteral("rita view "),
                                QStringLiteral("rita change answered: going-well"),
                                QStringLiteral("rita export pdf large"), QStringLiteral("ravi view ")}));
}

void TestReviewStore::listFindsByNameNhsNumberStatusAndDueDate()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 alex = f.addPerson(QStringLiteral("Alex Example"), QStringLiteral("9990000018"));
    const qint64 bo = f.addPerson(QStringLiteral("Bo Sample"), QStringLiteral("9434765919"));
    const qint64 r1 = reviews.create(alex, f.chc.id, 0)->id;
    const qint64 r2 = reviews.create(bo, f.chc.id, 0)->id;
    const QDate soon = QDate::currentDate().addDays(10);
    QVERIFY(reviews.saveAnswers(r2, {{QStringLiteral("next-review-date"), soon.toString(Qt::ISODate)}}).ok());
    QVERIFY(reviews.saveAnswers(r1, requiredAnswers()).ok());
    QVERIFY(reviews.complete(r1).ok());

    auto ids = [&](const ReviewFilter &filter) {
        QList<qint64> list;
        const Result<QVector<ReviewSummary>> found = reviews.find(filter);
        for (const ReviewSummary &s : found.value())
            list << s.id;
        return list;
    };
    QCOMPARE(ids({}), (QList<qint64>{r2, r1})); // by next due date
    QCOMPARE(ids({QStringLiteral("SAMP"), {}, {}, {}, 0, 200, 0}), QList<qint64>{r2});
    QCOMPARE(ids({QStringLiteral("999 000"), {}, {}, {}, 0, 200, 0}), QList<qint64>{r1});
    QCOMPARE(ids({{}, ReviewStatus::Completed, {}, {}, 0, 200, 0}), QList<qint64>{r1});
    QCOMPARE(ids({{}, {}, {}, QDate::currentDate().addDays(30), 0, 200, 0}), QList<qint64>{r2});
    QCOMPARE(reviews.count({}).value(), 2);
    const QVector<ReviewSummary> all = reviews.find({}).value();
    QVERIFY(all.first().dueWithin(QDate::currentDate()));
    QVERIFY(!all.last().dueWithin(QDate::currentDate()));
    QCOMPARE(all.first().personName, QStringLiteral("Bo Sample"));
    QCOMPARE(all.first().dateOfBirth, QDate(1941, 3, 2));
    // Sorted by the store, by any column, either way.
    ReviewFilter byName;
    byName.sortBy = ReviewFilter::SortBy::Name;
    QCOMPARE(ids(byName), (QList<qint64>{r1, r2}));
    byName.descending = true;
    QCOMPARE(ids(byName), (QList<qint64>{r2, r1}));
    ReviewFilter byStatus;
    byStatus.sortBy = ReviewFilter::SortBy::Status;
    QCOMPARE(ids(byStatus), (QList<qint64>{r1, r2})); // "completed" before "draft" (in progress)
    ReviewFilter byNhs;
    byNhs.sortBy = ReviewFilter::SortBy::NhsNumber;
    byNhs.descending = true;
    QCOMPARE(ids(byNhs), (QList<qint64>{r1, r2})); // 999... after 943...
}

void TestReviewStore::autosaverSavesWithinTwoSeconds()
{
    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;
    AnswerAutosaver saver(reviews, id);
    QSignalSpy saved(&saver, &AnswerAutosaver::saved);
    QElapsedTimer clock;
    clock.start();
    saver.setAnswer(QStringLiteral("going-well"), QStringLiteral("Lunch club"));
    QTest::qWait(200);
    saver.setAnswer(QStringLiteral("not-working"), QStringLiteral("Transport"));
    QVERIFY(saved.wait(2000));
    QVERIFY(clock.elapsed() < 2000);
    QVERIFY(!saver.hasUnsaved());
    QString error;
    std::unique_ptr<Database> other = Database::open(f.location, &error);
    const Answers stored = ReviewStore(*other, *f.reviewer).get(id)->answers;
    QCOMPARE(stored.value(QStringLiteral("going-well")).toString(), QStringLiteral("Lunch club"));
    QCOMPARE(stored.value(QStringLiteral("not-working")).toString(), QStringLiteral("Transport"));
}

void TestReviewStore::unknownStoredStatusIsRefusedInWords()
{
    QCOMPARE(reviewStatusText(ReviewStatus::InProgress), QStringLiteral("draft"));
    QCOMPARE(reviewStatusText(ReviewStatus::Completed), QStringLiteral("completed"));
    QVERIFY(reviewStatusFromText(QStringLiteral("completed")) == ReviewStatus::Completed);
    QString problem;
    QVERIFY(!reviewStatusFromText(QStringLiteral("Completed"), &problem));
    QVERIFY2(problem.contains(QLatin1String("is not a review status")), qPrintable(problem));

    ReviewFixture f;
    QVERIFY(f.setUp(currentBackend()));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 id = reviews.create(f.addPerson(), f.chc.id, 0)->id;
    QSqlQuery q = f.db->query();
    QString error;
    QVERIFY2(f.db->exec(q, QStringLiteral("UPDATE reviews SET status = 'half-done' WHERE id = ?"), {id}, &error),
             qPrintable(error));
    // Not taken for "in progress": the review cannot be read, and says why.
    const Result<ReviewRecord> read = reviews.get(id);
    QCOMPARE(read.status(), StoreStatus::Failed);
    QVERIFY2(read.outcome().message.contains(QLatin1String("'half-done' is not a review status")),
             qPrintable(read.outcome().message));
    const Result<QVector<ReviewSummary>> listed = reviews.find({});
    QCOMPARE(listed.status(), StoreStatus::Failed);
    QVERIFY(listed.outcome().message.contains(QLatin1String("'half-done' is not a review status")));
    const Outcome saved = reviews.saveAnswers(id, {{QStringLiteral("going-well"), QStringLiteral("a note")}});
    QCOMPARE(saved.status, StoreStatus::Failed);
}

QTEST_GUILESS_MAIN(TestReviewStore)
#include "tst_review_store.moc"
