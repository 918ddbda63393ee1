// The comments panel over a real SQLite store: add, reply, resolve, reopen through its buttons, with who and when
// shown, open or resolved said in words, and the open count signalled for the template tree.
#include "panelfixture.h"
#include "shared/commentspanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace coform;
using coform::test::PanelFixture;

class TestCommentsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }
    void addReplyResolveReopen();
    void questionAndWholeTemplateAreApart();
    void everyControlHasANameAndIsReachable();
};

void TestCommentsPanel::addReplyResolveReopen()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const QString item = PanelFixture::questionId(PanelFixture::bundled());
    CommentsPanel panel(*f.db, *f.colin);
    QSignalSpy counts(&panel, &CommentsPanel::unresolvedCountChanged);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    panel.setItemId(item);
    panel.show();

    auto *text = panel.findChild<QPlainTextEdit *>(QStringLiteral("commentsText"));
    auto *add = panel.findChild<QPushButton *>(QStringLiteral("commentsAdd"));
    auto *reply = panel.findChild<QPushButton *>(QStringLiteral("commentsReply"));
    auto *resolve = panel.findChild<QPushButton *>(QStringLiteral("commentsResolve"));
    auto *reopen = panel.findChild<QPushButton *>(QStringLiteral("commentsReopen"));
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("commentsList"));
    QVERIFY(text && add && reply && resolve && reopen && list);
    QVERIFY(!add->isEnabled()); // nothing written yet

    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("Could this say who fills it in?"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(panel.shownThreads().size(), 1);
    QVERIFY(text->toPlainText().isEmpty());
    QCOMPARE(list->topLevelItemCount(), 1);
    QTreeWidgetItem *top = list->topLevelItem(0);
    QCOMPARE(top->text(0), QStringLiteral("Could this say who fills it in?"));
    QCOMPARE(top->text(1), QStringLiteral("Colin"));
    QVERIFY(!top->text(2).isEmpty()); // when
    QCOMPARE(top->text(3), QStringLiteral("Open"));
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.last().first().toInt(), 1);
    QCOMPARE(panel.unresolvedCount(), 1);

    // Priya, in her own window on another connection, sees it and replies.
    std::unique_ptr<Database> other = f.openAnother();
    QVERIFY(other);
    CommentsPanel priyas(*other, *f.priya);
    priyas.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    priyas.setItemId(item);
    QCOMPARE(priyas.unresolvedCount(), 1);
    auto *priyaList = priyas.findChild<QTreeWidget *>(QStringLiteral("commentsList"));
    priyaList->setCurrentItem(priyaList->topLevelItem(0));
    priyas.findChild<QPlainTextEdit *>(QStringLiteral("commentsText"))->setPlainText(QStringLiteral("Yes, good idea"));
    QPushButton *priyaReply = priyas.findChild<QPushButton *>(QStringLiteral("commentsReply"));
    QVERIFY(priyaReply->isEnabled());
    QTest::mouseClick(priyaReply, Qt::LeftButton);
    QCOMPARE(priyas.shownThreads().first().comments.size(), 2);

    panel.refresh();
    top = list->topLevelItem(0);
    QCOMPARE(top->childCount(), 1);
    QCOMPARE(top->child(0)->text(0), QStringLiteral("Yes, good idea"));
    QCOMPARE(top->child(0)->text(1), QStringLiteral("Priya"));
    QCOMPARE(counts.size(), 1); // a reply does not change the open count

    list->setCurrentItem(top);
    QVERIFY(resolve->isEnabled());
    QVERIFY(!reopen->isEnabled());
    QTest::mouseClick(resolve, Qt::LeftButton);
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.last().first().toInt(), 0);
    top = list->topLevelItem(0);
    QVERIFY2(top->text(3).startsWith(QStringLiteral("Resolved by Colin")), qPrintable(top->text(3)));
    QVERIFY(panel.shownThreads().first().resolved);

    list->setCurrentItem(top);
    QVERIFY(reopen->isEnabled());
    QVERIFY(!resolve->isEnabled());
    QTest::keyClick(reopen, Qt::Key_Space);
    QCOMPARE(counts.size(), 3);
    QCOMPARE(counts.last().first().toInt(), 1);
    QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("Open"));
}

void TestCommentsPanel::questionAndWholeTemplateAreApart()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const QString item = PanelFixture::questionId(PanelFixture::bundled());
    CommentsPanel panel(*f.db, *f.priya);
    QSignalSpy perItem(&panel, &CommentsPanel::unresolvedCountsChanged);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    panel.setItemId(item);
    QVERIFY(panel.addComment(QStringLiteral("About this question")));

    auto *scope = panel.findChild<QComboBox *>(QStringLiteral("commentsScope"));
    scope->setCurrentIndex(1); // the whole template
    QCOMPARE(panel.shownThreads().size(), 0);
    QVERIFY(panel.addComment(QStringLiteral("About the whole form")));
    QCOMPARE(panel.shownThreads().size(), 1);
    QVERIFY(panel.shownThreads().first().itemId.isEmpty());
    QCOMPARE(panel.unresolvedCount(), 2);

    QVERIFY(!perItem.isEmpty());
    const auto counts = perItem.last().first().value<QMap<QString, int>>();
    QCOMPARE(counts.value(item), 1);
    QCOMPARE(counts.value(QString()), 1);

    scope->setCurrentIndex(0);
    QCOMPARE(panel.shownThreads().size(), 1);
    QCOMPARE(panel.shownThreads().first().comments.first().body, QStringLiteral("About this question"));
}

void TestCommentsPanel::everyControlHasANameAndIsReachable()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    CommentsPanel panel(*f.db, *f.colin);
    panel.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    for (QWidget *w : panel.findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (w->focusPolicy() & Qt::TabFocus)
            QVERIFY2(!w->accessibleName().isEmpty() && !w->objectName().isEmpty(), w->metaObject()->className());
    }
}

QTEST_MAIN(TestCommentsPanel)
#include "tst_commentspanel.moc"
