// Translations that the English has moved on from. A form whose Welsh question is stamped: changing the question's
// English wording (typed) marks its Welsh out of date in the model, in the details panel's translation table (with
// "Welsh still right" under it), in the coverage panel's count, in `coform-cli check` and in the draft's bilingual
// PDF (read back with Poppler). "Welsh still right" clears it as one step to undo. An admin publishing a version with
// out-of-date Welsh from the menu, by keys, is asked (StaleTranslationsDialog), and the reason typed there is kept and
// is in the "What changed" PDF under "Not changed, and why".
#include "editor/coveragepanel.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/diffview.h"
#include "shared/sharedworkspace.h"
#include "shared/staletranslationsdialog.h"

#include "format/templateformat.h"
#include "model/translationstamps.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <poppler-qt6.h>

using namespace coform;

namespace {

const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");

std::pair<int, QString> runCli(const QStringList &args)
{
    QProcess cli;
    cli.start(qEnvironmentVariable("COFORM_CLI"), args);
    cli.waitForFinished(60000);
    return {cli.exitCode(), QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError())};
}

/// The text of every page of the bilingual blank form of the file, as Poppler reads it.
QString bilingualPdfText(const QString &file, const QString &pdfPath)
{
    const auto rendered = runCli({QStringLiteral("render"), file, QStringLiteral("--lang"), QStringLiteral("en+cy"),
                                  QStringLiteral("-o"), pdfPath});
    if (rendered.first != 0)
        return QStringLiteral("render failed: ") + rendered.second;
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdfPath);
    if (!doc)
        return QStringLiteral("the PDF does not load");
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(doc->page(i))->text(QRectF()) + QLatin1Char('\n');
    return text.simplified();
}

QByteArray fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QTableWidgetItem *welshOf(QTableWidget *table, const QString &rowName)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == rowName)
            return table->item(row, 2);
    }
    return nullptr;
}

/// Answers the modal dialogs that open while `act` runs: each is handed to `handle`, once.
void whileModal(const std::function<void()> &act, const std::function<void(QWidget *)> &handle)
{
    QTimer watch;
    QWidget *last = nullptr;
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == last || !modal->isVisible())
            return;
        last = modal;
        handle(modal);
    });
    watch.start();
    act();
    watch.stop();
}

/// Makes the window the active one, as a window manager would, and waits until it stays so: a window closed a moment
/// before may still be handing its activation back (the offscreen platform delivers that late), which would send the
/// next keys to the window under it.
bool activateAndKeep(QWidget *window)
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window))
            continue;
        QTest::qWait(100);
        if (QApplication::activeWindow() == window)
            return true;
    }
    return false;
}

/// After a failed check in a dialog's handler: closes the dialog (later), so that the test fails instead of waiting.
void rejectIfOpen(QDialog *dialog)
{
    if (dialog->isVisible())
        QMetaObject::invokeMethod(dialog, &QDialog::reject, Qt::QueuedConnection);
}

/// The letters a window's labels and buttons underline (Alt+letter), in order.
QStringList mnemonicsOf(const QWidget *window)
{
    QStringList letters;
    QStringList texts;
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->buddy())
            texts << label->text();
    }
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>())
        texts << button->text();
    for (const QString &text : std::as_const(texts)) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            letters << key.toString();
    }
    return letters;
}

} // namespace

class TestStaleTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void changedEnglishMarksTheWelshOutOfDateUntilConfirmed()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("small-review.json"));
        QVERIFY(QFile::copy(kSmall, file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        {
            // The Welsh of the question was made from its English as it is (a stamp, as typing it would give).
            Problems problems;
            std::optional<Template> t = readTemplateFile(file, &problems);
            QVERIFY(t);
            Item *item = t->findItem(QStringLiteral("review-type"));
            item->translations[QStringLiteral("cy")].madeFrom.insert(QStringLiteral("label"),
                                                                     TranslationStamps::stamp(item->label));
            QString error;
            QVERIFY2(writeTemplateFile(*t, file, &error), qPrintable(error));
        }
        const QString pdf = dir.filePath(QStringLiteral("form.pdf"));
        // Before: nothing is out of date, and the bilingual PDF has no mark.
        QVERIFY(!runCli({QStringLiteral("check"), file}).second.contains(QStringLiteral("out of date")));
        QVERIFY(!bilingualPdfText(file, pdf).contains(QStringLiteral("[Welsh out of date]")));

        MainWindow w;
        w.resize(1366, 740);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openTemplateFile(file));
        QVERIFY(w.selectId(QStringLiteral("review-type")));
        auto *table = w.findChild<QTableWidget *>(QStringLiteral("propertyTranslations"));
        auto *bar = w.findChild<QWidget *>(QStringLiteral("staleTranslations"));
        auto *stillRight = w.findChild<QPushButton *>(QStringLiteral("translationStillRight"));
        auto *counts = w.coveragePanel()->findChild<QLabel *>(QStringLiteral("coverageTranslations"));
        QVERIFY(table && bar && stillRight && counts);
        QCOMPARE(welshOf(table, QStringLiteral("Question"))->text(), QStringLiteral("Pa fath o adolygiad yw hwn?"));
        QVERIFY(!bar->isVisible());
        QVERIFY(!counts->text().contains(QStringLiteral("out of date")));

        // The English wording changes, typed at the end of the question.
        auto *question = w.findChild<QTextEdit *>(QStringLiteral("propertyText"));
        QTest::mouseClick(question->viewport(), Qt::LeftButton);
        QTest::keyClick(question, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(question, QStringLiteral(" Tick one."));
        QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->label,
                 QStringLiteral("What kind of review is this? Tick one."));

        // The model.
        const QVector<TranslationStamps::OutOfDate> stale = TranslationStamps::outOfDate(w.document()->content());
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().itemId, QStringLiteral("review-type"));
        QCOMPARE(stale.first().language, QStringLiteral("cy"));
        QCOMPARE(stale.first().property, QStringLiteral("label"));
        // The panel: the cell, "Welsh still right", the coverage panel's count.
        QTRY_VERIFY(welshOf(table, QStringLiteral("Question"))->text().startsWith(QStringLiteral("(out of date")));
        QVERIFY(welshOf(table, QStringLiteral("Question"))->text().contains(QStringLiteral("Pa fath")));
        QCOMPARE(welshOf(table, QStringLiteral("Answer: Yearly review"))->text(),
                 QStringLiteral("Adolygiad blynyddol")); // the answers' English did not change
        QVERIFY(bar->isVisible());
        QCOMPARE(stillRight->text(), QStringLiteral("Welsh still right"));
        QTRY_VERIFY2(counts->text().contains(QStringLiteral("1 text out of date")), qPrintable(counts->text()));

        // `check` and the draft's bilingual PDF.
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.document()->isModified());
        QVERIFY(fileText(file).contains("\"madeFrom\""));
        const auto checked = runCli({QStringLiteral("check"), file});
        QVERIFY2(checked.second.contains(QStringLiteral("Translation \"cy\": 1 text(s) out of date")),
                 qPrintable(checked.second));
        QVERIFY2(checked.second.contains(QStringLiteral("/sections/0/items/1/translations/cy/label")),
                 qPrintable(checked.second));
        const QString marked = bilingualPdfText(file, pdf);
        QVERIFY2(marked.contains(QStringLiteral("Pa fath o adolygiad yw hwn? [Welsh out of date]")),
                 qPrintable(marked));

        // "Welsh still right": one step, which undo takes back.
        QTest::mouseClick(stillRight, Qt::LeftButton);
        QVERIFY(TranslationStamps::outOfDate(w.document()->content()).isEmpty());
        QTRY_COMPARE(welshOf(table, QStringLiteral("Question"))->text(), QStringLiteral("Pa fath o adolygiad yw hwn?"));
        QVERIFY(!bar->isVisible());
        QTRY_VERIFY(!counts->text().contains(QStringLiteral("out of date")));
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(TranslationStamps::outOfDate(w.document()->content()).size(), 1);
        QTest::keyClick(&w, Qt::Key_Y, Qt::ControlModifier); // Edit > Redo by its key
        QVERIFY(TranslationStamps::outOfDate(w.document()->content()).isEmpty());
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.document()->isModified());
        QVERIFY(!runCli({QStringLiteral("check"), file}).second.contains(QStringLiteral("out of date")));
        QVERIFY(!bilingualPdfText(file, pdf).contains(QStringLiteral("[Welsh out of date]")));
    }

    void publishingWithOutOfDateWelshAsksForAReason()
    {
        using coform::test::PanelFixture;
        PanelFixture f;
        QVERIFY(f.setUp());
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        // The Welsh of one question was made from an older English wording: it is out of date.
        TemplateStore asColin(*f.db, *f.colin);
        const Template draft = asColin.get(id).value();
        QString itemId;
        for (const Item *item : draft.allItems()) {
            if (itemId.isEmpty() && draft.questionNumbers().value(item->id) > 0
                && !item->translations.value(QStringLiteral("cy")).label.isEmpty())
                itemId = item->id;
        }
        QVERIFY(!itemId.isEmpty());
        const int number = draft.questionNumbers().value(itemId);
        QVERIFY(asColin
                    .applyEdit(id, Edit::setTranslation(
                                       draft, {}, itemId, QStringLiteral("cy"), QStringLiteral("madeFrom:label"),
                                       TranslationStamps::stamp(QStringLiteral("An older English wording"))))
                    .ok());
        QVERIFY(asColin.propose(id).ok() && asColin.approve(id).ok());
        QVERIFY(TemplateStore(*f.db, *f.rita).approve(id).ok());

        MainWindow window;
        window.setGeometry(0, 0, 1366, 768);
        SharedWorkspace workspace(&window, *f.db, *f.ada);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(workspace.openStoredTemplate(id));
        QMenu *shared = window.findChild<QMenu *>(QStringLiteral("menuShared"));
        QVERIFY(shared);
        // Alt+S opens the Shared templates menu, P publishes.
        auto publishByKeys = [&] {
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QTest::keyClick(&window, Qt::Key_S, Qt::AltModifier);
            QTRY_VERIFY(shared->isVisible());
            QTest::keyClick(shared, Qt::Key_P);
        };

        // First she is asked, reads what is out of date, and does not publish yet (Alt+N): nothing is published.
        QStringList listed;
        bool asked = false;
        whileModal(publishByKeys, [&](QWidget *modal) {
            auto *dialog = qobject_cast<StaleTranslationsDialog *>(modal);
            QVERIFY(dialog);
            const auto closeIfLeftOpen = qScopeGuard([dialog] { rejectIfOpen(dialog); });
            QVERIFY(activateAndKeep(dialog));
            asked = true;
            auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("staleTranslationsList"));
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                QStringList cells;
                for (int c = 0; c < list->columnCount(); ++c)
                    cells << list->topLevelItem(i)->text(c);
                listed << cells.join(QStringLiteral(" | "));
            }
            QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("staleTranslationsPublish"))->isEnabled());
            // Every control has a name for a screen reader, and no two share an underlined letter.
            QList<QWidget *> controls{list, dialog->findChild<QLineEdit *>(QStringLiteral("staleTranslationsReason"))};
            for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
                controls << button;
            for (QWidget *control : std::as_const(controls))
                QVERIFY2(control && !control->accessibleName().isEmpty(), qPrintable(control->objectName()));
            const QStringList letters = mnemonicsOf(dialog);
            QCOMPARE(QSet<QString>(letters.begin(), letters.end()).size(), letters.size());
            QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier);
        });
        QVERIFY(asked);
        QCOMPARE(listed.size(), 1);
        const Item *question = draft.findItem(itemId);
        QCOMPARE(listed.first(), QStringLiteral("Question %1 | Welsh | %2 | %3")
                                     .arg(number)
                                     .arg(question->label, question->translations.value(QStringLiteral("cy")).label));
        QCOMPARE(TemplateStore(*f.db, *f.ada).versionInfo(id)->status, VersionStatus::Proposed);

        // Then she goes to the reason (Alt+W), types it, and Enter publishes.
        const QString reason = QStringLiteral("The translator checks the Welsh at the next meeting");
        QString message;
        whileModal(publishByKeys, [&](QWidget *modal) {
            if (auto *dialog = qobject_cast<StaleTranslationsDialog *>(modal)) {
                const auto closeIfLeftOpen = qScopeGuard([dialog] { rejectIfOpen(dialog); });
                QVERIFY(activateAndKeep(dialog));
                QTest::keyClick(dialog, Qt::Key_W, Qt::AltModifier);
                auto *why = dialog->findChild<QLineEdit *>(QStringLiteral("staleTranslationsReason"));
                QCOMPARE(QApplication::focusWidget(), why);
                QTest::keyClicks(why, reason);
                QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("staleTranslationsPublish"))->isEnabled());
                QTest::keyClick(why, Qt::Key_Return);
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                message = box->text();
                const auto closeIfLeftOpen = qScopeGuard([box] { rejectIfOpen(box); });
                QVERIFY(activateAndKeep(box));
                QTest::keyClick(box, Qt::Key_Return);
            }
        });
        QVERIFY2(message.startsWith(QStringLiteral("You published version 1.")), qPrintable(message));
        const Result<VersionInfo> published = TemplateStore(*f.db, *f.ada).versionInfo(id);
        QCOMPARE(published->status, VersionStatus::Published);
        QCOMPARE(published->translationsReason, reason);

        // On screen and in the "What changed" PDF, under "Not changed, and why".
        auto *diff = window.findChild<DiffView *>(QStringLiteral("diffView"));
        QCOMPARE(diff->currentDiff().toVersion, 1);
        const QString sentence =
            QStringLiteral("The Welsh of question %1 was not brought up to date: %2").arg(number).arg(reason);
        auto *diffList = window.findChild<QTreeWidget *>(QStringLiteral("diffList"));
        const QTreeWidgetItem *last = diffList->topLevelItem(diffList->topLevelItemCount() - 1);
        QCOMPARE(last->text(1), QStringLiteral("Not changed, and why"));
        QCOMPARE(last->text(2), sentence);
        const QString pdfPath = f.dir->filePath(QStringLiteral("what-changed.pdf"));
        QString error;
        QVERIFY2(diff->savePdf(pdfPath, &error), qPrintable(error));
        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(pdfPath);
        QVERIFY(pdf);
        QString text;
        for (int i = 0; i < pdf->numPages(); ++i)
            text += std::unique_ptr<Poppler::Page>(pdf->page(i))->text(QRectF()) + QLatin1Char('\n');
        text = text.replace(QChar(0xFB01), QStringLiteral("fi")).simplified();
        const qsizetype heading = text.indexOf(QStringLiteral("Not changed, and why"));
        QVERIFY2(heading >= 0, qPrintable(text.right(1500)));
        QVERIFY2(text.mid(heading).contains(sentence + QStringLiteral(" (Ada)")), qPrintable(text.mid(heading)));
    }

    void theFormatKeepsStampsAndOldFilesReadUnchanged()
    {
        Problems problems;
        const std::optional<Template> old = readTemplateFile(kSmall, &problems);
        QVERIFY(old);
        QVERIFY(
            old->findItem(QStringLiteral("review-type"))->translations.value(QStringLiteral("cy")).madeFrom.isEmpty());
        QTemporaryDir dir;
        Template stamped = *old;
        Translation &cy = stamped.findItem(QStringLiteral("review-type"))->translations[QStringLiteral("cy")];
        cy.madeFrom.insert(QStringLiteral("label"), TranslationStamps::stamp(QStringLiteral("An older wording")));
        cy.madeFrom.insert(QStringLiteral("option:annual"), TranslationStamps::stamp(QStringLiteral("Yearly review")));
        const QString path = dir.filePath(QStringLiteral("stamped.json"));
        QString error;
        QVERIFY2(writeTemplateFile(stamped, path, &error), qPrintable(error));
        const std::optional<Template> back = readTemplateFile(path, &problems);
        QVERIFY(back);
        QCOMPARE(*back, stamped);
        QCOMPARE(TranslationStamps::outOfDate(*back).size(), 1); // the label; the answer's English is the same
        // A stamp of something a translation cannot have, or not a stamp, is an error at its place.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray json = f.readAll();
        f.close();
        json.replace("\"option:annual\"", "\"colour\"");
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(json);
        b.close();
        Problems badProblems;
        QVERIFY(!readTemplateFile(bad, &badProblems));
        bool named = false;
        for (const Problem &p : badProblems)
            named = named || p.pointer.endsWith(QStringLiteral("/translations/cy/madeFrom/colour"));
        QVERIFY(named);
    }
};

QTEST_MAIN(TestStaleTranslations)
#include "tst_staletranslations.moc"
