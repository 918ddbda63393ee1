// A form laid out without Qt's text layout (LayoutEngine with no TextFallback, as a process without Qt Gui lays it
// out) must be the very layout made with it, box for box and glyph for glyph, whenever the print fonts shape the text
// alone; and where they do not, the layout must say so rather than leave text out silently.
#include "pdfreadback.h"

#include "format/templateformat.h"
#include "pdf/formcontent.h"
#include "pdf/layoutengine.h"
#include "pdf/plainrender.h"
#include "pdf/qtglyphruns.h"

#include <QGuiApplication>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTest>

using namespace coform;

namespace {

struct Inputs
{
    Template form;
    Answers answers;
};

/// Read once for all the tests.
const Inputs &bundledReviewWithLongAnswers()
{
    static const Inputs inputs = [] {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(test::bundledPath(), &problems);
        const std::optional<Answers> a = readAnswersFile(test::longAnswersPath(), &problems);
        return t && a ? Inputs{*t, *a} : Inputs{};
    }();
    return inputs;
}

/// The print options of a data-driven test's row: its profile and languages.
RenderOptions rowOptions()
{
    QFETCH(int, profile);
    QFETCH(QString, languages);
    RenderOptions options;
    options.profile = PrintProfile(profile);
    options.languages = languages.split(QLatin1Char('+'));
    return options;
}

/// Where two layouts differ, in words; empty when they are the same.
QString difference(const Layout &want, const Layout &got)
{
    if (want.pages.size() != got.pages.size())
        return QStringLiteral("%1 pages, not %2").arg(got.pages.size()).arg(want.pages.size());
    for (qsizetype p = 0; p < want.pages.size(); ++p) {
        const QVector<LayoutBox> &a = want.pages.at(p).boxes, &b = got.pages.at(p).boxes;
        if (a.size() != b.size())
            return QStringLiteral("page %1 has %2 boxes, not %3").arg(p + 1).arg(b.size()).arg(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const LayoutBox &x = a.at(i), &y = b.at(i);
            if (x.text != y.text || x.rect != y.rect || x.baseline != y.baseline || x.glyphs != y.glyphs
                || x.role != y.role || x.kind != y.kind || x.style != y.style)
                return QStringLiteral("page %1, box %2 (\"%3\") differs").arg(p + 1).arg(i).arg(x.text);
        }
    }
    return {};
}

/// A PDF without what differs between two writes of it: the time it was made and the ID made from it.
QByteArray timeless(QByteArray pdf)
{
    static const QRegularExpression made(QStringLiteral("D:\\d{14}"));
    static const QRegularExpression id(QStringLiteral("/ID ?\\[ ?<[0-9A-Fa-f]+> ?<[0-9A-Fa-f]+> ?\\]"));
    QString text = QString::fromLatin1(pdf);
    text.replace(made, QStringLiteral("D:"));
    text.replace(id, QStringLiteral("/ID"));
    return text.toLatin1();
}

} // namespace

class TestLayoutWithoutQt : public QObject
{
    Q_OBJECT

private slots:
    void theSameLayoutWhereThePrintFontsShapeEveryText_data();
    void theSameLayoutWhereThePrintFontsShapeEveryText();
    void textOnlyQtLaysOutIsNotLeftOutSilently();
    void aPdfMadeWithoutQtIsRenderPdfsByteForByte_data() { theSameLayoutWhereThePrintFontsShapeEveryText_data(); }
    void aPdfMadeWithoutQtIsRenderPdfsByteForByte();
    void whatNeedsQtIsLeftToIt();
};

void TestLayoutWithoutQt::theSameLayoutWhereThePrintFontsShapeEveryText_data()
{
    QTest::addColumn<int>("profile");
    QTest::addColumn<QString>("languages");
    QTest::addColumn<bool>("filled");
    // Not easy read: Qt draws its pictures, and its narrow columns beside them break words such as "encouragement"
    // anywhere, which only QTextLayout does (textOnlyQtLaysOutIsNotLeftOutSilently).
    for (const PrintProfile profile : {PrintProfile::Standard, PrintProfile::Large}) {
        for (const QString &languages : {QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("en+cy")}) {
            for (const bool filled : {false, true})
                QTest::addRow("%s %s %s", qPrintable(printProfileName(profile)), qPrintable(languages),
                              filled ? "filled" : "blank")
                    << int(profile) << languages << filled;
        }
    }
}

void TestLayoutWithoutQt::theSameLayoutWhereThePrintFontsShapeEveryText()
{
    QFETCH(bool, filled);
    const Inputs &in = bundledReviewWithLongAnswers();
    QVERIFY(!in.form.sections.isEmpty());
    const RenderOptions options = rowOptions();
    const PrintStyle style(options.profile, options.paper);
    const FormContent content = buildFormContent(in.form, filled ? &in.answers : nullptr, options);
    const Layout withQt = LayoutEngine(content, style, &qtTextFallback()).run();
    const Layout alone = LayoutEngine(content, style, nullptr).run();
    QVERIFY(!withQt.needsQt);
    QVERIFY(!alone.needsQt);
    QVERIFY(withQt.pages.size() >= 10);
    const QString why = difference(withQt, alone);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestLayoutWithoutQt::textOnlyQtLaysOutIsNotLeftOutSilently()
{
    const Inputs &in = bundledReviewWithLongAnswers();
    QVERIFY(!in.form.sections.isEmpty());
    const RenderOptions options;
    const PrintStyle style(options.profile, options.paper);
    // A name in Arabic, a word wider than the column, a tab: each is Qt's to lay out.
    const QStringList others = {QStringLiteral("\u0645\u062d\u0645\u062f"),
                                QStringLiteral("Pneumonoultramicroscopicsilicovolcanoconiosis").repeated(8),
                                QStringLiteral("one\ttwo")};
    QString firstText; // the longest written answer
    for (auto it = in.answers.values.cbegin(); it != in.answers.values.cend(); ++it) {
        if (it->isString()
            && (firstText.isEmpty() || it->toString().size() > in.answers.value(firstText).toString().size()))
            firstText = it.key();
    }
    QVERIFY(!firstText.isEmpty());
    for (const QString &text : others) {
        Answers answers = in.answers;
        answers.values[firstText] = QJsonValue(text);
        const FormContent content = buildFormContent(in.form, &answers, options);
        QVERIFY2(LayoutEngine(content, style, nullptr).run().needsQt, qPrintable(text));
        const Layout withQt = LayoutEngine(content, style, &qtTextFallback()).run();
        QVERIFY(!withQt.needsQt);
        bool found = false;
        for (const LayoutPage &page : withQt.pages) {
            for (const LayoutBox &box : page.boxes)
                found = found || (!box.text.isEmpty() && text.startsWith(box.text.left(4)));
        }
        QVERIFY2(found, qPrintable(text));
    }
    // The easy read form, whose narrow columns break a word anywhere.
    RenderOptions easy;
    easy.profile = PrintProfile::Easy;
    const PrintStyle easyStyle(easy.profile, easy.paper);
    const FormContent content = buildFormContent(in.form, nullptr, easy);
    QVERIFY(LayoutEngine(content, easyStyle, nullptr).run().needsQt);
}

void TestLayoutWithoutQt::aPdfMadeWithoutQtIsRenderPdfsByteForByte()
{
    QFETCH(bool, filled);
    const Inputs &in = bundledReviewWithLongAnswers();
    QVERIFY(!in.form.sections.isEmpty());
    const RenderOptions options = rowOptions();
    QByteArray withQt, alone;
    QString error;
    QVERIFY2(renderPdf(in.form, filled ? &in.answers : nullptr, options, &withQt, &error), qPrintable(error));
    QCOMPARE(renderPdfWithoutQt(in.form, filled ? &in.answers : nullptr, options, &alone, &error), PlainRender::Done);
    QVERIFY(alone.startsWith("%PDF-"));
    QCOMPARE(alone.size(), withQt.size());
    QVERIFY(timeless(alone) == timeless(withQt));
}

void TestLayoutWithoutQt::whatNeedsQtIsLeftToIt()
{
    const Inputs &in = bundledReviewWithLongAnswers();
    QVERIFY(!in.form.sections.isEmpty());
    QByteArray pdf;
    QString error;
    RenderOptions easy, fillable, pdfA;
    easy.profile = PrintProfile::Easy;
    fillable.fillable = true;
    pdfA.pdfA = true;
    QCOMPARE(renderPdfWithoutQt(in.form, nullptr, easy, &pdf, &error), PlainRender::NeedsQt);
    QCOMPARE(renderPdfWithoutQt(in.form, nullptr, fillable, &pdf, &error), PlainRender::NeedsQt);
    QCOMPARE(renderPdfWithoutQt(in.form, &in.answers, pdfA, &pdf, &error), PlainRender::NeedsQt);
    QVERIFY(pdf.isEmpty());
    Answers arabic = in.answers;
    arabic.values[QStringLiteral("full-name")] = QJsonValue(QStringLiteral("\u0645\u062d\u0645\u062f"));
    QCOMPARE(renderPdfWithoutQt(in.form, &arabic, RenderOptions(), &pdf, &error), PlainRender::NeedsQt);
    // What renderPdf() refuses, this refuses too, in the same words.
    QCOMPARE(renderPdfWithoutQt(in.form, &in.answers, fillable, &pdf, &error), PlainRender::Refused);
    QString theirs;
    QVERIFY(!renderPdf(in.form, &in.answers, fillable, &pdf, &theirs));
    QCOMPARE(error, theirs);
}

QTEST_MAIN(TestLayoutWithoutQt)
#include "tst_layoutwithoutqt.moc"
