// Two windows on one stored template, each on its own connection to the same SQLite file: an edit in one reaches
// the other's document (without an undo step there), a conflicting edit is refused with both values and resolved
// by the person's choice, undo goes through the store, and presence says who is on which question.
#include "document/storedtemplatesync.h"
#include "document/templatedocument.h"
#include "panelfixture.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace coform;
using coform::test::PanelFixture;

class TestStoredTemplateSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }
    void init();
    void cleanup();
    void anEditReachesTheOtherWindow();
    void aConflictShowsBothValuesAndLosesNothing();
    void mergedTextIsSaved();
    void undoGoesThroughTheStore();
    void presenceSaysWhoIsWhere();

private:
    /// One person's window: a connection, a document holding the stored template, and the sync.
    struct Window
    {
        std::unique_ptr<Database> db;
        std::unique_ptr<TemplateDocument> document;
        std::unique_ptr<StoredTemplateSync> sync;
        QVector<SyncConflict> conflicts;
        QVector<QVector<Presence>> presence;

        const Item &item(const QString &id) const { return *document->content().findItem(id); }
        bool setLabel(const QString &id, const QString &label)
        {
            return document->push(Edit::setItemProperty(document->content(), id, QStringLiteral("label"), label));
        }
    };

    std::unique_ptr<Window> openWindow(const Session &who)
    {
        auto window = std::make_unique<Window>();
        window->db = m_fixture.openAnother();
        if (!window->db)
            return {};
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        const Result<Template> stored = TemplateStore(*window->db, who).get(id);
        if (!stored.ok())
            return {};
        window->document = std::make_unique<TemplateDocument>();
        window->document->open(stored.value(), TemplateDocument::Origin::Store, QString());
        window->sync = std::make_unique<StoredTemplateSync>(*window->db, who, id, window->document.get());
        window->sync->setPollInterval(50);
        Window *w = window.get();
        connect(w->sync.get(), &StoredTemplateSync::conflictArose, w->sync.get(),
                [w](const SyncConflict &c) { w->conflicts.append(c); });
        connect(w->sync.get(), &StoredTemplateSync::presenceChanged, w->sync.get(),
                [w](const QVector<Presence> &p) { w->presence.append(p); });
        return window;
    }

    QString storedLabel(const QString &itemId)
    {
        const Template t =
            TemplateStore(*m_fixture.db, *m_fixture.colin).get(QString::fromLatin1(PanelFixture::TemplateId)).value();
        return t.findItem(itemId)->label;
    }

    PanelFixture m_fixture;
    QString m_item;
    std::unique_ptr<Window> m_colin, m_priya;
};

void TestStoredTemplateSync::init()
{
    m_fixture = PanelFixture{};
    QVERIFY(m_fixture.setUp());
    m_item = PanelFixture::questionId(PanelFixture::bundled());
    m_colin = openWindow(*m_fixture.colin);
    m_priya = openWindow(*m_fixture.priya);
    QVERIFY(m_colin && m_priya);
}

void TestStoredTemplateSync::cleanup()
{
    m_colin.reset();
    m_priya.reset();
}

void TestStoredTemplateSync::anEditReachesTheOtherWindow()
{
    QVERIFY(m_colin->setLabel(m_item, QStringLiteral("Words from Colin")));
    QCOMPARE(storedLabel(m_item), QStringLiteral("Words from Colin")); // the store has it before anyone else
    QCOMPARE(m_colin->item(m_item).label, QStringLiteral("Words from Colin"));
    QCOMPARE(m_colin->document->undoStack()->count(), 1);

    QSignalSpy changed(m_priya->document.get(), &TemplateDocument::itemChanged);
    QSignalSpy before(m_priya->sync.get(), &StoredTemplateSync::aboutToApplyRemoteChanges);
    QSignalSpy applied(m_priya->sync.get(), &StoredTemplateSync::remoteChangesApplied);
    QTRY_COMPARE_WITH_TIMEOUT(m_priya->item(m_item).label, QStringLiteral("Words from Colin"), 5000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(before.size(), 1);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toInt(), 1);
    QCOMPARE(changed.first().first().toString(), m_item);
    QCOMPARE(m_priya->document->undoStack()->count(), 0); // someone else's change is not Priya's to undo

    // Colin's own change does not come back to him a second time.
    QTest::qWait(300);
    QCOMPARE(m_colin->document->undoStack()->count(), 1);
    QCOMPARE(m_colin->item(m_item).label, QStringLiteral("Words from Colin"));
}

void TestStoredTemplateSync::aConflictShowsBothValuesAndLosesNothing()
{
    // Both change the same words before either window has heard of the other's change.
    QVERIFY(m_colin->setLabel(m_item, QStringLiteral("Colin's words")));
    QVERIFY(m_priya->setLabel(m_item, QStringLiteral("Priya's words")));
    QCOMPARE(storedLabel(m_item), QStringLiteral("Colin's words")); // refused: nothing overwritten

    QTRY_COMPARE_WITH_TIMEOUT(m_priya->conflicts.size(), 1, 5000);
    const SyncConflict conflict = m_priya->conflicts.first();
    QCOMPARE(conflict.mine.toString(), QStringLiteral("Priya's words"));
    QCOMPARE(conflict.theirs.toString(), QStringLiteral("Colin's words"));
    QCOMPARE(conflict.theirName, QStringLiteral("Colin"));
    QVERIFY(conflict.theirTime.isValid());
    QVERIFY(conflict.isText());
    QVERIFY2(conflict.what.startsWith(QStringLiteral("the words of the question")), qPrintable(conflict.what));
    // The refused change is not left on Priya's undo stack.
    QVERIFY(!m_priya->document->undoStack()->canUndo());
    QTRY_COMPARE_WITH_TIMEOUT(m_priya->item(m_item).label, QStringLiteral("Colin's words"), 5000);

    // Priya chooses hers, knowingly: a new change over Colin's, which reaches Colin.
    QVERIFY(m_priya->sync->resolveConflict(conflict, ConflictChoice::UseMine));
    QCOMPARE(storedLabel(m_item), QStringLiteral("Priya's words"));
    QCOMPARE(m_priya->item(m_item).label, QStringLiteral("Priya's words"));
    QVERIFY(m_priya->document->undoStack()->canUndo());
    QTRY_COMPARE_WITH_TIMEOUT(m_colin->item(m_item).label, QStringLiteral("Priya's words"), 5000);
    QCOMPARE(m_priya->conflicts.size(), 1);
}

void TestStoredTemplateSync::mergedTextIsSaved()
{
    QVERIFY(m_colin->setLabel(m_item, QStringLiteral("Colin's words")));
    QVERIFY(m_priya->setLabel(m_item, QStringLiteral("Priya's words")));
    QTRY_COMPARE_WITH_TIMEOUT(m_priya->conflicts.size(), 1, 5000);
    QVERIFY(m_priya->sync->resolveConflict(m_priya->conflicts.first(), ConflictChoice::MergeByHand,
                                           QStringLiteral("Our words")));
    QCOMPARE(storedLabel(m_item), QStringLiteral("Our words"));
    QTRY_COMPARE_WITH_TIMEOUT(m_colin->item(m_item).label, QStringLiteral("Our words"), 5000);

    // Keeping theirs changes nothing in the store and brings their words in.
    QVERIFY(m_colin->setLabel(m_item, QStringLiteral("Colin again")));
    QVERIFY(m_priya->setLabel(m_item, QStringLiteral("Priya again")));
    QTRY_COMPARE_WITH_TIMEOUT(m_priya->conflicts.size(), 2, 5000);
    QVERIFY(m_priya->sync->resolveConflict(m_priya->conflicts.last(), ConflictChoice::KeepTheirs));
    QCOMPARE(storedLabel(m_item), QStringLiteral("Colin again"));
    QCOMPARE(m_priya->item(m_item).label, QStringLiteral("Colin again"));
}

void TestStoredTemplateSync::undoGoesThroughTheStore()
{
    const QString original = m_colin->item(m_item).label;
    QVERIFY(m_colin->setLabel(m_item, QStringLiteral("For a moment")));
    QTRY_COMPARE_WITH_TIMEOUT(m_priya->item(m_item).label, QStringLiteral("For a moment"), 5000);
    m_colin->document->undoStack()->undo();
    QCOMPARE(storedLabel(m_item), original);
    QTRY_COMPARE_WITH_TIMEOUT(m_priya->item(m_item).label, original, 5000);
    const Result<QVector<ChangeRecord>> history =
        TemplateStore(*m_fixture.db, *m_fixture.colin).history(QString::fromLatin1(PanelFixture::TemplateId));
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2); // the undo is a change of its own, by Colin
    QCOMPARE(history->last().userName, QStringLiteral("Colin"));
}

void TestStoredTemplateSync::presenceSaysWhoIsWhere()
{
    m_colin->sync->setCurrentItem(m_item);
    m_priya->sync->sendHeartbeat();
    QVERIFY(!m_priya->presence.isEmpty());
    const QVector<Presence> present = m_priya->presence.last();
    QCOMPARE(present.size(), 2);
    bool colinOnItem = false;
    for (const Presence &p : present)
        colinOnItem = colinOnItem || (p.userName == QStringLiteral("Colin") && p.itemId == m_item);
    QVERIFY(colinOnItem);

    // Colin closes the template: he is no longer listed.
    m_colin.reset();
    m_priya->sync->sendHeartbeat();
    QCOMPARE(m_priya->presence.last().size(), 1);
    QCOMPARE(m_priya->presence.last().first().userName, QStringLiteral("Priya"));
}

QTEST_MAIN(TestStoredTemplateSync)
#include "tst_storedtemplatesync.moc"
