// The review form filled through its widgets, as a reviewer would: showIf, NHS number checks, completion, the PDF.
#include "../pdffill.h"
#include "../reviewfixture.h"

#include "model/nhsnumber.h"
#include "pdf/renderer.h"
#include "reviews/pdfanswersdialog.h"
#include "reviews/reviewform.h"
#include "reviews/reviewlistmodel.h"
#include "reviews/reviewpersondialog.h"
#include "reviews/reviewswindow.h"
#include "store/auditlog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <poppler-qt6.h>

using namespace coform;
using namespace coform::test;

class TestReviewForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fillingTheFormThroughItsWidgets_data() { coform::test::addBackendRows(); }
    void fillingTheFormThroughItsWidgets();
    void coproducerSeesNoReviews_data() { coform::test::addBackendRows(); }
    void coproducerSeesNoReviews();
    void listFlagsDueReviewsAndSearches_data() { coform::test::addBackendRows(); }
    void listFlagsDueReviewsAndSearches();
    void addingAPersonChecksTheNhsNumberAndStartsAReview_data() { coform::test::addBackendRows(); }
    void addingAPersonChecksTheNhsNumberAndStartsAReview();
    void importingAnswersFromAFilledPdf();

private:
    /// Shows the section holding the item, as a person would by choosing it in the section list.
    static void goToSectionOf(ReviewForm &form, const Template &t, const QString &itemId);
    static void answer(ReviewForm &form, const Template &t, const QString &itemId, const QJsonValue &value);
};

void TestReviewForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestReviewForm::goToSectionOf(ReviewForm &form, const Template &t, const QString &itemId)
{
    auto *sections = form.findChild<QListWidget *>(QStringLiteral("sectionList"));
    const Section *section = t.sectionOfItem(itemId);
    for (int row = 0; row < int(t.sections.size()); ++row) {
        if (t.sections.at(row).id == section->id)
            sections->setCurrentRow(row);
    }
}

/// Types an ISO date the UK way (02/12/2026) and presses Enter; keeps a date far from today as a person would.
static void typeDate(QLineEdit *edit, const QString &iso)
{
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd/MM/yyyy")));
    QTest::keyClick(edit, Qt::Key_Return);
    auto *keep = edit->parentWidget()->findChild<QPushButton *>(edit->objectName() + QStringLiteral("-keep"));
    if (keep && keep->isVisible())
        QTest::mouseClick(keep, Qt::LeftButton);
}

void TestReviewForm::answer(ReviewForm &form, const Template &t, const QString &itemId, const QJsonValue &value)
{
    goToSectionOf(form, t, itemId);
    const Item *item = t.findItem(itemId);
    const QString name = QStringLiteral("item-%1").arg(itemId);
    switch (item->type) {
    case ItemType::Text: {
        auto *edit = form.findChild<QLineEdit *>(name);
        QVERIFY2(edit, qPrintable(name));
        edit->clear();
        QTest::keyClicks(edit, value.toString());
        QTest::keyClick(edit, Qt::Key_Return);
        break;
    }
    case ItemType::Textarea: {
        auto *edit = form.findChild<QPlainTextEdit *>(name);
        QVERIFY2(edit, qPrintable(name));
        QTest::keyClicks(edit, value.toString());
        break;
    }
    case ItemType::YesNo:
        form.findChild<QRadioButton *>(name + (value.toBool() ? QStringLiteral("-yes") : QStringLiteral("-no")))
            ->click();
        break;
    case ItemType::Choice:
    case ItemType::Scale: {
        auto *button = form.findChild<QRadioButton *>(QStringLiteral("%1-%2").arg(name, value.toString()));
        QVERIFY2(button, qPrintable(name));
        button->click();
        break;
    }
    case ItemType::MultiChoice:
        for (const QJsonValue &v : value.toArray())
            form.findChild<QCheckBox *>(QStringLiteral("%1-%2").arg(name, v.toString()))->click();
        break;
    case ItemType::Date:
        typeDate(form.findChild<QLineEdit *>(name), value.toString());
        break;
    case ItemType::Signature:
        QTest::keyClicks(form.findChild<QLineEdit *>(name + QStringLiteral("-name")),
                         value.toObject().value(QLatin1String("name")).toString());
        typeDate(form.findChild<QLineEdit *>(name + QStringLiteral("-date")),
                 value.toObject().value(QLatin1String("date")).toString());
        break;
    default:
        QFAIL("no widget filler for this type");
    }
}

void TestReviewForm::fillingTheFormThroughItsWidgets()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
    QTemporaryDir out;
    const QString pdfPath = out.filePath(QStringLiteral("review.pdf"));
    {
        ReviewForm form(*f.db, *f.reviewer, id);
        QVERIFY2(form.isLoaded(), qPrintable(form.loadError()));
        form.resize(1000, 800);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        const QString banner = form.findChild<QLabel *>(QStringLiteral("personBanner"))->text();
        QVERIFY(banner.contains(QLatin1String("999 000 0018")));
        QVERIFY(banner.contains(QLatin1String("Needs large print and time to read.")));
        QVERIFY(banner.contains(QLatin1String("Preferred format: large print")));
        auto *progress = form.findChild<QLabel *>(QStringLiteral("progress"));
        QVERIFY(progress->text().endsWith(QLatin1String(" answered")));
        // The name, NHS number and date of birth come from the person's record.
        QVERIFY(progress->text().startsWith(QLatin1String("3 of ")));

        // The personal health budget section appears and disappears with its showIf.
        auto *sections = form.findChild<QListWidget *>(QStringLiteral("sectionList"));
        QListWidgetItem *phb = nullptr;
        for (int row = 0; row < sections->count(); ++row) {
            if (sections->item(row)->text() == f.chc.findSection(QStringLiteral("phb"))->title)
                phb = sections->item(row);
        }
        QVERIFY(phb);
        QVERIFY(phb->isHidden());
        answer(form, f.chc, QStringLiteral("has-phb"), true);
        QVERIFY(!phb->isHidden());
        answer(form, f.chc, QStringLiteral("has-phb"), false);
        QVERIFY(phb->isHidden());

        // A wrong NHS number is refused in words, beside the field, and not saved.
        answer(form, f.chc, QStringLiteral("nhs-number"), QStringLiteral("943 476 5918"));
        auto *nhsError = form.findChild<QLabel *>(QStringLiteral("error-nhs-number"));
        QVERIFY(nhsError->isVisible());
        QVERIFY2(nhsError->text().contains(QLatin1String("not a valid NHS number")), qPrintable(nhsError->text()));
        QVERIFY(!form.answers().has(QStringLiteral("nhs-number")));

        // Completion is refused until the required answers are there.
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("completeButton")), Qt::LeftButton);
        auto *problems = form.findChild<QLabel *>(QStringLiteral("completionProblems"));
        QVERIFY(problems->isVisible());
        auto *missingType = form.findChild<QPushButton *>(QStringLiteral("missing-review-type"));
        QVERIFY(missingType && missingType->isVisible());
        QVERIFY2(missingType->text().contains(QLatin1String("needs an answer")), qPrintable(missingType->text()));
        QVERIFY(!ReviewStore(*f.db, *f.reviewer).get(id)->isCompleted());
        QVERIFY(form.findChild<QLabel *>(QStringLiteral("error-review-type"))->isVisible());

        // Fill everything required, plus a table row and a free text, through the widgets.
        const QMap<QString, QJsonValue> required = requiredAnswers();
        for (auto it = required.begin(); it != required.end(); ++it)
            answer(form, f.chc, it.key(), it.value());
        QVERIFY(!nhsError->isVisible());
        for (auto it = required.begin(); it != required.end(); ++it)
            QVERIFY2(form.answers().value(it.key()) == it.value(), qPrintable(it.key()));
        answer(form, f.chc, QStringLiteral("going-well"), QStringLiteral("Enjoys the lunch club on Tuesdays"));
        goToSectionOf(form, f.chc, QStringLiteral("participants"));
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("item-participants-add")), Qt::LeftButton);
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("item-participants-add")), Qt::LeftButton);
        auto *table = form.findChild<QTableWidget *>(QStringLiteral("item-participants"));
        QCOMPARE(table->rowCount(), 2);
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("item-participants-remove")), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Morgan Example")));
        table->setItem(0, 1, new QTableWidgetItem(QStringLiteral("Daughter")));
        QVERIFY2(progress->text().startsWith(QStringLiteral("%1 of ").arg(required.size() + 2)),
                 qPrintable(progress->text()));

        // Saved within two seconds, without pressing anything.
        QTRY_VERIFY_WITH_TIMEOUT(ReviewStore(*f.db, *f.reviewer).get(id)->answers.has(QStringLiteral("going-well")),
                                 2000);

        // Completing says what it means and asks; Enter takes the default, "Complete and lock".
        QTimer::singleShot(0, [] {
            QWidget *ask = QApplication::activeModalWidget();
            QVERIFY(ask && ask->objectName() == QLatin1String("confirmComplete"));
            QTest::keyClick(ask, Qt::Key_Return);
        });
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("completeButton")), Qt::LeftButton);
        QVERIFY2(ReviewStore(*f.db, *f.reviewer).get(id)->isCompleted(), qPrintable(problems->text()));
        QVERIFY(form.findChild<QLabel *>(QStringLiteral("lockStatus"))->text().startsWith(QLatin1String("Completed")));
        QVERIFY(!form.findChild<QLineEdit *>(QStringLiteral("item-full-name"))->isEnabled());

        QString error;
        QVERIFY2(form.exportTo(pdfPath, false, &error), qPrintable(error));
    }

    // The PDF holds every answer.
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(pdfPath);
    QVERIFY(pdf);
    QString text;
    for (int i = 0; i < pdf->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(pdf->page(i))->text({}) + QLatin1Char('\n');
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString simplified = text.simplified();
    const Answers stored = ReviewStore(*f.db, *f.reviewer).get(id)->answers;
    for (auto it = stored.values.begin(); it != stored.values.end(); ++it) {
        const Item *item = f.chc.findItem(it.key());
        QStringList expected;
        switch (item->type) {
        case ItemType::Choice:
        case ItemType::Scale:
            expected << item->option(it.value().toString())->label;
            break;
        case ItemType::MultiChoice:
            for (const QJsonValue &v : it.value().toArray())
                expected << item->option(v.toString())->label;
            break;
        case ItemType::Date:
            expected << QLocale(QLocale::English, QLocale::UnitedKingdom)
                            .toString(QDate::fromString(it.value().toString(), Qt::ISODate),
                                      QStringLiteral("d MMMM yyyy"));
            break;
        case ItemType::YesNo:
            expected << (it.value().toBool() ? QStringLiteral("Yes") : QStringLiteral("No"));
            break;
        case ItemType::Text:
            expected << (item->format == QLatin1String("nhs-number") ? NhsNumber::formatted(it.value().toString())
                                                                     : it.value().toString());
            break;
        case ItemType::Table:
            expected << QStringLiteral("Morgan Example") << QStringLiteral("Daughter");
            break;
        case ItemType::Signature:
            expected << it.value().toObject().value(QLatin1String("name")).toString();
            break;
        default:
            expected << it.value().toString();
        }
        for (const QString &e : expected)
            QVERIFY2(simplified.contains(e.simplified()), qPrintable(QStringLiteral("%1: \"%2\"").arg(it.key(), e)));
    }

    // The audit trail lists the form's view, its changes and the export.
    const Result<QVector<AuditEntry>> trail = AuditLog(*f.db, *f.admin).forReview(id);
    QVERIFY(trail.ok());
    QStringList actions;
    for (const AuditEntry &e : trail.value())
        actions << e.action;
    QVERIFY(actions.contains(QLatin1String("view")));
    QVERIFY(actions.contains(QLatin1String("change")));
    QVERIFY(actions.contains(QLatin1String("complete")));
    QCOMPARE(actions.last(), QStringLiteral("export"));
}

void TestReviewForm::coproducerSeesNoReviews()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
    QVERIFY(!ReviewsWindow::isAvailableTo(*f.coproducer));
    QVERIFY(ReviewsWindow::isAvailableTo(*f.reviewer));
    ReviewsWindow window(*f.db, *f.coproducer);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("notAvailable")));
    QVERIFY(!window.findChild<QTableView *>(QStringLiteral("reviewTable")));
    QVERIFY(!window.openReview(id));
    ReviewForm form(*f.db, *f.coproducer, id);
    QVERIFY(!form.isLoaded());
    QVERIFY(form.loadError().contains(QLatin1String("not permitted")));
    QVERIFY(!form.findChild<QLabel *>(QStringLiteral("personBanner")));
}

void TestReviewForm::listFlagsDueReviewsAndSearches()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    ReviewStore store(*f.db, *f.reviewer);
    const qint64 soon = store.create(f.addPerson(QStringLiteral("Alex Example")), f.chc.id, 0)->id;
    QVERIFY(store
                .saveAnswers(
                    soon, {{QStringLiteral("next-review-date"), QDate::currentDate().addDays(5).toString(Qt::ISODate)}})
                .ok());
    store.create(f.addPerson(QStringLiteral("Bo Sample"), QStringLiteral("9434765919")), f.chc.id, 0);
    ReviewsWindow window(*f.db, *f.reviewer);
    ReviewListModel *model = window.listModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const bool alex = model->index(row, ReviewListModel::Name).data().toString() == QLatin1String("Alex Example");
        QCOMPARE(model->index(row, ReviewListModel::NextDue).data().toString().startsWith(QLatin1String("Due soon: ")),
                 alex);
    }
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("reviewSearch"));
    QTest::keyClicks(search, QStringLiteral("943 476"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ReviewListModel::Name).data().toString(), QStringLiteral("Bo Sample"));
    QCOMPARE(model->index(0, ReviewListModel::NhsNumber).data().toString(), QStringLiteral("943 476 5919"));
    ReviewForm *form = window.openReview(soon);
    QVERIFY(form && form->isLoaded());
}

void TestReviewForm::addingAPersonChecksTheNhsNumberAndStartsAReview()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    f.addPerson(QStringLiteral("Alex Example"), QStringLiteral("9990000018"));
    ReviewPersonDialog dialog(*f.db, *f.reviewer);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("personName")), QStringLiteral("Pat Example"));
    auto *nhs = dialog.findChild<QLineEdit *>(QStringLiteral("personNhsNumber"));
    QTest::keyClicks(nhs, QStringLiteral("9434765918"));
    QTest::keyClick(nhs, Qt::Key_Return);
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("personNhsNumberProblem"));
    QVERIFY(problem->text().contains(QLatin1String("not a valid NHS number")));
    QVERIFY(!dialog.tryAdd());
    nhs->clear();
    QTest::keyClicks(nhs, QStringLiteral("9990000018"));
    QTest::keyClick(nhs, Qt::Key_Return);
    QCOMPARE(nhs->text(), QStringLiteral("999 000 0018"));
    QVERIFY(problem->text().contains(QLatin1String("Another person already has this NHS number")));
    QVERIFY(dialog.tryAdd()); // a warning, not a refusal
    ReviewsWindow window(*f.db, *f.reviewer);
    ReviewForm *form = window.startReview(dialog.addedId());
    QVERIFY(form && form->isLoaded());
    QCOMPARE(form->answers().person.name, QStringLiteral("Pat Example"));
    QCOMPARE(window.listModel()->rowCount(), 1);
}

void TestReviewForm::importingAnswersFromAFilledPdf()
{
    ReviewFixture f;
    QVERIFY(f.setUp());
    const qint64 person = f.addPerson();
    const qint64 review = ReviewStore(*f.db, *f.reviewer).create(person, f.chc.id, 0)->id;
    QVERIFY(ReviewStore(*f.db, *f.reviewer)
                .saveAnswers(review, {{QStringLiteral("full-name"), QStringLiteral("Alex Example")}})
                .ok());

    // The menu item is there for a review's tab only.
    ReviewsWindow window(*f.db, *f.reviewer);
    auto *action = window.findChild<QAction *>(QStringLiteral("importAnswersFromPdf"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    ReviewForm *form = window.openReview(review);
    QVERIFY(form);
    QVERIFY(action->isEnabled());
    QVERIFY(!form->findChild<QPushButton *>(QStringLiteral("importPdfButton"))->accessibleName().isEmpty());

    RenderOptions options;
    options.fillable = true;
    QByteArray blank;
    QString error;
    QVERIFY2(renderPdf(f.chc, nullptr, options, &blank, &error), qPrintable(error));
    Filling filling;
    filling.texts[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
    filling.texts[QStringLiteral("review-date")] = QStringLiteral("20/11/2026");
    filling.texts[QStringLiteral("preferred-language")] = QStringLiteral("Welsh");
    filling.on = {QStringLiteral("has-phb.yes")};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("filled.pdf"));
    QVERIFY(fillPdf(blank, filling, path).isEmpty());

    QVector<ProposedAnswer> proposed;
    QVERIFY2(form->readAnswersFromPdf(path, &proposed, &error), qPrintable(error));
    QCOMPARE(proposed.size(), 4);
    PdfAnswersDialog dialog(f.chc, form->answers(), proposed);
    QTreeWidget *tree = dialog.tree();
    QVERIFY(!tree->accessibleName().isEmpty());
    for (const char *name : {"saveTicked", "cancel"})
        QVERIFY(!dialog.findChild<QPushButton *>(QLatin1String(name))->accessibleName().isEmpty());
    QCOMPARE(tree->topLevelItemCount(), 4);
    QTreeWidgetItem *language = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = tree->topLevelItem(i);
        const QString id = row->data(0, Qt::UserRole).toString();
        if (id == QLatin1String("full-name")) {
            // Unchanged: shown, not ticked, cannot be ticked.
            QCOMPARE(row->checkState(0), Qt::Unchecked);
            QVERIFY(!(row->flags() & Qt::ItemIsEnabled));
        } else {
            QCOMPARE(row->checkState(0), Qt::Checked);
        }
        if (id == QLatin1String("preferred-language"))
            language = row;
        if (id == QLatin1String("review-date")) {
            QCOMPARE(row->text(1), QStringLiteral("not answered"));
            QCOMPARE(row->text(2), QStringLiteral("20/11/2026"));
        }
    }
    QVERIFY(language);
    language->setCheckState(0, Qt::Unchecked); // the reviewer keeps this one out
    const QMap<QString, QJsonValue> accepted = dialog.accepted();
    QCOMPARE(accepted.keys(), (QStringList{QStringLiteral("has-phb"), QStringLiteral("review-date")}));
    QVERIFY2(form->acceptAnswersFromPdf(accepted, &error), qPrintable(error));
    const Answers saved = ReviewStore(*f.db, *f.reviewer).get(review)->answers;
    QCOMPARE(saved.value(QStringLiteral("review-date")).toString(), QStringLiteral("2026-11-20"));
    QCOMPARE(saved.value(QStringLiteral("has-phb")), QJsonValue(true));
    QVERIFY(!saved.has(QStringLiteral("preferred-language")));
    QCOMPARE(form->answers().value(QStringLiteral("review-date")).toString(), QStringLiteral("2026-11-20"));

    // A PDF that is not a fillable form of this template: refused in words.
    QByteArray plain;
    QVERIFY(renderPdf(f.chc, nullptr, RenderOptions{}, &plain, &error));
    const QString plainPath = dir.filePath(QStringLiteral("plain.pdf"));
    QFile file(plainPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(plain);
    file.close();
    proposed.clear();
    QVERIFY(!form->readAnswersFromPdf(plainPath, &proposed, &error));
    QVERIFY2(error.contains(QLatin1String("fillable Coform form")), qPrintable(error));
}

QTEST_MAIN(TestReviewForm)
#include "tst_review_form.moc"
