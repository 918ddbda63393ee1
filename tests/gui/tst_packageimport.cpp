// Form packages in the window, as a person uses them: File > Import a form package by keyboard, the file typed into
// the chooser, the signature and the provenance read before anything changes, Import, and the new shared draft open;
// a package changed after signing refused in words with no Import button; Shared templates > Compare with the origin
// listing the question this team changed.
#include "document/templatedocument.h"
#include "mainwindow.h"
#include "shared/conflictdialog.h"
#include "shared/origincomparedialog.h"
#include "shared/packageimportdialog.h"
#include "shared/sharedworkspace.h"

#include "format/templateformat.h"
#include "panelfixture.h"
#include "store/packagestore.h"

#include <QApplication>
#include <QCompleter>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

namespace {

/// Acts on the next modal dialog of type T when it shows (after a moment, as a person looks first), once.
template<typename T> class WhenShown : public QObject
{
public:
    explicit WhenShown(std::function<void(T *)> act)
        : m_act(std::move(act))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!dialog || m_done || !dialog->isVisible() || ++m_ticks < 6)
                return;
            m_done = true;
            m_act(dialog);
        });
        m_timer.start(50);
    }
    bool done() const { return m_done; }

private:
    std::function<void(T *)> m_act;
    QTimer m_timer;
    bool m_done = false;
    int m_ticks = 0;
};

/// Types a path into the file chooser and presses Enter.
void typePath(QFileDialog *dialog, const QString &path)
{
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, path);
    for (int i = 0; i < 3 && dialog->isVisible(); ++i) {
        QWidget *popup = edit->completer() ? edit->completer()->popup() : nullptr;
        QTest::keyClick(popup && popup->isVisible() ? popup : static_cast<QWidget *>(edit), Qt::Key_Return);
        QCoreApplication::processEvents();
    }
}

/// What the person saw in the import dialog.
struct Seen
{
    QString signature;
    QString effect;
    QString about;
    bool importButton = false;
    QStringList unnamed; ///< controls a screen reader cannot name
};

/// Makes the dialog the active window, as a window manager would (none offscreen), so that Alt+letter reaches it.
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

} // namespace

class TestPackageImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        PanelFixture::setUpApplication();
        // Team A: the bundled form published, its organisation set, exported as a package.
        QVERIFY(m_a.setUp());
        QVERIFY(m_a.publishFirstVersionAndStartSecond());
        PackageStore store(*m_a.db, *m_a.ada);
        QVERIFY(store.setSettings({QStringLiteral("Riverside Care Trust"), QStringLiteral("RXC"), false}).ok());
        const Result<QByteArray> bytes = store.exportPackage(QString::fromLatin1(PanelFixture::TemplateId));
        QVERIFY2(bytes.ok(), qPrintable(bytes.message()));
        const Result<QByteArray> key = store.publicKey();
        QVERIFY(key.ok());
        m_keyWords = fingerprintWords(key.value());
        m_package = m_dir.filePath(QStringLiteral("riverside.coform"));
        QFile file(m_package);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.value());
        file.close();
        // The same file with one byte of the signed payload changed (laid out as before: only the signature fails).
        QByteArray changedBytes = bytes.value();
        const QByteArray encoded =
            QJsonDocument::fromJson(bytes.value()).object().value(QStringLiteral("payload")).toString().toLatin1();
        QByteArray payload = QByteArray::fromBase64(encoded);
        const qsizetype at = payload.indexOf("Riverside");
        QVERIFY(at >= 0);
        payload[at] = 'L';
        const QByteArray reencoded = payload.toBase64();
        QCOMPARE(reencoded.size(), encoded.size());
        changedBytes.replace(changedBytes.indexOf(encoded), encoded.size(), reencoded);
        m_tampered = m_dir.filePath(QStringLiteral("changed.coform"));
        QFile changed(m_tampered);
        QVERIFY(changed.open(QIODevice::WriteOnly));
        changed.write(changedBytes);
    }

    void init()
    {
        // Team B: a database of its own, Bea its admin.
        m_b = std::make_unique<QTemporaryDir>();
        QString error;
        m_db = Database::open(m_b->filePath(QStringLiteral("b.sqlite")), &error);
        QVERIFY2(m_db, qPrintable(error));
        const Result<Session> bea =
            UserStore(*m_db).createFirstAdmin(QStringLiteral("Bea"), QStringLiteral("admin-password"));
        QVERIFY(bea.ok());
        m_bea = bea.value();
        m_window = std::make_unique<MainWindow>();
        m_workspace = std::make_unique<SharedWorkspace>(m_window.get(), *m_db, *m_bea);
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_workspace.reset();
        m_window.reset();
        m_db.reset();
        m_b.reset();
    }

    void importShowsWhereItComesFromThenMakesTheDraft()
    {
        const Seen seen = importByKeyboard(m_package, true);
        QVERIFY2(seen.signature.contains(QStringLiteral("The signature holds")), qPrintable(seen.signature));
        QVERIFY2(seen.signature.contains(QStringLiteral("a new key")), qPrintable(seen.signature));
        QVERIFY2(
            seen.signature.contains(QStringLiteral("check these words with Riverside Care Trust by phone or email")),
            qPrintable(seen.signature));
        QVERIFY2(seen.signature.contains(m_keyWords), qPrintable(seen.signature));
        QVERIFY2(seen.effect.contains(QStringLiteral("new shared draft")), qPrintable(seen.effect));
        QVERIFY2(seen.about.contains(QStringLiteral("Made by Riverside Care Trust (RXC).")), qPrintable(seen.about));
        QVERIFY(seen.about.contains(QStringLiteral("Approved by a person with lived experience (co-producer)")));
        QVERIFY(seen.about.contains(QStringLiteral("framework requirements")));
        QVERIFY(seen.importButton);
        QVERIFY2(seen.unnamed.isEmpty(), qPrintable(seen.unnamed.join(QLatin1Char(' '))));

        // The new template is there, open in the window, and adapted from team A's version.
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        QTRY_COMPARE(m_window->document()->origin(), TemplateDocument::Origin::Store);
        QCOMPARE(m_window->document()->content().id, id);
        const Result<QVector<TemplateSummary>> all = TemplateStore(*m_db, *m_bea).list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        const Result<TemplateOrigin> origin = PackageStore(*m_db, *m_bea).origin(id);
        QVERIFY2(origin.ok(), qPrintable(origin.message()));
        QCOMPARE(origin->organisationName, QStringLiteral("Riverside Care Trust"));

        // Bea's group rewords a question; Compare with the origin lists it.
        const Template draft = TemplateStore(*m_db, *m_bea).get(id).value();
        const QString question = PanelFixture::questionId(draft, 2);
        const QString words = QStringLiteral("What matters most to you this year?");
        QVERIFY(TemplateStore(*m_db, *m_bea)
                    .applyEdit(id, Edit::setItemProperty(draft, question, QStringLiteral("label"), words), {})
                    .ok());
        QVERIFY(activateAndKeep(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::AltModifier);
        QMenu *shared = m_window->findChild<QMenu *>(QStringLiteral("menuShared"));
        QTRY_VERIFY(shared->isVisible());
        QTest::keyClick(shared, Qt::Key_G);
        OriginCompareDialog *compare = nullptr;
        QTRY_VERIFY((compare = m_window->findChild<OriginCompareDialog *>()) != nullptr);
        QTreeWidget *list = compare->list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), words);
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Reworded"));
        const QString intro = compare->findChild<QLabel *>(QStringLiteral("originIntro"))->text();
        QVERIFY2(intro.contains(QStringLiteral("Riverside Care Trust (RXC)")), qPrintable(intro));
        QTest::keyClick(compare, Qt::Key_Escape);
    }

    /// Bea's team has a form of its own with the same id (both teams began from the bundled form). The dialog says
    /// so, refuses an id that cannot be one beside the field, and imports under the id Bea types; hers is untouched.
    void aFormWithTheSameIdIsImportedUnderAnotherId()
    {
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        Problems problems;
        const std::optional<Template> ours =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(ours);
        QVERIFY(TemplateStore(*m_db, *m_bea).addTemplate(*ours).ok());
        QString effect, refusedWords;
        bool refusedDisabled = false;
        WhenShown<QFileDialog> chooser([&](QFileDialog *dialog) { typePath(dialog, m_package); });
        WhenShown<PackageImportDialog> reader([&](PackageImportDialog *dialog) {
            effect = dialog->findChild<QLabel *>(QStringLiteral("effectWords"))->text();
            activateAndKeep(dialog);
            QTest::keyClick(dialog, Qt::Key_N, Qt::AltModifier); // to the new id's field
            QWidget *field = QApplication::focusWidget();
            QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(field, QStringLiteral("Our Copy"));
            refusedWords = dialog->findChild<QLabel *>(QStringLiteral("packageNewIdProblem"))->text();
            refusedDisabled = !dialog->actionButton()->isEnabled();
            QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(field, QStringLiteral("chc-review-riverside"));
            QTest::keyClick(dialog, Qt::Key_I, Qt::AltModifier);
            QTimer::singleShot(2000, dialog, [dialog] { dialog->reject(); });
        });
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(m_window->fileMenu()->isVisible());
        QTest::keyClick(m_window->fileMenu(), Qt::Key_G);
        QTRY_VERIFY_WITH_TIMEOUT(reader.done(), 15000);
        QVERIFY2(effect.contains(QStringLiteral("already has the id")), qPrintable(effect));
        QVERIFY2(refusedWords.contains(QStringLiteral("cannot be an id")), qPrintable(refusedWords));
        QVERIFY(refusedDisabled);
        QTRY_COMPARE(m_window->document()->content().id, QStringLiteral("chc-review-riverside"));
        const Result<TemplateOrigin> origin =
            PackageStore(*m_db, *m_bea).origin(QStringLiteral("chc-review-riverside"));
        QVERIFY2(origin.ok(), qPrintable(origin.message()));
        QCOMPARE(origin->originTemplateId, id);
        QCOMPARE(PackageStore(*m_db, *m_bea).origin(id).status(), StoreStatus::NotFound);
        QCOMPARE(TemplateStore(*m_db, *m_bea).get(id).value(), [&] {
            Template t = *ours;
            t.version = 1;
            return t;
        }());
    }

    void aChangedFileIsRefusedAndNothingChanges()
    {
        const TemplateDocument::Origin before = m_window->document()->origin();
        const QString openBefore = m_window->document()->content().id;
        const Seen seen = importByKeyboard(m_tampered, false);
        QVERIFY2(
            seen.signature.startsWith(QStringLiteral("Refused: this form package was changed after it was signed")),
            qPrintable(seen.signature));
        QVERIFY(seen.signature.contains(QStringLiteral("Nothing was imported")));
        QVERIFY(!seen.importButton);
        QVERIFY(seen.about.isEmpty()); // nothing of an untrusted file is shown as if it were true
        const Result<QVector<TemplateSummary>> all = TemplateStore(*m_db, *m_bea).list();
        QVERIFY(all.ok());
        QVERIFY(all->isEmpty());
        QCOMPARE(m_window->document()->origin(), before);
        QCOMPARE(m_window->document()->content().id, openBefore);
    }

    /// Team A's next version changes two questions; Bea's group had changed one of them. Taking the update shows the
    /// plan, asks about the question both changed (showing both), and, with "Keep your group's", applies the other.
    void anUpdateAsksWhereBothChanged()
    {
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        const QByteArray first = [&] {
            QFile f(m_package);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(PackageStore(*m_db, *m_bea).importNew(first).ok());
        const Template mine = TemplateStore(*m_db, *m_bea).get(id).value();
        const QString both = PanelFixture::questionId(mine, 1);
        const QString theirsOnly = PanelFixture::questionId(mine, 4);
        QVERIFY(
            TemplateStore(*m_db, *m_bea)
                .applyEdit(id, Edit::setItemProperty(mine, both, QStringLiteral("label"), QStringLiteral("Ours?")), {})
                .ok());
        // Team A: version 2 changes both questions and is published, then packaged.
        QVERIFY(m_a.edit(*m_a.colin, both, QStringLiteral("label"), QStringLiteral("Theirs?")));
        QVERIFY(m_a.edit(*m_a.colin, theirsOnly, QStringLiteral("label"), QStringLiteral("Only theirs?")));
        TemplateStore asColin(*m_a.db, *m_a.colin);
        QVERIFY(asColin.propose(id).ok() && asColin.approve(id).ok());
        QVERIFY(TemplateStore(*m_a.db, *m_a.rita).approve(id).ok()
                && TemplateStore(*m_a.db, *m_a.ada).publish(id).ok());
        const Result<QByteArray> second = PackageStore(*m_a.db, *m_a.ada).exportPackage(id);
        QVERIFY2(second.ok(), qPrintable(second.message()));
        const QString path = m_dir.filePath(QStringLiteral("riverside-v2.coform"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(second.value());
        file.close();

        // Bea: File > Import a form package, See the update (Alt+S), Go on (Alt+G), Keep your group's (Alt+K).
        QString effect, summary, conflictMine, conflictTheirs;
        QTimer responder;
        int ticks = 0;
        QPointer<QWidget> last; // a new dialog may be made where a closed one was: never taken for it
        connect(&responder, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || modal == last || !modal->isVisible() || ++ticks < 6)
                return;
            last = modal;
            ticks = 0;
            if (auto *chooser = qobject_cast<QFileDialog *>(modal)) {
                typePath(chooser, path);
                return;
            }
            activateAndKeep(modal);
            if (auto *dialog = qobject_cast<PackageImportDialog *>(modal)) {
                effect = dialog->findChild<QLabel *>(QStringLiteral("effectWords"))->text();
                QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
            } else if (auto *plan = qobject_cast<UpdatePlanDialog *>(modal)) {
                summary = plan->findChild<QLabel *>(QStringLiteral("updateSummary"))->text();
                QTest::keyClick(plan, Qt::Key_G, Qt::AltModifier);
            } else if (auto *conflict = qobject_cast<ConflictDialog *>(modal)) {
                conflictMine = conflict->findChild<QPlainTextEdit *>(QStringLiteral("conflictMine"))->toPlainText();
                conflictTheirs = conflict->findChild<QPlainTextEdit *>(QStringLiteral("conflictTheirs"))->toPlainText();
                QTest::keyClick(conflict, Qt::Key_K, Qt::AltModifier);
            } else {
                QTest::keyClick(modal, Qt::Key_Escape);
            }
        });
        responder.start(50);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(m_window->fileMenu()->isVisible());
        QTest::keyClick(m_window->fileMenu(), Qt::Key_G);
        responder.stop();

        QVERIFY2(effect.contains(QStringLiteral("newer version (2)")), qPrintable(effect));
        QVERIFY2(summary.contains(QStringLiteral("1 change of theirs will apply")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("You both changed 1 thing")), qPrintable(summary));
        QVERIFY2(conflictMine.contains(QStringLiteral("Ours?")), qPrintable(conflictMine));
        QVERIFY2(conflictTheirs.contains(QStringLiteral("Theirs?")), qPrintable(conflictTheirs));
        const Template merged = TemplateStore(*m_db, *m_bea).get(id).value();
        QCOMPARE(merged.findItem(both)->label, QStringLiteral("Ours?"));
        QCOMPARE(merged.findItem(theirsOnly)->label, QStringLiteral("Only theirs?"));
    }

    /// An admin exports a published form: the organisation's name and code are asked once (typed, Enter), the file
    /// is chosen, and the message gives the key's words to tell the teams it goes to.
    void exportAsksTheOrganisationOnce()
    {
        PanelFixture c;
        QVERIFY(c.setUp());
        QVERIFY(c.publishFirstVersionAndStartSecond());
        MainWindow window;
        SharedWorkspace workspace(&window, *c.db, *c.ada);
        window.resize(1366, 768);
        window.show();
        QVERIFY(workspace.openStoredTemplate(QString::fromLatin1(PanelFixture::TemplateId)));
        QVERIFY(activateAndKeep(&window));
        const QString path = m_dir.filePath(QStringLiteral("exported.coform"));
        QString told;
        QTimer responder;
        int ticks = 0;
        QPointer<QWidget> last; // a new dialog may be made where a closed one was: never taken for it
        connect(&responder, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || modal == last || !modal->isVisible() || ++ticks < 6)
                return;
            last = modal;
            ticks = 0;
            if (auto *chooser = qobject_cast<QFileDialog *>(modal)) {
                auto *edit = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                edit->selectAll();
                QTest::keyClick(edit, Qt::Key_Delete);
                typePath(chooser, path);
                return;
            }
            activateAndKeep(modal);
            if (modal->objectName() == QLatin1String("organisationDialog")) {
                QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Hillside Health"));
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("HHX"));
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                told = box->text();
                QTest::keyClick(box, Qt::Key_Return);
            } else {
                QTest::keyClick(modal, Qt::Key_Escape);
            }
        });
        responder.start(50);
        QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(window.fileMenu()->isVisible());
        QTest::keyClick(window.fileMenu(), Qt::Key_X);
        QTRY_VERIFY_WITH_TIMEOUT(!told.isEmpty(), 15000);
        responder.stop();
        const Result<OrganisationSettings> settings = PackageStore(*c.db, *c.ada).settings();
        QVERIFY(settings.ok());
        QCOMPARE(settings->name, QStringLiteral("Hillside Health"));
        QCOMPARE(settings->code, QStringLiteral("HHX"));
        const Result<QByteArray> key = PackageStore(*c.db, *c.ada).publicKey();
        QVERIFY(key.ok());
        QVERIFY2(told.contains(fingerprintWords(key.value())), qPrintable(told));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<PackagePreview> preview = PackageStore(*m_db, *m_bea).preview(file.readAll());
        QVERIFY(preview.ok() && preview->check.valid());
        QCOMPARE(preview->package.provenance.organisationName, QStringLiteral("Hillside Health"));
    }

private:
    /// File > Import a form package (Alt+F, G), the path typed into the chooser; in the dialog that follows, reads
    /// what it says and presses Alt+I (Import) when `import`, else Escape.
    Seen importByKeyboard(const QString &path, bool import)
    {
        Seen seen;
        WhenShown<QFileDialog> chooser([&](QFileDialog *dialog) { typePath(dialog, path); });
        WhenShown<PackageImportDialog> reader([&](PackageImportDialog *dialog) {
            seen.signature = dialog->findChild<QLabel *>(QStringLiteral("signatureWords"))->text();
            if (auto *effect = dialog->findChild<QLabel *>(QStringLiteral("effectWords")))
                seen.effect = effect->text();
            if (auto *about = dialog->findChild<QLabel *>(QStringLiteral("aboutThisForm")))
                seen.about = about->accessibleName(); // its words as a screen reader reads them
            seen.importButton = dialog->actionButton() && dialog->actionButton()->isVisible();
            for (QWidget *control : dialog->findChildren<QWidget *>()) {
                if (control->isVisible() && control->focusPolicy() != Qt::NoFocus
                    && control->accessibleName().isEmpty())
                    seen.unnamed << control->objectName();
            }
            activateAndKeep(dialog);
            QTest::keyClick(dialog, import ? Qt::Key_I : Qt::Key_Escape, import ? Qt::AltModifier : Qt::NoModifier);
            // Not closed by the keys: closed here, so that the test fails instead of waiting.
            QTimer::singleShot(2000, dialog, [dialog] {
                qWarning("the import dialog did not close by keyboard");
                dialog->reject();
            });
        });
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::AltModifier);
        QMenu *file = m_window->fileMenu();
        if (!QTest::qWaitFor([file] { return file->isVisible(); }, 3000))
            return seen;
        QTest::keyClick(file, Qt::Key_G);
        if (!QTest::qWaitFor([&] { return reader.done(); }, 15000))
            qWarning("the import dialog did not show");
        QTest::qWait(50);
        return seen;
    }

    PanelFixture m_a;
    QTemporaryDir m_dir;
    QString m_package, m_tampered, m_keyWords;
    std::unique_ptr<QTemporaryDir> m_b;
    std::unique_ptr<Database> m_db;
    std::optional<Session> m_bea;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SharedWorkspace> m_workspace;
};

QTEST_MAIN(TestPackageImport)
#include "tst_packageimport.moc"
