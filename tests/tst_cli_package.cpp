// coform-cli package and template diff --origin through the real coform-cli process, between two databases (team A
// and team B), on SQLite and PostgreSQL: export, show (changes nothing), import, import again (nothing changes), a
// changed file refused with exit code 2, and B's own changes against the origin in the words of "What changed".
#include "clirun.h"
#include "edit/edit.h"
#include "format/templateformat.h"
#include "pdfreadback.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace coform;

namespace {

const QString kId = QStringLiteral("chc-review");

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '));
}

} // namespace

class TestCliPackage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_a, m_b;

    /// A database with ada (admin), rita (reviewer) and colin (coproducer); with `publish`, the bundled template
    /// published as version 1 with both approvals.
    QString teamDatabase(bool publish)
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        const QString location = test::freshDatabase(backend, *m_dir, &error);
        if (location.isEmpty())
            qFatal("cannot make a database for the test: %s", qPrintable(error));
        auto db = Database::open(location, &error);
        if (!db)
            qFatal("%s", qPrintable(error));
        UserStore users(*db);
        const Session ada = users.createFirstAdmin(QStringLiteral("ada"), QStringLiteral("ada-password")).value();
        users.addUser(ada, QStringLiteral("rita"), Role::Reviewer, QStringLiteral("rita-password"));
        users.addUser(ada, QStringLiteral("colin"), Role::Coproducer, QStringLiteral("colin-password"));
        if (publish) {
            const Session rita = users.signIn(QStringLiteral("rita"), QStringLiteral("rita-password")).value();
            const Session colin = users.signIn(QStringLiteral("colin"), QStringLiteral("colin-password")).value();
            Problems problems;
            TemplateStore asColin(*db, colin);
            if (!asColin.addTemplate(*readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems))
                     .ok()
                || !asColin.propose(kId).ok() || !asColin.approve(kId).ok()
                || !TemplateStore(*db, rita).approve(kId).ok() || !TemplateStore(*db, ada).publish(kId).ok())
                qFatal("cannot publish the bundled template");
        }
        return location;
    }

    static test::CliRun as(const QString &db, const char *user, const QStringList &args)
    {
        return test::runCli(args, db, QString::fromLatin1(user),
                            QString::fromLatin1(user) + QStringLiteral("-password"));
    }

private slots:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QVERIFY2(backend != QLatin1String("postgresql") || !qEnvironmentVariable("COFORM_TEST_PG_URL").isEmpty(),
                 qPrintable(test::noPostgresMessage()));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_a = teamDatabase(true);
        m_b = teamDatabase(false);
    }

    void aPackageGoesFromOneTeamToAnotherOnTheCommandLine()
    {
        const QString file = m_dir->filePath(QStringLiteral("chc-review.coform"));
        // Nobody exports before the organisation is named; only admins name it.
        test::CliRun r =
            as(m_a, "ada", {QStringLiteral("package"), QStringLiteral("export"), kId, QStringLiteral("--out"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("name and code are not set")), qPrintable(r.err));
        r = as(m_a, "colin", words("package settings --name Colins --code C1"));
        QCOMPARE(r.exitCode, 5);
        r = as(m_a, "ada",
               {QStringLiteral("package"), QStringLiteral("settings"), QStringLiteral("--name"),
                QStringLiteral("Queen's Road Team"), QStringLiteral("--code"), QStringLiteral("QRL")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Organisation: Queen's Road Team")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Approvers' names in packages: no")));

        r = as(m_a, "colin", {QStringLiteral("package"), QStringLiteral("export"), kId, QStringLiteral("--out"), file});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(!QFile::exists(file));
        r = as(m_a, "ada", {QStringLiteral("package"), QStringLiteral("export"), kId, QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(file));
        r = as(m_a, "ada", words("package key"));
        QCOMPARE(r.exitCode, 0);
        const QString fingerprint = r.out.section(QLatin1Char('\n'), 0, 0).section(QStringLiteral(": "), 1);
        QCOMPARE(fingerprint.split(QLatin1Char(' ')).size(), 8);

        // Team B looks before anything changes.
        r = as(m_b, "colin", {QStringLiteral("package"), QStringLiteral("show"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Made by: Queen's Road Team (QRL)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Signature: valid")));
        QVERIFY(r.out.contains(fingerprint));
        QVERIFY(r.out.contains(QStringLiteral("Key: new")));
        QVERIFY(r.out.contains(QStringLiteral("a coproducer (lived experience)")));
        QVERIFY(r.out.contains(QStringLiteral("Importing: Importing adds 'chc-review' as a new shared draft")));
        r = as(m_b, "colin", words("template list"));
        QCOMPARE(r.out.trimmed(), QString());

        r = as(m_b, "colin", {QStringLiteral("package"), QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Imported 'chc-review' as a new shared draft")), qPrintable(r.out));
        r = as(m_b, "colin", words("template list"));
        QVERIFY(r.out.startsWith(kId));

        // The same package again changes nothing, and its key is now one seen before.
        r = as(m_b, "colin", {QStringLiteral("package"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Nothing changes")), qPrintable(r.out));
        r = as(m_b, "colin", {QStringLiteral("package"), QStringLiteral("show"), file});
        QVERIFY(r.out.contains(QStringLiteral("Key: seen here before, for Queen's Road Team")));

        // One byte changed: refused in words, exit code 2.
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        in.close();
        const qsizetype at = bytes.indexOf("\"payload\": \"") + 500;
        bytes[at] = bytes[at] == 'A' ? 'B' : 'A';
        const QString changed = m_dir->filePath(QStringLiteral("changed.coform"));
        QFile out(changed);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        r = as(m_b, "colin",
               {QStringLiteral("package"), QStringLiteral("import"), changed, QStringLiteral("--as"),
                QStringLiteral("another")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("changed after it was signed")), qPrintable(r.err));
        r = as(m_b, "colin", words("template list"));
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 1);

        // "About this form" from the package alone, for a board paper: one PDF page, and the form's HTML export
        // with the same words. A changed file gets neither.
        const QString aboutPdf = m_dir->filePath(QStringLiteral("about.pdf"));
        r = test::runCli({QStringLiteral("package"), QStringLiteral("about"), file, QStringLiteral("--out"), aboutPdf},
                         m_b);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile pdfFile(aboutPdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const test::ReadBack about = test::readBack(pdfFile.readAll());
        QCOMPARE(about.pages(), 1);
        QVERIFY2(about.all().contains(QStringLiteral("About this form")), qPrintable(about.all()));
        QVERIFY2(about.all().contains(QStringLiteral("Queen's Road Team"))
                     || about.all().contains(QStringLiteral("Queen’s Road Team")),
                 qPrintable(about.all()));
        const QString aboutHtml = m_dir->filePath(QStringLiteral("about.html"));
        r = test::runCli({QStringLiteral("package"), QStringLiteral("about"), file, QStringLiteral("--format"),
                          QStringLiteral("html"), QStringLiteral("--out"), aboutHtml},
                         m_b);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile htmlFile(aboutHtml);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(htmlFile.readAll());
        QVERIFY(html.contains(QStringLiteral("about-this-form")));
        QVERIFY(html.contains(QStringLiteral("Queen&#39;s Road Team"))
                || html.contains(QStringLiteral("Queen's Road Team")));
        QVERIFY2(html.count(QStringLiteral("<section aria-labelledby=\"s-")) > 3, "the form itself is exported too");
        r = test::runCli({QStringLiteral("package"), QStringLiteral("about"), changed, QStringLiteral("--out"),
                          m_dir->filePath(QStringLiteral("changed.pdf"))},
                         m_b);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("changed after it was signed")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("changed.pdf"))));

        // Team B's own change, against the origin, in the words of "What changed".
        r = as(m_b, "colin", words("template diff chc-review --origin"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("no changes")), qPrintable(r.out));
        {
            QString error;
            auto db = Database::open(m_b, &error);
            QVERIFY2(db, qPrintable(error));
            const Session colin =
                UserStore(*db).signIn(QStringLiteral("colin"), QStringLiteral("colin-password")).value();
            TemplateStore store(*db, colin);
            const Template draft = store.get(kId).value();
            const QString third = draft.allItems().at(2)->id;
            QVERIFY(store
                        .applyEdit(kId, Edit::setItemProperty(draft, third, QStringLiteral("label"),
                                                              QStringLiteral("What matters most to you now?")))
                        .ok());
            r = as(m_b, "colin", words("template diff chc-review --origin"));
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QStringLiteral("against version 1 of Queen's Road Team's 'chc-review'")),
                     qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("item %1: reworded (by colin)").arg(third)), qPrintable(r.out));
            QVERIFY(!r.out.contains(QStringLiteral("no changes")));
        }
        r = as(m_a, "ada", words("template diff chc-review --origin"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("was not imported from a form package")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPackage)
#include "tst_cli_package.moc"
