// The document without a window: one TemplateDocument for files and the shared database alike, its undo stack
// through the store's edit gate, frozen versions, and crash recovery of unfinished work.
#include "gui/panelfixture.h"

#include "document/draftrecovery.h"
#include "document/storedtemplatesync.h"
#include "document/templatedocument.h"
#include "format/draftreader.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace coform;
using coform::test::PanelFixture;

namespace {

/// One person's document on the stored template, with its own connection and live link.
struct Editor
{
    std::unique_ptr<Database> db;
    TemplateDocument document;
    std::unique_ptr<StoredTemplateSync> sync;
    QVector<SyncConflict> conflicts;
    QStringList failures;

    bool open(const PanelFixture &f, const Session &who)
    {
        db = f.openAnother();
        if (!db)
            return false;
        const Result<Template> stored = TemplateStore(*db, who).get(QString::fromLatin1(PanelFixture::TemplateId));
        if (!stored.ok())
            return false;
        document.open(stored.value(), TemplateDocument::Origin::Store, QString());
        sync = std::make_unique<StoredTemplateSync>(*db, who, QString::fromLatin1(PanelFixture::TemplateId), &document);
        sync->setPollInterval(20);
        QObject::connect(sync.get(), &StoredTemplateSync::conflictArose, sync.get(),
                         [this](const SyncConflict &c) { conflicts.append(c); });
        QObject::connect(sync.get(), &StoredTemplateSync::failed, sync.get(),
                         [this](const QString &m) { failures.append(m); });
        return true;
    }
    bool setLabel(const QString &id, const QString &label)
    {
        return document.push(Edit::setItemProperty(document.content(), id, QStringLiteral("label"), label));
    }
};

QString storedLabel(const PanelFixture &f, const QString &itemId)
{
    return TemplateStore(*f.db, *f.ada)
        .get(QString::fromLatin1(PanelFixture::TemplateId))
        .value()
        .findItem(itemId)
        ->label;
}

/// A form in the middle of being written: a section with nothing in it yet, and a choice with no answers yet.
Template unfinishedForm()
{
    Template t;
    t.id = QStringLiteral("unfinished");
    t.title = QStringLiteral("Unfinished review form");
    t.requirementSet = QStringLiteral("chc-national-framework");
    Section first;
    first.id = QStringLiteral("about-you");
    first.title = QStringLiteral("About you");
    Item choice;
    choice.id = QStringLiteral("living");
    choice.type = ItemType::Choice;
    choice.label = QStringLiteral("Where do you live now?");
    first.items.append(choice);
    Section empty;
    empty.id = QStringLiteral("your-care");
    empty.title = QStringLiteral("Your care");
    t.sections = {first, empty};
    return t;
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }

    void aConflictingUndoLeavesNothingBehind()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        Editor colin, priya;
        QVERIFY(colin.open(f, *f.colin) && priya.open(f, *f.priya));
        const QString id = PanelFixture::questionId(colin.document.content(), 2);

        // Colin rewords the question; Priya, having seen it, rewords it again.
        QVERIFY(colin.setLabel(id, QStringLiteral("Colin's words")));
        QTRY_COMPARE(priya.document.content().findItem(id)->label, QStringLiteral("Colin's words"));
        QVERIFY(priya.setLabel(id, QStringLiteral("Priya's words")));
        QCOMPARE(storedLabel(f, id), QStringLiteral("Priya's words"));
        QTRY_COMPARE(colin.document.content().findItem(id)->label, QStringLiteral("Priya's words"));

        // Colin's undo would take away Priya's words: the store refuses it, and nothing of it stays on his stack.
        QCOMPARE(colin.document.undoStack()->count(), 1);
        colin.document.undoStack()->undo();
        QCOMPARE(colin.document.undoStack()->count(), 0);
        QVERIFY(!colin.document.undoStack()->canUndo());
        QVERIFY(!colin.document.undoStack()->canRedo());
        QCOMPARE(colin.document.content().findItem(id)->label, QStringLiteral("Priya's words"));
        QCOMPARE(storedLabel(f, id), QStringLiteral("Priya's words"));
        // He is told who changed it and when: a real person and a real time.
        QTRY_COMPARE(colin.conflicts.size(), 1);
        QCOMPARE(colin.conflicts.first().theirName, QStringLiteral("Priya"));
        QVERIFY(colin.conflicts.first().theirTime.isValid());
        QVERIFY(qAbs(colin.conflicts.first().theirTime.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    }

    void aConflictingRedoLeavesNothingBehind()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        Editor colin, priya;
        QVERIFY(colin.open(f, *f.colin) && priya.open(f, *f.priya));
        const QString id = PanelFixture::questionId(colin.document.content(), 1);
        const QString original = colin.document.content().findItem(id)->label;

        QVERIFY(colin.setLabel(id, QStringLiteral("Colin's words")));
        colin.document.undoStack()->undo(); // back to the original, through the store
        QCOMPARE(storedLabel(f, id), original);
        QVERIFY(colin.document.undoStack()->canRedo());
        // Priya changes it meanwhile; Colin's redo would overwrite her words unseen: refused, and gone.
        QTRY_COMPARE(priya.document.content().findItem(id)->label, original);
        QVERIFY(priya.setLabel(id, QStringLiteral("Priya's words")));
        colin.document.undoStack()->redo();
        QCOMPARE(colin.document.undoStack()->count(), 0);
        QVERIFY(!colin.document.undoStack()->canRedo());
        QCOMPARE(storedLabel(f, id), QStringLiteral("Priya's words"));
        QTRY_COMPARE(colin.document.content().findItem(id)->label, QStringLiteral("Priya's words"));
    }

    void aProposedVersionIsFrozen()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(TemplateStore(*f.db, *f.colin).propose(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        Editor colin;
        QVERIFY(colin.open(f, *f.colin));
        QVERIFY(colin.document.isReadOnly());
        QVERIFY2(colin.document.readOnlyReason().contains(QStringLiteral("Withdraw the proposal to change it")),
                 qPrintable(colin.document.readOnlyReason()));
        const QString id = PanelFixture::questionId(colin.document.content());
        const QString before = colin.document.content().findItem(id)->label;
        QSignalSpy refused(&colin.document, &TemplateDocument::editRefused);
        QVERIFY(!colin.setLabel(id, QStringLiteral("Changed after all")));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(colin.document.content().findItem(id)->label, before);
        QCOMPARE(colin.document.undoStack()->count(), 0);
        QCOMPARE(storedLabel(f, id), before);
        QTest::qWait(100);
        QVERIFY(colin.conflicts.isEmpty()); // no "someone else changed it": nobody did

        // A published version says to start a new draft.
        QVERIFY(TemplateStore(*f.db, *f.colin).approve(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        QVERIFY(TemplateStore(*f.db, *f.rita).approve(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        QVERIFY(TemplateStore(*f.db, *f.ada).publish(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        colin.sync->checkVersionState();
        QVERIFY(colin.document.readOnlyReason().contains(QStringLiteral("Start a new draft")));
    }

    void aDraftProposedMeanwhileFreezesInsteadOfConflicting()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        Editor colin;
        QVERIFY(colin.open(f, *f.colin));
        QVERIFY(!colin.document.isReadOnly());
        // Someone proposes the draft while Colin has it open; his next change is refused as frozen, not as a conflict.
        QVERIFY(TemplateStore(*f.db, *f.priya).propose(QString::fromLatin1(PanelFixture::TemplateId)).ok());
        const QString id = PanelFixture::questionId(colin.document.content());
        const QString before = colin.document.content().findItem(id)->label;
        colin.setLabel(id, QStringLiteral("Too late"));
        QVERIFY(colin.document.isReadOnly());
        QCOMPARE(colin.document.content().findItem(id)->label, before);
        QCOMPARE(colin.document.undoStack()->count(), 0);
        QTRY_VERIFY(!colin.failures.isEmpty());
        QVERIFY(colin.conflicts.isEmpty());
    }

    void recoveryOfAnUnfinishedFormOpensListingItsProblems()
    {
        for (const RecoverableDraft &left : DraftRecovery::find())
            DraftRecovery::discard(left);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unfinished.json"));
        TemplateDocument document;
        DraftRecovery recovery(&document);
        document.open(unfinishedForm(), TemplateDocument::Origin::File, path);
        QVERIFY(document.push(Edit::setTemplateProperty(document.content(), QStringLiteral("title"),
                                                        QStringLiteral("Unfinished review form, day 2"))));
        QVERIFY(recovery.writeNow());
        // As after a crash: the copy is there and no running Coform holds it.
        const QString crashed = QFileInfo(recovery.draftFile()).absolutePath() + QStringLiteral("/crashed.json");
        QVERIFY(QFile::copy(recovery.draftFile(), crashed));
        QVERIFY(QFile::copy(recovery.draftFile() + QStringLiteral(".about"), crashed + QStringLiteral(".about")));

        const QVector<RecoverableDraft> drafts = DraftRecovery::find();
        QCOMPARE(drafts.size(), 1);
        TemplateDocument after;
        QString error;
        Problems problems;
        QVERIFY2(DraftRecovery::recover(drafts.first(), &after, &error, &problems), qPrintable(error));
        QCOMPARE(after.content().title, QStringLiteral("Unfinished review form, day 2"));
        QCOMPARE(after.content().sections.size(), 2);
        QVERIFY(after.content().sections.at(1).items.isEmpty());
        QVERIFY(after.content().findItem(QStringLiteral("living"))->options.isEmpty());
        QVERIFY(after.isModified());
        QCOMPARE(after.path(), path);
        // Both unfinished things are listed.
        QStringList pointers;
        for (const Problem &p : problems)
            pointers.append(p.pointer);
        QVERIFY2(pointers.contains(QStringLiteral("/sections/1/items"))
                     || pointers.contains(QStringLiteral("/sections/1")),
                 qPrintable(pointers.join(QLatin1Char(' '))));
        bool choiceListed = false;
        for (const QString &pointer : pointers)
            choiceListed = choiceListed || pointer.startsWith(QStringLiteral("/sections/0/items/0"));
        QVERIFY2(choiceListed, qPrintable(pointers.join(QLatin1Char(' '))));
    }

    void aFileSavedUnfinishedReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("unfinished.json"));
        QString error;
        QVERIFY2(writeTemplateFile(unfinishedForm(), path, &error), qPrintable(error));
        Problems strictProblems;
        QVERIFY(!readTemplateFile(path, &strictProblems)); // the strict reader (for publishing) refuses it
        Problems problems;
        const std::optional<Template> reopened = readTemplateFileLeniently(path, &problems);
        QVERIFY(reopened);
        QCOMPARE(writeTemplate(*reopened), writeTemplate(unfinishedForm()));
        for (const Problem &p : strictProblems) // every problem the strict reader finds is listed, none hidden
            QVERIFY2(problems.contains(p), qPrintable(p.toString()));
        QCOMPARE(problems.size(), strictProblems.size() + 1); // and the empty section
        // A file that is not a form at all is still refused.
        QFile junk(dir.filePath(QStringLiteral("junk.json")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"not\": \"a form\"}");
        junk.close();
        Problems junkProblems;
        QVERIFY(!readTemplateFileLeniently(junk.fileName(), &junkProblems));
        QVERIFY(!junkProblems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
