// The window keeps its hold on the SQLite database while file dialogs look at the folder that holds it.
//
// POSIX locks belong to a process and a file: closing any descriptor of the database file, anywhere in the process,
// drops every lock SQLite holds on it. A file dialog that opens the database (or its -wal and -shm files) to guess
// their type would do exactly that; another program closing the database would then think it was the last one,
// check the write-ahead log into the file and delete it under the window, whose next edits nobody else would see.
// This test opens and cancels every file dialog of the main window in the database's folder, then checks that the
// window still holds its locks, lets a second process write and checkpoint, and has a third process read the window's
// next edit.
#include "editor/importexportactions.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/sharedworkspace.h"

#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QTextEdit>
#include <QTimer>
#include <QtTest>

#include <optional>

#include <sys/stat.h>
#include <unistd.h>

using namespace coform;
using coform::test::PanelFixture;

namespace {

/// The POSIX locks this process holds on `path`, as /proc/locks lists them ("READ", "WRITE"...).
QStringList locksHeldOn(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    const QString inode = QStringLiteral(":%1").arg(quint64(info.st_ino));
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return {QStringLiteral("(no /proc/locks)")};
    QStringList held;
    const QString pid = QString::number(::getpid());
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QStringList fields = QString::fromLatin1(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // "1: POSIX  ADVISORY  READ 1234 08:01:5678 1073741826 1073742335"
        if (fields.size() >= 6 && fields.at(1) == QLatin1String("POSIX") && fields.at(4) == pid
            && fields.at(5).endsWith(inode))
            held.append(fields.at(3));
    }
    return held;
}

/// Runs the co-editing helper as another process; its standard output, or nothing when it failed.
std::optional<QString> runWorker(const QString &database, const QStringList &args)
{
    QProcess worker;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("COFORM_PASSWORD"), QStringLiteral("priya-password"));
    worker.setProcessEnvironment(environment);
    worker.start(qEnvironmentVariable("COFORM_COEDIT_WORKER"),
                 QStringList{database, QStringLiteral("Priya"), QString::fromLatin1(PanelFixture::TemplateId)} + args);
    if (!worker.waitForFinished(30000) || worker.exitStatus() != QProcess::NormalExit || worker.exitCode() != 0) {
        qWarning() << "worker failed:" << worker.exitCode() << worker.readAllStandardError();
        return std::nullopt;
    }
    return QString::fromUtf8(worker.readAllStandardOutput()).trimmed();
}

} // namespace

class TestDatabaseLocks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        PanelFixture::setUpApplication();
        QVERIFY2(!qEnvironmentVariableIsEmpty("COFORM_COEDIT_WORKER"), "run through ctest: the helper is needed");
        QVERIFY2(QFile::exists(QStringLiteral("/proc/locks")), "the lock check needs Linux's /proc/locks");
    }

    void fileDialogsLeaveTheDatabaseLocked()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        const QString folder = f.dir->path();
        // The folder holds a template file too, as a person's folder would.
        QString error;
        QVERIFY2(writeTemplateFile(PanelFixture::bundled(), f.dir->filePath(QStringLiteral("chc-review.json")), &error),
                 qPrintable(error));
        QSettings().setValue(QStringLiteral("files/lastFolder"), folder);
        QVERIFY(QDir::setCurrent(folder));

        std::unique_ptr<Database> connection = f.openAnother();
        QVERIFY(connection);
        MainWindow window;
        new ImportExportActions(&window);
        auto workspace = std::make_unique<SharedWorkspace>(&window, *connection, *f.colin);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(workspace->openStoredTemplate(QString::fromLatin1(PanelFixture::TemplateId)));
        // Drop the fixture's own connection: the window's is the one whose locks count.
        f.db.reset();
        QVERIFY2(!locksHeldOn(f.path).isEmpty(), "the window should hold a lock on the database file");

        // Every file dialog of the window, through its shortcut (or its menu's keys), cancelled once it has listed
        // the folder.
        struct Opening
        {
            const char *what;
            std::function<void()> press;
        };
        const QList<Opening> dialogs = {
            {"Open template file (Ctrl+O)", [&] { QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier); }},
            {"Save as (Ctrl+Shift+S)",
             [&] { QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier); }},
            {"Import a form (Ctrl+I)", [&] { QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier); }},
            {"Save the printed form as PDF (Ctrl+E)",
             [&] {
                 // Once the preview has made the PDF (before that, the window says it is not ready yet).
                 auto *status = window.findChild<QLabel *>(QStringLiteral("previewStatusBar"));
                 QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("pages")), 30000);
                 QTest::qWait(1000);
                 QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
             }},
            {"Export as FHIR (File menu, E)",
             [&] {
                 QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
                 auto *menu = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
                 QTRY_VERIFY(menu->isVisible());
                 QTest::keyClick(menu, Qt::Key_E);
             }},
        };
        for (const Opening &opening : dialogs) {
            bool cancelled = false;
            QStringList listed;
            int ticks = 0;
            QTimer cancel;
            cancel.setInterval(20);
            connect(&cancel, &QTimer::timeout, this, [&] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                if (!dialog || cancelled)
                    return;
                if (++ticks < 25) // half a second: the dialog lists the folder in the background
                    return;
                listed = dialog->directory().entryList(QDir::Files);
                cancelled = true;
                QTest::keyClick(dialog, Qt::Key_Escape);
            });
            cancel.start();
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            opening.press();
            QTRY_VERIFY2_WITH_TIMEOUT(
                cancelled && !QApplication::activeModalWidget(),
                qPrintable(QStringLiteral("%1: %2 %3")
                               .arg(QLatin1String(opening.what))
                               .arg(cancelled)
                               .arg(QApplication::activeModalWidget() ? QApplication::activeModalWidget()->windowTitle()
                                                                      : QString())),
                10000);
            cancel.stop();
            QVERIFY2(listed.contains(QFileInfo(f.path).fileName()),
                     qPrintable(QStringLiteral("%1 did not show the database's folder").arg(opening.what)));
            QVERIFY2(!locksHeldOn(f.path).isEmpty(),
                     qPrintable(QStringLiteral("after %1 the window holds no lock on the database").arg(opening.what)));
        }

        // Another program writes, checkpoints and closes; the window's next edit, typed, is there for everyone at once.
        const QString itemId = PanelFixture::questionId(window.document()->content(), 1);
        const QString priyasItem = PanelFixture::questionId(window.document()->content(), 3);
        QVERIFY(runWorker(f.path, {QStringLiteral("checkpoint"), priyasItem, QStringLiteral("Priya's words")}));
        // The window sees her change (through its change feed).
        QTRY_COMPARE_WITH_TIMEOUT(window.document()->content().findItem(priyasItem)->label,
                                  QStringLiteral("Priya's words"), 5000);
        QVERIFY(window.selectId(itemId));
        auto *words = window.findChild<QTextEdit *>(QStringLiteral("propertyText"));
        QVERIFY(words);
        words->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(words, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(words, QStringLiteral(" today"));
        const QString expected = window.document()->content().findItem(itemId)->label;
        QVERIFY(expected.endsWith(QStringLiteral(" today")));
        QCOMPARE(runWorker(f.path, {QStringLiteral("read"), itemId, QStringLiteral("-")}).value_or(QString()),
                 expected);
        workspace.reset();
    }
};

QTEST_MAIN(TestDatabaseLocks)
#include "tst_databaselocks.moc"
