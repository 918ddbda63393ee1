// The review form with what is already known, used as a reviewer would: the identity questions filled from the
// person's record (a changed NHS number asks), and a second review of a person with last time's answers beside each
// question ("Same as last time" copies one; the PDF can print them in a column). Keys and clicks only.
#include "../reviewfixture.h"

#include "reviews/reviewform.h"
#include "reviews/reviewswindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTest>

#include <poppler-qt6.h>

using namespace coform;
using namespace coform::test;

class TestPreviousAnswers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void identityComesFromTheRecordAndAChangeAsks_data() { addBackendRows(); }
    void identityComesFromTheRecordAndAChangeAsks();
    void secondReviewShowsTheFirstReviewsAnswers_data() { addBackendRows(); }
    void secondReviewShowsTheFirstReviewsAnswers();

private:
    /// Chooses the section holding the item with a click in the section list.
    static void goToSectionOf(ReviewForm &form, const Template &t, const QString &itemId);
    static QString pdfText(const QString &path);
    /// Scrolls the form's page to the widget, as a person would before clicking it.
    static void scrollTo(QWidget *widget);
};

void TestPreviousAnswers::scrollTo(QWidget *widget)
{
    for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->ensureWidgetVisible(widget);
            break;
        }
    }
    QApplication::processEvents();
}

void TestPreviousAnswers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestPreviousAnswers::goToSectionOf(ReviewForm &form, const Template &t, const QString &itemId)
{
    auto *sections = form.findChild<QListWidget *>(QStringLiteral("sectionList"));
    const Section *section = t.sectionOfItem(itemId);
    for (int row = 0; row < sections->count(); ++row) {
        if (sections->item(row)->text() == section->title) {
            sections->scrollToItem(sections->item(row));
            QTest::mouseClick(sections->viewport(), Qt::LeftButton, {},
                              sections->visualItemRect(sections->item(row)).center());
        }
    }
    QTRY_VERIFY(form.findChild<QWidget *>(QStringLiteral("field-%1").arg(itemId))->isVisible());
}

QString TestPreviousAnswers::pdfText(const QString &path)
{
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(path);
    if (!pdf)
        return {};
    QString text;
    for (int i = 0; i < pdf->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(pdf->page(i))->text({}) + QLatin1Char(' ');
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified();
}

void TestPreviousAnswers::identityComesFromTheRecordAndAChangeAsks()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson(QStringLiteral("Ada Example"), QStringLiteral("9990000018"));
    ReviewsWindow window(*f.db, *f.reviewer);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ReviewForm *form = window.startReview(person);
    QVERIFY(form && form->isLoaded());

    // Already filled, and said to come from the record.
    goToSectionOf(*form, f.chc, QStringLiteral("nhs-number"));
    auto *name = form->findChild<QLineEdit *>(QStringLiteral("item-full-name"));
    auto *nhs = form->findChild<QLineEdit *>(QStringLiteral("item-nhs-number"));
    QCOMPARE(name->text(), QStringLiteral("Ada Example"));
    QCOMPARE(nhs->text(), QStringLiteral("999 000 0018"));
    QCOMPARE(form->answers().value(QStringLiteral("date-of-birth")), QJsonValue(QStringLiteral("1941-03-02")));
    for (const char *id : {"full-name", "nhs-number", "date-of-birth"}) {
        auto *note = form->findChild<QLabel *>(QStringLiteral("recordNote-%1").arg(QLatin1String(id)));
        QVERIFY2(note && note->isVisible(), id);
        QVERIFY2(note->text().contains(QLatin1String("From Ada's record")), qPrintable(note->text()));
    }
    QVERIFY(form->progressText().startsWith(QLatin1String("3 of ")));
    auto *update = form->findChild<QPushButton *>(QStringLiteral("recordUpdate-nhs-number"));
    auto *reason = form->findChild<QLineEdit *>(QStringLiteral("recordReason-nhs-number"));
    QVERIFY(!update->isVisible() && !reason->isVisible());

    // Another valid NHS number typed over it: the form says it differs and asks.
    QTest::mouseClick(nhs, Qt::LeftButton);
    QTest::keyClick(nhs, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(nhs, QStringLiteral("943 476 5919"));
    QTest::keyClick(nhs, Qt::Key_Tab);
    auto *nhsNote = form->findChild<QLabel *>(QStringLiteral("recordNote-nhs-number"));
    QTRY_VERIFY(update->isVisible());
    QVERIFY(reason->isVisible());
    QVERIFY2(nhsNote->text().contains(QLatin1String("Differs from Ada's record (999 000 0018)")),
             qPrintable(nhsNote->text()));
    QCOMPARE(form->answers().value(QStringLiteral("nhs-number")), QJsonValue(QStringLiteral("9434765919")));

    // The reason is kept with the review; the record stays as it was.
    const QString why = QStringLiteral("Hospital letter gives this number; checking with the GP");
    QTest::mouseClick(reason, Qt::LeftButton);
    QTest::keyClicks(reason, why);
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(!reason->isVisible());
    QVERIFY2(nhsNote->text().contains(QStringLiteral("Reason kept: %1").arg(why)), qPrintable(nhsNote->text()));
    QVERIFY(form->saveNow());
    ReviewStore reviews(*f.db, *f.reviewer);
    const ReviewRecord stored = reviews.get(form->reviewId()).value();
    QCOMPARE(stored.recordDifferences.value(QStringLiteral("nhs-number")), why);
    QCOMPARE(stored.answers.value(QStringLiteral("nhs-number")), QJsonValue(QStringLiteral("9434765919")));
    QCOMPARE(PersonStore(*f.db, *f.reviewer).get(person)->person.nhsNumber, QStringLiteral("9990000018"));

    // A changed name, and the record updated from it.
    QTest::mouseClick(name, Qt::LeftButton);
    QTest::keyClick(name, Qt::Key_End);
    QTest::keyClicks(name, QStringLiteral("-Smith"));
    QTest::keyClick(name, Qt::Key_Tab);
    auto *updateName = form->findChild<QPushButton *>(QStringLiteral("recordUpdate-full-name"));
    QTRY_VERIFY(updateName->isVisible());
    QTest::mouseClick(updateName, Qt::LeftButton);
    QTRY_COMPARE(PersonStore(*f.db, *f.reviewer).get(person)->person.name, QStringLiteral("Ada Example-Smith"));
    QVERIFY(!updateName->isVisible());
    QVERIFY(
        form->findChild<QLabel *>(QStringLiteral("recordNote-full-name"))->text().contains(QLatin1String("updated")));
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("personBanner"))
                ->text()
                .startsWith(QLatin1String("Ada Example-Smith")));
}

void TestPreviousAnswers::secondReviewShowsTheFirstReviewsAnswers()
{
    QFETCH(QString, backend);
    ReviewFixture f;
    QVERIFY(f.setUp(backend));
    const qint64 person = f.addPerson(QStringLiteral("Ada Example"), QStringLiteral("9990000018"));
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 first = reviews.create(person, f.chc.id, 0)->id;
    QMap<QString, QJsonValue> answers = requiredAnswers();
    answers[QStringLiteral("full-name")] = QStringLiteral("Ada Example");
    answers[QStringLiteral("going-well")] = QStringLiteral("Enjoys the lunch club on Tuesdays");
    QVERIFY(reviews.saveAnswers(first, answers).ok());
    QVERIFY(reviews.complete(first).ok());
    const QString completed =
        QLocale().toString(reviews.get(first)->completedAt.toLocalTime().date(), QLocale::LongFormat);

    ReviewsWindow window(*f.db, *f.reviewer);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReviewForm *form = window.startReview(person);
    QVERIFY(form && form->isLoaded());
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("previousReviewSummary"))->text().contains(completed));

    // Beside each question: last time's answer and its date.
    goToSectionOf(*form, f.chc, QStringLiteral("going-well"));
    auto *lastText = form->findChild<QLabel *>(QStringLiteral("previousText-going-well"));
    QVERIFY(lastText && lastText->isVisible());
    QVERIFY2(lastText->text().contains(QStringLiteral("Last review, %1").arg(completed)), qPrintable(lastText->text()));
    QVERIFY(lastText->text().contains(QLatin1String("Enjoys the lunch club on Tuesdays")));
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("previousText-care-meets-needs"))
                ->text()
                .contains(f.chc.findItem(QStringLiteral("care-meets-needs"))->option(QStringLiteral("mostly"))->label));
    auto *status = form->findChild<QLabel *>(QStringLiteral("previousStatus-going-well"));
    QCOMPARE(status->text(), QStringLiteral("Not answered yet"));

    // "Same as last time": one key press while the question has the focus.
    auto *goingWell = form->findChild<QPlainTextEdit *>(QStringLiteral("item-going-well"));
    QTest::mouseClick(goingWell->viewport(), Qt::LeftButton);
    QTRY_VERIFY(goingWell->hasFocus());
    QTest::keyClick(goingWell, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(goingWell->toPlainText(), QStringLiteral("Enjoys the lunch club on Tuesdays"));
    QVERIFY2(status->text().contains(QLatin1String("Same as the last review")), qPrintable(status->text()));

    // A different answer is marked as a change, in words.
    auto *partly = form->findChild<QRadioButton *>(QStringLiteral("item-care-meets-needs-partly"));
    scrollTo(partly);
    // On its round button: a radio button answers clicks on its button and words only.
    QTest::mouseClick(partly, Qt::LeftButton, {}, QPoint(8, partly->height() / 2));
    auto *careStatus = form->findChild<QLabel *>(QStringLiteral("previousStatus-care-meets-needs"));
    QVERIFY2(careStatus->text().contains(QLatin1String("Changed since the last review")),
             qPrintable(careStatus->text()));
    // ... and the button puts last time's answer back.
    auto *same = form->findChild<QPushButton *>(QStringLiteral("same-care-meets-needs"));
    scrollTo(same);
    QTest::mouseClick(same, Qt::LeftButton);
    QVERIFY(form->findChild<QRadioButton *>(QStringLiteral("item-care-meets-needs-mostly"))->isChecked());
    QVERIFY(careStatus->text().contains(QLatin1String("Same as the last review")));
    QVERIFY(form->saveNow());
    const Answers saved = reviews.get(form->reviewId())->answers;
    QCOMPARE(saved.value(QStringLiteral("going-well")),
             QJsonValue(QStringLiteral("Enjoys the lunch club on Tuesdays")));
    QCOMPARE(saved.value(QStringLiteral("care-meets-needs")), QJsonValue(QStringLiteral("mostly")));

    // The PDF: no column unless asked for; with it, last time's answers and their date.
    QTemporaryDir dir;
    QString error;
    const QString plain = dir.filePath(QStringLiteral("plain.pdf"));
    QVERIFY2(form->exportTo(plain, false, &error), qPrintable(error));
    QVERIFY(!pdfText(plain).contains(QLatin1String("Last review")));
    auto *withPrevious = form->findChild<QCheckBox *>(QStringLiteral("pdfWithPrevious"));
    QVERIFY(!withPrevious->isChecked());
    withPrevious->setFocus();
    QTest::keyClick(withPrevious, Qt::Key_Space);
    QVERIFY(withPrevious->isChecked());
    const QString column = dir.filePath(QStringLiteral("column.pdf"));
    QVERIFY2(form->exportTo(column, false, &error), qPrintable(error));
    const QString text = pdfText(column);
    QVERIFY2(text.contains(QLatin1String("Last review")), qPrintable(text.left(3000)));
    QVERIFY(
        text.contains(reviews.get(first)->completedAt.toLocalTime().date().toString(QStringLiteral("d MMMM yyyy"))));
    QVERIFY(text.contains(QLatin1String("Care meets needs well.")));
    QVERIFY(text.contains(QLatin1String("Rita Reviewer")));
}

QTEST_MAIN(TestPreviousAnswers)
#include "tst_previous_answers.moc"
