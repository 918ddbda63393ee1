// "What changed between versions" over a real SQLite store: a reworded and an added question, who changed them and
// why, and the "What changed" PDF read back with Poppler.
#include "panelfixture.h"
#include "shared/diffview.h"
#include "store/commentstore.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

#include <poppler-qt6.h>

using namespace coform;
using coform::test::PanelFixture;

class TestDiffView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }
    void listsRewordedAndAddedQuestionsAndSavesThePdf();
    void sameVersionSaysChooseTwo();
    void everyControlHasANameAndIsReachable();

private:
    static QString rowText(const QTreeWidgetItem *row)
    {
        QStringList texts;
        for (int column = 0; column < row->columnCount(); ++column)
            texts << row->text(column);
        return texts.join(QStringLiteral(" | "));
    }
    /// Text without line breaks or runs of spaces, so that wrapped lines still match.
    static QString flat(QString text) { return text.simplified(); }
};

void TestDiffView::listsRewordedAndAddedQuestionsAndSavesThePdf()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    QVERIFY(f.publishFirstVersionAndStartSecond());
    const QString id = QString::fromLatin1(PanelFixture::TemplateId);
    const Template v1 = PanelFixture::bundled();
    const QString reworded = PanelFixture::questionId(v1);

    // Rita asked for plainer words; Colin rewords the question because of her comment.
    CommentStore ritaComments(*f.db, *f.rita);
    const Result<CommentThread> thread =
        ritaComments.startThread(id, reworded, QStringLiteral("People found this question hard to follow"));
    QVERIFY(thread.ok());
    TemplateStore colin(*f.db, *f.colin);
    Template draft = colin.get(id).value();
    EditContext because;
    because.commentId = thread->id;
    because.note = QStringLiteral("Plainer words");
    QVERIFY(colin
                .applyEdit(id,
                           Edit::setItemProperty(draft, reworded, QStringLiteral("label"),
                                                 QStringLiteral("Which review is this one")),
                           because)
                .ok());

    // Priya adds a question.
    TemplateStore priya(*f.db, *f.priya);
    draft = priya.get(id).value();
    Item added;
    added.id = QStringLiteral("anything-else");
    added.type = ItemType::Textarea;
    added.label = QStringLiteral("Is there anything else you want to tell us");
    QVERIFY(priya.applyEdit(id, Edit::insertItem(draft, draft.sectionOfItem(reworded)->id, 0, added)).ok());

    DiffView view(*f.db, *f.colin);
    view.setTemplateId(id);
    auto *from = view.findChild<QComboBox *>(QStringLiteral("diffFromVersion"));
    auto *to = view.findChild<QComboBox *>(QStringLiteral("diffToVersion"));
    auto *list = view.findChild<QTreeWidget *>(QStringLiteral("diffList"));
    auto *save = view.findChild<QPushButton *>(QStringLiteral("diffSavePdf"));
    QVERIFY(from && to && list && save);
    QCOMPARE(from->currentData().toInt(), 1); // the two newest versions by default
    QCOMPARE(to->currentData().toInt(), 2);
    QVERIFY(save->isEnabled());
    // Counted once, with the right plural, and the states in words.
    auto *status = view.findChild<QLabel *>(QStringLiteral("diffStatus"));
    QVERIFY2(
        status->text().startsWith(QStringLiteral("Between version 1 and version 2: 2 questions changed. It covers ")),
        qPrintable(status->text()));
    QCOMPARE(from->currentText(), QStringLiteral("Version 1 (published, in use for reviews)"));
    QCOMPARE(to->currentText(), QStringLiteral("Draft 2"));

    const QTreeWidgetItem *rewordedRow = nullptr;
    const QTreeWidgetItem *addedRow = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = list->topLevelItem(i);
        if (row->data(0, Qt::UserRole).toString() == reworded)
            rewordedRow = row;
        if (row->data(0, Qt::UserRole).toString() == added.id)
            addedRow = row;
    }
    QVERIFY(rewordedRow && addedRow);
    QCOMPARE(rewordedRow->text(0), QStringLiteral("Which review is this one"));
    QVERIFY2(rewordedRow->text(1).contains(QStringLiteral("Reworded"), Qt::CaseInsensitive),
             qPrintable(rowText(rewordedRow)));
    QVERIFY2(rewordedRow->text(3).contains(QStringLiteral("Colin")), qPrintable(rowText(rewordedRow)));
    QVERIFY2(rewordedRow->text(4).contains(QStringLiteral("hard to follow")), qPrintable(rowText(rewordedRow)));
    QVERIFY2(rewordedRow->text(4).contains(QStringLiteral("Plainer words")), qPrintable(rowText(rewordedRow)));
    QVERIFY2(addedRow->text(1).contains(QStringLiteral("Added"), Qt::CaseInsensitive), qPrintable(rowText(addedRow)));
    QVERIFY(addedRow->text(3).contains(QStringLiteral("Priya")));

    // The PDF, written all at once, holds both changes as real text.
    const QString pdfPath = f.dir->filePath(QStringLiteral("what-changed.pdf"));
    QString error;
    QVERIFY2(view.savePdf(pdfPath, &error), qPrintable(error));
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(pdfPath);
    QVERIFY(pdf && !pdf->isLocked());
    QString text;
    for (int i = 0; i < pdf->numPages(); ++i)
        text += pdf->page(i)->text(QRectF()) + QLatin1Char('\n');
    text = flat(text);
    QVERIFY2(text.contains(QStringLiteral("Which review is this one")), qPrintable(text.left(2000)));
    QVERIFY2(text.contains(QStringLiteral("Is there anything else you want to tell us")), qPrintable(text.left(2000)));
    QVERIFY(text.contains(QStringLiteral("hard to follow")));
    // Nothing but the PDF is left in the folder (no temporary file).
    QCOMPARE(QDir(f.dir->path()).entryList({QStringLiteral("what-changed*")}, QDir::Files),
             QStringList{QStringLiteral("what-changed.pdf")});

    // A file that cannot be written is refused with its name.
    QVERIFY(!view.savePdf(f.dir->filePath(QStringLiteral("no-such-folder/out.pdf")), &error));
    QVERIFY(error.contains(QStringLiteral("no-such-folder")));
}

void TestDiffView::sameVersionSaysChooseTwo()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    QVERIFY(f.publishFirstVersionAndStartSecond());
    DiffView view(*f.db, *f.colin);
    view.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    QVERIFY(view.setVersions(2, 2));
    auto *status = view.findChild<QLabel *>(QStringLiteral("diffStatus"));
    QVERIFY(status->text().contains(QStringLiteral("two different versions")));
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("diffSavePdf"))->isEnabled());
    QVERIFY(view.setVersions(1, 2));
    QVERIFY(status->text().contains(QStringLiteral("Nothing changed")));
    QVERIFY(!view.setVersions(1, 7));
}

void TestDiffView::everyControlHasANameAndIsReachable()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    DiffView view(*f.db, *f.colin);
    view.setTemplateId(QString::fromLatin1(PanelFixture::TemplateId));
    for (QWidget *w : view.findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (w->focusPolicy() & Qt::TabFocus) {
            QVERIFY2(!w->accessibleName().isEmpty() && !w->objectName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->accessibleName().contains(QStringLiteral("diff"), Qt::CaseInsensitive),
                     qPrintable(w->accessibleName()));
        }
    }
    QVERIFY(view.accessibleName().contains(QStringLiteral("What changed between versions")));
}

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
