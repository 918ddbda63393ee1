// coform-cli package update FILE [--keep-mine | --take-theirs], run as a second process on SQLite and PostgreSQL:
// the plan in words, nothing changed without a choice when both sides changed the same thing (exit 3), the choice
// taken, and the same package again changes nothing.
#include "clirun.h"
#include "edit/edit.h"
#include "format/templateformat.h"
#include "store/database.h"
#include "store/packagestore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace coform;

namespace {

const QString Id = QStringLiteral("chc-review");

struct Team
{
    QTemporaryDir dir;
    QString location;
    std::unique_ptr<Database> db;
    std::optional<Session> ada, rita, colin;

    bool setUp(const QString &backend, const QString &organisation, const QString &code)
    {
        QString error;
        location = test::freshDatabase(backend, dir, &error);
        if (location.isEmpty() || !(db = Database::open(location, &error))) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        UserStore users(*db);
        ada = users.createFirstAdmin(QStringLiteral("ada"), QStringLiteral("ada-password")).value();
        users.addUser(*ada, QStringLiteral("rita"), Role::Reviewer, QStringLiteral("rita-password"));
        users.addUser(*ada, QStringLiteral("colin"), Role::Coproducer, QStringLiteral("colin-password"));
        rita = users.signIn(QStringLiteral("rita"), QStringLiteral("rita-password")).value();
        colin = users.signIn(QStringLiteral("colin"), QStringLiteral("colin-password")).value();
        return PackageStore(*db, *ada).setSettings({organisation, code, false}).ok();
    }

    TemplateStore store() const { return TemplateStore(*db, *colin); }

    bool relabel(const QString &itemId, const QString &label) const
    {
        const Template now = store().get(Id).value();
        return store().applyEdit(Id, Edit::setItemProperty(now, itemId, QStringLiteral("label"), label)).ok();
    }

    bool publish() const
    {
        return store().propose(Id).ok() && store().approve(Id).ok() && TemplateStore(*db, *rita).approve(Id).ok()
               && TemplateStore(*db, *ada).publish(Id).ok();
    }

    test::CliRun asColin(const QStringList &args) const
    {
        return test::runCli(args, location, QStringLiteral("colin"), QStringLiteral("colin-password"));
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

class TestCliPackageUpdate : public QObject
{
    Q_OBJECT

private slots:
    void updateFromTheCommandLine_data() { test::addBackendRows(); }
    void updateFromTheCommandLine()
    {
        QFETCH(QString, backend);
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("COFORM_CLI")), "COFORM_CLI must name the built coform-cli");
        Team a, b;
        QVERIFY(a.setUp(backend, QStringLiteral("Queen's Road Team"), QStringLiteral("QRL")));
        QVERIFY(b.setUp(backend, QStringLiteral("Riverside Team"), QStringLiteral("RVS")));
        Problems problems;
        const std::optional<Template> bundled =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(bundled);
        const QString q3 = question(*bundled, 3), q10 = question(*bundled, 10), q20 = question(*bundled, 20);
        QVERIFY(a.store().addTemplate(*bundled).ok());
        QVERIFY(a.publish());
        QVERIFY(PackageStore(*b.db, *b.ada).importNew(PackageStore(*a.db, *a.ada).exportPackage(Id).value()).ok());
        QVERIFY(b.relabel(q3, QStringLiteral("On what day is this review?")));
        QVERIFY(b.relabel(q10, QStringLiteral("Who is here today?")));
        QVERIFY(a.store().startDraft(Id).ok());
        QVERIFY(a.relabel(q10, QStringLiteral("Who is taking part?")));
        QVERIFY(a.relabel(q20, QStringLiteral("Their registration number, if they have one")));
        QVERIFY(a.publish());
        const QString file = b.dir.filePath(QStringLiteral("chc-review-2.coform"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(PackageStore(*a.db, *a.ada).exportPackage(Id).value());
        }
        const QStringList update{QStringLiteral("package"), QStringLiteral("update"), file};
        const int logBefore = int(b.store().history(Id)->size());

        // Without a choice: the plan in words, and nothing changed.
        test::CliRun r = b.asColin(update);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QLatin1String("It applies 1 of their changes")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Changes the words of question 20")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String(
                     "You and they both changed 1 thing:\n  - the words of question 10 (Who is here today?)")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Yours:  Who is here today?")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Theirs: Who is taking part?")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("You changed the words of question 3 (On what day is this review?)")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("nothing was changed")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("--keep-mine")) && r.err.contains(QLatin1String("--take-theirs")),
                 qPrintable(r.err));
        QCOMPARE(b.store().history(Id)->size(), logBefore);
        QCOMPARE(b.store().get(Id)->findItem(q20)->label, bundled->findItem(q20)->label);

        // Both choices at once is bad usage.
        QCOMPARE(
            b.asColin(update + QStringList{QStringLiteral("--keep-mine"), QStringLiteral("--take-theirs")}).exitCode,
            1);

        // Taking theirs.
        r = b.asColin(update + QStringList{QStringLiteral("--take-theirs")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("needs the usual approval")), qPrintable(r.out));
        const Template merged = b.store().get(Id).value();
        QCOMPARE(merged.findItem(q10)->label, QStringLiteral("Who is taking part?"));
        QCOMPARE(merged.findItem(q20)->label, QStringLiteral("Their registration number, if they have one"));
        QCOMPARE(merged.findItem(q3)->label, QStringLiteral("On what day is this review?"));
        QCOMPARE(b.store().history(Id)->size(), logBefore + 2);

        // The same package again changes nothing, and says so.
        r = b.asColin(update + QStringList{QStringLiteral("--keep-mine")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Nothing changes")), qPrintable(r.out));
        QCOMPARE(b.store().history(Id)->size(), logBefore + 2);

        // A damaged file is refused in words.
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        QByteArray bytes = damaged.readAll();
        bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'A' ? 'B' : 'A';
        damaged.seek(0);
        damaged.write(bytes);
        damaged.close();
        r = b.asColin(update);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.isEmpty(), "a refusal in words");
    }
};

QTEST_GUILESS_MAIN(TestCliPackageUpdate)
#include "tst_cli_package_update.moc"
