// Nothing typed into a template file is lost on a crash. A copy of this test is run as a child: it opens a template
// file in the window, changes a question's words, waits until the change is kept for recovery, says so and waits to be
// killed (SIGKILL, no chance to clean up). The parent then finds the kept change, brings it back into a window, and
// checks that the file itself was never touched.
#include "document/draftrecovery.h"
#include "mainwindow.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QUndoStack>
#include <QtTest>

using namespace coform;

namespace {
const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");
const QString kTyped = QStringLiteral("What kind of review is this, in your words?");

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The child: edit, wait for the copy, say where it is, wait to be killed.
int runChild(const QString &path)
{
    MainWindow w;
    w.show();
    if (!w.openTemplateFile(path) || !w.selectId(QStringLiteral("review-type")))
        return 3;
    w.draftRecovery()->setDelay(50);
    w.findChild<QTextEdit *>(QStringLiteral("propertyText"))->setPlainText(kTyped);
    QElapsedTimer waited;
    waited.start();
    while (w.draftRecovery()->draftFile().isEmpty() || !QFile::exists(w.draftRecovery()->draftFile())) {
        if (waited.elapsed() > 20000)
            return 4;
        QTest::qWait(20);
    }
    QTextStream(stdout) << "KEPT " << w.draftRecovery()->draftFile() << Qt::endl;
    for (;;)
        QTest::qWait(1000);
}
} // namespace

class TestDraftRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Nothing left over from an earlier run.
        for (const RecoverableDraft &draft : DraftRecovery::find())
            DraftRecovery::discard(draft);
    }

    void changesSurviveAKill()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("our-form.json"));
        QVERIFY(QFile::copy(kSmall, path));
        const QByteArray before = fileBytes(path);

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_RECOVERY_CHILD"), path);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QElapsedTimer waited;
        waited.start();
        while (!output.contains('\n') && waited.elapsed() < 60000) {
            QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(output.startsWith("KEPT "), output.constData());
        child.kill(); // SIGKILL: no destructor runs, nothing is cleaned up
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // The file itself was never written.
        QCOMPARE(fileBytes(path), before);
        // The change is there to recover, for that file.
        const QVector<RecoverableDraft> drafts = DraftRecovery::find();
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().path, path);
        QCOMPARE(drafts.first().title, QStringLiteral("Small review for testing"));
        QVERIFY(drafts.first().changedAt.secsTo(QDateTime::currentDateTimeUtc()) < 120);

        MainWindow w;
        QString error;
        QVERIFY2(DraftRecovery::recover(drafts.first(), w.document(), &error), qPrintable(error));
        QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->label, kTyped);
        QCOMPARE(w.document()->path(), path);
        QVERIFY(w.document()->isModified()); // still to be saved
        QVERIFY(DraftRecovery::find().isEmpty());
        // Saving it writes the file and leaves nothing to recover.
        QVERIFY(w.saveTemplateFile(path));
        QVERIFY(!w.document()->isModified());
        QVERIFY(fileBytes(path).contains(kTyped.toUtf8()));
        QVERIFY(DraftRecovery::find().isEmpty());
    }

    void aRunningWindowsChangesAreNotOfferedElsewhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("our-form.json"));
        QVERIFY(QFile::copy(kSmall, path));
        MainWindow w;
        QVERIFY(w.openTemplateFile(path));
        QVERIFY(w.selectId(QStringLiteral("review-type")));
        w.findChild<QTextEdit *>(QStringLiteral("propertyText"))->setPlainText(kTyped);
        QVERIFY(w.draftRecovery()->writeNow());
        const QString kept = w.draftRecovery()->draftFile();
        QVERIFY(QFile::exists(kept));
        QVERIFY(DraftRecovery::find().isEmpty()); // this Coform holds it

        // Undoing back to the saved words needs no copy any more.
        w.document()->undoStack()->undo();
        QVERIFY(!w.document()->isModified());
        QVERIFY(!QFile::exists(kept));
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString childPath = qEnvironmentVariable("COFORM_RECOVERY_CHILD");
    if (!childPath.isEmpty())
        return runChild(childPath);
    TestDraftRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_draftrecovery.moc"
