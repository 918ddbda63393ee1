// Choosing the picture beside a question (easy read), as a person does: in the details panel, "No picture" takes the
// question's picture away (one step); "Choose a picture…" opens the picker, where typing "doctor", Down and Right
// move through the pictures and Enter chooses one; its words start from its name. Undo (Ctrl+Z) takes it away again
// and redo (Ctrl+Y) brings it back, while another person's open copy (another process) sees each change arrive. An
// own picture file with a script or over the size limit is refused in words in the picker; nothing changes.
#include "editor/picturepicker.h"
#include "editor/templatetreemodel.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/sharedworkspace.h"

#include "model/picturelibrary.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

using namespace coform;

namespace {

/// Runs `act` (which opens a modal dialog) and hands the dialog to `handle` once it shows.
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

/// The next change another person's open copy saw (a line of coedit_worker's watch), within 20 seconds.
QJsonObject nextSeen(QProcess &watcher)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        if (watcher.canReadLine())
            return QJsonDocument::fromJson(watcher.readLine()).object();
        watcher.waitForReadyRead(200);
    }
    return {};
}

} // namespace

class TestPicturePicker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::PanelFixture::setUpApplication(); }

    void aPictureIsChosenByKeyboardUndoneAndSeenElsewhere()
    {
        test::PanelFixture f;
        QVERIFY(f.setUp());
        const QString id = QString::fromLatin1(test::PanelFixture::TemplateId);
        const QString question = QStringLiteral("full-name");

        QProcess priya;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_PASSWORD"), QStringLiteral("priya-password"));
        priya.setProcessEnvironment(env);
        priya.start(
            qEnvironmentVariable("COFORM_COEDIT_WORKER"),
            {f.path, QStringLiteral("Priya"), id, QStringLiteral("watch"), QStringLiteral("60"), QStringLiteral("20")});
        QVERIFY2(priya.waitForStarted(), "set COFORM_COEDIT_WORKER to the coedit_worker program");
        QTRY_VERIFY_WITH_TIMEOUT(priya.canReadLine(), 20000); // {"ready": true}
        priya.readLine();

        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.resize(1366, 768);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(workspace->openStoredTemplate(id));
        QTreeView *tree = nullptr;
        for (QTreeView *view : window.findChildren<QTreeView *>()) {
            if (view->model() == window.treeModel())
                tree = view;
        }
        QVERIFY(tree);
        const QModelIndex inTree = window.treeModel()->indexForId(question);
        tree->scrollTo(inTree);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(inTree).center());
        QCOMPARE(window.currentId(), question);
        auto *choose = window.findChild<QPushButton *>(QStringLiteral("propertyPictureChoose"));
        auto *remove = window.findChild<QPushButton *>(QStringLiteral("propertyPictureRemove"));
        auto *alt = window.findChild<QLineEdit *>(QStringLiteral("propertyPictureAlt"));
        QVERIFY(choose && remove && alt);
        QVERIFY(choose->isVisible());
        QCOMPARE(alt->text(), window.document()->content().findItem(question)->picture->alt);

        // "No picture": the question's picture goes, as one step Priya sees.
        choose->setFocus();
        QTest::keyClick(choose, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), remove);
        QTest::keyClick(remove, Qt::Key_Space);
        QTRY_VERIFY(!window.document()->content().findItem(question)->picture);
        QJsonObject seen = nextSeen(priya);
        QCOMPARE(seen.value(QLatin1String("item")).toString(), question);
        QCOMPARE(seen.value(QLatin1String("property")).toString(), QStringLiteral("picture"));
        QVERIFY(seen.value(QLatin1String("after")).isNull());

        // "Choose a picture…": type "doctor", Down into the pictures, Right to the next one, Enter.
        QString chosenName;
        QString shownWords;
        whileModal([&] { QTest::mouseClick(choose, Qt::LeftButton); },
                   [&](QWidget *dialog) {
                       auto *search = dialog->findChild<QLineEdit *>(QStringLiteral("pictureSearch"));
                       auto *grid = dialog->findChild<QListWidget *>(QStringLiteral("pictureGrid"));
                       auto *count = dialog->findChild<QLabel *>(QStringLiteral("pictureCount"));
                       auto *words = dialog->findChild<QLineEdit *>(QStringLiteral("pictureAlt"));
                       if (!search || !grid || !count || !words) {
                           QMetaObject::invokeMethod(dialog, "reject", Qt::QueuedConnection);
                           return;
                       }
                       // The picker opens ready to type a word.
                       QTRY_COMPARE(QApplication::focusWidget(), search);
                       QTest::keyClicks(search, QStringLiteral("doctor"));
                       shownWords = count->text();
                       QTest::keyClick(search, Qt::Key_Down);
                       QTest::keyClick(grid, Qt::Key_Right);
                       chosenName =
                           grid->currentItem() ? grid->currentItem()->data(Qt::UserRole).toString() : QString();
                       QCOMPARE(words->text(),
                                PicturePicker::startingWords(
                                    PictureLibrary::bundled().find(QStringLiteral("mulberry"), chosenName)->words));
                       QTest::keyClick(grid, Qt::Key_Return);
                   });
        QVERIFY2(shownWords.contains(QStringLiteral("match \"doctor\"")), qPrintable(shownWords));
        QVERIFY2(chosenName.startsWith(QStringLiteral("doctor_")), qPrintable(chosenName));
        const auto picture = [&] { return window.document()->content().findItem(question)->picture; };
        QTRY_VERIFY(picture());
        QCOMPARE(picture()->name, chosenName);
        QCOMPARE(picture()->alt, QStringLiteral("Doctor"));
        QCOMPARE(picture()->credit, PictureLibrary::credit(QStringLiteral("mulberry")));
        QTRY_COMPARE(alt->text(), QStringLiteral("Doctor"));
        seen = nextSeen(priya);
        QCOMPARE(seen.value(QLatin1String("property")).toString(), QStringLiteral("picture"));
        QCOMPARE(seen.value(QLatin1String("after")).toObject().value(QLatin1String("name")).toString(), chosenName);

        // Undo takes it away, redo brings it back; Priya sees both.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        tree->setFocus();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!picture());
        seen = nextSeen(priya);
        QCOMPARE(seen.value(QLatin1String("property")).toString(), QStringLiteral("picture"));
        QVERIFY(seen.value(QLatin1String("after")).isNull());
        QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier);
        QTRY_VERIFY(picture() && picture()->name == chosenName);
        seen = nextSeen(priya);
        QCOMPARE(seen.value(QLatin1String("after")).toObject().value(QLatin1String("name")).toString(), chosenName);
        priya.kill();
        priya.waitForFinished();
    }

    void anOwnPictureThatCannotBeUsedIsRefusedInWords()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(bytes);
            return file.fileName();
        };
        QString error;
        QVERIFY(!PicturePicker::ownPicture(
            write(QStringLiteral("script.svg"),
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><script>x()</script></svg>"),
            &error));
        QVERIFY2(error.contains(QStringLiteral("script.svg cannot be used: the SVG has a script")), qPrintable(error));
        QVERIFY(!PicturePicker::ownPicture(write(QStringLiteral("far.svg"),
                                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                                 "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 4 4\">"
                                                 "<image xlink:href=\"http://example.org/a.png\"/></svg>"),
                                           &error));
        QVERIFY2(error.contains(QStringLiteral("refers to something outside itself")), qPrintable(error));
        QVERIFY(
            !PicturePicker::ownPicture(write(QStringLiteral("huge.svg"), QByteArray(20 * 1024 * 1024, ' ')), &error));
        QVERIFY2(error.contains(QStringLiteral("huge.svg is 20480 KiB, and a picture may be at most 512 KiB")),
                 qPrintable(error));
        const std::optional<Picture> fine = PicturePicker::ownPicture(
            write(
                QStringLiteral("our_care_home.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"2\"/></svg>"),
            &error);
        QVERIFY(fine);
        QCOMPARE(fine->alt, QStringLiteral("Our care home"));
        QCOMPARE(fine->mediaType, QStringLiteral("image/svg+xml"));
    }
};

QTEST_MAIN(TestPicturePicker)
#include "tst_picturepicker.moc"
