// The history panel over a real SQLite store: newest first, who and why, filters by person and question, and a
// question shown as it was after a chosen change.
#include "panelfixture.h"
#include "shared/historypanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>

using namespace coform;
using coform::test::PanelFixture;

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }
    void listsChangesNewestFirstWithWhoAndWhy();
    void filtersByPersonAndByQuestion();
    void showsAQuestionAsItWasThen();
    void refreshesWhenTold();
    void everyControlHasANameAndIsReachable();

private:
    static int selectData(QComboBox *combo, const QString &data)
    {
        const int index = combo->findData(data);
        if (index >= 0)
            combo->setCurrentIndex(index);
        return index;
    }
};

void TestHistoryPanel::listsChangesNewestFirstWithWhoAndWhy()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const Template t = PanelFixture::bundled();
    const QString first = PanelFixture::questionId(t);
    const QString second = PanelFixture::questionId(t, 1);
    QVERIFY(f.edit(*f.colin, first, QStringLiteral("label"), QStringLiteral("Second words"),
                   QStringLiteral("Easier to read")));
    QVERIFY(f.edit(*f.priya, second, QStringLiteral("help"), QStringLiteral("Some help")));

    HistoryPanel panel(*f.db, *f.colin);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("historyList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Priya"));
    // In plain words, with the question's number and wording.
    const int number = t.questionNumbers().value(second);
    QCOMPARE(
        list->topLevelItem(0)->text(2),
        QStringLiteral("Priya changed the help text of question %1, %2").arg(number).arg(t.findItem(second)->label));
    QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("Colin"));
    QCOMPARE(
        list->topLevelItem(1)->text(2),
        QStringLiteral("Colin changed the wording of question %1, Second words").arg(t.questionNumbers().value(first)));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("historyStatus"))->text(), QStringLiteral("2 changes shown"));
    QVERIFY(list->topLevelItem(1)->text(3).contains(QStringLiteral("Easier to read")));
    QVERIFY(!list->topLevelItem(1)->text(0).isEmpty()); // when
}

void TestHistoryPanel::filtersByPersonAndByQuestion()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const Template t = PanelFixture::bundled();
    const QString first = PanelFixture::questionId(t);
    const QString second = PanelFixture::questionId(t, 1);
    QVERIFY(f.edit(*f.colin, first, QStringLiteral("label"), QStringLiteral("Second words")));
    QVERIFY(f.edit(*f.priya, first, QStringLiteral("label"), QStringLiteral("Third words")));
    QVERIFY(f.edit(*f.colin, second, QStringLiteral("help"), QStringLiteral("Some help")));

    HistoryPanel panel(*f.db, *f.rita); // a reviewer reads the history too
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("historyList"));
    auto *person = panel.findChild<QComboBox *>(QStringLiteral("historyPersonFilter"));
    auto *item = panel.findChild<QComboBox *>(QStringLiteral("historyItemFilter"));
    QVERIFY(list && person && item);
    QCOMPARE(list->topLevelItemCount(), 3);

    QVERIFY(selectData(person, QStringLiteral("Priya")) > 0);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Priya"));

    QVERIFY(selectData(person, QString()) == 0); // everyone
    QVERIFY(selectData(item, first) > 0);
    QCOMPARE(list->topLevelItemCount(), 2);
    for (const ChangeRecord &record : panel.shownChanges())
        QCOMPARE(record.edit.itemId(), first);

    QVERIFY(selectData(person, QStringLiteral("Colin")) > 0);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(panel.shownChanges().first().edit.after.toString(), QStringLiteral("Second words"));
}

void TestHistoryPanel::showsAQuestionAsItWasThen()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const QString first = PanelFixture::questionId(PanelFixture::bundled());
    QVERIFY(f.edit(*f.colin, first, QStringLiteral("label"), QStringLiteral("Second words")));
    QVERIFY(f.edit(*f.priya, first, QStringLiteral("label"), QStringLiteral("Third words")));

    HistoryPanel panel(*f.db, *f.colin);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    panel.show();
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("historyList"));
    auto *show = panel.findChild<QPushButton *>(QStringLiteral("historyShowAsItWas"));
    auto *view = panel.findChild<QPlainTextEdit *>(QStringLiteral("historyAsItWas"));
    QVERIFY(list && show && view);
    QVERIFY(view->isReadOnly());
    QVERIFY(!show->isEnabled()); // nothing chosen yet

    list->setCurrentItem(list->topLevelItem(1)); // Colin's change, the older one
    QVERIFY(show->isEnabled());
    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY2(view->toPlainText().contains(QStringLiteral("Second words")), qPrintable(view->toPlainText()));
    QVERIFY(!view->toPlainText().contains(QStringLiteral("Third words")));
    auto *heading = panel.findChild<QLabel *>(QStringLiteral("historyAsItWasHeading"));
    QVERIFY(heading->text().contains(QStringLiteral("Colin")));

    list->setCurrentItem(list->topLevelItem(0)); // Priya's
    QTest::keyClick(show, Qt::Key_Space);
    QVERIFY(view->toPlainText().contains(QStringLiteral("Third words")));
}

void TestHistoryPanel::refreshesWhenTold()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const QString first = PanelFixture::questionId(PanelFixture::bundled());
    HistoryPanel panel(*f.db, *f.colin);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("historyList"));
    auto *person = panel.findChild<QComboBox *>(QStringLiteral("historyPersonFilter"));
    QCOMPARE(list->topLevelItemCount(), 0);
    QCOMPARE(person->count(), 1); // "Everyone"

    // Someone else, on another connection, changes the template; the change feed would call refresh().
    std::unique_ptr<Database> other = f.openAnother();
    QVERIFY(other);
    TemplateStore priya(*other, *f.priya);
    const Template now = priya.get(QString::fromLatin1(PanelFixture::TemplateId)).value();
    QVERIFY(priya
                .applyEdit(QString::fromLatin1(PanelFixture::TemplateId),
                           Edit::setItemProperty(now, first, QStringLiteral("label"), QStringLiteral("New words")))
                .ok());
    panel.refresh();
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY(person->findData(QStringLiteral("Priya")) > 0);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("historyStatus"))->text(), QStringLiteral("1 change shown"));
    // A burst of changes (typing) is read once, a moment after it stops.
    const Template later = priya.get(QString::fromLatin1(PanelFixture::TemplateId)).value();
    QVERIFY(priya
                .applyEdit(QString::fromLatin1(PanelFixture::TemplateId),
                           Edit::setItemProperty(later, first, QStringLiteral("help"), QStringLiteral("Some help")))
                .ok());
    panel.refreshSoon();
    QCOMPARE(list->topLevelItemCount(), 1);
    QTRY_COMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("historyStatus"))->text(), QStringLiteral("2 changes shown"));
}

void TestHistoryPanel::everyControlHasANameAndIsReachable()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    HistoryPanel panel(*f.db, *f.colin);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QList<QWidget *> controls{panel.findChild<QComboBox *>(QStringLiteral("historyPersonFilter")),
                                    panel.findChild<QComboBox *>(QStringLiteral("historyItemFilter")),
                                    panel.findChild<QTreeWidget *>(QStringLiteral("historyList")),
                                    panel.findChild<QPlainTextEdit *>(QStringLiteral("historyAsItWas"))};
    for (QWidget *w : controls) {
        QVERIFY(w);
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QVERIFY(w->focusPolicy() & Qt::TabFocus);
    }
    for (QWidget *w : panel.findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (w->focusPolicy() & Qt::TabFocus)
            QVERIFY2(!w->accessibleName().isEmpty() && !w->objectName().isEmpty(), w->metaObject()->className());
    }
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
