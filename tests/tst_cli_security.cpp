// Private data and who saw it, through coform-cli as an attacker or a careless insider would use it: parallel
// guessing, names that look alike, device files as outputs, the audit trail of lists, searches, account changes and
// failed sign-ins, publishing alone, limits on answers, and messages that never repeat an answer. The whole class runs
// once per backend (SQLite always; PostgreSQL when the test script started a server).
#include "format/templateformat.h"
#include "store/database.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace coform;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const char *const AdaPassword = "ada-password";

/// The permission bits, as `stat` shows them (0600).
int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TestCliSecurity : public QObject
{
    Q_OBJECT

public:
    explicit TestCliSecurity(const QString &backend)
        : m_backend(backend)
    {}

private:
    QString m_backend;
    QTemporaryDir m_dir;
    QString m_db;

    QProcess *start(QStringList args, const QString &user, const QString &password, const QString &newPassword = {})
    {
        args << QStringLiteral("--db") << m_db;
        if (!user.isEmpty())
            args << QStringLiteral("--user") << user;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("COFORM_PASSWORD"));
        env.remove(QStringLiteral("COFORM_NEW_PASSWORD"));
        if (!password.isNull())
            env.insert(QStringLiteral("COFORM_PASSWORD"), password);
        if (!newPassword.isNull())
            env.insert(QStringLiteral("COFORM_NEW_PASSWORD"), newPassword);
        auto *p = new QProcess;
        p->setProcessEnvironment(env);
        p->start(qEnvironmentVariable("COFORM_CLI"), args);
        p->closeWriteChannel();
        return p;
    }

    static Run finish(QProcess *p)
    {
        std::unique_ptr<QProcess> owned(p);
        Run r;
        if (!p->waitForFinished(120000))
            return r;
        r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err = QString::fromUtf8(p->readAllStandardError());
        return r;
    }

    Run cli(const QStringList &args, const QString &user = {}, const QString &password = {},
            const QString &newPassword = {})
    {
        return finish(start(args, user, password, newPassword));
    }
    Run asAda(const QStringList &args, const QString &newPassword = {})
    {
        return cli(args, QStringLiteral("ada"), QLatin1String(AdaPassword), newPassword);
    }
    Run asRita(const QStringList &args) { return cli(args, QStringLiteral("rita"), QStringLiteral("rita-password")); }

    static QStringList words(const char *text) { return QString::fromUtf8(text).split(QLatin1Char(' ')); }

    /// Audit rows with this action (and, when given, this detail), read straight from the database.
    qint64 m_auditRows = 0, m_actionRows = 0;

    /// Audit rows with this action (every row when null; and, when given, this detail), read straight from the
    /// database.
    qint64 auditRows(const char *action, const QString &detail = {})
    {
        QString error;
        const std::unique_ptr<Database> db = Database::open(m_db, &error);
        if (!db) {
            qWarning("%s", qPrintable(error));
            return -1;
        }
        QSqlQuery q = db->query();
        const bool any = detail.isNull();
        const QString sql = !action ? QStringLiteral("SELECT count(*) FROM audit_log")
                            : any   ? QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?")
                                    : QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ? AND detail = ?");
        const QVariantList values = !action ? QVariantList{}
                                    : any   ? QVariantList{QString::fromLatin1(action)}
                                            : QVariantList{QString::fromLatin1(action), detail};
        if (!db->exec(q, sql, values, &error) || !q.next()) {
            qWarning("%s", qPrintable(error));
            return -1;
        }
        return q.value(0).toLongLong();
    }

    /// Every audit row's detail, to check that a search text never reaches the trail.
    QString allAuditDetails()
    {
        QString error;
        const std::unique_ptr<Database> db = Database::open(m_db, &error);
        QSqlQuery q = db->query();
        QStringList details;
        if (db->exec(q, QStringLiteral("SELECT detail FROM audit_log"), {}, &error)) {
            while (q.next())
                details.append(q.value(0).toString());
        }
        return details.join(QLatin1Char('\n'));
    }

    /// Every column of every audit row, as text.
    QString allAuditText()
    {
        QString error;
        const std::unique_ptr<Database> db = Database::open(m_db, &error);
        QSqlQuery q = db->query();
        QStringList rows;
        if (db->exec(q, QStringLiteral("SELECT * FROM audit_log"), {}, &error)) {
            while (q.next()) {
                for (int c = 0; c < q.record().count(); ++c)
                    rows.append(q.value(c).toString());
            }
        }
        return rows.join(QLatin1Char('\n'));
    }

    QString writeAnswers(const QString &fileName, const QMap<QString, QJsonValue> &values)
    {
        Answers answers;
        answers.templateId = QStringLiteral("chc-review");
        answers.values = values;
        const QString file = m_dir.filePath(fileName);
        QString error;
        if (!writeAnswersFile(answers, file, &error))
            qWarning("%s", qPrintable(error));
        return file;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("COFORM_CLI")), "COFORM_CLI must name the built coform-cli");
        QString error;
        m_db = test::freshDatabase(m_backend, m_dir, &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        Run r = cli(words("user add ada --role admin"), {}, {}, QLatin1String(AdaPassword));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = asAda(words("user add rita --role reviewer"), QStringLiteral("rita-password"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = asAda(words("demo --reviews 3"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void fortyParallelWrongSignInsLockTheAccount()
    {
        const qint64 failedBefore = auditRows("sign-in-failed");
        QVector<QProcess *> running;
        for (int i = 0; i < 40; ++i)
            running.append(start(words("template list"), QStringLiteral("rita"), QStringLiteral("guess-%1").arg(i)));
        int refused = 0;
        for (QProcess *p : running) {
            const Run r = finish(p);
            refused += r.exitCode == 5 && r.err.contains(QLatin1String("wrong name or password")) ? 1 : 0;
        }
        QCOMPARE(refused, 40);
        // The right password now meets a locked account, and only now is the lock told.
        const Run right = asRita(words("template list"));
        QCOMPARE(right.exitCode, 5);
        QVERIFY2(right.err.contains(QLatin1String("locked after 5 failed sign-ins")), qPrintable(right.err));
        // Every attempt is one audit row: the 40 guesses and the refused right password.
        QCOMPARE(auditRows("sign-in-failed") - failedBefore, 41);
        QCOMPARE(auditRows("sign-in-failed", QStringLiteral("wrong password; locked for 5 minutes")), 1);
        QCOMPARE(auditRows("sign-in-failed", QStringLiteral("wrong password")), 4);
        // An admin's password reset unlocks it.
        QCOMPARE(asAda(words("user password rita"), QStringLiteral("rita-password")).exitCode, 0);
        QCOMPARE(asRita(words("template list")).exitCode, 0);
    }

    void unknownNamesAndLockedOrDisabledAccountsTellNothingWithoutThePassword()
    {
        const Run unknown = cli(words("template list"), QStringLiteral("nobody"), QStringLiteral("some-password"));
        const Run wrong = cli(words("template list"), QStringLiteral("rita"), QStringLiteral("some-password"));
        QCOMPARE(unknown.exitCode, 5);
        QCOMPARE(wrong.exitCode, 5);
        QCOMPARE(unknown.err, wrong.err);
        QCOMPARE(asAda(words("user disable rita")).exitCode, 0);
        const Run disabledWrong = cli(words("template list"), QStringLiteral("rita"), QStringLiteral("some-password"));
        QCOMPARE(disabledWrong.err, wrong.err);
        const Run disabledRight = asRita(words("template list"));
        QCOMPARE(disabledRight.exitCode, 5);
        QVERIFY2(disabledRight.err.contains(QLatin1String("disabled")), qPrintable(disabledRight.err));
        QCOMPARE(asAda(words("user enable rita")).exitCode, 0);
    }

    void namesAreOneAccountWhateverTheirCaseOrWidth()
    {
        // "Ada" and full-width "ａｄａ" are the account "ada".
        QCOMPARE(cli(words("template list"), QStringLiteral("ADA"), QLatin1String(AdaPassword)).exitCode, 0);
        QCOMPARE(cli(words("template list"), QStringLiteral("ａｄａ"), QLatin1String(AdaPassword)).exitCode, 0);
        Run r = asAda({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("Ａｄａ"),
                       QStringLiteral("--role"), QStringLiteral("reviewer")},
                      QStringLiteral("another-password"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("already an account named 'ada'")), qPrintable(r.err));
        // A new name is stored in its normal form.
        r = asAda({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ｂｅｎ"), QStringLiteral("--role"),
                   QStringLiteral("reviewer")},
                  QStringLiteral("ben-password"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(asAda(words("user list")).out.contains(QLatin1String("ben\treviewer")), "stored as \"ben\"");
    }

    void weakPasswordsAreRefused()
    {
        for (const QString &password : {QStringLiteral("        "), QStringLiteral("password123"),
                                        QStringLiteral("Qwertyuiop"), QStringLiteral("short")}) {
            const Run r = asAda(words("user add eve --role reviewer"), password);
            QVERIFY2(r.exitCode == 2, qPrintable(password + QLatin1String(": ") + r.err));
        }
        QVERIFY(!asAda(words("user list")).out.contains(QLatin1String("eve")));
    }

    void listsSearchesAndAccountChangesAreAuditedOnceEach()
    {
        // Each command writes exactly one audit row in all, of its own action.
        auto once = [&](const char *action, const Run &r, int exitCode = 0) {
            return r.exitCode == exitCode && auditRows(nullptr) == m_auditRows + 1
                   && auditRows(action) == 1 + m_actionRows;
        };
        auto before = [&](const char *action) {
            m_auditRows = auditRows(nullptr);
            m_actionRows = auditRows(action);
        };
        before("list-people");
        Run r = asRita(words("person list"));
        QVERIFY(once("list-people", r));
        const int listed = int(r.out.count(QLatin1Char('\n')));
        QCOMPARE(auditRows("list-people", QStringLiteral("%1 rows").arg(listed)), 1);
        before("search-people");
        QVERIFY(once("search-people", asRita(words("person list --search Zebedee-Quux"))));
        before("list-reviews");
        QVERIFY(once("list-reviews", asRita(words("review list"))));
        before("search-reviews");
        QVERIFY(once("search-reviews", asRita(words("review list --search Zebedee-Quux"))));
        QVERIFY2(!allAuditDetails().contains(QLatin1String("Zebedee")), "a search text is never in the audit trail");

        before("add-account");
        QVERIFY(once("add-account", asAda(words("user add carl --role coproducer"), QStringLiteral("carl-password"))));
        before("disable-account");
        QVERIFY(once("disable-account", asAda(words("user disable carl"))));
        before("enable-account");
        QVERIFY(once("enable-account", asAda(words("user enable carl"))));
        before("change-role");
        QVERIFY(once("change-role", asAda(words("user role carl reviewer"))));
        before("change-password");
        QVERIFY(once("change-password", asAda(words("user password carl"), QStringLiteral("carl-new-password"))));
        before("sign-in-failed");
        QVERIFY(once("sign-in-failed",
                     cli(words("template list"), QStringLiteral("carl"), QStringLiteral("carl-password")), 5));
        // A name that matches no account: one row too, without an account and without anything that was typed.
        before("sign-in-failed");
        const qint64 unknownBefore = auditRows("sign-in-failed", QStringLiteral("unknown name"));
        QVERIFY(once("sign-in-failed",
                     cli(words("template list"), QStringLiteral("Zoe-Unknown-Person"), QStringLiteral("zoe-secret-9")),
                     5));
        QCOMPARE(auditRows("sign-in-failed", QStringLiteral("unknown name")) - unknownBefore, 1);
        const QString everything = allAuditText();
        QVERIFY2(!everything.contains(QLatin1String("zoe"), Qt::CaseInsensitive), qPrintable(everything.right(400)));
    }

    void outputsArePrivateAndDevicesAreRefused()
    {
        const qint64 exports = auditRows("export");
        // A link to a character device and a FIFO: refused in words, exit 2, left as they were, nothing audited.
        const QString link = m_dir.filePath(QStringLiteral("looks-like-a-file.pdf"));
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), link));
        struct stat before
        {
        };
        QCOMPARE(::stat("/dev/null", &before), 0);
        Run r =
            asRita({QStringLiteral("review"), QStringLiteral("pdf"), QStringLiteral("1"), QStringLiteral("-o"), link});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("is a link to a character device")), qPrintable(r.err));
        struct stat after
        {
        };
        QCOMPARE(::stat("/dev/null", &after), 0);
        QVERIFY(S_ISCHR(after.st_mode));
        QCOMPARE(after.st_mode, before.st_mode);
        QCOMPARE(after.st_rdev, before.st_rdev);
        QVERIFY(QFileInfo(link).isSymLink());
        const QString fifo = m_dir.filePath(QStringLiteral("pipe.pdf"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        r = asRita({QStringLiteral("review"), QStringLiteral("pdf"), QStringLiteral("1"), QStringLiteral("-o"), fifo});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("FIFO")), qPrintable(r.err));
        struct stat pipe
        {
        };
        QCOMPARE(::lstat(QFile::encodeName(fifo).constData(), &pipe), 0);
        QVERIFY(S_ISFIFO(pipe.st_mode));
        QCOMPARE(auditRows("export") - exports, 0);

        // A real export is 0600 and audited once, after it was written.
        for (const QString &format : {QStringLiteral("pdf"), QStringLiteral("html")}) {
            const QString out = m_dir.filePath(QStringLiteral("review.") + format);
            r = asRita({QStringLiteral("review"), QStringLiteral("pdf"), QStringLiteral("1"),
                        QStringLiteral("--format"), format, QStringLiteral("-o"), out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(modeOf(out), 0600);
        }
        QCOMPARE(auditRows("export") - exports, 2);
        const QString json = m_dir.filePath(QStringLiteral("template.json"));
        QCOMPARE(asRita({QStringLiteral("template"), QStringLiteral("get"), QStringLiteral("chc-review"),
                         QStringLiteral("-o"), json})
                     .exitCode,
                 0);
        QCOMPARE(modeOf(json), 0600);
    }

    void theDatabaseFileIsPrivate()
    {
        if (m_backend != QLatin1String("sqlite"))
            return; // a PostgreSQL server keeps its own files
        QString error;
        const std::unique_ptr<Database> db = Database::open(m_db, &error); // keeps the -wal and -shm open
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q = db->query();
        QVERIFY(db->exec(q, QStringLiteral("SELECT count(*) FROM users"), {}, &error));
        for (const QString &file : {m_db, m_db + QStringLiteral("-wal"), m_db + QStringLiteral("-shm")})
            QVERIFY2(modeOf(file) == 0600, qPrintable(QStringLiteral("%1: %2").arg(file).arg(modeOf(file), 0, 8)));
    }

    void publishingAloneIsRefused()
    {
        const QString bundled = QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
        Problems problems;
        Template t = readTemplateFile(bundled, &problems).value();
        t.id = QStringLiteral("solo-form");
        const QString file = m_dir.filePath(QStringLiteral("solo.json"));
        QString error;
        QVERIFY2(writeTemplateFile(t, file, &error), qPrintable(error));
        QCOMPARE(asAda({QStringLiteral("template"), QStringLiteral("add"), file}).exitCode, 0);
        QCOMPARE(asAda(words("template propose solo-form")).exitCode, 0);
        QCOMPARE(asAda(words("template approve solo-form")).exitCode, 0);
        // The admin makes a coproducer account, approves as it and disables it.
        QCOMPARE(asAda(words("user add sock --role coproducer"), QStringLiteral("sock-password")).exitCode, 0);
        QCOMPARE(
            cli(words("template approve solo-form"), QStringLiteral("sock"), QStringLiteral("sock-password")).exitCode,
            0);
        QCOMPARE(asAda(words("user disable sock")).exitCode, 0);
        const Run r = asAda(words("template publish solo-form"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QLatin1String("needs the approval of a coproducer"))
                     && r.err.contains(QLatin1String("the approval of 'sock' no longer counts: the account is "
                                                     "disabled")),
                 qPrintable(r.err));
        QVERIFY(asAda(words("template list")).out.contains(QLatin1String("solo-form\tversion 1 (proposed)")));
    }

    void aRefusedDemoChangesNothing()
    {
        const QString saved = m_db;
        m_db = test::freshDatabase(m_backend, m_dir);
        QVERIFY(cli(words("user add ada --role admin"), {}, {}, QLatin1String(AdaPassword)).exitCode == 0);
        QCOMPARE(asAda(words("user add colin --role coproducer"), QStringLiteral("colin-password")).exitCode, 0);
        const Run r = cli(words("demo --reviews 5"), QStringLiteral("colin"), QStringLiteral("colin-password"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QLatin1String("needs an admin")), qPrintable(r.err));
        QCOMPARE(asAda(words("template list")).out, QString());
        QVERIFY(!asAda(words("user list")).out.contains(QLatin1String("demo-coproducer")));
        QCOMPARE(asAda(words("review list")).out, QString());
        m_db = saved;
    }

    void answersHaveLimitsAndMessagesNeverRepeatThem()
    {
        const QString review = QStringLiteral("2");
        // 20,000 characters are stored; 20,001 are refused, saying by how much.
        const QString limit = writeAnswers(QStringLiteral("limit.json"),
                                           {{QStringLiteral("going-well"), QStringLiteral("kestrel ").repeated(2500)}});
        Run r =
            asRita({QStringLiteral("review"), QStringLiteral("answer"), review, QStringLiteral("--answers"), limit});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString over = writeAnswers(QStringLiteral("over.json"),
                                          {{QStringLiteral("going-well"), QString(20001, QLatin1Char('b'))}});
        r = asRita({QStringLiteral("review"), QStringLiteral("answer"), review, QStringLiteral("--answers"), over});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("1 over the limit of 20,000")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("bbbb")));
        // The longest answer still makes its PDF.
        const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        QElapsedTimer timer;
        timer.start();
        r = asRita({QStringLiteral("review"), QStringLiteral("pdf"), review, QStringLiteral("-o"), pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        // Read back: every one of the answer's 2,500 words is printed, none cut off.
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(file.readAll());
        QVERIFY(doc && !doc->isLocked());
        QString text;
        for (int i = 0; i < doc->numPages(); ++i)
            text += std::unique_ptr<Poppler::Page>(doc->page(i))->text(QRectF()) + QLatin1Char('\n');
        QCOMPARE(text.count(QLatin1String("kestrel")), 2500);
        qInfo("review with a 20,000-character answer: PDF in %lld ms (whole command)", timer.elapsed());

        // A wrong option is named by its question, never repeated.
        const QString secret = writeAnswers(
            QStringLiteral("secret.json"), {{QStringLiteral("review-type"), QStringLiteral("Jane Secret has dementia")},
                                            {QStringLiteral("full-name"), QStringLiteral("Jane\nForged line")}});
        r = asRita({QStringLiteral("review"), QStringLiteral("answer"), review, QStringLiteral("--answers"), secret});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.contains(QLatin1String("Secret")) && !r.err.contains(QLatin1String("Forged")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("not one of the options")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("must be one line")), qPrintable(r.err));

        // Control characters in a person's name, a raw NUL in JSON, a version below 1.
        r = asRita({QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"),
                    QStringLiteral("Eve\x1b[2J"), QStringLiteral("--nhs-number"), QStringLiteral("9434765919"),
                    QStringLiteral("--dob"), QStringLiteral("1950-03-04")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("the name holds")), qPrintable(r.err));
        QFile nul(m_dir.filePath(QStringLiteral("nul.json")));
        QVERIFY(nul.open(QIODevice::WriteOnly));
        QByteArray withNul("{\"format\": \"coform-answers/1\", \"template\": \"chc-review\", \"answers\": "
                           "{\"going-well\": \"a");
        withNul.append('\0');
        withNul.append("b\"}}");
        nul.write(withNul);
        nul.close();
        r = asRita(
            {QStringLiteral("review"), QStringLiteral("answer"), review, QStringLiteral("--answers"), nul.fileName()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("NUL")), qPrintable(r.err));
        r = asRita(words("review new --person 1 --template chc-review --version -3"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("1 or more")), qPrintable(r.err));
        QCOMPARE(asRita(words("review new --person 1 --template chc-review --version 0")).exitCode, 2);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    for (const QString &backend : test::backends()) {
        qInfo("Backend: %s", qPrintable(backend));
        TestCliSecurity test(backend);
        failed += QTest::qExec(&test, argc, argv);
    }
    return failed;
}

#include "tst_cli_security.moc"
