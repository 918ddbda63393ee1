// Publishing a version whose translations the English moved on from, in the store (no widgets), on SQLite and on
// PostgreSQL (COFORM_TEST_PG_URL; without it the PostgreSQL rows fail): refused in words (a conflict told apart from
// open comments) unless the admin gives a reason; the reason is kept with the version and is in the "What changed"
// summary and its PDF under "Not changed, and why"; saying in the draft that each translation is still right (a new
// stamp, as "Welsh still right" does) clears the need.
#include "edit/edit.h"
#include "format/templateformat.h"
#include "model/translationstamps.h"
#include "pdf/whatchangedpdf.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"
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
    std::optional<Session> ada, rita, colin;
    QStringList welshQuestions; ///< the first two questions with a Welsh label
    QList<int> numbers;         ///< their numbers

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
        rita = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password")).value();
        colin = users.signIn(QStringLiteral("Colin"), QStringLiteral("colin-password")).value();
        Problems problems;
        std::optional<Template> t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        if (!t)
            return false;
        // The Welsh of two questions was made from their English as it is now (as typing it in the editor stamps it).
        const QMap<QString, int> numbered = t->questionNumbers();
        for (const Item *item : t->allItems()) {
            if (welshQuestions.size() < 2 && numbered.value(item->id) > 0
                && !item->translations.value(QStringLiteral("cy")).label.isEmpty()) {
                welshQuestions.append(item->id);
                numbers.append(numbered.value(item->id));
            }
        }
        for (const QString &id : std::as_const(welshQuestions)) {
            Item *item = t->findItem(id);
            item->translations[QStringLiteral("cy")].madeFrom.insert(QStringLiteral("label"),
                                                                     TranslationStamps::stamp(item->label));
        }
        return welshQuestions.size() == 2 && TemplateStore(*db, *colin).addTemplate(*t).ok();
    }

    /// Proposes the draft and has Colin and Rita approve it.
    bool proposeAndApprove() const
    {
        TemplateStore asColin(*db, *colin);
        return asColin.propose(Id).ok() && asColin.approve(Id).ok() && TemplateStore(*db, *rita).approve(Id).ok();
    }

    /// Version 1 published (its Welsh up to date) and the English of both Welsh questions changed in draft 2.
    bool secondDraftWithNewEnglish() const
    {
        if (!proposeAndApprove() || !TemplateStore(*db, *ada).publish(Id).ok())
            return false;
        TemplateStore asColin(*db, *colin);
        if (!asColin.startDraft(Id).ok())
            return false;
        for (const QString &id : welshQuestions) {
            const Template now = asColin.get(Id).value();
            const Result<ChangeRecord> done = asColin.applyEdit(
                Id, Edit::setItemProperty(now, id, QStringLiteral("label"),
                                          now.findItem(id)->label + QStringLiteral(" Please say in your own words.")));
            if (!done.ok()) {
                qWarning("%s", qPrintable(done.message()));
                return false;
            }
        }
        return true;
    }
};

QString pdfText(const TemplateDiff &diff)
{
    QByteArray pdf;
    QString error;
    if (!writeWhatChangedPdf(diff, {}, &pdf, &error))
        return QStringLiteral("no PDF: ") + error;
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return QStringLiteral("the PDF does not load");
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(doc->page(i))->text(QRectF()) + QLatin1Char('\n');
    return text.replace(QChar(0xFB01), QStringLiteral("fi")).simplified(); // the font's "fi" ligature
}

} // namespace

class TestStoreStaleTranslations : public QObject
{
    Q_OBJECT

private slots:
    void publishingWithOutOfDateWelshNeedsAReason_data() { test::addBackendRows(); }
    void publishingWithOutOfDateWelshNeedsAReason()
    {
        QFETCH(QString, backend);
        Group g;
        QVERIFY(g.setUp(backend));
        QVERIFY(g.secondDraftWithNewEnglish());
        TemplateStore ada(*g.db, *g.ada);
        // Version 1 was published with its Welsh up to date: no reason was needed, none is kept.
        QVERIFY(ada.versionInfo(Id, 1)->translationsReason.isEmpty());
        QVERIFY(ada.diff(Id, 0, 1)->translationsNotUpdated.isEmpty());
        QCOMPARE(TranslationStamps::outOfDate(ada.get(Id).value()).size(), 2);

        // An open comment is refused first, as before, and told apart from the translations.
        QVERIFY(g.proposeAndApprove());
        const Result<CommentThread> comment =
            CommentStore(*g.db, *g.colin).startThread(Id, g.welshQuestions.first(), QStringLiteral("Shorter, please"));
        QVERIFY2(comment.ok(), qPrintable(comment.message()));
        Result<VersionInfo> refused = ada.publish(Id);
        QCOMPARE(refused.status(), StoreStatus::Conflict);
        QCOMPARE(refused.outcome().refusal, Refusal::OpenComments);

        // With the comments answered, the out-of-date Welsh is refused in words, saying the two ways on.
        const QString commentsReason = QStringLiteral("Kept: the framework's words");
        refused = ada.publish(Id, {}, commentsReason);
        QCOMPARE(refused.status(), StoreStatus::Conflict);
        QCOMPARE(refused.outcome().refusal, Refusal::OutOfDateTranslations);
        QVERIFY2(refused.message().contains(QStringLiteral("Version 2 of 'chc-review' was not published. The Welsh of "
                                                           "question %1 and 1 more are out of date: the English "
                                                           "changed after they were translated.")
                                                .arg(g.numbers.first())),
                 qPrintable(refused.message()));
        QVERIFY2(refused.message().contains(QStringLiteral("re-approve each in the draft")),
                 qPrintable(refused.message()));
        QVERIFY(refused.message().contains(QStringLiteral("give a reason for publishing with them as they are")));
        QCOMPARE(ada.versionInfo(Id)->status, VersionStatus::Proposed); // nothing changed
        QVERIFY(!CommentStore(*g.db, *g.ada).threads(Id)->first().resolved);
        // A reason of spaces is no reason.
        QCOMPARE(ada.publish(Id, {}, commentsReason, QStringLiteral("   ")).outcome().refusal,
                 Refusal::OutOfDateTranslations);

        // With a reason it is published, and the reason is kept with the version.
        const QString reason = QStringLiteral("The Welsh still says the same; the translator checks it in March");
        const Result<VersionInfo> published = ada.publish(Id, {}, commentsReason, QStringLiteral("  ") + reason);
        QVERIFY2(published.ok(), qPrintable(published.message()));
        QCOMPARE(published->status, VersionStatus::Published);
        QCOMPARE(published->translationsReason, reason);
        QCOMPARE(ada.versionInfo(Id, 2)->translationsReason, reason);
        QVERIFY(ada.versionInfo(Id, 1)->translationsReason.isEmpty());

        // "What changed" from version 1 to 2 lists it under "Not changed, and why"; from nothing to 1 it does not.
        const Result<TemplateDiff> diff = ada.diff(Id, 1, 2);
        QVERIFY2(diff.ok(), qPrintable(diff.message()));
        QCOMPARE(diff->translationsNotUpdated.size(), 1);
        const TranslationsNotUpdated &n = diff->translationsNotUpdated.first();
        QCOMPARE(n.version, 2);
        QCOMPARE(n.what, QStringLiteral("The Welsh of questions %1 and %2").arg(g.numbers.at(0)).arg(g.numbers.at(1)));
        QCOMPARE(n.reason, reason);
        QCOMPARE(n.reasonBy, QStringLiteral("Ada"));
        QCOMPARE(n.sentence(), n.what + QStringLiteral(" was not brought up to date: ") + reason);
        QVERIFY(ada.diff(Id, 0, 1)->translationsNotUpdated.isEmpty());
        QCOMPARE(ada.diff(Id, 0, 2)->translationsNotUpdated.size(), 1);

        const QString text = pdfText(diff.value());
        const qsizetype heading = text.indexOf(QStringLiteral("Not changed, and why"));
        QVERIFY2(heading >= 0, qPrintable(text.right(1500)));
        const QString after = text.mid(heading);
        QVERIFY2(after.contains(QStringLiteral("The Welsh of questions %1 and %2 was not brought up to date: %3 (Ada)")
                                    .arg(g.numbers.at(0))
                                    .arg(g.numbers.at(1))
                                    .arg(reason)),
                 qPrintable(after));
        QVERIFY2(after.contains(QStringLiteral("Why not: ") + commentsReason), qPrintable(after));
    }

    void sayingTheWelshIsStillRightClearsTheNeed_data() { test::addBackendRows(); }
    void sayingTheWelshIsStillRightClearsTheNeed()
    {
        QFETCH(QString, backend);
        Group g;
        QVERIFY(g.setUp(backend));
        QVERIFY(g.secondDraftWithNewEnglish());
        // A proposal with the Welsh out of date is refused; the proposal is withdrawn to bring it up to date.
        QVERIFY(g.proposeAndApprove());
        TemplateStore ada(*g.db, *g.ada);
        QCOMPARE(ada.publish(Id).outcome().refusal, Refusal::OutOfDateTranslations);
        TemplateStore asColin(*g.db, *g.colin);
        QVERIFY(asColin.withdrawProposal(Id).ok());

        // In the draft each Welsh is said to be still right: a stamp of the English as it is now.
        for (const QString &id : std::as_const(g.welshQuestions)) {
            const Template now = asColin.get(Id).value();
            const Result<ChangeRecord> done = asColin.applyEdit(
                Id, Edit::setTranslation(now, {}, id, QStringLiteral("cy"), QStringLiteral("madeFrom:label"),
                                         TranslationStamps::stamp(now.findItem(id)->label)));
            QVERIFY2(done.ok(), qPrintable(done.message()));
        }
        QVERIFY(TranslationStamps::outOfDate(asColin.get(Id).value()).isEmpty());

        // Proposed and approved again, it is published without a reason, and none is listed.
        QVERIFY(g.proposeAndApprove());
        const Result<VersionInfo> published = ada.publish(Id);
        QVERIFY2(published.ok(), qPrintable(published.message()));
        QVERIFY(published->translationsReason.isEmpty());
        QVERIFY(ada.diff(Id, 1, 2)->translationsNotUpdated.isEmpty());
        // A reason given when nothing is out of date is not kept (there is nothing to explain).
        QVERIFY(asColin.startDraft(Id).ok());
        QVERIFY(g.proposeAndApprove());
        const Result<VersionInfo> third = ada.publish(Id, {}, {}, QStringLiteral("Not needed"));
        QVERIFY2(third.ok(), qPrintable(third.message()));
        QVERIFY(third->translationsReason.isEmpty());
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // the PDF writer needs fonts
    TestStoreStaleTranslations test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_store_staletranslations.moc"
