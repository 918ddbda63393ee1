// Dates typed as people type them, through the one date box of the app (DateEdit), in a review form backed by a
// real SQLite store, and in Add a person.
#include "../dategen.h"
#include "../reviewfixture.h"

#include "common/dateedit.h"
#include "reviews/reviewform.h"
#include "reviews/reviewpersondialog.h"
#include "store/database.h"

#include <QAccessible>
#include <QApplication>
#include <QCalendarWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace coform;
using namespace coform::test;

namespace {

const QDate today(2026, 12, 2);
const QDateTime todayNoon(today, QTime(12, 0));

void clearBox(QLineEdit *edit)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
}

} // namespace

class TestDateEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    /// Thousands of generated dates, in every accepted form, typed key by key: each box holds exactly that date and
    /// says it in words, beside the box and to a screen reader.
    void generatedDatesTypedIntoTheBox()
    {
        int typed = 0;
        for (const UkDate::Purpose purpose : {UkDate::Purpose::Any, UkDate::Purpose::Review, UkDate::Purpose::Birth}) {
            DateEdit box(purpose, QStringLiteral("date"));
            box.setToday([] { return today; });
            box.setName(QStringLiteral("A date"));
            box.show();
            QVERIFY(QTest::qWaitForWindowExposed(&box));
            QLineEdit *edit = box.lineEdit();
            auto *words = box.findChild<QLabel *>(QStringLiteral("date-words"));
            int edits = 0;
            connect(&box, &DateEdit::edited, &box, [&] { ++edits; });
            DateGenerator gen(7u + quint32(purpose), purpose, today);
            for (int i = 0; i < 1100; ++i) {
                const TypedDate t = gen.valid(i % DateGenerator::FormCount);
                clearBox(edit);
                QVERIFY(!box.date().isValid());
                QCOMPARE(words->text(), QStringLiteral("Not answered"));
                QTest::keyClicks(edit, t.text);
                QVERIFY2(box.date() == t.expected,
                         qPrintable(QStringLiteral("%1 (%2): %3").arg(t.text, t.form, words->text())));
                QCOMPARE(words->text(), UkDate::inWords(t.expected));
                QCOMPARE(edit->accessibleDescription(), UkDate::inWords(t.expected));
                ++typed;
            }
            QVERIFY(edits > 1100);
        }
        QVERIFY(typed >= 3000);
    }

    /// Generated impossible or ambiguous dates: no date is held, and the words beside the box say why.
    void generatedInvalidDatesAreRefusedInWords()
    {
        for (const UkDate::Purpose purpose : {UkDate::Purpose::Any, UkDate::Purpose::Birth}) {
            DateEdit box(purpose, QStringLiteral("date"));
            box.setToday([] { return today; });
            box.show();
            QLineEdit *edit = box.lineEdit();
            auto *words = box.findChild<QLabel *>(QStringLiteral("date-words"));
            DateGenerator gen(99u + quint32(purpose), purpose, today);
            for (int i = 0; i < 1000; ++i) {
                const TypedDate t = gen.invalid(i);
                clearBox(edit);
                QTest::keyClicks(edit, t.text);
                QVERIFY2(!box.date().isValid(), qPrintable(t.text));
                QVERIFY2(words->text().contains(t.because), qPrintable(t.text + QStringLiteral(": ") + words->text()));
                QVERIFY(edit->accessibleDescription().contains(t.because));
                QVERIFY(box.problem().contains(t.because));
            }
        }
    }

    /// In a review: 02/12/2026 typed, Tab, the next answer typed; both stored as typed in the SQLite store. A date
    /// that is not one is refused beside its box, the status says which question is not saved, and the store keeps
    /// nothing of it.
    void typedDatesInAReviewAreStoredAsTyped()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        f.db->setClock([] { return todayNoon.toUTC(); });
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
        ReviewForm form(*f.db, *f.reviewer, id);
        form.resize(1200, 760);
        form.show();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        auto *funding = form.findChild<QLineEdit *>(QStringLiteral("item-funding-agreed-date"));
        auto *reviewDate = form.findChild<QLineEdit *>(QStringLiteral("item-review-date"));
        QVERIFY(funding && reviewDate);
        QTest::mouseClick(funding, Qt::LeftButton);
        QTest::keyClicks(funding, QStringLiteral("15/06/2024"));
        QTest::keyClick(funding, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), reviewDate);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("02/12/2026"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        // The next answer: Tab reached the first place the review is held; Space chooses it.
        auto *home = form.findChild<QRadioButton *>(QStringLiteral("item-review-place-home"));
        QCOMPARE(QApplication::focusWidget(), home);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(form.saveNow());
        const Answers stored = ReviewStore(*f.db, *f.reviewer).get(id)->answers;
        QCOMPARE(stored.value(QStringLiteral("funding-agreed-date")).toString(), QStringLiteral("2024-06-15"));
        QCOMPARE(stored.value(QStringLiteral("review-date")).toString(), QStringLiteral("2026-12-02"));
        QCOMPARE(stored.value(QStringLiteral("review-place")).toString(), QStringLiteral("home"));
        auto *words = form.findChild<QLabel *>(QStringLiteral("item-review-date-words"));
        QCOMPARE(words->text(), QStringLiteral("2 December 2026, Wednesday"));
        QCOMPARE(reviewDate->accessibleDescription(), QStringLiteral("2 December 2026, Wednesday"));
        auto *status = form.findChild<QLabel *>(QStringLiteral("saveStatus"));
        QTRY_VERIFY(status->text().startsWith(QLatin1String("All answers saved at")));

        // 31/02/2026: refused in words; the stored date stays what was meant before; the status says so.
        const int number = f.chc.questionNumbers().value(QStringLiteral("review-date"));
        clearBox(reviewDate);
        QTest::keyClicks(reviewDate, QStringLiteral("31/02/2026"));
        QTest::keyClick(reviewDate, Qt::Key_Tab);
        QVERIFY2(words->text().contains(QLatin1String("February 2026 has 28 days")), qPrintable(words->text()));
        QVERIFY(form.saveNow());
        QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("review-date")).toString(),
                 QStringLiteral("2026-12-02"));
        QVERIFY2(status->text().startsWith(
                     QStringLiteral("Question %1 is not saved: February 2026 has 28 days").arg(number)),
                 qPrintable(status->text()));
        QTest::qWait(2500); // past the autosave delay: still not "All answers saved"
        QVERIFY(!status->text().contains(QLatin1String("All answers saved")));
        // Completing is refused while it is wrong, and the panel links to it.
        QVERIFY(!form.complete());
        QVERIFY(form.findChild<QPushButton *>(QStringLiteral("missing-review-date")));

        // 2/13/2026 (month and day the US way) is refused too.
        clearBox(reviewDate);
        QTest::keyClicks(reviewDate, QStringLiteral("2/13/2026"));
        QVERIFY2(words->text().contains(QLatin1String("in the UK the day comes first")), qPrintable(words->text()));

        // Far from today: asks; stored only once kept.
        QTest::mouseClick(reviewDate, Qt::LeftButton);
        clearBox(reviewDate);
        QTest::keyClicks(reviewDate, QStringLiteral("02/12/2029"));
        auto *keep = form.findChild<QPushButton *>(QStringLiteral("item-review-date-keep"));
        QVERIFY(keep->isVisible());
        QVERIFY(words->text().contains(QLatin1String("more than a year from today")));
        QVERIFY(form.saveNow());
        QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("review-date")).toString(),
                 QStringLiteral("2026-12-02"));
        QTest::keyClick(reviewDate, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), keep);
        QTest::keyClick(keep, Qt::Key_Space);
        QVERIFY(form.saveNow());
        QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("review-date")).toString(),
                 QStringLiteral("2029-12-02"));

        // Emptied: not answered, stored as such.
        clearBox(reviewDate);
        QCOMPARE(words->text(), QStringLiteral("Not answered"));
        QVERIFY(form.saveNow());
        QVERIFY(!ReviewStore(*f.db, *f.reviewer).get(id)->answers.has(QStringLiteral("review-date"))
                || ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("review-date")).isNull());
    }

    /// Generated dates typed through a review's date box reach the store exactly (a sample: each is saved).
    void generatedDatesReachTheStore()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        f.db->setClock([] { return todayNoon.toUTC(); });
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
        ReviewForm form(*f.db, *f.reviewer, id);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto *funding = form.findChild<QLineEdit *>(QStringLiteral("item-funding-agreed-date"));
        DateGenerator valid(11u, UkDate::Purpose::Any, today);
        DateGenerator invalid(12u, UkDate::Purpose::Any, today);
        for (int i = 0; i < 88; ++i) {
            const TypedDate t = valid.valid(i % DateGenerator::FormCount);
            clearBox(funding);
            QTest::keyClicks(funding, t.text);
            QTest::keyClick(funding, Qt::Key_Tab);
            QVERIFY(form.saveNow());
            QVERIFY2(form.unsavedAnswers().isEmpty(), qPrintable(t.text + form.unsavedAnswers().join(u';')));
            QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("funding-agreed-date")),
                     QJsonValue(t.expected.toString(Qt::ISODate)));
            const TypedDate bad = invalid.invalid(i);
            clearBox(funding);
            QTest::keyClicks(funding, bad.text);
            QTest::keyClick(funding, Qt::Key_Tab);
            QVERIFY(form.saveNow());
            QVERIFY2(form.unsavedAnswers().value(0).contains(bad.because), qPrintable(bad.text));
            QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("funding-agreed-date")),
                     QJsonValue(t.expected.toString(Qt::ISODate)));
        }
    }

    /// A refused email address: the status names the question and never says "All answers saved".
    void refusedAnswerIsNamedInTheStatus()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
        ReviewForm form(*f.db, *f.reviewer, id);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto *sections = form.findChild<QListWidget *>(QStringLiteral("sectionList"));
        sections->setCurrentRow(sections->count() - 1);
        auto *email = form.findChild<QLineEdit *>(QStringLiteral("item-key-contact-email"));
        QTest::keyClicks(email, QStringLiteral("key.contact.example.org"));
        QTest::keyClick(email, Qt::Key_Tab);
        auto *status = form.findChild<QLabel *>(QStringLiteral("saveStatus"));
        const int number = f.chc.questionNumbers().value(QStringLiteral("key-contact-email"));
        QCOMPARE(status->text(), QStringLiteral("Question %1 is not saved: the email address needs an @ (like "
                                                "name@example.org)")
                                     .arg(number));
        QTest::qWait(2500);
        QVERIFY(status->text().startsWith(QStringLiteral("Question %1 is not saved").arg(number)));
        QTest::keyClick(email, Qt::Key_Home);
        QTest::keyClicks(email, QStringLiteral("sam@"));
        QTest::keyClick(email, Qt::Key_Tab);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("All answers saved at")), 4000);
        QCOMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("key-contact-email")).toString(),
                 QStringLiteral("sam@key.contact.example.org"));
    }

    /// Add a person: 12/03/1948 is 12 March 1948; a future date of birth is refused and nothing is added.
    void dateOfBirthInAddAPerson()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        ReviewPersonDialog dialog(*f.db, *f.reviewer);
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("personName")), QStringLiteral("Pat Example"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("personNhsNumber")),
                         QStringLiteral("9434765919"));
        auto *dob = dialog.findChild<QLineEdit *>(QStringLiteral("personDateOfBirth"));
        QTest::keyClicks(dob, QDate::currentDate().addDays(1).toString(QStringLiteral("dd/MM/yyyy")));
        QVERIFY(dob->accessibleDescription().contains(QLatin1String("in the future")));
        QVERIFY(!dialog.tryAdd());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("personError"))->text().contains(QLatin1String("future")));
        QVERIFY(PersonStore(*f.db, *f.reviewer).list().value().isEmpty());
        clearBox(dob);
        QTest::keyClicks(dob, QStringLiteral("12/03/1948"));
        QCOMPARE(dob->accessibleDescription(), QStringLiteral("12 March 1948, Friday"));
        QVERIFY(dialog.tryAdd());
        const Result<PersonRecord> added = PersonStore(*f.db, *f.reviewer).get(dialog.addedId());
        QCOMPARE(added->person.dateOfBirth, QDate(1948, 3, 12));
    }

    /// The calendar opens at today (or at the date typed), from the keyboard, and what is chosen is the date.
    void calendarOpensAtTodayOrTheValue()
    {
        DateEdit box(UkDate::Purpose::Any, QStringLiteral("date"));
        box.setToday([] { return today; });
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        QDate shownAt;
        auto pickNextDay = [&shownAt] {
            auto *calendar = QApplication::activeModalWidget()->findChild<QCalendarWidget *>();
            shownAt = calendar->selectedDate();
            QTest::keyClick(calendar->focusWidget() ? calendar->focusWidget() : calendar, Qt::Key_Right);
            QTest::keyClick(
                QApplication::activeModalWidget()->findChild<QPushButton *>(QStringLiteral("calendarChoose")),
                Qt::Key_Space);
        };
        QTimer::singleShot(0, pickNextDay);
        QTest::keyClick(box.lineEdit(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(shownAt, today);
        QCOMPARE(box.date(), today.addDays(1));
        clearBox(box.lineEdit());
        QTest::keyClicks(box.lineEdit(), QStringLiteral("12/03/2020"));
        QTimer::singleShot(0, pickNextDay);
        QTest::keyClick(box.lineEdit(), Qt::Key_F4);
        QCOMPARE(shownAt, QDate(2020, 3, 12));
        QCOMPARE(box.date(), QDate(2020, 3, 13));
        QCOMPARE(box.lineEdit()->text(), QStringLiteral("13/03/2020"));
    }
};

QTEST_MAIN(TestDateEntry)
#include "tst_date_entry.moc"
