// Shows one of Coform's windows on a fresh database in a temporary folder (Ada the admin, Rita, Colin and Priya, the
// bundled template shared and published, draft 2 started, three fictional reviews), for screenshots and for the
// accessibility audit (a11y-audit coform -- show_window accounts):
//
//   show_window main|coproducer|meeting|reviews|reviewform|accounts|account|signin|firstadmin|recoverykey|
//               opencomments|conflict|printstyle|person|picture|packageimport|packagetampered|updateplan|
//               origincompare|packageidtaken [--size WxH] [--bigger N] [--dock NAME]
//
// packageimport, packagetampered, updateplan and origincompare show the form package dialogs with made-up values (a
// package from "Riverside Care Trust", a new key; the same file changed after signing; an update's plan; this team's
// changes against the origin; packageidtaken: a form here has the package's id, so another is asked for).
// coproducer is the main window as Colin (a co-production member) sees it after signing in: what needs him first.
// --size resizes the main window (default: the window's own default); --bigger presses "Bigger text" N times first
// (the largest text: 20); --dock raises that dock of the main window (historyDock, commentsDock, whatChangedDock,
// coverageDock, undoHistoryDock); --select ID shows that question or section in the details.
#include "common/textsize.h"
#include "editor/picturepicker.h"
#include "mainwindow.h"
#include "preview/printstyledialog.h"
#include "reviews/reviewpersondialog.h"
#include "reviews/reviewswindow.h"
#include "shared/accountdialog.h"
#include "shared/accountswindow.h"
#include "shared/conflictdialog.h"
#include "shared/firstadmindialog.h"
#include "shared/opencommentsdialog.h"
#include "shared/origincomparedialog.h"
#include "shared/packageimportdialog.h"
#include "shared/recoverykeydialog.h"
#include "shared/sharedworkspace.h"
#include "shared/signindialog.h"

#include "../gui/panelfixture.h"
#include "store/commentstore.h"
#include "store/demodata.h"
#include "store/keyring.h"
#include "store/reviewstore.h"
#include "store/templatestore.h"

#include <QApplication>
#include <QDockWidget>
#include <QSettings>
#include <QTimer>

using namespace coform;

namespace {

Provenance sampleProvenance()
{
    Provenance p;
    p.organisationName = QStringLiteral("Riverside Care Trust");
    p.organisationCode = QStringLiteral("RXC");
    p.templateId = QStringLiteral("chc-review");
    p.version = 3;
    p.title = QStringLiteral("Continuing care review");
    p.publishedAt = QDateTime(QDate(2026, 3, 10), QTime(12, 0));
    p.approvals = {{Role::Coproducer, QDate(2026, 3, 3), {}}, {Role::Reviewer, QDate(2026, 3, 4), {}}};
    p.requirementsTotal = 12;
    p.requirementsCovered = 11;
    p.uncovered = {QStringLiteral("R7 Review of the care plan")};
    p.coverageReason = QStringLiteral("We review the care plan in a separate meeting.");
    p.questions = 24;
    p.readingEase = 71;
    p.wordsPerSentence = 11.2;
    p.longSentences = 2;
    p.jargonWords = 1;
    p.history = {{1, QDate(2025, 6, 1), {}, {}},
                 {2,
                  QDate(2025, 11, 2),
                  {QStringLiteral("Question 3 reworded: \u201cWhen would you like your next review?\u201d")},
                  {QStringLiteral("Asked to drop question 9; the framework needs it.")}},
                 {3, QDate(2026, 3, 10), {QStringLiteral("Question 10 added: \u201cWho helps you most?\u201d")}, {}}};
    return p;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("coform"));
    QApplication::setOrganizationName(QStringLiteral("coform-show-window"));
    test::PanelFixture::setUpApplication();
    QSettings().clear();
    const QStringList args = app.arguments();
    const QString which = args.value(1, QStringLiteral("main"));
    auto option = [&](const QString &name) {
        const qsizetype at = args.indexOf(name);
        return at > 0 ? args.value(at + 1) : QString();
    };
    for (int i = 0; i < option(QStringLiteral("--bigger")).toInt(); ++i)
        TextSize().bigger();

    test::PanelFixture f;
    if (!f.setUp() || !f.publishFirstVersionAndStartSecond()) {
        qWarning("show_window: the fixture could not be set up");
        return 1;
    }
    DemoData::fill(*f.db, *f.ada, 3, QString::fromLatin1(test::PanelFixture::TemplateId), 1, QDate::currentDate());

    std::unique_ptr<QWidget> shown;
    std::unique_ptr<SharedWorkspace> workspace;
    if (which == QLatin1String("main") || which == QLatin1String("coproducer") || which == QLatin1String("meeting")) {
        const bool coproducer = which == QLatin1String("coproducer");
        if (coproducer) // the draft waits for Colin's approval: Ada proposed it
            TemplateStore(*f.db, *f.ada).propose(QString::fromLatin1(test::PanelFixture::TemplateId));
        auto *window = new MainWindow;
        shown.reset(window);
        workspace = std::make_unique<SharedWorkspace>(window, *f.db, coproducer ? *f.colin : *f.ada);
        workspace->openStoredTemplate(QString::fromLatin1(test::PanelFixture::TemplateId));
        const QStringList size = option(QStringLiteral("--size")).split(QLatin1Char('x'));
        if (size.size() == 2)
            window->resize(size.at(0).toInt(), size.at(1).toInt());
        if (!option(QStringLiteral("--select")).isEmpty())
            window->selectId(option(QStringLiteral("--select")));
        if (auto *dock = window->findChild<QDockWidget *>(option(QStringLiteral("--dock")))) {
            dock->show();
            dock->raise();
        }
        if (which == QLatin1String("meeting"))
            QTimer::singleShot(500, window, [window] { window->showMeetingView(); });
    } else if (which == QLatin1String("reviews") || which == QLatin1String("reviewform")) {
        auto *reviews = new ReviewsWindow(*f.db, *f.ada);
        shown.reset(reviews);
        if (which == QLatin1String("reviewform"))
            reviews->openReview(1);
    } else if (which == QLatin1String("accounts")) {
        shown = std::make_unique<AccountsWindow>(*f.db, *f.ada);
    } else if (which == QLatin1String("account")) {
        shown = std::make_unique<AccountDialog>(AccountDialog::Mode::Add, QString(), Role::Reviewer,
                                                [](const AccountDialog &) { return QString(); });
    } else if (which == QLatin1String("firstadmin")) {
        shown = std::make_unique<FirstAdminDialog>(*f.db);
    } else if (which == QLatin1String("opencomments")) {
        const QString id = QString::fromLatin1(test::PanelFixture::TemplateId);
        CommentStore comments(*f.db, *f.colin);
        comments.startThread(id, QString(), QStringLiteral("Can question 2 say 'when' instead of 'date'?"));
        const Result<QVector<CommentThread>> open = comments.threads(id, CommentStore::Which::Unresolved);
        const Result<Template> draft = TemplateStore(*f.db, *f.ada).get(id);
        if (!open.ok() || !draft.ok())
            return 1;
        shown = std::make_unique<OpenCommentsDialog>(*f.db, *f.ada, draft.value(), open.value());
    } else if (which == QLatin1String("conflict")) {
        shown = std::make_unique<ConflictDialog>(QStringLiteral("the words of question 3"),
                                                 QStringLiteral("When is your next review?"), QStringLiteral("Colin"),
                                                 QDateTime::currentDateTime(),
                                                 QStringLiteral("When would you like your next review?"));
    } else if (which == QLatin1String("printstyle")) {
        shown = std::make_unique<PrintStyleDialog>(PrintProfile::Large);
    } else if (which == QLatin1String("picture")) {
        // The picture picker as it opens on a question whose picture is a doctor.
        shown = std::make_unique<PicturePicker>(
            Picture{QStringLiteral("mulberry"), QStringLiteral("doctor_1a"), {}, {}, QStringLiteral("A doctor"), {}});
    } else if (which == QLatin1String("person")) {
        shown = std::make_unique<ReviewPersonDialog>(*f.db, *f.ada);
    } else if (which == QLatin1String("signin")) {
        shown = std::make_unique<SignInDialog>(*f.db);
    } else if (which == QLatin1String("recoverykey")) {
        // A real recovery key of this throwaway database, as an admin's "Make a new recovery key" shows it.
        const Result<QString> key = KeyRing(*f.db).newRecoveryKey(*f.ada);
        if (!key.ok())
            return 1;
        shown = std::make_unique<RecoveryKeyDialog>(key.value());
    } else if (which == QLatin1String("packageimport") || which == QLatin1String("packagetampered")
               || which == QLatin1String("packageidtaken")) {
        PackagePreview preview;
        const bool tampered = which == QLatin1String("packagetampered");
        preview.idTaken = which == QLatin1String("packageidtaken");
        preview.package.content.id = QStringLiteral("chc-review");
        preview.check.status = tampered ? PackageCheck::Status::Tampered : PackageCheck::Status::Valid;
        preview.check.message =
            tampered ? QStringLiteral("the signature does not match the file's contents") : QStringLiteral("Signed");
        preview.check.publicKey = QByteArray(32, '\x5a');
        preview.package.provenance = sampleProvenance();
        preview.effect =
            tampered || preview.idTaken ? PackagePreview::Effect::Refused : PackagePreview::Effect::NewTemplate;
        shown = std::make_unique<PackageImportDialog>(preview);
    } else if (which == QLatin1String("updateplan")) {
        MergePlan plan;
        plan.keptLocal = {QStringLiteral("Question 3 reworded: \u201cWhen is your next review?\u201d")};
        plan.conflicts.resize(1);
        shown = std::make_unique<UpdatePlanDialog>(sampleProvenance(), QStringLiteral("chc-review"), plan);
    } else if (which == QLatin1String("origincompare")) {
        TemplateOrigin origin;
        origin.templateId = QStringLiteral("chc-review");
        origin.organisationName = QStringLiteral("Riverside Care Trust");
        origin.organisationCode = QStringLiteral("RXC");
        origin.originTemplateId = QStringLiteral("chc-review");
        origin.originVersion = 3;
        origin.importedAt = QDateTime::currentDateTime().addDays(-20);
        TemplateDiff diff;
        diff.templateId = origin.templateId;
        ItemDiff item;
        item.itemId = QStringLiteral("next-review");
        item.labelBefore = QStringLiteral("When would you like your next review?");
        item.labelAfter = QStringLiteral("When is your next review?");
        item.changes = {ItemDiff::Change::Reworded};
        item.details = {QStringLiteral("Label: \u201cWhen would you like your next review?\u201d became \u201cWhen "
                                       "is your next review?\u201d")};
        item.authors = {QStringLiteral("Colin")};
        diff.items.append(item);
        shown = std::make_unique<OriginCompareDialog>(origin, diff);
    } else {
        qWarning("show_window: main, coproducer, meeting, reviews, reviewform, accounts, account, signin, firstadmin, "
                 "recoverykey, opencomments, conflict, printstyle, picture, person, packageimport, packagetampered, "
                 "updateplan, origincompare or packageidtaken");
        return 1;
    }
    shown->show();
    const int code = app.exec();
    workspace.reset();
    return code;
}
