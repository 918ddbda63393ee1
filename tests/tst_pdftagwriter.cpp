// Tags written with the pages (TagWriter, when Coform writes the PDF itself) against the tagging pass over the
// finished file (tagPdf()): a reader of either file meets the same structure, the same marked content and the same
// catalogue, read back with libqpdf; and which forms take which way.
#define POINTERHOLDER_TRANSITION 4

#include "taggedpdf.h"

#include "pdf/flate.h"
#include "pdf/layoutengine.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <qpdf/Buffer.hh>

#include <QGuiApplication>
#include <QtTest>

using namespace coform;
using namespace coform::test;

namespace {

QString describe(const Marked &m)
{
    return QStringLiteral("%1 mcid=%2 text=[%3] lang=%4 artifact=%5")
        .arg(m.tag)
        .arg(m.mcid)
        .arg(m.actualText, m.lang, m.artifactType);
}

/// A node as a reader meets it, with its parent as an index (object numbers differ between the files).
QString describe(const Node &n)
{
    QStringList mc;
    for (const auto &[page, mcid] : n.mc)
        mc << QStringLiteral("%1:%2").arg(page).arg(mcid);
    return QStringLiteral("%1 depth=%2 parent=%3 alt=[%4] lang=%5 texts=[%6] langs=[%7] mc=[%8]")
        .arg(n.role)
        .arg(n.depth)
        .arg(n.parent)
        .arg(n.alt, n.lang, n.texts.join(QLatin1Char('|')), n.langs.join(QLatin1Char('|')), mc.join(QLatin1Char(' ')));
}

QString xmp(const Tagged &t)
{
    QPDFObjectHandle meta = t.catalogue.getKey("/Metadata");
    if (!meta.isStream())
        return {};
    const std::shared_ptr<Buffer> b = meta.getStreamData();
    return QString::fromUtf8(reinterpret_cast<const char *>(b->getBuffer()), qsizetype(b->getSize()));
}

} // namespace

class TestPdfTagWriter : public PdfTagsFixture
{
    Q_OBJECT

    /// The layout of `options`, written with its tags (`direct`) or written and then tagged by the pass.
    QByteArray write(const Answers *answers, const RenderOptions &options, bool direct, bool *tagged)
    {
        const Layout layout = layoutForm(m_template, answers, options);
        const PrintStyle style(options.profile, options.paper);
        const TagOptions tags{layout.title, layout.language, options.pdfA};
        QVector<PageDrawLog> drawn;
        PdfWriter writer(style);
        writer.setPdfA(options.pdfA);
        writer.setDrawLog(&drawn);
        writer.setStoreStreams(!direct);
        if (direct)
            writer.setTags(&tags);
        QByteArray pdf;
        QString error;
        if (!writer.write(layout, &pdf, &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        *tagged = writer.tagged();
        if (direct)
            return pdf;
        if (!runPdfPasses(&pdf, {[&](QPDF &q, QString *e) { return tagPdf(q, drawn, tags, e); }, compressStoredStreams},
                          QStringLiteral("the test form"), &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        return pdf;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(bundledPath(), &problems);
        QVERIFY2(t, problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        m_template = *t;
        const std::optional<Answers> a = readAnswersFile(longAnswersPath(), &problems);
        QVERIFY2(a, problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        m_answers = *a;
    }

    void sameAsTheTaggingPass_data()
    {
        QTest::addColumn<bool>("filled");
        QTest::addColumn<int>("profile");
        QTest::addColumn<QStringList>("langs");
        QTest::addColumn<bool>("pdfA");
        QTest::addColumn<bool>("letter");
        QTest::newRow("blank") << false << int(PrintProfile::Standard) << QStringList{"en"} << false << false;
        QTest::newRow("filled") << true << int(PrintProfile::Standard) << QStringList{"en"} << false << false;
        QTest::newRow("large print") << true << int(PrintProfile::Large) << QStringList{"en"} << false << false;
        QTest::newRow("English and Welsh")
            << true << int(PrintProfile::Standard) << QStringList{"en", "cy"} << false << false;
        QTest::newRow("Welsh blank, US Letter")
            << false << int(PrintProfile::Standard) << QStringList{"cy"} << false << true;
        QTest::newRow("PDF/A") << true << int(PrintProfile::Standard) << QStringList{"en"} << true << false;
    }

    /// Every structure element (role, place in the tree, /Alt, /Lang, its text and where that is), every marked-
    /// content sequence of every page (tag, MCID, /ActualText, /Lang, artifact type), the parent tree, the pages'
    /// /StructParents and /Tabs, the catalogue and the metadata are the same either way.
    void sameAsTheTaggingPass()
    {
        QFETCH(bool, filled);
        QFETCH(int, profile);
        QFETCH(QStringList, langs);
        QFETCH(bool, pdfA);
        QFETCH(bool, letter);
        RenderOptions options = optionsFor(profile, langs);
        options.pdfA = pdfA;
        if (letter)
            options.paper = PaperSize::Letter;
        bool directTagged = false, passTagged = true;
        const QByteArray direct = write(filled ? &m_answers : nullptr, options, true, &directTagged);
        const QByteArray pass = write(filled ? &m_answers : nullptr, options, false, &passTagged);
        QVERIFY(directTagged);
        QVERIFY(!passTagged);
        const Tagged a = readTagged(direct), b = readTagged(pass);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QVERIFY2(b.error.isEmpty(), qPrintable(b.error));
        QCOMPARE(direct.left(8), pass.left(8)); // %PDF-1.5, or 1.4 for PDF/A

        QCOMPARE(a.nodes.size(), b.nodes.size());
        QVERIFY(a.nodes.size() > 50);
        for (qsizetype i = 0; i < a.nodes.size(); ++i)
            QCOMPARE(describe(a.nodes.at(i)), describe(b.nodes.at(i)));
        QCOMPARE(a.pages.size(), b.pages.size());
        int sequences = 0;
        for (qsizetype p = 0; p < a.pages.size(); ++p) {
            QCOMPARE(a.pages.at(p).size(), b.pages.at(p).size());
            for (qsizetype m = 0; m < a.pages.at(p).size(); ++m, ++sequences)
                QCOMPARE(describe(a.pages.at(p).at(m)), describe(b.pages.at(p).at(m)));
            QCOMPARE(a.textOutside.at(p), 0);
            QCOMPARE(b.textOutside.at(p), 0);
        }
        QVERIFY(sequences > 100);
        QCOMPARE(a.structParents, b.structParents);
        QCOMPARE(a.tabs, b.tabs);

        // The parent tree names, for each (page, MCID), the same element (as the index of the node it is).
        const auto nodeIndex = [](const Tagged &t) {
            std::map<QPDFObjGen, int> index;
            for (int i = 0; i < t.nodes.size(); ++i)
                index[t.nodes.at(i).objgen] = i;
            std::map<std::pair<int, int>, int> out;
            for (const auto &[mc, og] : t.parentTree)
                out[mc] = index.count(og) ? index.at(og) : -1;
            return out;
        };
        const std::map<std::pair<int, int>, int> treeA = nodeIndex(a), treeB = nodeIndex(b);
        QVERIFY(treeA == treeB);
        QCOMPARE(
            int(treeA.size()), sequences - [&] {
                int artifacts = 0;
                for (const QVector<Marked> &page : a.pages)
                    for (const Marked &m : page)
                        artifacts += m.mcid < 0 ? 1 : 0;
                return artifacts;
            }());

        for (const char *key : {"/Lang", "/MarkInfo", "/ViewerPreferences"})
            QCOMPARE(QString::fromStdString(a.catalogue.getKey(key).unparse()),
                     QString::fromStdString(b.catalogue.getKey(key).unparse()));
        QCOMPARE(str(a.info.getKey("/Title")), str(b.info.getKey("/Title")));
        QCOMPARE(a.catalogue.getKey("/StructTreeRoot").getKey("/ParentTreeNextKey").getIntValueAsInt(),
                 b.catalogue.getKey("/StructTreeRoot").getKey("/ParentTreeNextKey").getIntValueAsInt());
        if (!pdfA)
            QCOMPARE(xmp(a), xmp(b));
        else
            QVERIFY(xmp(a).contains(QStringLiteral("pdfaid:part=\"1\"")));
        QVERIFY(!a.catalogue.getKey("/Metadata").getDict().hasKey("/Filter"));
        QVERIFY(a.qpdf->getTrailer().getKey("/ID").isArray());
    }

    /// A form with pictures (easy read) and a fillable form are tagged by the pass after their pictures and fields
    /// are added; a standard form is tagged as it is written. Either way the PDF that renderPdf() gives is tagged.
    void whichFormsTakeWhichWay()
    {
        struct Case
        {
            int profile;
            bool filled;
            bool fillable;
            bool direct;
        };
        for (const Case &c :
             {Case{int(PrintProfile::Standard), true, false, true}, Case{int(PrintProfile::Easy), true, false, false},
              Case{int(PrintProfile::Standard), false, true, false}}) {
            RenderOptions options = optionsFor(c.profile, {"en"});
            options.fillable = c.fillable;
            const Layout layout = layoutForm(m_template, c.filled ? &m_answers : nullptr, options);
            const PrintStyle style(options.profile, options.paper);
            const TagOptions tags{layout.title, layout.language, false};
            QVector<PageDrawLog> drawn;
            PdfWriter writer(style);
            writer.setDrawLog(&drawn);
            if (!c.fillable)
                writer.setTags(&tags);
            QByteArray pdf;
            QString error;
            QVERIFY2(writer.write(layout, &pdf, &error), qPrintable(error));
            QCOMPARE(writer.tagged(), c.direct);
            QCOMPARE(layout.pictures.isEmpty(), c.profile != int(PrintProfile::Easy));

            const QByteArray rendered = render(c.filled ? &m_answers : nullptr, options);
            const Tagged t = readTagged(rendered);
            QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
            QVERIFY(t.nodes.size() > 50);
            if (c.profile == int(PrintProfile::Easy))
                QVERIFY(!t.withRole(QStringLiteral("Figure")).isEmpty());
            if (c.fillable)
                QVERIFY(!t.withRole(QStringLiteral("Form")).isEmpty());
        }
    }
};

QTEST_MAIN(TestPdfTagWriter)
#include "tst_pdftagwriter.moc"
