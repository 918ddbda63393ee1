// The store over a real database: SQLite in a temporary folder, and PostgreSQL on the throwaway server that
// scripts/test.sh starts and names in COFORM_TEST_PG_URL (each test gets a fresh schema; without it they fail).
#include "edit/edit.h"
#include "format/templateformat.h"
#include "pdf/whatchangedpdf.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/personstore.h"
#include "store/reviewstore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QGuiApplication>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <poppler-qt6.h>

#include <memory>

using namespace coform;

class TestStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_schemas;
    std::unique_ptr<Database> m_db;
    std::optional<Session> m_admin, m_reviewer, m_coproducer;

    static QString pgUrl() { return qEnvironmentVariable("COFORM_TEST_PG_URL"); }

    /// Runs one statement on the PostgreSQL test server as the owner of the tests' schemas.
    static bool pgAdmin(const QString &sql)
    {
        const QUrl url(qEnvironmentVariable("COFORM_TEST_PG_OWNER_URL"));
        bool ok = false;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-admin"));
            c.setHostName(url.host());
            c.setPort(url.port(5432));
            c.setUserName(url.userName());
            c.setPassword(url.password());
            c.setDatabaseName(url.path().mid(1));
            if (c.open()) {
                QSqlQuery q(c);
                q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
                ok = q.exec(sql);
                if (!ok)
                    qWarning() << q.lastError().text();
                c.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
        return ok;
    }

    /// The location of a fresh, empty database for the current backend (on PostgreSQL: migrated by the owner and
    /// opened as the application role).
    QString freshLocation()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        const QString location = test::freshDatabase(backend, *m_dir, &error);
        if (location.isEmpty())
            qFatal("cannot make a database for the test: %s", qPrintable(error));
        if (Database::isUrl(location))
            m_schemas.append(QUrlQuery(QUrl(location)).queryItemValue(QStringLiteral("schema")));
        return location;
    }

    static Template bundled()
    {
        Problems problems;
        const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        if (!t)
            qFatal("the bundled template does not read");
        return *t;
    }

    /// A database with an admin (Ada), a reviewer (Rita) and a coproducer (Colin), all signed in.
    bool setUpPeople()
    {
        QString error;
        m_db = Database::open(freshLocation(), &error);
        if (!m_db) {
            qWarning() << error;
            return false;
        }
        UserStore users(*m_db);
        const Result<Session> admin = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password"));
        if (!admin.ok())
            return false;
        m_admin = admin.value();
        if (!users.addUser(*m_admin, QStringLiteral("Rita"), Role::Reviewer, QStringLiteral("reviewer-password")).ok()
            || !users
                    .addUser(*m_admin, QStringLiteral("Colin"), Role::Coproducer, QStringLiteral("coproducer-password"))
                    .ok())
            return false;
        const Result<Session> reviewer = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password"));
        const Result<Session> coproducer = users.signIn(QStringLiteral("Colin"), QStringLiteral("coproducer-password"));
        if (!reviewer.ok() || !coproducer.ok())
            return false;
        m_reviewer = reviewer.value();
        m_coproducer = coproducer.value();
        return true;
    }

    /// Adds the bundled template and publishes version 1 with both approvals.
    bool publishFirstVersion()
    {
        TemplateStore colin(*m_db, *m_coproducer);
        TemplateStore rita(*m_db, *m_reviewer);
        TemplateStore ada(*m_db, *m_admin);
        return colin.addTemplate(bundled()).ok() && colin.propose(QStringLiteral("chc-review")).ok()
               && colin.approve(QStringLiteral("chc-review")).ok() && rita.approve(QStringLiteral("chc-review")).ok()
               && ada.publish(QStringLiteral("chc-review")).ok();
    }

    static QString firstItemId(const Template &t) { return t.allItems().first()->id; }
    static QString lastItemId(const Template &t) { return t.allItems().last()->id; }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QFETCH_GLOBAL(QString, backend);
        QVERIFY2(backend != QLatin1String("postgresql") || !pgUrl().isEmpty(), qPrintable(test::noPostgresMessage()));
    }

    void cleanup()
    {
        m_admin.reset();
        m_reviewer.reset();
        m_coproducer.reset();
        m_db.reset();
        for (const QString &schema : std::as_const(m_schemas))
            pgAdmin(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema));
        m_schemas.clear();
        m_dir.reset();
    }

    void fromTheFirstAdminToAPublishedVersionTwo()
    {
        QString error;
        m_db = Database::open(freshLocation(), &error);
        QVERIFY2(m_db, qPrintable(error));
        QCOMPARE(m_db->schemaVersion(), Database::latestSchemaVersion());
        UserStore users(*m_db);
        QCOMPARE(users.hasUsers().value(), false);
        const Result<Session> admin = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password"));
        QVERIFY2(admin.ok(), qPrintable(admin.message()));
        QCOMPARE(admin->role(), Role::Admin);
        // Only the very first account comes without signing in.
        QCOMPARE(users.createFirstAdmin(QStringLiteral("Eve"), QStringLiteral("another-password")).status(),
                 StoreStatus::NotPermitted);
        m_admin = admin.value();
        QVERIFY(
            users.addUser(*m_admin, QStringLiteral("Rita"), Role::Reviewer, QStringLiteral("reviewer-password")).ok());
        QVERIFY(
            users.addUser(*m_admin, QStringLiteral("Colin"), Role::Coproducer, QStringLiteral("coproducer-password"))
                .ok());
        QCOMPARE(users.addUser(*m_admin, QStringLiteral("Colin"), Role::Reviewer, QStringLiteral("whatever-password"))
                     .status(),
                 StoreStatus::Conflict);
        const Session rita = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password")).value();
        const Session colin = users.signIn(QStringLiteral("Colin"), QStringLiteral("coproducer-password")).value();
        QCOMPARE(
            users.addUser(colin, QStringLiteral("Mallory"), Role::Admin, QStringLiteral("mallory-password")).status(),
            StoreStatus::NotPermitted);

        TemplateStore asColin(*m_db, colin), asRita(*m_db, rita), asAda(*m_db, *m_admin);
        const QString id = QStringLiteral("chc-review");
        Template withLineBreak = bundled();
        withLineBreak.id += u'\n'; // an id is the whole text, and the message shows the line break as \n
        QCOMPARE(asColin.addTemplate(withLineBreak).message(),
                 QStringLiteral(R"('chc-review\n' is not a template id (a-z, 0-9 and -))"));
        const Result<VersionInfo> added = asColin.addTemplate(bundled());
        QVERIFY2(added.ok(), qPrintable(added.message()));
        QCOMPARE(added->version, 1);
        QCOMPARE(added->status, VersionStatus::Draft);
        QVERIFY(asColin.propose(id).ok());
        QVERIFY(asColin.approve(id).ok());
        QVERIFY(asRita.approve(id).ok());
        QCOMPARE(asRita.publish(id).status(), StoreStatus::NotPermitted); // a reviewer cannot publish
        const Result<VersionInfo> v1 = asAda.publish(id);
        QVERIFY2(v1.ok(), qPrintable(v1.message()));
        QCOMPARE(v1->status, VersionStatus::Published);
        QCOMPARE(v1->publishedBy, QStringLiteral("Ada"));

        // Version 2: a coproducer rewords the first question, because of a comment.
        const Result<VersionInfo> draft = asColin.startDraft(id);
        QVERIFY2(draft.ok(), qPrintable(draft.message()));
        QCOMPARE(draft->version, 2);
        const Template v2Draft = asColin.get(id).value();
        QCOMPARE(v2Draft.version, 2);
        const QString item = firstItemId(v2Draft);
        CommentStore comments(*m_db, colin);
        const Result<CommentThread> thread =
            comments.startThread(id, item, QStringLiteral("Please say this more plainly."));
        QVERIFY(thread.ok());
        const Result<ChangeRecord> change = asColin.applyEdit(
            id,
            Edit::setItemProperty(v2Draft, item, QStringLiteral("label"),
                                  QStringLiteral("This review checks your care still works for you.")),
            {thread->id, QStringLiteral("Plainer words")});
        QVERIFY2(change.ok(), qPrintable(change.message()));
        QCOMPARE(change->seq, 1);
        QCOMPARE(change->userName, QStringLiteral("Colin"));
        QVERIFY(asColin.propose(id).ok());
        // Frozen while proposed.
        QCOMPARE(asColin
                     .applyEdit(id, Edit::setItemProperty(asColin.get(id).value(), item, QStringLiteral("help"),
                                                          QStringLiteral("x")))
                     .status(),
                 StoreStatus::Conflict);

        // Staff approval alone is not enough.
        QVERIFY(asRita.approve(id).ok());
        const Result<VersionInfo> refused = asAda.publish(id);
        QCOMPARE(refused.status(), StoreStatus::NotPermitted);
        QVERIFY2(refused.message().contains(QStringLiteral("coproducer")), qPrintable(refused.message()));
        QCOMPARE(asAda.versionInfo(id).value().status, VersionStatus::Proposed);

        QVERIFY(asColin.approve(id).ok());
        // The comment it answers is still open: publishing asks for it to be resolved (or a reason).
        QCOMPARE(asAda.publish(id).status(), StoreStatus::Conflict);
        QVERIFY(comments.resolve(thread->id).ok());
        const Result<VersionInfo> v2 = asAda.publish(id);
        QVERIFY2(v2.ok(), qPrintable(v2.message()));
        QCOMPARE(v2->version, 2);
        QCOMPARE(v2->approvals.size(), 2);
        QStringList approvers;
        for (const Approval &a : v2->approvals)
            approvers.append(QStringLiteral("%1:%2").arg(a.userName, roleName(a.role)));
        approvers.sort();
        QCOMPARE(approvers, (QStringList{QStringLiteral("Colin:coproducer"), QStringLiteral("Rita:reviewer")}));

        // A published version never changes; version 1 is still there as it was.
        QCOMPARE(asColin
                     .applyEdit(id, Edit::setItemProperty(asColin.get(id).value(), item, QStringLiteral("help"),
                                                          QStringLiteral("x")))
                     .status(),
                 StoreStatus::Conflict);
        Template expectedV1 = bundled();
        QCOMPARE(asRita.get(id, 1).value(), expectedV1);
        QCOMPARE(asRita.get(id, 2).value().findItem(item)->label,
                 QStringLiteral("This review checks your care still works for you."));
        const Result<QVector<TemplateSummary>> list = asRita.list();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().publishedVersion, 2);
        QCOMPARE(list->first().unresolvedComments, 0);

        // Retiring keeps the version readable.
        QCOMPARE(asRita.retire(id, 1).status, StoreStatus::NotPermitted);
        QVERIFY(asAda.retire(id, 1).ok());
        QCOMPARE(asRita.versionInfo(id, 1).value().status, VersionStatus::Retired);
        QCOMPARE(asRita.get(id, 1).value(), expectedV1);
    }

    void coproducerNeverReadsReviewsOrPeople()
    {
        QVERIFY(setUpPeople());
        QVERIFY(publishFirstVersion());
        PersonStore people(*m_db, *m_reviewer);
        const Result<PersonRecord> person =
            people.add({QStringLiteral("Alex Example"), QStringLiteral("9434765919"), QDate(1941, 3, 2)});
        QVERIFY2(person.ok(), qPrintable(person.message()));
        Answers answers;
        answers.values.insert(QStringLiteral("review-date"), QStringLiteral("2026-11-20"));
        ReviewStore reviews(*m_db, *m_reviewer);
        const Result<ReviewRecord> review = reviews.create(person->id, QStringLiteral("chc-review"), 1, answers);
        QVERIFY2(review.ok(), qPrintable(review.message()));
        QCOMPARE(review->version, 1);
        QCOMPARE(ReviewStore(*m_db, *m_admin)
                     .get(review->id)
                     .value()
                     .answers.value(QStringLiteral("review-date"))
                     .toString(),
                 QStringLiteral("2026-11-20"));

        ReviewStore asCoproducer(*m_db, *m_coproducer);
        const Result<ReviewRecord> refused = asCoproducer.get(review->id);
        QCOMPARE(refused.status(), StoreStatus::NotPermitted);
        QVERIFY(refused.message().startsWith(QStringLiteral("not permitted")));
        QCOMPARE(asCoproducer.list().status(), StoreStatus::NotPermitted);
        QCOMPARE(asCoproducer.create(person->id, QStringLiteral("chc-review"), 1, answers).status(),
                 StoreStatus::NotPermitted);
        PersonStore peopleAsCoproducer(*m_db, *m_coproducer);
        QCOMPARE(peopleAsCoproducer.get(person->id).status(), StoreStatus::NotPermitted);
        QCOMPARE(peopleAsCoproducer.list().status(), StoreStatus::NotPermitted);
        QCOMPARE(UserStore(*m_db).users(*m_coproducer).status(), StoreStatus::NotPermitted);
    }

    void staleEditIsAConflictAndChangesNothing()
    {
        QVERIFY(setUpPeople());
        TemplateStore colin(*m_db, *m_coproducer), rita(*m_db, *m_reviewer);
        const QString id = QStringLiteral("chc-review");
        QVERIFY(colin.addTemplate(bundled()).ok());
        // Both open the same draft.
        const Template seenByColin = colin.get(id).value();
        const Template seenByRita = rita.get(id).value();
        const QString item = firstItemId(seenByColin);
        QVERIFY(rita.applyEdit(id, Edit::setItemProperty(seenByRita, item, QStringLiteral("label"),
                                                         QStringLiteral("Rita's words")))
                    .ok());
        const Template afterRita = colin.get(id).value();
        const qint64 seq = colin.lastSeq(id).value();

        const Result<ChangeRecord> stale = colin.applyEdit(
            id, Edit::setItemProperty(seenByColin, item, QStringLiteral("label"), QStringLiteral("Colin's words")));
        QCOMPARE(stale.status(), StoreStatus::Conflict);
        QVERIFY2(stale.message().contains(QStringLiteral("Rita's words")), qPrintable(stale.message()));
        QCOMPARE(colin.get(id).value(), afterRita);
        QCOMPARE(colin.lastSeq(id).value(), seq);
        QCOMPARE(colin.history(id).value().size(), 1);

        // Another property of the same item, edited from the same stale view, is no conflict.
        QVERIFY(colin
                    .applyEdit(id, Edit::setItemProperty(seenByColin, item, QStringLiteral("help"),
                                                         QStringLiteral("Why we ask")))
                    .ok());
        QCOMPARE(colin.lastSeq(id).value(), seq + 1);
    }

    void historyFiltersAndShowsAnItemAsItWas()
    {
        QVERIFY(setUpPeople());
        TemplateStore colin(*m_db, *m_coproducer), rita(*m_db, *m_reviewer);
        const QString id = QStringLiteral("chc-review");
        QVERIFY(colin.addTemplate(bundled()).ok());
        const Template base = colin.get(id).value();
        const QString a = firstItemId(base), b = lastItemId(base);
        const QString originalLabel = base.findItem(a)->label;
        auto edit = [&](TemplateStore &store, const QString &item, const QString &label) {
            return store
                .applyEdit(id, Edit::setItemProperty(store.get(id).value(), item, QStringLiteral("label"), label))
                .ok();
        };
        QVERIFY(edit(colin, a, QStringLiteral("First rewording")));
        QVERIFY(edit(rita, b, QStringLiteral("Rita's rewording")));
        QVERIFY(edit(colin, a, QStringLiteral("Second rewording")));
        const Template draft = colin.get(id).value();
        QVERIFY(colin.applyEdit(id, Edit::moveItem(draft, b, draft.sections.first().id, 0)).ok());

        const QVector<ChangeRecord> all = rita.history(id).value();
        QCOMPARE(all.size(), 4);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].seq, qint64(i + 1));
        QCOMPARE(rita.history(id, {QStringLiteral("Colin"), {}, 0, 0, 0}).value().size(), 3);
        QCOMPARE(rita.history(id, {{}, b, 0, 0, 0}).value().size(), 2);
        QCOMPARE(rita.history(id, {QStringLiteral("Rita"), a, 0, 0, 0}).value().size(), 0);
        QCOMPARE(rita.history(id, {{}, {}, 0, 2, 0}).value().first().seq, 3); // a change feed asks for what is new

        QCOMPARE(rita.itemAsOf(id, a, 1).value().label, QStringLiteral("First rewording"));
        QCOMPARE(rita.itemAsOf(id, a, 2).value().label, QStringLiteral("First rewording"));
        QCOMPARE(rita.itemAsOf(id, a, 3).value().label, QStringLiteral("Second rewording"));
        QVERIFY(originalLabel != QStringLiteral("First rewording"));
        // Replaying the whole change log reproduces the draft exactly.
        QCOMPARE(rita.templateAsOf(id, 4).value(), colin.get(id).value());
        QCOMPARE(rita.itemAsOf(id, a, 99).status(), StoreStatus::NotFound);
    }

    void commentThreadsFollowItemsIntoLaterVersions()
    {
        QVERIFY(setUpPeople());
        QVERIFY(publishFirstVersion());
        const QString id = QStringLiteral("chc-review");
        const QString item = firstItemId(bundled());
        CommentStore colin(*m_db, *m_coproducer), rita(*m_db, *m_reviewer);
        const Result<CommentThread> onItem = colin.startThread(id, item, QStringLiteral("This is hard to read."));
        QVERIFY(onItem.ok());
        QCOMPARE(onItem->comments.first().author, QStringLiteral("Colin"));
        QCOMPARE(onItem->version, 1);
        const Result<CommentThread> onTemplate =
            rita.startThread(id, {}, QStringLiteral("Can we add a Welsh version?"));
        QVERIFY(onTemplate.ok());
        QCOMPARE(colin.startThread(id, item, QStringLiteral("   ")).status(), StoreStatus::Invalid);
        const Result<CommentThread> replied = rita.reply(onItem->id, QStringLiteral("Agreed, I'll suggest new words."));
        QVERIFY(replied.ok());
        QCOMPARE(replied->comments.size(), 2);
        QCOMPARE(replied->comments.last().author, QStringLiteral("Rita"));

        QMap<QString, int> counts = rita.unresolvedCounts(id).value();
        QCOMPARE(counts.value(item), 1);
        QCOMPARE(counts.value(QString()), 1);
        QVERIFY(rita.resolve(onItem->id).ok());
        QCOMPARE(rita.thread(onItem->id).value().resolvedBy, QStringLiteral("Rita"));
        QCOMPARE(rita.unresolvedCounts(id).value().value(item), 0);
        QVERIFY(colin.reopen(onItem->id).ok());
        QVERIFY(!rita.thread(onItem->id).value().resolved);
        QCOMPARE(rita.resolve(12345).status, StoreStatus::NotFound);

        // A new version: the item's thread is still its thread.
        QVERIFY(TemplateStore(*m_db, *m_coproducer).startDraft(id).ok());
        const QVector<CommentThread> threads = colin.threadsOnItem(id, item).value();
        QCOMPARE(threads.size(), 1);
        QCOMPARE(threads.first().comments.size(), 2);
        QCOMPARE(colin.threads(id, CommentStore::Which::Unresolved).value().size(), 2);
    }

    void passwordsAreArgon2idAndFiveFailuresLockForFiveMinutes()
    {
        QVERIFY(setUpPeople());
        QSqlQuery q = m_db->query();
        QString error;
        QVERIFY2(m_db->exec(q, QStringLiteral("SELECT name, password_hash FROM users"), {}, &error), qPrintable(error));
        int rows = 0;
        while (q.next()) {
            const QString hash = q.value(1).toString();
            QVERIFY2(hash.startsWith(QStringLiteral("$argon2id$v=19$")), qPrintable(hash));
            QVERIFY(!hash.contains(QStringLiteral("password")));
            ++rows;
        }
        q.finish();
        QCOMPARE(rows, 3);

        QDateTime now(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);
        m_db->setClock([&now] { return now; });
        UserStore users(*m_db);
        for (int i = 1; i <= 4; ++i) {
            const Result<Session> wrong = users.signIn(QStringLiteral("Colin"), QStringLiteral("not-my-password"));
            QCOMPARE(wrong.status(), StoreStatus::NotPermitted);
            QVERIFY(!wrong.message().contains(QStringLiteral("locked")));
        }
        const Result<Session> fifth = users.signIn(QStringLiteral("Colin"), QStringLiteral("not-my-password"));
        QVERIFY2(fifth.message().contains(QStringLiteral("locked")), qPrintable(fifth.message()));
        // Even the right password is refused while locked.
        now = now.addSecs(4 * 60);
        const Result<Session> locked = users.signIn(QStringLiteral("Colin"), QStringLiteral("coproducer-password"));
        QCOMPARE(locked.status(), StoreStatus::NotPermitted);
        QVERIFY2(locked.message().contains(QStringLiteral("locked")), qPrintable(locked.message()));
        // Others are not affected.
        QVERIFY(users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password")).ok());
        now = now.addSecs(60 + 1);
        QVERIFY(users.signIn(QStringLiteral("Colin"), QStringLiteral("coproducer-password")).ok());
        // The count starts again after a good sign-in.
        QVERIFY(!users.signIn(QStringLiteral("Colin"), QStringLiteral("wrong-again"))
                     .message()
                     .contains(QStringLiteral("locked")));
        QVERIFY(UserStore::verifyPassword(UserStore::hashPassword(QStringLiteral("ŵŷ long enough")),
                                          QStringLiteral("ŵŷ long enough")));
        QCOMPARE(users.addUser(*m_admin, QStringLiteral("Short"), Role::Reviewer, QStringLiteral("short")).status(),
                 StoreStatus::Invalid);
    }

    void disabledAccountsKeepTheirNameInHistory()
    {
        QVERIFY(setUpPeople());
        const QString id = QStringLiteral("chc-review");
        TemplateStore colin(*m_db, *m_coproducer);
        QVERIFY(colin.addTemplate(bundled()).ok());
        const Template t = colin.get(id).value();
        QVERIFY(colin
                    .applyEdit(id, Edit::setItemProperty(t, firstItemId(t), QStringLiteral("help"),
                                                         QStringLiteral("Some help")))
                    .ok());
        UserStore users(*m_db);
        QCOMPARE(users.disableUser(*m_reviewer, QStringLiteral("Colin")).status, StoreStatus::NotPermitted);
        QVERIFY(users.disableUser(*m_admin, QStringLiteral("Colin")).ok());
        QCOMPARE(users.disableUser(*m_admin, QStringLiteral("Nobody")).status, StoreStatus::NotFound);
        QCOMPARE(users.signIn(QStringLiteral("Colin"), QStringLiteral("coproducer-password")).status(),
                 StoreStatus::NotPermitted);
        // A session opened before is refused too: the store checks the account on every call.
        QCOMPARE(colin.get(id).status(), StoreStatus::NotPermitted);
        const QVector<ChangeRecord> history = TemplateStore(*m_db, *m_reviewer).history(id).value();
        QCOMPARE(history.first().userName, QStringLiteral("Colin"));
        const QVector<Account> accounts = users.users(*m_admin).value();
        QCOMPARE(accounts.size(), 3);
        QVERIFY(std::any_of(accounts.begin(), accounts.end(),
                            [](const Account &a) { return a.name == QLatin1String("Colin") && a.disabled; }));
        QVERIFY(users.enableUser(*m_admin, QStringLiteral("Colin")).ok());
        QVERIFY(colin.get(id).ok());
    }

    void publishingWithUncoveredRequirementsNeedsAReason()
    {
        QVERIFY(setUpPeople());
        QVERIFY(publishFirstVersion());
        const QString id = QStringLiteral("chc-review");
        TemplateStore colin(*m_db, *m_coproducer), rita(*m_db, *m_reviewer), ada(*m_db, *m_admin);
        QVERIFY(colin.startDraft(id).ok());
        // Remove every item that covers FR-CONSENT.
        const Template draft = colin.get(id).value();
        QVector<Edit> removals;
        for (const Item *item : draft.allItems()) {
            if (item->requirements.contains(QStringLiteral("FR-CONSENT")))
                removals.append(Edit::removeItem(draft, item->id));
        }
        QVERIFY(!removals.isEmpty());
        for (const Edit &e : removals) {
            const Result<ChangeRecord> r = colin.applyEdit(id, e);
            QVERIFY2(r.ok(), qPrintable(r.message()));
        }
        QVERIFY(colin.propose(id).ok());
        QVERIFY(colin.approve(id).ok());
        QVERIFY(rita.approve(id).ok());
        const Result<VersionInfo> refused = ada.publish(id);
        QCOMPARE(refused.status(), StoreStatus::Invalid);
        QVERIFY2(refused.message().contains(QStringLiteral("FR-CONSENT")), qPrintable(refused.message()));
        const Result<VersionInfo> published =
            ada.publish(id, QStringLiteral("Consent is recorded on the council's form"));
        QVERIFY2(published.ok(), qPrintable(published.message()));
        QCOMPARE(published->coverageReason, QStringLiteral("Consent is recorded on the council's form"));
    }

    void diffOfTwoVersionsAsDataAndAsPdf()
    {
        QVERIFY(setUpPeople());
        QVERIFY(publishFirstVersion());
        const QString id = QStringLiteral("chc-review");
        TemplateStore colin(*m_db, *m_coproducer), rita(*m_db, *m_reviewer);
        QVERIFY(colin.startDraft(id).ok());
        Template draft = colin.get(id).value();
        const QString reworded = firstItemId(draft);
        const QString removed = lastItemId(draft);
        CommentStore comments(*m_db, *m_reviewer);
        const qint64 thread =
            comments.startThread(id, reworded, QStringLiteral("People told us this sounded like a test.")).value().id;
        QVERIFY(colin
                    .applyEdit(id,
                               Edit::setItemProperty(draft, reworded, QStringLiteral("label"),
                                                     QStringLiteral("We want to check your care is right for you.")),
                               {thread, QStringLiteral("Friendlier opening")})
                    .ok());
        draft = colin.get(id).value();
        QVERIFY(rita.applyEdit(id, Edit::removeItem(draft, removed)).ok());

        const Result<TemplateDiff> diff = rita.diff(id, 1, 2);
        QVERIFY2(diff.ok(), qPrintable(diff.message()));
        QCOMPARE(diff->items.size(), 2);
        const ItemDiff *r = diff->item(reworded);
        QVERIFY(r);
        QVERIFY(r->has(ItemDiff::Change::Reworded));
        QCOMPARE(r->authors, QStringList{QStringLiteral("Colin")});
        QCOMPARE(r->labelAfter, QStringLiteral("We want to check your care is right for you."));
        QVERIFY(std::any_of(r->notes.begin(), r->notes.end(), [](const DiffNote &n) {
            return n.kind == DiffNote::Kind::Comment && n.author == QLatin1String("Rita")
                   && n.text == QLatin1String("People told us this sounded like a test.");
        }));
        QVERIFY(std::any_of(r->notes.begin(), r->notes.end(), [](const DiffNote &n) {
            return n.kind == DiffNote::Kind::Note && n.text == QLatin1String("Friendlier opening");
        }));
        const ItemDiff *gone = diff->item(removed);
        QVERIFY(gone && gone->has(ItemDiff::Change::Removed));
        QCOMPARE(gone->authors, QStringList{QStringLiteral("Rita")});
        QVERIFY(rita.diff(id, 1, 1).value().isEmpty());
        QCOMPARE(rita.diff(id, 1, 7).status(), StoreStatus::NotFound);

        QByteArray pdf;
        QString error;
        QVERIFY2(writeWhatChangedPdf(diff.value(), {QDate(2026, 11, 26)}, &pdf, &error), qPrintable(error));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc && !doc->isLocked());
        QString text;
        for (int i = 0; i < doc->numPages(); ++i)
            text += std::unique_ptr<Poppler::Page>(doc->page(i))->text(QRectF()) + QLatin1Char('\n');
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        const QString flat = text.simplified();
        QVERIFY2(flat.contains(QStringLiteral("What changed")), qPrintable(flat));
        QVERIFY(flat.contains(QStringLiteral("We want to check your care is right for you.")));
        QVERIFY(flat.contains(QStringLiteral("You said:")));
        QVERIFY(flat.contains(QStringLiteral("People told us this sounded like a test.")));
        QVERIFY(flat.contains(QStringLiteral("Changed by: Colin")));
        QVERIFY(flat.contains(QStringLiteral("Removed")));
        QVERIFY(flat.contains(QStringLiteral("Page 1 of %1").arg(doc->numPages())));
        QVERIFY(flat.contains(QStringLiteral("chc-review version 2")));
        QVERIFY(doc->title().startsWith(QStringLiteral("What changed")));
        for (const Poppler::FontInfo &font : doc->fonts())
            QVERIFY2(font.isEmbedded(), qPrintable(font.name()));
        QVERIFY(pdf.contains("/Lang"));
    }
};

// The What-changed PDF needs fonts, so Qt Gui (offscreen; no display).
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestStore test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_store.moc"
