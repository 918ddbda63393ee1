// "What needs you", comments closed with a reason, publishing over open comments and the first version's "What
// changed", in the store (no widgets), on SQLite and on PostgreSQL (COFORM_TEST_PG_URL; without it the PostgreSQL
// rows fail).
#include "edit/edit.h"
#include "format/templateformat.h"
#include "pdf/whatchangedpdf.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "store/whatneedsyou.h"
#include "testdatabase.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace coform;

namespace {

const QString Id = QStringLiteral("chc-review");

struct Group
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::optional<Session> ada, rita, colin, priya;

    bool setUp(const QString &backend)
    {
        QString error;
        const QString location = test::freshDatabase(backend, dir, &error);
        if (location.isEmpty()) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        db = Database::open(location, &error);
        if (!db) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        UserStore users(*db);
        ada = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password")).value();
        users.addUser(*ada, QStringLiteral("Rita"), Role::Reviewer, QStringLiteral("reviewer-password"));
        users.addUser(*ada, QStringLiteral("Colin"), Role::Coproducer, QStringLiteral("colin-password"));
        users.addUser(*ada, QStringLiteral("Priya"), Role::Coproducer, QStringLiteral("priya-password"));
        rita = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password")).value();
        colin = users.signIn(QStringLiteral("Colin"), QStringLiteral("colin-password")).value();
        priya = users.signIn(QStringLiteral("Priya"), QStringLiteral("priya-password")).value();
        Problems problems;
        const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        return t && TemplateStore(*db, *colin).addTemplate(*t).ok();
    }

    QVector<NeedsYou> needs(const Session &who) const
    {
        const Result<QVector<NeedsYou>> list = WhatNeedsYou(*db, who).list();
        if (!list.ok())
            qWarning("%s", qPrintable(list.message()));
        return list.ok() ? list.value() : QVector<NeedsYou>{};
    }

    QString question(int skip) const
    {
        const Template t = TemplateStore(*db, *ada).get(Id).value();
        for (const Item *item : t.allItems()) {
            if (item->type != ItemType::Info && skip-- == 0)
                return item->id;
        }
        return {};
    }
};

QString kinds(const QVector<NeedsYou> &list)
{
    QStringList words;
    for (const NeedsYou &n : list) {
        switch (n.kind) {
        case NeedsYou::Kind::Approve:
            words << QStringLiteral("approve v%1").arg(n.version);
            break;
        case NeedsYou::Kind::Reply:
            words << QStringLiteral("reply by %1").arg(n.who);
            break;
        case NeedsYou::Kind::CommentOnYourChange:
            words << QStringLiteral("comment by %1").arg(n.who);
            break;
        case NeedsYou::Kind::Draft:
            words << QStringLiteral("draft v%1").arg(n.version);
            break;
        }
    }
    return words.join(QStringLiteral(", "));
}

} // namespace

class TestWhatNeedsYou : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void whatNeedsEachPerson_data() { test::addBackendRows(); }
    void whatNeedsEachPerson()
    {
        QFETCH(QString, backend);
        Group g;
        QVERIFY(g.setUp(backend));
        // Colin started the draft and rewords a question: his draft needs him; nobody else is in it.
        const QString q = g.question(1);
        TemplateStore colin(*g.db, *g.colin);
        const Template now = colin.get(Id).value();
        QVERIFY(
            colin.applyEdit(Id, Edit::setItemProperty(now, q, QStringLiteral("label"), QStringLiteral("Who are you?")))
                .ok());
        QCOMPARE(kinds(g.needs(*g.colin)), QStringLiteral("draft v1"));
        QCOMPARE(kinds(g.needs(*g.priya)), QString());

        // He asks the group to approve it: it waits for everyone who has not approved it, him too.
        QVERIFY(colin.propose(Id).ok());
        QCOMPARE(kinds(g.needs(*g.priya)), QStringLiteral("approve v1"));
        QCOMPARE(kinds(g.needs(*g.rita)), QStringLiteral("approve v1"));
        const QVector<NeedsYou> forPriya = g.needs(*g.priya);
        QCOMPARE(forPriya.first().who, QStringLiteral("Colin"));
        QCOMPARE(forPriya.first().templateTitle, TemplateStore(*g.db, *g.ada).get(Id)->title);
        QVERIFY(TemplateStore(*g.db, *g.priya).approve(Id).ok());
        QCOMPARE(kinds(g.needs(*g.priya)), QString());
        QCOMPARE(kinds(g.needs(*g.colin)), QStringLiteral("approve v1"));

        // Priya comments on the question Colin changed: it needs him, with its words and number.
        CommentStore priyas(*g.db, *g.priya);
        const Result<CommentThread> thread = priyas.startThread(Id, q, QStringLiteral("Could it say your name?"));
        QVERIFY(thread.ok());
        QCOMPARE(kinds(g.needs(*g.colin)), QStringLiteral("approve v1, comment by Priya"));
        const NeedsYou comment = g.needs(*g.colin).last();
        QCOMPARE(comment.itemId, q);
        QCOMPARE(comment.itemLabel, QStringLiteral("Who are you?"));
        QCOMPARE(comment.questionNumber, 2);
        QCOMPARE(comment.threadId, thread->id);
        QCOMPARE(kinds(g.needs(*g.rita)), QStringLiteral("approve v1")); // Rita did not change it

        // He replies: it no longer waits for him, and his reply waits for her.
        QVERIFY(CommentStore(*g.db, *g.colin).reply(thread->id, QStringLiteral("Yes, I will")).ok());
        QCOMPARE(kinds(g.needs(*g.colin)), QStringLiteral("approve v1"));
        QCOMPARE(kinds(g.needs(*g.priya)), QStringLiteral("reply by Colin"));
        // Resolved: nothing waits for her.
        QVERIFY(priyas.resolve(thread->id).ok());
        QCOMPARE(kinds(g.needs(*g.priya)), QString());
    }

    void publishingOverOpenCommentsNeedsAReason_data() { test::addBackendRows(); }
    void publishingOverOpenCommentsNeedsAReason()
    {
        QFETCH(QString, backend);
        Group g;
        QVERIFY(g.setUp(backend));
        TemplateStore colin(*g.db, *g.colin);
        QVERIFY(colin.propose(Id).ok());
        // Withdrawing is for whoever proposed it, or an admin.
        const Outcome byPriya = TemplateStore(*g.db, *g.priya).withdrawProposal(Id);
        QCOMPARE(byPriya.status, StoreStatus::NotPermitted);
        QVERIFY2(byPriya.message.contains(QStringLiteral("only Colin, who asked the group to approve version 1")),
                 qPrintable(byPriya.message));
        QVERIFY(TemplateStore(*g.db, *g.ada).withdrawProposal(Id).ok());
        QVERIFY(colin.propose(Id).ok());
        QVERIFY(colin.withdrawProposal(Id).ok());
        QVERIFY(colin.propose(Id).ok());
        QVERIFY(colin.approve(Id).ok());
        QVERIFY(TemplateStore(*g.db, *g.rita).approve(Id).ok());

        CommentStore priyas(*g.db, *g.priya);
        const QString q1 = g.question(0), q2 = g.question(3);
        const Result<CommentThread> pets = priyas.startThread(Id, q1, QStringLiteral("Ask about pets"));
        const Result<CommentThread> font = priyas.startThread(Id, q2, QStringLiteral("Bigger words please"));
        QVERIFY(pets.ok() && font.ok());

        // Open comments: refused in words, nothing published.
        TemplateStore ada(*g.db, *g.ada);
        const Result<VersionInfo> refused = ada.publish(Id);
        QCOMPARE(refused.outcome().status, StoreStatus::Conflict);
        QVERIFY2(refused.message().contains(QStringLiteral("2 comments are still open")),
                 qPrintable(refused.message()));
        QCOMPARE(ada.versionInfo(Id)->status, VersionStatus::Proposed);
        QVERIFY(ada.publish(Id, QStringLiteral("a coverage reason is not a comments reason")).outcome().status
                == StoreStatus::Conflict);

        // One is resolved with its own reason; the other is covered by the reason given when publishing.
        QVERIFY(
            CommentStore(*g.db, *g.ada).resolve(font->id, QStringLiteral("The large print version does that")).ok());
        const Result<VersionInfo> published = ada.publish(Id, {}, QStringLiteral("Pets belong in the home visit form"));
        QVERIFY2(published.ok(), qPrintable(published.message()));
        const Result<QVector<CommentThread>> threads = priyas.threads(Id);
        QCOMPARE(threads->size(), 2);
        QCOMPARE(threads->at(0).resolvedReason, QStringLiteral("Pets belong in the home visit form"));
        QCOMPARE(threads->at(0).resolvedBy, QStringLiteral("Ada"));
        QCOMPARE(threads->at(1).resolvedReason, QStringLiteral("The large print version does that"));

        // The first version's "What changed": every question is new, and what was not changed says why.
        const Result<TemplateDiff> diff = ada.diff(Id, 0, 1);
        QVERIFY2(diff.ok(), qPrintable(diff.message()));
        const Template v1 = ada.get(Id, 1).value();
        QCOMPARE(diff->items.size(), v1.allItems().size());
        for (const ItemDiff &d : diff->items)
            QCOMPARE(d.changes, QVector<ItemDiff::Change>{ItemDiff::Change::Added});
        QVERIFY(diff->templateDetails.isEmpty());
        QCOMPARE(diff->notChanged.size(), 2);
        QCOMPARE(diff->notChanged.at(0).comment, QStringLiteral("Ask about pets"));
        QCOMPARE(diff->notChanged.at(0).author, QStringLiteral("Priya"));
        QCOMPARE(diff->notChanged.at(0).label, v1.findItem(q1)->label);
        QCOMPARE(diff->notChanged.at(0).reasonBy, QStringLiteral("Ada"));

        QByteArray pdf;
        QString error;
        QVERIFY2(writeWhatChangedPdf(diff.value(), {}, &pdf, &error), qPrintable(error));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QString text;
        for (int i = 0; i < doc->numPages(); ++i)
            text += doc->page(i)->text(QRectF()) + QLatin1Char('\n');
        text = text.simplified();
        const QString after = text.mid(text.indexOf(QStringLiteral("Not changed, and why")));
        QVERIFY2(after.startsWith(QStringLiteral("Not changed, and why")), qPrintable(text.right(800)));
        QVERIFY2(after.contains(QStringLiteral("Why not: Pets belong in the home visit form (Ada)")),
                 qPrintable(after));
        QVERIFY(after.contains(QStringLiteral("Why not: The large print version does that (Ada)")));
        QVERIFY(after.contains(QStringLiteral("You said: \u201cAsk about pets\u201d (Priya")));

        // A version's own refusals speak of states in the group's words.
        const Outcome again = TemplateStore(*g.db, *g.priya).approve(Id);
        QVERIFY2(again.message.contains(QStringLiteral("is published, in use for reviews")), qPrintable(again.message));
        QVERIFY(!again.message.contains(QStringLiteral("proposed, not")));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // the PDF writer needs fonts
    TestWhatNeedsYou test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_whatneedsyou.moc"
