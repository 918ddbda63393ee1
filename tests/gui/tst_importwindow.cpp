// The import window as a person uses it: File > Import (Ctrl+I), a file typed into the file chooser, the report
// beside the new template (summary at the top, detail below), and a folder of value sets chosen from the report to
// import again with the answer lists.
#include "document/templatedocument.h"
#include "editor/importexportactions.h"
#include "editor/importreportdialog.h"
#include "mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace coform;

namespace {

/// Types `text` into the file chooser when it opens, then presses Enter, as a person would.
class ChooserTyper : public QObject
{
public:
    explicit ChooserTyper(QString text)
        : m_text(std::move(text))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog || m_done || !dialog->isVisible() || ++m_ticks < 6) // let it settle, as a person looks first
                return;
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!edit)
                return;
            m_done = true;
            edit->setFocus();
            QTest::keyClicks(edit, m_text);
            // Enter; while the completer's list is open, Enter goes to it first (and takes the path typed).
            for (int i = 0; i < 3 && dialog->isVisible(); ++i) {
                QWidget *popup = edit->completer() ? edit->completer()->popup() : nullptr;
                QTest::keyClick(popup && popup->isVisible() ? popup : static_cast<QWidget *>(edit), Qt::Key_Return);
                QCoreApplication::processEvents();
            }
        });
        m_timer.start(50);
    }
    bool done() const { return m_done; }

private:
    QString m_text;
    QTimer m_timer;
    bool m_done = false;
    int m_ticks = 0;
};

} // namespace

class TestImportWindow : public QObject
{
    Q_OBJECT

private slots:
    void importShowsTheReportAndTakesValueSetsFromAFolder()
    {
        MainWindow window;
        auto *actions = new ImportExportActions(&window);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // the shortcut goes to the active window
        QSignalSpy finished(actions, &ImportExportActions::importFinished);

        {
            ChooserTyper typer(QStringLiteral(COFORM_TEST_DATA_DIR "/import/case1-external.json"));
            QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(typer.done(), 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(window.document()->isOpen());
        QCOMPARE(window.document()->content().findItem("sleep")->type, ItemType::Text);

        ImportReportDialog *report = nullptr;
        QTRY_VERIFY((report = window.findChild<ImportReportDialog *>()) && report->isVisible());
        // The summary at the top says what changed for the person, in plain words; the detail is below.
        QVERIFY2(report->summaryText().contains(QLatin1String("2 questions lost their list of answers")),
                 qPrintable(report->summaryText()));
        QVERIFY(report->summaryText().contains(QLatin1String("Save it to keep it")));
        QVERIFY2(report->detailText().contains(QLatin1String("Answer lists and answers")),
                 qPrintable(report->detailText()));
        QVERIFY(!report->isModal()); // read beside the template

        // The person chooses the folder of value sets from the report: the form is imported again with them.
        auto *valueSets = report->findChild<QPushButton *>(QStringLiteral("importValueSets"));
        QVERIFY(valueSets && valueSets->isVisible());
        QVERIFY(!valueSets->accessibleName().isEmpty());
        {
            ChooserTyper typer(QStringLiteral(COFORM_TEST_DATA_DIR "/import/valuesets"));
            QTest::mouseClick(valueSets, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(typer.done(), 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        const Item *sleep = window.document()->content().findItem("sleep");
        QCOMPARE(sleep->type, ItemType::Choice);
        QCOMPARE(sleep->options.size(), 2);
        QCOMPARE(sleep->options[1].label, QStringLiteral("Badly"));
        QTRY_VERIFY(window.findChildren<ImportReportDialog *>().size() == 1);
        report = window.findChild<ImportReportDialog *>();
        QTRY_VERIFY(report->isVisible());
        QVERIFY2(report->summaryText().contains(QLatin1String("1 question lost its list of answers")),
                 qPrintable(report->summaryText()));
        if (qEnvironmentVariableIsSet("COFORM_SHOW_MS")) // to look at it on a real screen
            QTest::qWait(qEnvironmentVariableIntValue("COFORM_SHOW_MS"));
        QTest::keyClick(report, Qt::Key_Escape);
        QTRY_VERIFY(window.findChildren<ImportReportDialog *>().isEmpty());
    }
};

QTEST_MAIN(TestImportWindow)
#include "tst_importwindow.moc"
