// The session's index of people (PeopleIndex, docs/security.md): names and NHS numbers are sealed, so searches match
// in memory. A search sees people added and changed since the index was built, by this session or another one on
// its own connection; locking (the key forgotten) leaves nothing to search with.
#include "reviewfixture.h"
#include "store/personstore.h"
#include "store/reviewstore.h"

#include <QtTest>

using namespace coform;

namespace {

QStringList namesFound(PersonStore &people, const QString &text)
{
    QStringList names;
    const Result<QVector<PersonRecord>> found = people.search(text);
    for (const PersonRecord &r : found.value())
        names << r.person.name;
    return names;
}

} // namespace

class TestPeopleIndex : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { test::addBackendRows(); }

    void searchesSeeChangesMadeSinceTheFirstSearch()
    {
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        const qint64 blodwen = f.addPerson(QStringLiteral("Blodwen Fictional"), QStringLiteral("9990000018"));
        QVERIFY(blodwen > 0);
        PersonStore mine(*f.db, *f.reviewer);
        QCOMPARE(namesFound(mine, QStringLiteral("blodwen")), QStringList{QStringLiteral("Blodwen Fictional")});
        QCOMPARE(namesFound(mine, QStringLiteral("999 000 00")), QStringList{QStringLiteral("Blodwen Fictional")});

        // Someone else, on their own connection, adds a person and renames Blodwen.
        QString error;
        std::unique_ptr<Database> other = Database::open(f.location, &error);
        QVERIFY2(other, qPrintable(error));
        PersonStore theirs(*other, *f.admin);
        PersonRecord renamed = theirs.get(blodwen).value();
        renamed.person.name = QStringLiteral("Morwenna Fictional");
        QVERIFY(theirs.update(renamed).ok());
        PersonRecord added;
        added.person = {QStringLiteral("Blodwen Otherperson"), QStringLiteral("9990000026"), QDate(1950, 5, 6)};
        QVERIFY(theirs.add(added).ok());

        QCOMPARE(namesFound(mine, QStringLiteral("blodwen")), QStringList{QStringLiteral("Blodwen Otherperson")});
        QCOMPARE(namesFound(mine, QStringLiteral("MORWENNA")), QStringList{QStringLiteral("Morwenna Fictional")});
        // The reviews list searches the same index.
        ReviewStore reviews(*f.db, *f.reviewer);
        QVERIFY(reviews.create(blodwen, f.chc.id, 0).ok());
        ReviewFilter filter;
        filter.search = QStringLiteral("morwenna");
        const Result<QVector<ReviewSummary>> found = reviews.find(filter);
        QVERIFY2(found.ok(), qPrintable(found.message()));
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().personName, QStringLiteral("Morwenna Fictional"));
        QCOMPARE(reviews.count(filter).value(), 1);
        filter.search = QStringLiteral("blodwen");
        QCOMPARE(reviews.count(filter).value(), 0);

        // My own change is seen at once.
        renamed.person.name = QStringLiteral("Morwenna Renamed");
        QVERIFY(mine.update(renamed).ok());
        QCOMPARE(namesFound(mine, QStringLiteral("renamed")), QStringList{QStringLiteral("Morwenna Renamed")});

        // Locked: the key and the index are gone, nothing is searched.
        f.reviewer->forgetKey();
        QCOMPARE(mine.search(QStringLiteral("morwenna")).status(), StoreStatus::NotPermitted);
        QCOMPARE(reviews.find(filter).status(), StoreStatus::NotPermitted);
    }
};

QTEST_GUILESS_MAIN(TestPeopleIndex)
#include "tst_people_index.moc"
