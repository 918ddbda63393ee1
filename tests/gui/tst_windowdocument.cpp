// The window and its one document, as a person uses them: a frozen version cannot be typed into and says why; Ctrl+Z
// in a text box is the document's undo, which Edit > Redo brings back; the title bar and the template list say where
// the work lives; sharing says what it did; quitting asks only about unsaved work; a bundled template is never
// overwritten.
#include "editor/templatelist.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/frozenbanner.h"
#include "shared/sharedworkspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTextEdit>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

namespace {

/// Watches for modal dialogs while a test acts: records each one's class and text, and answers it with `answer`.
struct ModalWatcher
{
    QStringList seen;
    std::function<void(QWidget *)> answer;
    QTimer timer;

    explicit ModalWatcher(std::function<void(QWidget *)> answerWith = {})
        : answer(std::move(answerWith))
    {
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible())
                return;
            QString text = QString::fromLatin1(modal->metaObject()->className());
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                text += QLatin1Char(' ') + box->text();
            seen.append(text);
            if (answer)
                answer(modal);
            else
                modal->close();
        });
        timer.start();
    }
};

QTextEdit *wordsBox(MainWindow &window)
{
    return window.findChild<QTextEdit *>(QStringLiteral("propertyText"));
}

void typeAtEnd(QTextEdit *box, const QString &text)
{
    QTest::mouseClick(box->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    QTest::keyClick(box, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(box, text);
}

} // namespace

class TestWindowDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }

    void aProposedVersionCannotBeTypedInto()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(TemplateStore(*f.db, *f.colin).propose(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(workspace->openStoredTemplate(QString::fromLatin1(PanelFixture::TemplateId)));

        // The banner says why, and what to do.
        auto *banner = window.findChild<FrozenBanner *>(QStringLiteral("frozenBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->reason().contains(QStringLiteral("waiting for approval")), qPrintable(banner->reason()));
        QVERIFY2(banner->reason().contains(QStringLiteral("Withdraw the proposal to change it")),
                 qPrintable(banner->reason()));
        auto *action = banner->findChild<QPushButton *>(QStringLiteral("frozenAction"));
        QVERIFY(action && action->isVisible());
        QCOMPARE(action->text().remove(QLatin1Char('&')), QStringLiteral("Withdraw the proposal"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Shared: version 1 (waiting for approval) of")));

        // Typing changes nothing, anywhere, and no conflict dialog appears.
        const QString id = PanelFixture::questionId(window.document()->content(), 1);
        const QString before = window.document()->content().findItem(id)->label;
        QVERIFY(window.selectId(id));
        QTextEdit *words = wordsBox(window);
        QVERIFY(words);
        ModalWatcher modals;
        typeAtEnd(words, QStringLiteral(" extra"));
        QTest::qWait(300);
        QCOMPARE(words->toPlainText(), before);
        QCOMPARE(window.document()->content().findItem(id)->label, before);
        QCOMPARE(TemplateStore(*f.db, *f.ada).get(QString::fromLatin1(PanelFixture::TemplateId))->findItem(id)->label,
                 before);
        QCOMPARE(window.document()->undoStack()->count(), 0);
        QVERIFY2(modals.seen.isEmpty(), qPrintable(modals.seen.join(QLatin1Char('\n'))));
        if (const QString shots = qEnvironmentVariable("COFORM_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(window.grab().save(QDir(shots).filePath(QStringLiteral("frozen.png"))));

        // The banner's action withdraws the proposal; then typing is stored.
        QTest::mouseClick(action, Qt::LeftButton);
        QTRY_VERIFY(!banner->isVisible());
        // It says what it did and what comes next.
        QCOMPARE(modals.seen.size(), 1);
        QVERIFY2(modals.seen.first().startsWith(QStringLiteral("QMessageBox You withdrew the proposal of version 1. It "
                                                               "is a draft again")),
                 qPrintable(modals.seen.first()));
        modals.seen.clear();
        QVERIFY(window.windowTitle().contains(QStringLiteral("Shared: draft 1 of")));
        QVERIFY(window.selectId(id));
        typeAtEnd(wordsBox(window), QStringLiteral(" now"));
        QCOMPARE(TemplateStore(*f.db, *f.ada).get(QString::fromLatin1(PanelFixture::TemplateId))->findItem(id)->label,
                 before + QStringLiteral(" now"));
        QVERIFY(modals.seen.isEmpty());
        workspace.reset();
    }

    void ctrlZInATextBoxIsTheDocumentsUndo()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.document()->isOpen()); // the bundled template
        const QString id = PanelFixture::questionId(window.document()->content(), 1);
        const QString before = window.document()->content().findItem(id)->label;
        QVERIFY(window.selectId(id));
        QTextEdit *words = wordsBox(window);
        typeAtEnd(words, QStringLiteral(" today"));
        QCOMPARE(window.document()->content().findItem(id)->label, before + QStringLiteral(" today"));

        auto *undo = window.findChild<QAction *>(QStringLiteral("actionUndo"));
        auto *redo = window.findChild<QAction *>(QStringLiteral("actionRedo"));
        QVERIFY(undo->isEnabled() && !redo->isEnabled());
        QTest::keyClick(words, Qt::Key_Z, Qt::ControlModifier); // in the box
        QCOMPARE(window.document()->content().findItem(id)->label, before);
        QCOMPARE(words->toPlainText(), before);
        QVERIFY(redo->isEnabled());
        QVERIFY(!undo->isEnabled());

        // Edit > Redo, through its shortcut: the change is back, in the document and in the box.
        QTest::keyClick(words, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.document()->content().findItem(id)->label, before + QStringLiteral(" today"));
        QCOMPARE(words->toPlainText(), before + QStringLiteral(" today"));
        QVERIFY(undo->isEnabled() && !redo->isEnabled());
        window.document()->undoStack()->setClean(); // nothing to ask about on closing
    }

    void theWindowSaysWhereWorkLives()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(TemplateStore(*f.db, *f.colin).propose(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chc-review.json"));
        Template mine = PanelFixture::bundled();
        mine.id = QStringLiteral("our-review");
        QString error;
        QVERIFY(writeTemplateFile(mine, path, &error));

        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openTemplateFile(path));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("File: chc-review.json")),
                 qPrintable(window.windowTitle()));
        auto *list = window.findChild<TemplateList *>(QStringLiteral("templateList"));
        QVERIFY(list->currentItem()->text().contains(QStringLiteral("File: chc-review.json")));

        // Share, from the Shared templates menu: it says what it did.
        ModalWatcher modals([](QWidget *modal) {
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                QTest::keyClick(box, Qt::Key_Enter);
        });
        auto *menu = window.findChild<QMenu *>(QStringLiteral("menuShared"));
        QTest::mouseClick(window.menuBar(), Qt::LeftButton, {},
                          window.menuBar()->actionGeometry(menu->menuAction()).center());
        QTRY_VERIFY(menu->isVisible());
        QTest::keyClick(menu, Qt::Key_S);
        QTRY_COMPARE(modals.seen.size(), 1);
        QVERIFY2(modals.seen.first().contains(QStringLiteral("shared with the group as draft 1")),
                 qPrintable(modals.seen.first()));
        const QString shared = QStringLiteral("Shared: draft 1 of %1").arg(mine.title);
        QTRY_VERIFY2(window.windowTitle().startsWith(shared), qPrintable(window.windowTitle()));
        QCOMPARE(list->currentItem()->text(), shared);

        // A change to the shared template is stored as made: quitting asks nothing.
        const QString id = PanelFixture::questionId(window.document()->content(), 1);
        QVERIFY(window.selectId(id));
        typeAtEnd(wordsBox(window), QStringLiteral(" again"));
        QVERIFY(!window.document()->isModified());
        modals.seen.clear();
        QVERIFY(window.close());
        QVERIFY2(modals.seen.isEmpty(), qPrintable(modals.seen.join(QLatin1Char('\n'))));
        workspace.reset();
    }

    void aBundledTemplateIsSavedAsANewFile()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.document()->origin(), TemplateDocument::Origin::Bundled);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Comes with Coform:")));
        const QString id = PanelFixture::questionId(window.document()->content(), 1);
        QVERIFY(window.selectId(id));
        typeAtEnd(wordsBox(window), QStringLiteral(" changed"));
        QVERIFY(window.document()->isModified());
        // Ctrl+S asks for a new file (cancelled here): the bundled one is never written.
        bool asked = false;
        ModalWatcher modals([&](QWidget *modal) {
            if (auto *dialog = qobject_cast<QFileDialog *>(modal))
                asked = asked || dialog->acceptMode() == QFileDialog::AcceptSave;
            modal->close();
        });
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(asked);
        QCOMPARE(window.document()->origin(), TemplateDocument::Origin::Bundled);
        QVERIFY(!window.saveTemplateFile(window.document()->path()));
        window.document()->undoStack()->setClean();
    }
};

QTEST_MAIN(TestWindowDocument)
#include "tst_windowdocument.moc"
