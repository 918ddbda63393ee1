// The conflict dialog: both values with who and when, and the three choices through its buttons.
#include "shared/conflictdialog.h"

#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QtTest>

using namespace coform;

class TestConflictDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsBothValuesWithWhoAndWhen();
    void keepTheirs();
    void useMine();
    void mergeByHand();
    void noMergeForValuesThatAreNotText();

private:
    static ConflictDialog *make(bool canMerge = true)
    {
        return new ConflictDialog(QStringLiteral("the words of question 3"), QStringLiteral("My words"),
                                  QStringLiteral("Priya"), QDateTime(QDate(2026, 11, 20), QTime(14, 5), Qt::UTC),
                                  QStringLiteral("Her words"), canMerge);
    }
};

void TestConflictDialog::showsBothValuesWithWhoAndWhen()
{
    std::unique_ptr<ConflictDialog> dialog(make());
    dialog->show();
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("conflictMineHeading"))->text(), QStringLiteral("You wrote:"));
    const QString theirs = dialog->findChild<QLabel *>(QStringLiteral("conflictTheirsHeading"))->text();
    QVERIFY2(theirs.startsWith(QStringLiteral("Priya changed it on 20 Nov 2026 at")), qPrintable(theirs));
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("conflictMine"))->toPlainText(),
             QStringLiteral("My words"));
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("conflictTheirs"))->toPlainText(),
             QStringLiteral("Her words"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("conflictIntro"))->text().contains(QStringLiteral("Priya")));
    for (const char *name : {"conflictKeepTheirs", "conflictUseMine", "conflictMergeByHand"}) {
        auto *button = dialog->findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY(button && button->isVisible());
        QVERIFY(!button->accessibleName().isEmpty());
        QVERIFY(button->focusPolicy() & Qt::TabFocus);
    }
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(QStringLiteral("conflictMerge"))->isVisible());
}

void TestConflictDialog::keepTheirs()
{
    std::unique_ptr<ConflictDialog> dialog(make());
    dialog->show();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("conflictKeepTheirs")), Qt::LeftButton);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(dialog->choice(), ConflictDialog::Choice::KeepTheirs);
    QCOMPARE(dialog->text(), QStringLiteral("Her words"));
}

void TestConflictDialog::useMine()
{
    std::unique_ptr<ConflictDialog> dialog(make());
    dialog->show();
    QTest::keyClick(dialog->findChild<QPushButton *>(QStringLiteral("conflictUseMine")), Qt::Key_Space);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(dialog->choice(), ConflictDialog::Choice::UseMine);
    QCOMPARE(dialog->text(), QStringLiteral("My words"));
}

void TestConflictDialog::mergeByHand()
{
    std::unique_ptr<ConflictDialog> dialog(make());
    dialog->show();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("conflictMergeByHand")), Qt::LeftButton);
    QVERIFY(dialog->isVisible()); // not chosen yet: the person writes first
    auto *merge = dialog->findChild<QPlainTextEdit *>(QStringLiteral("conflictMerge"));
    QVERIFY(merge->isVisible());
    QVERIFY(!merge->isReadOnly());
    QVERIFY(merge->toPlainText().contains(QStringLiteral("My words")));
    QVERIFY(merge->toPlainText().contains(QStringLiteral("Her words")));
    merge->setPlainText(QStringLiteral("Our words"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("conflictSaveMerged"));
    QVERIFY(save->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog->choice(), ConflictDialog::Choice::MergeByHand);
    QCOMPARE(dialog->text(), QStringLiteral("Our words"));
}

void TestConflictDialog::noMergeForValuesThatAreNotText()
{
    std::unique_ptr<ConflictDialog> dialog(make(false));
    dialog->show();
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("conflictMergeByHand"))->isVisible());
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
