// Form packages (#20) between two real databases, on SQLite and PostgreSQL: team A publishes and exports a form, team
// B imports it as a new shared draft with its provenance; a package changed by one byte is refused in words and B is
// left as it was; only admins export, and only once the organisation is named.
#include "edit/edit.h"
#include "format/formpackage.h"
#include "format/templateformat.h"
#include "store/auditlog.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/packagestore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

using namespace coform;

namespace {

const QString kId = QStringLiteral("chc-review");

/// One team's database with an admin (Ada), a reviewer (Rita) and a coproducer (Colin), all signed in.
struct Team
{
    std::unique_ptr<Database> db;
    std::optional<Session> admin, reviewer, coproducer;
};

Template bundled()
{
    Problems problems;
    const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    if (!t)
        qFatal("the bundled template does not read");
    return *t;
}

QStringList templateIds(const Team &team)
{
    QStringList ids;
    const Result<QVector<TemplateSummary>> list = TemplateStore(*team.db, *team.admin).list();
    for (const TemplateSummary &s : list.value())
        ids << s.id;
    return ids;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Team m_a, m_b;

    bool setUp(Team &team)
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        const QString location = test::freshDatabase(backend, *m_dir, &error);
        if (location.isEmpty())
            qFatal("cannot make a database for the test: %s", qPrintable(error));
        team.db = Database::open(location, &error);
        if (!team.db)
            return false;
        UserStore users(*team.db);
        const Result<Session> admin = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password"));
        if (!admin.ok())
            return false;
        team.admin = admin.value();
        if (!users.addUser(*team.admin, QStringLiteral("Rita"), Role::Reviewer, QStringLiteral("reviewer-password"))
                 .ok()
            || !users
                    .addUser(*team.admin, QStringLiteral("Colin"), Role::Coproducer,
                             QStringLiteral("coproducer-password"))
                    .ok())
            return false;
        const Result<Session> reviewer = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password"));
        const Result<Session> coproducer = users.signIn(QStringLiteral("Colin"), QStringLiteral("coproducer-password"));
        if (!reviewer.ok() || !coproducer.ok())
            return false;
        team.reviewer = reviewer.value();
        team.coproducer = coproducer.value();
        return true;
    }

    /// Proposes the draft of `id`, has Colin and Rita approve it and Ada publish it.
    static bool approveAndPublish(Team &team, const QString &id, const QString &commentsReason = {})
    {
        TemplateStore colin(*team.db, *team.coproducer);
        return colin.propose(id).ok() && colin.approve(id).ok()
               && TemplateStore(*team.db, *team.reviewer).approve(id).ok()
               && TemplateStore(*team.db, *team.admin).publish(id, {}, commentsReason).ok();
    }

    /// Team A: version 1 published, then version 2 with its first question reworded and a comment on the second
    /// closed without a change; the organisation named.
    bool publishTwoVersions(bool namesInPackages = false)
    {
        TemplateStore colin(*m_a.db, *m_a.coproducer);
        if (!colin.addTemplate(bundled()).ok() || !approveAndPublish(m_a, kId) || !colin.startDraft(kId).ok())
            return false;
        const Template draft = colin.get(kId).value();
        const QVector<const Item *> items = draft.allItems();
        if (!CommentStore(*m_a.db, *m_a.coproducer)
                 .startThread(kId, items.at(1)->id, QStringLiteral("Could this be shorter?"))
                 .ok()
            || !colin
                    .applyEdit(kId, Edit::setItemProperty(draft, items.at(0)->id, QStringLiteral("label"),
                                                          QStringLiteral("This review checks your care still works.")))
                    .ok()
            || !approveAndPublish(m_a, kId, QStringLiteral("The group chose these words together")))
            return false;
        return PackageStore(*m_a.db, *m_a.admin)
            .setSettings({QStringLiteral("Queen's Road Team"), QStringLiteral("QRL"), namesInPackages})
            .ok();
    }

private slots:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QFETCH_GLOBAL(QString, backend);
        QVERIFY2(backend != QLatin1String("postgresql") || !qEnvironmentVariable("COFORM_TEST_PG_URL").isEmpty(),
                 qPrintable(test::noPostgresMessage()));
        QVERIFY(setUp(m_a));
        QVERIFY(setUp(m_b));
    }

    void cleanup()
    {
        m_a = {};
        m_b = {};
        m_dir.reset();
    }

    void aPublishedFormTravelsToAnotherTeamWithHowItWasMade()
    {
        QVERIFY(publishTwoVersions());
        PackageStore ada(*m_a.db, *m_a.admin);
        const Result<QByteArray> bytes = ada.exportPackage(kId);
        QVERIFY2(bytes.ok(), qPrintable(bytes.message()));
        const Provenance made = ada.provenance(kId).value();
        QCOMPARE(made.organisationName, QStringLiteral("Queen's Road Team"));
        QCOMPARE(made.version, 2);
        QCOMPARE(made.approvals.size(), 2);
        QVERIFY(made.approvals.at(0).role != made.approvals.at(1).role);
        for (const ProvenanceApproval &a : made.approvals)
            QVERIFY2(a.name.isEmpty(), "no approver's name unless the organisation allows names");
        QVERIFY(made.requirementsTotal > 0);
        QCOMPARE(made.requirementsCovered, made.requirementsTotal);
        QVERIFY(made.questions > 0);
        QVERIFY(made.readingEase > 0);
        QCOMPARE(made.history.size(), 2);
        const Template v2 = TemplateStore(*m_a.db, *m_a.admin).get(kId, 2).value();
        const QString reworded = v2.allItems().at(0)->id;
        QVERIFY2(made.history.at(1).changes.contains(QStringLiteral("item %1: reworded").arg(reworded)),
                 qPrintable(made.history.at(1).changes.join(QLatin1Char('\n'))));
        QVERIFY2(made.history.at(1)
                     .notChanged.join(QLatin1Char(' '))
                     .contains(QStringLiteral("The group chose these words together")),
                 qPrintable(made.history.at(1).notChanged.join(QLatin1Char('\n'))));
        QVERIFY2(!bytes.value().contains("Colin") && !bytes.value().contains("Rita"), "no staff names in the file");

        // Team B sees where it comes from before anything changes.
        PackageStore colinB(*m_b.db, *m_b.coproducer);
        const Result<PackagePreview> preview = colinB.preview(bytes.value());
        QVERIFY2(preview.ok(), qPrintable(preview.message()));
        QVERIFY2(preview->check.valid(), qPrintable(preview->check.message));
        QCOMPARE(preview->check.publicKey, ada.publicKey().value());
        QVERIFY(preview->check.message.contains(fingerprintWords(preview->check.publicKey)));
        QCOMPARE(preview->keySeenBefore, false);
        QCOMPARE(preview->effect, PackagePreview::Effect::NewTemplate);
        QCOMPARE(preview->package.provenance, made);
        QVERIFY(templateIds(m_b).isEmpty());

        const Result<QString> imported = colinB.importNew(bytes.value());
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(imported.value(), kId);
        TemplateStore storeB(*m_b.db, *m_b.coproducer);
        const Template arrived = storeB.get(kId).value();
        QCOMPARE(arrived.sections, v2.sections);
        QCOMPARE(arrived.title, v2.title);
        QCOMPARE(storeB.versionInfo(kId).value().status, VersionStatus::Draft);
        const TemplateOrigin origin = colinB.origin(kId).value();
        QCOMPARE(origin.organisationName, QStringLiteral("Queen's Road Team"));
        QCOMPARE(origin.organisationCode, QStringLiteral("QRL"));
        QCOMPARE(origin.originVersion, 2);
        QCOMPARE(origin.base.sections, v2.sections);
        QCOMPARE(origin.provenance, made);
        QCOMPARE(origin.publicKey, preview->check.publicKey);

        // Both ends are in the audit trails, naming the form and nothing personal.
        const auto audited = [](const Team &team, const char *action) {
            QStringList details;
            const Result<QVector<AuditEntry>> rows = AuditLog(*team.db, *team.admin).forAccounts();
            for (const AuditEntry &e : rows.value()) {
                if (e.action == QLatin1String(action))
                    details << e.detail;
            }
            return details;
        };
        QCOMPARE(audited(m_a, AuditLog::ExportPackage), QStringList{QStringLiteral("template chc-review version 2")});
        const QStringList imports = audited(m_b, AuditLog::ImportPackage);
        QCOMPARE(imports.size(), 1);
        QVERIFY2(imports.first().contains(QStringLiteral("version 2 of Queen's Road Team's 'chc-review'")),
                 qPrintable(imports.first()));

        // The same package again: nothing changes, and the key is one seen before.
        const Result<PackagePreview> again = colinB.preview(bytes.value());
        QCOMPARE(again->effect, PackagePreview::Effect::Same);
        QCOMPARE(again->keySeenBefore, true);
        QCOMPARE(again->keyOrganisation, QStringLiteral("Queen's Road Team"));
        QVERIFY2(again->message.contains(QStringLiteral("Nothing changes")), qPrintable(again->message));
        QCOMPARE(colinB.importNew(bytes.value()).status(), StoreStatus::Conflict);
        QCOMPARE(templateIds(m_b), QStringList{kId});
        QCOMPARE(storeB.versions(kId).value().size(), 1);

        // A newer version of the origin is an update of the adapted form, not another form.
        TemplateStore colinA(*m_a.db, *m_a.coproducer);
        QVERIFY(colinA.startDraft(kId).ok());
        const Template draft3 = colinA.get(kId).value();
        QVERIFY(colinA
                    .applyEdit(kId, Edit::setItemProperty(draft3, draft3.allItems().at(2)->id, QStringLiteral("help"),
                                                          QStringLiteral("Take your time.")))
                    .ok());
        QVERIFY(approveAndPublish(m_a, kId));
        const Result<PackagePreview> update = colinB.preview(ada.exportPackage(kId).value());
        QCOMPARE(update->effect, PackagePreview::Effect::Update);
        QCOMPARE(update->localTemplateId, kId);
        QCOMPARE(update->keySeenBefore, true);
        // An older version of the origin than the one adapted changes nothing either.
        const Result<PackagePreview> older = colinB.preview(ada.exportPackage(kId, 1).value());
        QCOMPARE(older->effect, PackagePreview::Effect::Same);
        QCOMPARE(ada.exportPackage(kId, 9).status(), StoreStatus::NotFound);
        // A coproducer's import (without the data key) leaves the audit chain whole.
        const Result<AuditVerification> chain = AuditLog(*m_b.db, *m_b.admin).verify();
        QVERIFY2(chain.ok() && chain->holds(), qPrintable(chain.ok() ? chain->words() : chain.message()));
    }

    void namesGoIntoPackagesOnlyWhenTheOrganisationAllowsIt()
    {
        QVERIFY(publishTwoVersions(true));
        const Provenance p = PackageStore(*m_a.db, *m_a.reviewer).provenance(kId).value();
        QStringList names;
        for (const ProvenanceApproval &a : p.approvals)
            names << a.name;
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Colin"), QStringLiteral("Rita")}));
    }

    void aPackageChangedByOneByteIsRefusedInWordsAndChangesNothing()
    {
        QVERIFY(publishTwoVersions());
        const QByteArray bytes = PackageStore(*m_a.db, *m_a.admin).exportPackage(kId).value();
        const qsizetype payload = bytes.indexOf("\"payload\": \"") + 12;
        const qsizetype signature = bytes.indexOf("\"signature\": \"") + 14;
        const qsizetype key = bytes.indexOf("\"publicKey\": \"") + 14;
        QVector<qsizetype> positions{0,
                                     1,
                                     key,
                                     key + 20,
                                     signature + 5,
                                     signature + 85,
                                     payload,
                                     payload + 1000,
                                     bytes.size() / 2,
                                     bytes.indexOf(':'),
                                     bytes.indexOf(','),
                                     bytes.size() - 4,
                                     bytes.size() - 2,
                                     bytes.size() - 1};
        for (int i = 1; i < 40; ++i)
            positions << bytes.size() * i / 40;
        qInfo("package of %lld bytes", qlonglong(bytes.size()));
        PackageStore colinB(*m_b.db, *m_b.coproducer);
        for (const qsizetype at : std::as_const(positions)) {
            for (const char change : {char(0x01), char(0x20), char(0x80)}) {
                QByteArray changed = bytes;
                changed[at] = char(changed[at] ^ change);
                PackageCheck check;
                QVERIFY2(!readFormPackage(changed, &check), qPrintable(QString::number(at)));
                QVERIFY(check.status != PackageCheck::Status::Valid);
                QVERIFY2(check.message.size() > 20 && !check.message.contains(QLatin1String("error")),
                         qPrintable(check.message));
                if (change != char(0x01))
                    continue; // the store reads it the same way: once is enough
                const Result<PackagePreview> preview = colinB.preview(changed);
                QVERIFY(preview.ok());
                QCOMPARE(preview->effect, PackagePreview::Effect::Refused);
                const Result<QString> imported = colinB.importNew(changed);
                QCOMPARE(imported.status(), StoreStatus::Invalid);
                QCOMPARE(imported.message(), check.message);
            }
        }
        // A changed payload is refused for its signature, in words.
        QByteArray changed = bytes;
        changed[payload + 1000] = changed[payload + 1000] == 'A' ? 'B' : 'A';
        PackageCheck check;
        QVERIFY(!readFormPackage(changed, &check));
        QCOMPARE(check.status, PackageCheck::Status::Tampered);
        QVERIFY2(check.message.contains(QStringLiteral("changed after it was signed")), qPrintable(check.message));
        QVERIFY(templateIds(m_b).isEmpty());
        // And the unchanged file still imports.
        QVERIFY(colinB.importNew(bytes).ok());
    }

    void onlyAdminsExportAndOnlyOnceTheOrganisationIsNamed()
    {
        TemplateStore colin(*m_a.db, *m_a.coproducer);
        QVERIFY(colin.addTemplate(bundled()).ok());
        QVERIFY(approveAndPublish(m_a, kId));
        const Result<QByteArray> unnamed = PackageStore(*m_a.db, *m_a.admin).exportPackage(kId);
        QCOMPARE(unnamed.status(), StoreStatus::Invalid);
        QVERIFY2(unnamed.message().contains(QStringLiteral("name and code are not set")),
                 qPrintable(unnamed.message()));
        const OrganisationSettings named{QStringLiteral("Queen's Road"), QStringLiteral("QRL"), false};
        const OrganisationSettings nameless{QStringLiteral(" "), QStringLiteral("QRL"), false};
        QCOMPARE(PackageStore(*m_a.db, *m_a.reviewer).setSettings(named).status, StoreStatus::NotPermitted);
        QCOMPARE(PackageStore(*m_a.db, *m_a.admin).setSettings(nameless).status, StoreStatus::Invalid);
        QVERIFY(PackageStore(*m_a.db, *m_a.admin).setSettings(named).ok());
        QCOMPARE(PackageStore(*m_a.db, *m_a.coproducer).settings().value().name, QStringLiteral("Queen's Road"));
        const OrganisationSettings renamed{QStringLiteral("Queen's Road Team"), QStringLiteral("QRL"), true};
        QVERIFY(PackageStore(*m_a.db, *m_a.admin).setSettings(renamed).ok());
        const OrganisationSettings now = PackageStore(*m_a.db, *m_a.reviewer).settings().value();
        QCOMPARE(now.name, renamed.name);
        QCOMPARE(now.namesInPackages, true);
        // No key is made by someone who may not make one.
        QCOMPARE(PackageStore(*m_a.db, *m_a.coproducer).publicKey().status(), StoreStatus::NotPermitted);
        for (const Session &who : {*m_a.coproducer, *m_a.reviewer}) {
            const Result<QByteArray> refused = PackageStore(*m_a.db, who).exportPackage(kId);
            QCOMPARE(refused.status(), StoreStatus::NotPermitted);
            QVERIFY(refused.message().contains(QStringLiteral("only an admin")));
        }
        QVERIFY(PackageStore(*m_a.db, *m_a.admin).exportPackage(kId).ok());
        // The key, once made, is the same for everyone and never changes.
        const QByteArray key = PackageStore(*m_a.db, *m_a.coproducer).publicKey().value();
        QCOMPARE(key.size(), 32);
        QCOMPARE(PackageStore(*m_a.db, *m_a.admin).publicKey().value(), key);
        QCOMPARE(fingerprintWords(key).split(QLatin1Char(' ')).size(), 8);
        QVERIFY(
            QRegularExpression(QStringLiteral("^[0-9a-f]{4}( [0-9a-f]{4}){3}$")).match(fingerprintHex(key)).hasMatch());
    }

    void theSecretKeyIsSealedSoACopyOfTheDatabaseCannotSign()
    {
        QVERIFY(publishTwoVersions());
        const Result<QByteArray> bytes = PackageStore(*m_a.db, *m_a.admin).exportPackage(kId);
        QVERIFY2(bytes.ok(), qPrintable(bytes.message()));
        const QByteArray publicKey = PackageStore(*m_a.db, *m_a.admin).publicKey().value();
        QSqlQuery q = m_a.db->query();
        QString error;
        QVERIFY2(m_a.db->exec(q, QStringLiteral("SELECT secret_key FROM signing_key"), {}, &error) && q.next(),
                 qPrintable(error));
        const QString stored = q.value(0).toString();
        // A libsodium secret key is the seed followed by the public key: in plain (base64 or not) it would show.
        QVERIFY(!stored.isEmpty());
        QVERIFY(!QByteArray::fromBase64(stored.toLatin1()).contains(publicKey));
        QVERIFY(!stored.contains(QString::fromLatin1(publicKey.toBase64())));
        QVERIFY(!stored.toLatin1().contains(publicKey));
        // A second export signs with the same key again (the seal opens with an admin's data key).
        PackageCheck check;
        QVERIFY(readFormPackage(PackageStore(*m_a.db, *m_a.admin).exportPackage(kId).value(), &check));
        QCOMPARE(check.publicKey, publicKey);
    }

    void anIdTakenHereIsRefusedUnlessGivenAnother()
    {
        QVERIFY(publishTwoVersions());
        const QByteArray bytes = PackageStore(*m_a.db, *m_a.admin).exportPackage(kId).value();
        QVERIFY(TemplateStore(*m_b.db, *m_b.coproducer).addTemplate(bundled()).ok());
        PackageStore colinB(*m_b.db, *m_b.coproducer);
        const Result<PackagePreview> preview = colinB.preview(bytes);
        QCOMPARE(preview->effect, PackagePreview::Effect::Refused);
        QVERIFY(preview->idTaken);
        QVERIFY2(preview->message.contains(QStringLiteral("give this one another id")), qPrintable(preview->message));
        QCOMPARE(colinB.importNew(bytes).status(), StoreStatus::Invalid);
        const Result<QString> other = colinB.importNew(bytes, QStringLiteral("chc-review-qrl"));
        QVERIFY2(other.ok(), qPrintable(other.message()));
        QCOMPARE(colinB.origin(QStringLiteral("chc-review-qrl")).value().originTemplateId, kId);
        QCOMPARE(colinB.origin(kId).status(), StoreStatus::NotFound);
    }

    void theComparisonWithTheOriginListsOnlyThisTeamsChanges()
    {
        QVERIFY(publishTwoVersions());
        const QByteArray bytes = PackageStore(*m_a.db, *m_a.admin).exportPackage(kId).value();
        PackageStore colinB(*m_b.db, *m_b.coproducer);
        QVERIFY(colinB.importNew(bytes).ok());
        QVERIFY(colinB.diffWithOrigin(kId).value().isEmpty());
        TemplateStore storeB(*m_b.db, *m_b.coproducer);
        const Template draft = storeB.get(kId).value();
        const QString third = draft.allItems().at(2)->id;
        QVERIFY(storeB
                    .applyEdit(kId, Edit::setItemProperty(draft, third, QStringLiteral("label"),
                                                          QStringLiteral("What matters most to you now?")))
                    .ok());
        const TemplateDiff diff = colinB.diffWithOrigin(kId).value();
        QCOMPARE(diff.items.size(), 1);
        QCOMPARE(diff.items.first().itemId, third);
        QVERIFY(diff.items.first().has(ItemDiff::Change::Reworded));
        QVERIFY(diffWords(diff, false).changes.contains(QStringLiteral("item %1: reworded").arg(third)));
    }

    void theProvenanceRecordIsReadStrictly()
    {
        Provenance p;
        p.organisationName = QStringLiteral("Queen's Road Team");
        p.version = 3;
        p.publishedAt = QDateTime(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc());
        p.approvals << ProvenanceApproval{Role::Coproducer, QDate(2026, 4, 30), {}};
        p.history << ProvenanceVersion{1, QDate(2026, 1, 2), {QStringLiteral("the first published version")}, {}};
        p.readingEase = 71.5;
        QString error;
        QCOMPARE(Provenance::fromJson(p.toJson(), &error), p);
        QJsonObject missing = p.toJson();
        missing.remove(QStringLiteral("version"));
        QVERIFY(!Provenance::fromJson(missing, &error));
        QVERIFY2(error.contains(QStringLiteral("version")), qPrintable(error));
        QJsonObject wrongRole = p.toJson();
        wrongRole[QStringLiteral("approvals")] =
            QJsonArray{QJsonObject{{"role", "boss"}, {"date", "2026-04-30"}, {"name", ""}}};
        QVERIFY(!Provenance::fromJson(wrongRole, &error));
        QVERIFY2(error.contains(QStringLiteral("'boss' is not a role")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
