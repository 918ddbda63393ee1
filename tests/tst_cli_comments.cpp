// coform-cli's comment commands (comment, comments, resolve) and publishing over open comments with a reason, and
// with out-of-date translations with a reason of their own (--translations-reason), with DESIGN.md's exit codes, on
// SQLite and on PostgreSQL (COFORM_TEST_PG_URL; without it the PostgreSQL run fails).
#include "clirun.h"
#include "testdatabase.h"

#include "format/templateformat.h"
#include "model/translationstamps.h"

#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace coform;

namespace {
using Run = test::CliRun;
} // namespace

class TestCliComments : public QObject
{
    Q_OBJECT

public:
    explicit TestCliComments(const QString &backend)
        : m_backend(backend)
    {}

private:
    QString m_backend;
    QTemporaryDir m_dir;
    QString m_db;

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
        QCOMPARE(cli(words("user add ada --role admin"), {}, {}, QStringLiteral("ada-password")).exitCode, 0);
        QCOMPARE(cli(words("user add rita --role reviewer"), QStringLiteral("ada"), QStringLiteral("ada-password"),
                     QStringLiteral("rita-password"))
                     .exitCode,
                 0);
    }

    void commentReplyResolveAndPublishWithAReason()
    {
        const QString file = QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
        QCOMPARE(cli(words("user add colin --role coproducer"), QStringLiteral("ada"), QStringLiteral("ada-password"),
                     QStringLiteral("colin-password"))
                     .exitCode,
                 0);
        QCOMPARE(asColin({QStringLiteral("template"), QStringLiteral("add"), file}).exitCode, 0);
        const QString item = QStringLiteral("review-type");

        // A comment on a question prints its number; one on a question that does not exist is refused (4), one
        // without words is bad usage (1).
        Run r = asColin({QStringLiteral("template"), QStringLiteral("comment"), QStringLiteral("chc-review"),
                         QStringLiteral("--item"), item, QStringLiteral("--text"),
                         QStringLiteral("Say which review in plain words?")});
        QCOMPARE(r.exitCode, 0);
        const QString first = r.out.trimmed();
        QVERIFY2(first.toLongLong() > 0, qPrintable(r.out + r.err));
        r = asColin({QStringLiteral("template"), QStringLiteral("comment"), QStringLiteral("chc-review"),
                     QStringLiteral("--item"), QStringLiteral("no-such-question"), QStringLiteral("--text"),
                     QStringLiteral("Hello")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("has no question 'no-such-question'")), qPrintable(r.err));
        QCOMPARE(asColin(words("template comment chc-review --item review-type")).exitCode, 1);

        // A second one on the whole template; a reply to the first.
        r = asColin({QStringLiteral("template"), QStringLiteral("comment"), QStringLiteral("chc-review"),
                     QStringLiteral("--text"), QStringLiteral("Too long overall")});
        QCOMPARE(r.exitCode, 0);
        const QString second = r.out.trimmed();
        r = asRita({QStringLiteral("template"), QStringLiteral("comment"), QStringLiteral("chc-review"),
                    QStringLiteral("--reply-to"), first, QStringLiteral("--text"), QStringLiteral("Good idea")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.trimmed().toLongLong() > second.toLongLong());

        r = asRita(words("template comments chc-review --open"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(first + QStringLiteral("\tquestion review-type\topen")), qPrintable(r.out));
        QVERIFY(r.out.contains(second + QStringLiteral("\tthe whole template\topen")));
        QVERIFY(r.out.contains(QStringLiteral("\trita\t")) && r.out.contains(QStringLiteral("\tGood idea")));

        // Proposed and approved by both; publishing with open comments is refused in words (conflict, 3).
        QCOMPARE(asColin(words("template propose chc-review")).exitCode, 0);
        QCOMPARE(asColin(words("template approve chc-review")).exitCode, 0);
        QCOMPARE(asRita(words("template approve chc-review")).exitCode, 0);
        r = asAda(words("template publish chc-review"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("2 comments are still open")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Not changed, and why")));

        // One is resolved with a reason; the other is covered by the reason given when publishing.
        r = asRita({QStringLiteral("template"), QStringLiteral("resolve"), QStringLiteral("chc-review"), second,
                    QStringLiteral("--reason"), QStringLiteral("Every question is needed by the framework")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(asRita(words("template resolve chc-review 99999")).exitCode, 4);
        r = asAda(words("template comments chc-review --open"));
        QVERIFY(!r.out.contains(QStringLiteral("whole template")));
        r = asAda({QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("chc-review"),
                   QStringLiteral("--reason"), QStringLiteral("Names stay as on NHS letters")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("published")), qPrintable(r.out + r.err));

        r = asColin(words("template comments chc-review"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(first + QStringLiteral("\tquestion review-type\tresolved by ada on ")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("not changed because: Names stay as on NHS letters")));
        QVERIFY(r.out.contains(QStringLiteral("not changed because: Every question is needed by the framework")));
        QCOMPARE(asColin(words("template comments chc-review --open")).out, QString());
    }

    /// A version whose Welsh the English moved on from is refused (conflict, 3) in words, saying how to publish it
    /// as it is; --translations-reason publishes it and the diff lists the reason under "not changed".
    void publishingWithOutOfDateWelshNeedsATranslationsReason()
    {
        // A form whose Welsh of one question was made from an older English wording.
        Problems problems;
        std::optional<Template> t =
            readTemplateFile(QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json"), &problems);
        QVERIFY(t);
        t->id = QStringLiteral("welsh-form");
        const QMap<QString, int> numbers = t->questionNumbers();
        int number = 0;
        for (const Item *item : t->allItems()) {
            if (number == 0 && numbers.value(item->id) > 0
                && !item->translations.value(QStringLiteral("cy")).label.isEmpty()) {
                number = numbers.value(item->id);
                t->findItem(item->id)->translations[QStringLiteral("cy")].madeFrom.insert(
                    QStringLiteral("label"), TranslationStamps::stamp(QStringLiteral("An older English wording")));
            }
        }
        QVERIFY(number > 0);
        const QString file = m_dir.filePath(QStringLiteral("welsh-form.json"));
        QString error;
        QVERIFY2(writeTemplateFile(*t, file, &error), qPrintable(error));
        QCOMPARE(asColin({QStringLiteral("template"), QStringLiteral("add"), file}).exitCode, 0);
        QCOMPARE(asColin(words("template propose welsh-form")).exitCode, 0);
        QCOMPARE(asColin(words("template approve welsh-form")).exitCode, 0);
        QCOMPARE(asRita(words("template approve welsh-form")).exitCode, 0);

        Run r = asAda(words("template publish welsh-form"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("The Welsh of question %1 is out of date: the English changed after it "
                                               "was translated.")
                                    .arg(number)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("template publish welsh-form --translations-reason")),
                 qPrintable(r.err));
        // The reason for comments is not a reason for the translations.
        QCOMPARE(asAda({QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("welsh-form"),
                        QStringLiteral("--reason"), QStringLiteral("No comments are open")})
                     .exitCode,
                 3);
        QCOMPARE(asAda(words("template publish welsh-form --translations-reason")).exitCode, 1);

        const QString reason = QStringLiteral("The translator checks the Welsh at the next meeting");
        r = asAda({QStringLiteral("template"), QStringLiteral("publish"), QStringLiteral("welsh-form"),
                   QStringLiteral("--translations-reason"), reason});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("welsh-form version 1 published")), qPrintable(r.out + r.err));
        r = asColin(words("template diff welsh-form 0 1"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("not changed: version 1: The Welsh of question %1 was not brought up to "
                                               "date: %2 (ada)")
                                    .arg(number)
                                    .arg(reason)),
                 qPrintable(r.out.right(600)));
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
        TestCliComments test(backend);
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}

#include "tst_cli_comments.moc"
