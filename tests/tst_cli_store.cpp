// coform-cli's database commands over a real SQLite file and, when the test script started one, a PostgreSQL server:
// user, template and review, with DESIGN.md's exit codes. The whole class runs once per backend.
#include "clirun.h"
#include "format/templateformat.h"
#include "testdatabase.h"

#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace coform;

namespace {

using Run = test::CliRun;

} // namespace

class TestCliStore : public QObject
{
    Q_OBJECT

public:
    explicit TestCliStore(const QString &backend)
        : m_backend(backend)
    {}

private:
    QString m_backend;
    QTemporaryDir m_dir;
    QString m_db;

    /// Runs coform-cli as `user` (password from COFORM_PASSWORD) with --db; stdin is closed, so nothing can wait for
    /// a typed password.
    Run cli(const QStringList &args, const QString &user = {}, const QString &password = {},
            const QString &newPassword = {})
    {
        return test::runCli(args, m_db, user, password, newPassword);
    }

    Run asAda(const QStringList &args) { return cli(args, QStringLiteral("ada"), QStringLiteral("ada-password")); }
    Run asRita(const QStringList &args) { return cli(args, QStringLiteral("rita"), QStringLiteral("rita-password")); }
    Run asColin(const QStringList &args)
    {
        return cli(args, QStringLiteral("colin"), QStringLiteral("colin-password"));
    }

    static QStringList words(const char *text) { return QString::fromUtf8(text).split(QLatin1Char(' ')); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("COFORM_CLI")), "COFORM_CLI must name the built coform-cli");
        QString error;
        m_db = test::freshDatabase(m_backend, m_dir, &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    }

    void theFirstAccountIsAnAdminAndNeedsNoSignIn()
    {
        const QString saved = m_db;
        m_db = test::freshDatabase(m_backend, m_dir);
        QVERIFY(!m_db.isEmpty());
        Run r = cli(words("user add colin --role coproducer"), {}, {}, QStringLiteral("colin-password"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("first account must be an admin")), qPrintable(r.err));
        m_db = saved;

        r = cli(words("user add ada --role admin"), {}, {}, QStringLiteral("ada-password"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Once there is an account, adding one needs an admin's sign-in.
        r = cli(words("user add eve --role admin"), {}, {}, QStringLiteral("eve-password"));
        QCOMPARE(r.exitCode, 1);
        r = cli(words("user add eve --role admin"), QStringLiteral("ada"), QStringLiteral("wrong-password"),
                QStringLiteral("eve-password"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY(cli(words("user add rita --role reviewer"), QStringLiteral("ada"), QStringLiteral("ada-password"),
                    QStringLiteral("rita-password"))
                    .exitCode
                == 0);
        QVERIFY(cli(words("user add colin --role coproducer"), QStringLiteral("ada"), QStringLiteral("ada-password"),
                    QStringLiteral("colin-password"))
                    .exitCode
                == 0);
        r = cli(words("user add colin --role reviewer"), QStringLiteral("ada"), QStringLiteral("ada-password"),
                QStringLiteral("colin-password"));
        QCOMPARE(r.exitCode, 3);
        r = cli(words("user add bob --role boss"), QStringLiteral("ada"), QStringLiteral("ada-password"));
        QCOMPARE(r.exitCode, 1);

        r = asAda(words("user list"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);
        QVERIFY(r.out.contains(QStringLiteral("colin\tcoproducer\tenabled")));
        QCOMPARE(asColin(words("user list")).exitCode, 5);
    }

    void publishingNeedsBothRoles()
    {
        const QString bundled = QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
        Run r = asColin({QStringLiteral("template"), QStringLiteral("add"), bundled});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(asColin({QStringLiteral("template"), QStringLiteral("add"), bundled}).exitCode, 3);
        QCOMPARE(asColin(words("template get no-such-template")).exitCode, 4);
        QCOMPARE(asColin(words("template propose chc-review")).exitCode, 0);
        QCOMPARE(asRita(words("template approve chc-review")).exitCode, 0);
        r = asAda(words("template publish chc-review"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("not permitted")) && r.err.contains(QStringLiteral("coproducer")),
                 qPrintable(r.err));
        QCOMPARE(asColin(words("template approve chc-review")).exitCode, 0);
        QCOMPARE(asRita(words("template publish chc-review")).exitCode, 5);
        r = asAda(words("template publish chc-review"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        QCOMPARE(asColin(words("template draft chc-review")).exitCode, 0);
        QCOMPARE(asColin(words("template draft chc-review")).exitCode, 3);

        // A file edited outside Coform comes into the draft as attributed edits.
        Problems readProblems;
        Template edited = readTemplateFile(bundled, &readProblems).value();
        const QString reworded = edited.sections[0].items[0].id;
        edited.sections[0].items[0].label = QStringLiteral("We check your care is still right for you.");
        const QString removed = edited.sections.last().items.takeLast().id;
        const QString editedPath = m_dir.filePath(QStringLiteral("edited.json"));
        QString writeError;
        QVERIFY2(writeTemplateFile(edited, editedPath, &writeError), qPrintable(writeError));
        r = asColin({QStringLiteral("template"), QStringLiteral("update"), QStringLiteral("chc-review"), editedPath,
                     QStringLiteral("--note"), QStringLiteral("From the March meeting")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = asRita(words("template diff chc-review 1 2"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("item %1: reworded (by colin)").arg(reworded)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("item %1: removed (by colin)").arg(removed)), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("note by colin: From the March meeting")));
        // The history of one item finds the change although it touched several.
        r = asRita({QStringLiteral("template"), QStringLiteral("history"), QStringLiteral("chc-review"),
                    QStringLiteral("--item"), removed});
        QVERIFY2(r.out.contains(QStringLiteral("colin\tUpdated from edited.json")), qPrintable(r.out));
        QCOMPARE(
            asColin({QStringLiteral("template"), QStringLiteral("update"), QStringLiteral("chc-review"), editedPath})
                .out.trimmed(),
            QStringLiteral("chc-review: no changes"));
        r = asRita(words("template list"));
        QVERIFY2(r.out.startsWith(QStringLiteral("chc-review\tversion 2 (draft)\tpublished: 1\t")), qPrintable(r.out));
        QVERIFY(asRita(words("template history chc-review"))
                    .out.contains(QStringLiteral("colin\tUpdated from edited.json")));

        const QString out = m_dir.filePath(QStringLiteral("v1.json"));
        QCOMPARE(asRita({QStringLiteral("template"), QStringLiteral("get"), QStringLiteral("chc-review"),
                         QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("-o"), out})
                     .exitCode,
                 0);
        Problems problems;
        const auto got = readTemplateFile(out, &problems);
        const auto original = readTemplateFile(bundled, &problems);
        QVERIFY(got && original);
        QCOMPARE(*got, *original);

        const QString pdf = m_dir.filePath(QStringLiteral("what-changed.pdf"));
        r = asColin({QStringLiteral("template"), QStringLiteral("diff"), QStringLiteral("chc-review"),
                     QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("-o"), pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdf);
        QVERIFY(doc);
        const QString text = std::unique_ptr<Poppler::Page>(doc->page(0))->text(QRectF()).simplified();
        QVERIFY2(text.contains(QStringLiteral("What changed")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("We check your care is still right for you.")));
        QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
        QCOMPARE(asColin(words("template diff chc-review 1 9")).exitCode, 4);
    }

    void aCoproducerCannotReadReviews()
    {
        Run r = asColin(words("review show 1"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("not permitted")), qPrintable(r.err));
        QCOMPARE(asColin(words("review list")).exitCode, 5);
        // A reviewer may: there is simply no review 1 yet.
        QCOMPARE(asRita(words("review show 1")).exitCode, 4);
    }

    void aDisabledAccountCannotSignIn()
    {
        QCOMPARE(asRita(words("user disable colin")).exitCode, 5);
        QCOMPARE(asAda(words("user disable colin")).exitCode, 0);
        QCOMPARE(asColin(words("template list")).exitCode, 5);
        QCOMPARE(asAda(words("user enable colin")).exitCode, 0);
        QCOMPARE(asColin(words("template list")).exitCode, 0);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int failed = 0;
    for (const QString &backend : test::backends()) {
        qInfo("Backend: %s", qPrintable(backend));
        TestCliStore test(backend);
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}

#include "tst_cli_store.moc"
