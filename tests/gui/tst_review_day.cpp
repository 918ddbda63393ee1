// The reviews list people can read, and completing a review: the list's columns, order, due words and icons,
// counts and the search's clear button; the panel of what is missing (links to the questions, by keyboard), the
// confirmation that says what completing means, and the print style asked when saving the PDF.
#include "../reviewfixture.h"

#include "reviews/reviewform.h"
#include "reviews/reviewlistmodel.h"
#include "reviews/reviewswindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace coform;
using namespace coform::test;

class TestReviewDay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void theListCanBeRead()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        ReviewStore store(*f.db, *f.reviewer);
        const QDate today = QDate::currentDate();
        const qint64 overdue = store.create(f.addPerson(QStringLiteral("Zoe Example")), f.chc.id, 0)->id;
        QVERIFY(
            store.saveAnswers(overdue, {{QStringLiteral("next-review-date"), today.addDays(-3).toString(Qt::ISODate)}})
                .ok());
        const qint64 soon =
            store.create(f.addPerson(QStringLiteral("Alex Example"), QStringLiteral("9434765919")), f.chc.id, 0)->id;
        QVERIFY(store.saveAnswers(soon, {{QStringLiteral("next-review-date"), today.addDays(10).toString(Qt::ISODate)}})
                    .ok());
        const qint64 later =
            store.create(f.addPerson(QStringLiteral("Mo Example"), QStringLiteral("9990000026")), f.chc.id, 0)->id;
        QVERIFY(
            store.saveAnswers(later, {{QStringLiteral("next-review-date"), today.addDays(90).toString(Qt::ISODate)}})
                .ok());
        ReviewsWindow window(*f.db, *f.reviewer);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ReviewListModel *model = window.listModel();
        auto *table = window.findChild<QTableView *>(QStringLiteral("reviewTable"));
        QStringList headings;
        for (int c = 0; c < model->columnCount(); ++c)
            headings << model->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headings, (QStringList{QStringLiteral("Name"), QStringLiteral("NHS number"),
                                        QStringLiteral("Date of birth"), QStringLiteral("Status"),
                                        QStringLiteral("Next review due"), QStringLiteral("Last change")}));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("reviewCount"))->text(), QStringLiteral("3 reviews"));
        // The list's own tab cannot be closed, so it offers no close button.
        QVERIFY(!window.findChild<QTabWidget *>()->tabBar()->tabButton(0, QTabBar::RightSide));

        // Every cell fits its column: nothing is cut to "…".
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(row, c);
                const QFontMetrics fm(index.data(Qt::FontRole).isValid() ? index.data(Qt::FontRole).value<QFont>()
                                                                         : table->font());
                const int icon = index.data(Qt::DecorationRole).isNull() ? 0 : table->iconSize().width() + 8;
                const int needed = fm.horizontalAdvance(index.data().toString()) + icon + 8;
                QVERIFY2(table->columnWidth(c) >= needed,
                         qPrintable(
                             QStringLiteral("%1: %2 < %3").arg(headings.at(c)).arg(table->columnWidth(c)).arg(needed)));
            }
        }
        // Due and overdue in words, colour and an icon; the id only in the tooltip.
        auto rowOf = [&](const QString &name) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, ReviewListModel::Name).data().toString() == name)
                    return row;
            }
            return -1;
        };
        const QModelIndex zoeDue = model->index(rowOf(QStringLiteral("Zoe Example")), ReviewListModel::NextDue);
        QVERIFY(zoeDue.data().toString().startsWith(QLatin1String("Overdue: ")));
        QVERIFY(!zoeDue.data(Qt::DecorationRole).isNull());
        QVERIFY(zoeDue.data(Qt::ForegroundRole).isValid());
        const QModelIndex alexDue = model->index(rowOf(QStringLiteral("Alex Example")), ReviewListModel::NextDue);
        QVERIFY(alexDue.data().toString().startsWith(QLatin1String("Due soon: ")));
        QVERIFY(!alexDue.data(Qt::DecorationRole).isNull());
        const QModelIndex moDue = model->index(rowOf(QStringLiteral("Mo Example")), ReviewListModel::NextDue);
        QVERIFY(moDue.data(Qt::DecorationRole).isNull());
        QVERIFY(model->index(0, ReviewListModel::Name)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QLatin1String("Review ")));
        QCOMPARE(model->index(rowOf(QStringLiteral("Alex Example")), ReviewListModel::NhsNumber).data().toString(),
                 QStringLiteral("943 476 5919"));
        QCOMPARE(model->index(0, ReviewListModel::DateOfBirth).data().toString(), QStringLiteral("2 Mar 1941"));

        // Sorting by a heading, either way (a click on the heading).
        QHeaderView *header = table->horizontalHeader();
        const int nameX = header->sectionViewportPosition(ReviewListModel::Name) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(nameX, header->height() / 2));
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, ReviewListModel::Name).data().toString();
        const QStringList ascending{QStringLiteral("Alex Example"), QStringLiteral("Mo Example"),
                                    QStringLiteral("Zoe Example")};
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QVERIFY2(names == ascending || names == descending, qPrintable(names.join(u',')));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(nameX, header->height() / 2));
        QStringList again;
        for (int row = 0; row < model->rowCount(); ++row)
            again << model->index(row, ReviewListModel::Name).data().toString();
        QCOMPARE(again, names == ascending ? descending : ascending);

        // "Due in the next 30 days" (Alt+D) keeps the due and overdue; the count says so.
        auto *due = window.findChild<QCheckBox *>(QStringLiteral("reviewDueSoon"));
        QCOMPARE(due->text(), QStringLiteral("&Due in the next 30 days"));
        QTest::mouseClick(due, Qt::LeftButton);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("reviewCount"))->text(), QStringLiteral("2 reviews"));
        // The search box's clear button has a name.
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("reviewSearch"));
        QTest::keyClicks(search, QStringLiteral("Zoe"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("reviewCount"))->text(), QStringLiteral("1 review"));
        const QList<QToolButton *> clear = search->findChildren<QToolButton *>();
        QVERIFY(!clear.isEmpty());
        for (QToolButton *b : clear)
            QCOMPARE(b->accessibleName(), QStringLiteral("Clear the search"));
    }

    /// A fast typist changes the search and goes straight to the list: Enter opens the person searched for, never
    /// someone from the search before (the list waits for a pause in typing). Then an answer typed but refused: closing
    /// the review asks first, and going back keeps what was typed.
    void theReviewOpenedIsThePersonSearchedForAndNothingTypedIsLostOnClosing()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        ReviewStore store(*f.db, *f.reviewer);
        QVERIFY(
            store.create(f.addPerson(QStringLiteral("Nye Example"), QStringLiteral("9434765919")), f.chc.id, 0).ok());
        const qint64 cai =
            store.create(f.addPerson(QStringLiteral("Cai Example"), QStringLiteral("9990000026")), f.chc.id, 0)->id;
        ReviewsWindow window(*f.db, *f.reviewer);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("reviewSearch"));
        auto *table = window.findChild<QTableView *>(QStringLiteral("reviewTable"));
        auto *tabs = window.findChild<QTabWidget *>();
        search->setFocus(Qt::ShortcutFocusReason); // Alt+S, the label's mnemonic
        QTest::keyClicks(search, QStringLiteral("Nye"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(window.listModel()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(search, QStringLiteral("Cai"));
        for (int i = 0; i < 8 && QApplication::focusWidget() != table; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(1), QStringLiteral("Cai Example"));
        auto *form = qobject_cast<ReviewForm *>(tabs->widget(1));
        QCOMPARE(form->reviewId(), cai);

        // A date that does not exist is refused beside its question; closing the tab asks, Escape goes back to it.
        auto *date = form->findChild<QLineEdit *>(QStringLiteral("item-review-date"));
        QVERIFY(date && date->isVisible());
        QTest::mouseClick(date, Qt::LeftButton);
        QTest::keyClicks(date, QStringLiteral("31/02/2026"));
        QTest::keyClick(date, Qt::Key_Tab);
        QVERIFY(!form->unsavedAnswers().isEmpty());
        QAbstractButton *close = qobject_cast<QAbstractButton *>(tabs->tabBar()->tabButton(1, QTabBar::RightSide));
        QVERIFY(close);
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            QTest::keyClick(box, Qt::Key_Escape);
        });
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY2(asked.startsWith(QLatin1String("Question ")) && asked.contains(QLatin1String("not saved")),
                 qPrintable(asked));
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(date->text(), QStringLiteral("31/02/2026"));
        QTRY_COMPARE(window.focusWidget(), date); // the question it is about

        // "Close and lose it" (C, its underlined letter) closes it; nothing was stored for the date.
        QTimer::singleShot(0, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QTest::keyClick(box, Qt::Key_C);
        });
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_COMPARE(tabs->count(), 1);
        QVERIFY(!store.get(cai)->answers.has(QStringLiteral("review-date")));
    }

    /// What a person types goes where the focus shows: Tab from the section list reaches the first answer (the page's
    /// scroll area was a stop with no focus shown, and what was typed there was lost), and "Add a row" puts the
    /// typing in the new row's first cell; a row with nothing in it is not an answer.
    void typingGoesWhereTheFocusIs()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
        ReviewForm form(*f.db, *f.reviewer, id);
        form.resize(1366, 700);
        form.show();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        auto *sections = form.findChild<QListWidget *>(QStringLiteral("sectionList"));
        auto clickSection = [&](const QString &sectionId) {
            for (int row = 0; row < sections->count(); ++row) {
                if (sections->item(row)->text() == f.chc.findSection(sectionId)->title) {
                    QTest::mouseClick(sections->viewport(), Qt::LeftButton, {},
                                      sections->visualItemRect(sections->item(row)).center());
                    return;
                }
            }
            QFAIL(qPrintable(sectionId));
        };
        clickSection(QStringLiteral("how-things-are-going"));
        QCOMPARE(QApplication::focusWidget(), sections);
        QTest::keyClick(sections, Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        QVERIFY(focused);
        QCOMPARE(focused->objectName(), QStringLiteral("item-going-well"));
        const QString typed = QStringLiteral("Better since the new carer started");
        QTest::keyClicks(focused, typed);
        QTRY_COMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("going-well")).toString(),
                     typed);

        // "Add a row": nothing is answered until something is written in it; then the typing is in its first cell.
        clickSection(QStringLiteral("people"));
        auto *progress = form.findChild<QLabel *>(QStringLiteral("progress"));
        const QString before = progress->text();
        auto *add = form.findChild<QPushButton *>(QStringLiteral("item-participants-add"));
        QVERIFY(add && add->isVisible());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(progress->text(), before);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Dee Example"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(ReviewStore(*f.db, *f.reviewer).get(id)->answers.value(QStringLiteral("participants")),
                     QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Dee Example")}}}));
        QVERIFY(progress->text() != before);
        // A second row left empty changes nothing that is stored.
        const QString withOne = progress->text();
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(progress->text(), withOne);
        QVERIFY(form.unsavedAnswers().isEmpty());
    }

    void completingListsWhatIsMissingAndAsks()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
        ReviewForm form(*f.db, *f.reviewer, id);
        form.resize(1366, 700);
        form.show();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QWidget *pages = form.findChild<QWidget *>(QStringLiteral("section-about"))->parentWidget();
        const QSize before = pages->size();
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("completeButton")), Qt::LeftButton);
        // Missing answers: no question asked, a panel beside the form; the form keeps its height.
        auto *link = form.findChild<QPushButton *>(QStringLiteral("missing-review-type"));
        QVERIFY(link && link->isVisible());
        QVERIFY(link->text().contains(QLatin1String("needs an answer")));
        QCOMPARE(pages->height(), before.height());
        QVERIFY(pages->width() >= 600); // still a form, not a strip
        QVERIFY(!ReviewStore(*f.db, *f.reviewer).get(id)->isCompleted());
        // A link, by keyboard, goes to its question.
        auto *nextDate = form.findChild<QPushButton *>(QStringLiteral("missing-next-review-date"));
        QVERIFY(nextDate);
        nextDate->setFocus(Qt::TabFocusReason); // reached by Tab in the panel
        QTest::keyClick(nextDate, Qt::Key_Space);
        QTRY_COMPARE(QApplication::focusWidget(), form.findChild<QWidget *>(QStringLiteral("item-next-review-date")));
        // Answered there, it leaves the list once saved; the others stay.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("03/04/2027"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(!form.findChild<QPushButton *>(QStringLiteral("missing-next-review-date")));
        QVERIFY(form.findChild<QPushButton *>(QStringLiteral("missing-review-type")));

        // With everything answered: completing says what it means and asks; "Not yet" leaves it open.
        QVERIFY(ReviewStore(*f.db, *f.reviewer).saveAnswers(id, requiredAnswers()).ok());
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            QTest::keyClick(box, Qt::Key_Escape);
        });
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("completeButton")), Qt::LeftButton);
        QVERIFY2(asked.contains(QLatin1String("locks it")) && asked.contains(QLatin1String("reason")),
                 qPrintable(asked));
        QVERIFY(!ReviewStore(*f.db, *f.reviewer).get(id)->isCompleted());
    }

    /// A stray space as the file's name is refused in words, and a name typed without its ending gets ".pdf".
    void aPdfIsSavedUnderANameWithItsEnding()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id;
        ReviewForm form(*f.db, *f.reviewer, id);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList names{dir.path() + QStringLiteral("/ "), dir.path() + QStringLiteral("/review")};
        QStringList told;
        QTimer person;
        // Each window as it comes: the print style as offered, the file name, and what Coform says.
        connect(&person, &QTimer::timeout, &form, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible())
                return;
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                told << box->text();
                QTest::keyClick(box, Qt::Key_Return);
            } else if (auto *chooser = qobject_cast<QFileDialog *>(modal)) {
                auto *edit = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (!edit || names.isEmpty())
                    return;
                edit->setFocus();
                QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClicks(edit, names.takeFirst());
                for (int i = 0; i < 3 && chooser->isVisible(); ++i) { // Enter goes to the completer's list first
                    QWidget *popup = edit->completer() ? edit->completer()->popup() : nullptr;
                    QTest::keyClick(popup && popup->isVisible() ? popup : static_cast<QWidget *>(edit), Qt::Key_Return);
                    QCoreApplication::processEvents();
                }
            } else if (modal->objectName() == QLatin1String("printStyleDialog")) {
                QTest::keyClick(modal, Qt::Key_Return);
            }
        });
        person.start(50);
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("pdfButton")), Qt::LeftButton);
        person.stop();
        QCOMPARE(told.size(), 1);
        QVERIFY2(told.first().contains(QLatin1String("needs a name")), qPrintable(told.first()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("review.pdf")});
        QCOMPARE(form.findChild<QLabel *>(QStringLiteral("saveStatus"))->text(), QStringLiteral("Saved review.pdf"));
    }

    void savingThePdfAsksThePrintStylePreferredFirst()
    {
        ReviewFixture f;
        QVERIFY(f.setUp());
        const qint64 id = ReviewStore(*f.db, *f.reviewer).create(f.addPerson(), f.chc.id, 0)->id; // large print
        ReviewForm form(*f.db, *f.reviewer, id);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QStringList offered;
        bool largeChosen = false;
        QTimer::singleShot(0, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog && dialog->objectName() == QLatin1String("printStyleDialog"));
            for (QRadioButton *b : dialog->findChildren<QRadioButton *>())
                offered << b->text();
            largeChosen = dialog->findChild<QRadioButton *>(QStringLiteral("printStyle-large"))->isChecked();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::mouseClick(form.findChild<QPushButton *>(QStringLiteral("pdfButton")), Qt::LeftButton);
        QCOMPARE(offered.value(0), QStringLiteral("Large print (the person's preferred format)"));
        QCOMPARE(offered.size(), 3);
        QVERIFY(largeChosen);
    }
};

QTEST_MAIN(TestReviewDay)
#include "tst_review_day.moc"
