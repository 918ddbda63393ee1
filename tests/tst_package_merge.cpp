// Taking an update of a form package (issue #20, Must show 2), in the store on SQLite and PostgreSQL: team A
// publishes and shares a form, team B adapts it, A publishes a newer version; taking it into B applies what B did not
// touch, asks about what both changed, keeps B's own changes, and every change is in B's change log.
#include "edit/edit.h"
#include "format/templateformat.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/packagestore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace coform;

namespace {

const QString Id = QStringLiteral("chc-review");

/// One team's database with an admin, a reviewer and a co-producer.
struct Team
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::optional<Session> ada, rita, colin;

    bool setUp(const QString &backend, const QString &organisation, const QString &code)
    {
        QString error;
        const QString location = test::freshDatabase(backend, dir, &error);
        if (location.isEmpty() || !(db = Database::open(location, &error))) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        UserStore users(*db);
        ada = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password")).value();
        users.addUser(*ada, QStringLiteral("Rita"), Role::Reviewer, QStringLiteral("reviewer-password"));
        users.addUser(*ada, QStringLiteral("Colin"), Role::Coproducer, QStringLiteral("colin-password"));
        rita = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password")).value();
        colin = users.signIn(QStringLiteral("Colin"), QStringLiteral("colin-password")).value();
        return PackageStore(*db, *ada).setSettings({organisation, code, false}).ok();
    }

    TemplateStore store() const { return TemplateStore(*db, *colin); }

    bool relabel(const QString &itemId, const QString &label) const
    {
        const Template now = store().get(Id).value();
        const Result<ChangeRecord> done =
            store().applyEdit(Id, Edit::setItemProperty(now, itemId, QStringLiteral("label"), label));
        if (!done.ok())
            qWarning("%s", qPrintable(done.message()));
        return done.ok();
    }

    /// Proposes the draft, has Colin and Rita approve it and Ada publish it.
    bool publish() const
    {
        if (!store().propose(Id).ok() || !store().approve(Id).ok() || !TemplateStore(*db, *rita).approve(Id).ok())
            return false;
        const Result<VersionInfo> done = TemplateStore(*db, *ada).publish(Id);
        if (!done.ok())
            qWarning("%s", qPrintable(done.message()));
        return done.ok();
    }

    QByteArray exportPackage() const
    {
        const Result<QByteArray> bytes = PackageStore(*db, *ada).exportPackage(Id);
        if (!bytes.ok())
            qWarning("%s", qPrintable(bytes.message()));
        return bytes.ok() ? bytes.value() : QByteArray();
    }

    /// The newest version rebuilt from its base content and its change log.
    std::optional<Template> replayed(const Template &firstBase) const
    {
        const VersionInfo latest = store().versionInfo(Id).value();
        const Template base = latest.version == 1 ? firstBase : store().get(Id, latest.version - 1).value();
        HistoryFilter filter;
        filter.version = latest.version;
        QVector<Edit> edits;
        const QVector<ChangeRecord> log = store().history(Id, filter).value();
        for (const ChangeRecord &c : log)
            edits.append(c.edit);
        QString error;
        auto result = replayEdits(base, edits, &error);
        if (!result)
            qWarning("%s", qPrintable(error));
        else
            result->version = latest.version;
        return result;
    }
};

QString question(const Template &t, int number)
{
    const QMap<QString, int> numbers = t.questionNumbers();
    for (auto it = numbers.cbegin(); it != numbers.cend(); ++it) {
        if (it.value() == number)
            return it.key();
    }
    return {};
}

} // namespace

class TestPackageMerge : public QObject
{
    Q_OBJECT

private slots:
    void takingAnUpdate_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("bPublishedFirst");
        QTest::addColumn<bool>("takeTheirs");
        for (const QString &backend : test::backends()) {
            for (const bool published : {false, true}) {
                for (const bool theirs : {false, true}) {
                    QTest::addRow("%s, B's changes %s, %s", qPrintable(backend), published ? "published" : "in a draft",
                                  theirs ? "taking A's question 10" : "keeping B's question 10")
                        << backend << published << theirs;
                }
            }
        }
    }

    void takingAnUpdate()
    {
        QFETCH(QString, backend);
        QFETCH(bool, bPublishedFirst);
        QFETCH(bool, takeTheirs);
        Team a, b;
        QVERIFY(a.setUp(backend, QStringLiteral("Queen's Road Team"), QStringLiteral("QRL")));
        QVERIFY(b.setUp(backend, QStringLiteral("Riverside Team"), QStringLiteral("RVS")));
        Problems problems;
        const std::optional<Template> bundled =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(bundled);
        const QString q3 = question(*bundled, 3), q10 = question(*bundled, 10), q20 = question(*bundled, 20);

        // A publishes version 1 and shares it; B imports it.
        QVERIFY(a.store().addTemplate(*bundled).ok());
        QVERIFY(a.publish());
        const QByteArray first = a.exportPackage();
        QVERIFY(!first.isEmpty());
        const Result<QString> imported = PackageStore(*b.db, *b.ada).importNew(first);
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        const Template importedContent = b.store().get(Id).value();

        // B changes questions 3 and 10 (and publishes that, in one case).
        QVERIFY(b.relabel(q3, QStringLiteral("On what day is this review?")));
        QVERIFY(b.relabel(q10, QStringLiteral("Who is here today?")));
        if (bPublishedFirst)
            QVERIFY(b.publish());

        // A changes 10 and 20 in version 2 and shares it.
        QVERIFY(a.store().startDraft(Id).ok());
        QVERIFY(a.relabel(q10, QStringLiteral("Who is taking part?")));
        QVERIFY(a.relabel(q20, QStringLiteral("Their registration number, if they have one")));
        QVERIFY(a.publish());
        const QByteArray second = a.exportPackage();
        QVERIFY(!second.isEmpty());

        // B sees an update, and what taking it comes to.
        PackageStore packages(*b.db, *b.colin);
        const Result<PackagePreview> preview = packages.preview(second);
        QVERIFY2(preview.ok(), qPrintable(preview.message()));
        QCOMPARE(preview->effect, PackagePreview::Effect::Update);
        QCOMPARE(preview->localTemplateId, Id);
        const Result<MergePlan> plan = packages.planUpdate(second);
        QVERIFY2(plan.ok(), qPrintable(plan.message()));
        QCOMPARE(plan->apply.size(), 1);
        QCOMPARE(plan->apply.first().item, q20);
        QCOMPARE(plan->conflicts.size(), 1);
        QCOMPARE(plan->conflicts.first().itemId, q10);
        QCOMPARE(plan->conflicts.first().mine, QStringLiteral("Who is here today?"));
        QCOMPARE(plan->conflicts.first().theirs, QStringLiteral("Who is taking part?"));
        QCOMPARE(plan->keptLocal.size(), 1);
        QVERIFY2(plan->keptLocal.first().contains(QLatin1String("question 3")), qPrintable(plan->keptLocal.first()));
        const int logBefore = int(b.store().history(Id).value().size());
        const int versionBefore = b.store().versionInfo(Id)->version;

        // B takes it, answering the one question.
        QStringList asked;
        const Outcome taken = packages.takeUpdate(second, [&](const MergeConflict &c) {
            asked << c.what;
            return takeTheirs ? MergeChoice::TakeTheirs : MergeChoice::KeepMine;
        });
        QVERIFY2(taken.ok(), qPrintable(taken.message));
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QLatin1String("question 10")), qPrintable(asked.first()));

        const Template merged = b.store().get(Id).value();
        QCOMPARE(merged.findItem(q3)->label, QStringLiteral("On what day is this review?"));
        QCOMPARE(merged.findItem(q20)->label, QStringLiteral("Their registration number, if they have one"));
        QCOMPARE(merged.findItem(q10)->label,
                 takeTheirs ? QStringLiteral("Who is taking part?") : QStringLiteral("Who is here today?"));

        // The result is a draft (a new one when B's version was published), which needs the usual approval.
        const VersionInfo latest = b.store().versionInfo(Id).value();
        QCOMPARE(latest.status, VersionStatus::Draft);
        QCOMPARE(latest.version, bPublishedFirst ? versionBefore + 1 : versionBefore);
        if (bPublishedFirst)
            QCOMPARE(b.store().get(Id, versionBefore)->findItem(q20)->label, importedContent.findItem(q20)->label);

        // Every change is in the change log, saying where it came from; replaying the log gives the draft.
        const QVector<ChangeRecord> log = b.store().history(Id).value();
        QCOMPARE(log.size(), logBefore + (takeTheirs ? 2 : 1));
        for (qsizetype i = logBefore; i < log.size(); ++i) {
            QCOMPARE(log.at(i).note, QStringLiteral("From Queen's Road Team version 2"));
            QCOMPARE(log.at(i).userName, QStringLiteral("Colin"));
        }
        const std::optional<Template> replayed = b.replayed(importedContent);
        QVERIFY(replayed);
        QVERIFY(*replayed == merged);

        // B's template is now based on A's version 2.
        const Result<TemplateOrigin> origin = packages.origin(Id);
        QVERIFY2(origin.ok(), qPrintable(origin.message()));
        QCOMPARE(origin->originVersion, 2);
        QCOMPARE(origin->provenance.version, 2);
        QCOMPARE(origin->base.findItem(q10)->label, QStringLiteral("Who is taking part?"));
        const QVector<AuditEntry> audit = AuditLog(*b.db, *b.ada).forAccounts().value();
        QVERIFY(!audit.isEmpty());
        QCOMPARE(audit.first().action, QStringLiteral("take-package-update"));

        // Taking the same package again changes nothing, and says so.
        QCOMPARE(packages.preview(second)->effect, PackagePreview::Effect::Same);
        const Outcome again =
            packages.takeUpdate(second, [](const MergeConflict &) { return MergeChoice::TakeTheirs; });
        QCOMPARE(again.status, StoreStatus::Conflict);
        QVERIFY2(again.message.startsWith(QLatin1String("Nothing changes")), qPrintable(again.message));
        QCOMPARE(b.store().history(Id)->size(), log.size());
        QVERIFY(b.store().get(Id).value() == merged);

        // The draft is published only with the usual approvals.
        QVERIFY(b.store().propose(Id).ok());
        QCOMPARE(TemplateStore(*b.db, *b.ada).publish(Id).status(), StoreStatus::NotPermitted);
        QVERIFY(b.store().approve(Id).ok());
        QVERIFY(TemplateStore(*b.db, *b.rita).approve(Id).ok());
        QVERIFY(TemplateStore(*b.db, *b.ada).publish(Id).ok());
    }

    /// A form imported under another id takes its origin's updates all the same.
    void anAdaptedFormUnderAnotherIdTakesUpdates_data() { test::addBackendRows(); }
    void anAdaptedFormUnderAnotherIdTakesUpdates()
    {
        QFETCH(QString, backend);
        Team a, b;
        QVERIFY(a.setUp(backend, QStringLiteral("Queen's Road Team"), QStringLiteral("QRL")));
        QVERIFY(b.setUp(backend, QStringLiteral("Riverside Team"), QStringLiteral("RVS")));
        Problems problems;
        const std::optional<Template> bundled =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(bundled);
        const QString q10 = question(*bundled, 10), q20 = question(*bundled, 20);
        QVERIFY(a.store().addTemplate(*bundled).ok());
        QVERIFY(a.publish());
        const QString ours = QStringLiteral("riverside-review");
        QCOMPARE(PackageStore(*b.db, *b.ada).importNew(a.exportPackage(), ours).value(), ours);
        const Template imported = b.store().get(ours).value();
        QVERIFY(b.store()
                    .applyEdit(ours, Edit::setItemProperty(imported, q10, QStringLiteral("label"),
                                                           QStringLiteral("Who is here today?")))
                    .ok());
        QVERIFY(a.store().startDraft(Id).ok());
        QVERIFY(a.relabel(q20, QStringLiteral("Their registration number")));
        QVERIFY(a.publish());

        PackageStore packages(*b.db, *b.colin);
        const QByteArray second = a.exportPackage();
        QCOMPARE(packages.preview(second)->localTemplateId, ours);
        const Result<MergePlan> plan = packages.planUpdate(second);
        QVERIFY2(plan.ok(), qPrintable(plan.message()));
        QVERIFY(plan->conflicts.isEmpty());
        QCOMPARE(plan->apply.size(), 1);
        const Outcome taken = packages.takeUpdate(second, {});
        QVERIFY2(taken.ok(), qPrintable(taken.message));
        const Template merged = b.store().get(ours).value();
        QCOMPARE(merged.id, ours);
        QCOMPARE(merged.findItem(q20)->label, QStringLiteral("Their registration number"));
        QCOMPARE(merged.findItem(q10)->label, QStringLiteral("Who is here today?"));
        QVERIFY(!b.store().get(Id).ok()); // nothing arrived under the origin's id
    }

    /// When the draft changes while the person answers, nothing of the update is taken, and they are told to look
    /// again; a draft waiting for approval takes no update.
    void nothingIsTakenWhenTheDraftMovedOn_data() { test::addBackendRows(); }
    void nothingIsTakenWhenTheDraftMovedOn()
    {
        QFETCH(QString, backend);
        Team a, b;
        QVERIFY(a.setUp(backend, QStringLiteral("Queen's Road Team"), QStringLiteral("QRL")));
        QVERIFY(b.setUp(backend, QStringLiteral("Riverside Team"), QStringLiteral("RVS")));
        Problems problems;
        const std::optional<Template> bundled =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(bundled);
        const QString q10 = question(*bundled, 10), q20 = question(*bundled, 20);
        QVERIFY(a.store().addTemplate(*bundled).ok());
        QVERIFY(a.publish());
        QVERIFY(PackageStore(*b.db, *b.ada).importNew(a.exportPackage()).ok());
        QVERIFY(b.relabel(q10, QStringLiteral("Who is here today?")));
        QVERIFY(a.store().startDraft(Id).ok());
        QVERIFY(a.relabel(q10, QStringLiteral("Who is taking part?")));
        QVERIFY(a.relabel(q20, QStringLiteral("Their registration number")));
        QVERIFY(a.publish());
        const QByteArray second = a.exportPackage();

        PackageStore packages(*b.db, *b.colin);
        const Outcome taken = packages.takeUpdate(second, [&](const MergeConflict &) {
            b.relabel(q10, QStringLiteral("Who is with you today?")); // someone else, meanwhile
            return MergeChoice::TakeTheirs;
        });
        QCOMPARE(taken.status, StoreStatus::Conflict);
        QVERIFY2(taken.message.contains(QLatin1String("Look at the update again")), qPrintable(taken.message));
        const Template now = b.store().get(Id).value();
        QCOMPARE(now.findItem(q10)->label, QStringLiteral("Who is with you today?"));
        QCOMPARE(now.findItem(q20)->label, bundled->findItem(q20)->label);
        QCOMPARE(packages.origin(Id)->originVersion, 1);

        QVERIFY(b.store().propose(Id).ok());
        const Outcome proposed =
            packages.takeUpdate(second, [](const MergeConflict &) { return MergeChoice::KeepMine; });
        QCOMPARE(proposed.status, StoreStatus::Conflict);
        QVERIFY2(proposed.message.contains(QLatin1String("waiting for approval")), qPrintable(proposed.message));
        QCOMPARE(b.store().get(Id)->findItem(q20)->label, bundled->findItem(q20)->label);
        QCOMPARE(packages.origin(Id)->originVersion, 1);
    }
};

QTEST_GUILESS_MAIN(TestPackageMerge)
#include "tst_package_merge.moc"
