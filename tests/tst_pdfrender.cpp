#include "pdfreadback.h"

#include "pdf/layout.h"
#include "pdf/pdfwriter.h"
#include "pdf/printfonts.h"
#include "pdf/printstyle.h"

#include <QGuiApplication>
#include <QProcess>
#include <QRawFont>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace coform;
using namespace coform::test;

/// The PDFs Coform writes, read back with poppler as a reader's tools would read them: what a reader finds, in order.
class TestPdfRender : public PdfRenderFixture
{
    Q_OBJECT

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
        QVERIFY(!hasErrors(validateAnswers(m_template, m_answers, longAnswersPath())));
    }

    void bundledTemplate_data()
    {
        QTest::addColumn<bool>("filled");
        QTest::addColumn<int>("profile");
        QTest::addColumn<QStringList>("langs");
        QTest::addColumn<qreal>("minSize");
        for (const bool filled : {false, true}) {
            const char *kind = filled ? "filled" : "blank";
            QTest::addRow("%s standard", kind) << filled << int(PrintProfile::Standard) << QStringList{"en"} << 12.0;
            QTest::addRow("%s large", kind) << filled << int(PrintProfile::Large) << QStringList{"en"} << 16.0;
            QTest::addRow("%s easy", kind) << filled << int(PrintProfile::Easy) << QStringList{"en"} << 14.0;
            QTest::addRow("%s en+cy", kind) << filled << int(PrintProfile::Standard) << QStringList{"en", "cy"} << 12.0;
        }
    }

    /// Must show 1 and 2: every page has the header and footer, every font is embedded, no text leaves the page,
    /// body text is at least the profile's size, and every label and answer is there in reading order.
    void bundledTemplate()
    {
        QFETCH(bool, filled);
        QFETCH(int, profile);
        QFETCH(QStringList, langs);
        QFETCH(qreal, minSize);
        RenderOptions options;
        options.profile = PrintProfile(profile);
        options.languages = langs;
        options.produced = m_produced;
        const Answers *answers = filled ? &m_answers : nullptr;
        const QByteArray pdf = render(answers, options);
        QVERIFY(pdf.startsWith("%PDF-"));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.doc);
        QVERIFY(r.pages() >= 5);

        const QList<Poppler::FontInfo> fonts = r.doc->fonts();
        QVERIFY(!fonts.isEmpty());
        for (const Poppler::FontInfo &f : fonts)
            QVERIFY2(f.isEmbedded(), qPrintable(f.name()));

        const bool easy = options.profile == PrintProfile::Easy;
        const QString title = localizedTitle(m_template, easy ? QStringLiteral("en-x-easy") : QStringLiteral("en"));
        QVERIFY2(squeezed(r.pageTexts.first()).contains(squeezed(QStringLiteral("available in other formats"))),
                 qPrintable(r.pageTexts.first()));
        for (int i = 0; i < r.pages(); ++i) {
            const QString page = squeezed(r.pageTexts.at(i));
            const QString where = QStringLiteral("page %1").arg(i + 1);
            QVERIFY2(page.contains(squeezed(QStringLiteral("Page %1 of %2").arg(i + 1).arg(r.pages()))),
                     qPrintable(where));
            QVERIFY2(page.contains(squeezed(QStringLiteral("chc-review version 1"))), qPrintable(where));
            QVERIFY2(page.contains(squeezed(QStringLiteral("Produced 20 November 2026"))), qPrintable(where));
            QVERIFY2(page.contains(squeezed(title)), qPrintable(where));
            if (langs.contains(QStringLiteral("cy"))) {
                QVERIFY2(page.contains(squeezed(QStringLiteral("Tudalen %1 o %2").arg(i + 1).arg(r.pages()))),
                         qPrintable(where));
                QVERIFY2(page.contains(squeezed(localizedTitle(m_template, QStringLiteral("cy")))), qPrintable(where));
            }
            if (filled) {
                QVERIFY2(page.contains(QStringLiteral("OFFICIAL-SENSITIVE:PERSONAL")), qPrintable(where));
                QVERIFY2(page.contains(QStringLiteral("AlexExample")), qPrintable(where));
                QVERIFY2(page.contains(QStringLiteral("9434765919")), qPrintable(where)); // "943 476 5919"
                QVERIFY2(r.pageTexts.at(i).contains(QStringLiteral("943 476 5919")), qPrintable(where));
            } else {
                QVERIFY(!page.contains(QStringLiteral("OFFICIAL-SENSITIVE")));
            }

            // Every word inside the page, and no smaller than the profile's minimum. Poppler's word boxes are as high
            // as the font's ascent plus descent: 1.117 em for Liberation Sans, more for DejaVu Sans.
            const QRectF pageRect(QPointF(0, 0), r.pageSizes.at(i));
            for (const auto &[text, b] : r.words.at(i)) {
                QVERIFY2(pageRect.contains(b),
                         qPrintable(QStringLiteral("%1: \"%2\" leaves the page").arg(where, text)));
                const qreal size = b.height() / 1.117;
                QVERIFY2(size >= minSize - 0.05,
                         qPrintable(QStringLiteral("%1: \"%2\" is %3pt").arg(where, text).arg(size)));
            }
        }

        const QStringList expected = expectedSequence(m_template, answers, langs, easy);
        const QString missing = firstOutOfOrder(r.all(), expected);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing or out of order: \"%1\"").arg(missing)));
    }

    /// The same question numbers on the blank and the filled form.
    void sameNumbersBlankAndFilled()
    {
        RenderOptions options;
        options.produced = m_produced;
        const ReadBack blank = readBack(render(nullptr, options));
        const ReadBack filled = readBack(render(&m_answers, options));
        const QMap<QString, int> numbers = m_template.questionNumbers();
        for (const Item *item : m_template.allItems()) {
            if (item->type == ItemType::Info || !isShown(m_template, *item, m_answers))
                continue;
            const QString numbered = squeezed(QStringLiteral("%1.%2").arg(numbers.value(item->id)).arg(item->label));
            QVERIFY2(squeezed(blank.all()).contains(numbered), qPrintable(item->id));
            QVERIFY2(squeezed(filled.all()).contains(numbered), qPrintable(item->id));
        }
    }

    /// Items hidden by showIf are left out of a filled form; a blank form says in words when they apply.
    void conditionalQuestions()
    {
        Answers noBudget = m_answers;
        noBudget.values.insert(QStringLiteral("has-phb"), false);
        noBudget.values.insert(QStringLiteral("has-supporter"), false);
        for (const QString &id :
             {QStringLiteral("phb-managed"), QStringLiteral("phb-goals"), QStringLiteral("phb-goals-notes"),
              QStringLiteral("phb-enough"), QStringLiteral("phb-shortfall"), QStringLiteral("dp-checks"),
              QStringLiteral("dp-first-date"), QStringLiteral("supporter-name"), QStringLiteral("supporter-phone"),
              QStringLiteral("supporter-email")})
            noBudget.values.remove(id);
        RenderOptions options;
        options.produced = m_produced;
        const QString filled = squeezed(readBack(render(&noBudget, options)).all());
        const Section *phb = m_template.findSection(QStringLiteral("phb"));
        QVERIFY(phb);
        for (const Item &item : phb->items)
            QVERIFY2(!filled.contains(squeezed(item.label)), qPrintable(item.id));
        QVERIFY(!filled.contains(squeezed(m_template.findItem(QStringLiteral("supporter-name"))->label)));

        const QString blank = squeezed(readBack(render(nullptr, options)).all());
        QVERIFY(blank.contains(squeezed(phb->title)));
        const QMap<QString, int> numbers = m_template.questionNumbers();
        QVERIFY(blank.contains(squeezed(QStringLiteral("Fill in this section if you said Yes to question %1.")
                                            .arg(numbers.value(QStringLiteral("has-phb"))))));
        QVERIFY(blank.contains(squeezed(QStringLiteral("Answer this if you said Yes to question %1.")
                                            .arg(numbers.value(QStringLiteral("has-supporter"))))));
        QVERIFY(blank.contains(squeezed(QStringLiteral("Answer this if you chose")))); // choice-based showIf
    }

    /// Options are tick boxes, the chosen ones ticked; scale levels show their descriptions.
    void ticksAndScales()
    {
        RenderOptions options;
        const QString filled = squeezed(readBack(render(&m_answers, options)).all());
        const Item *breathing = m_template.findItem(QStringLiteral("breathing-level"));
        QVERIFY(breathing);
        const QString chosen = m_answers.value(breathing->id).toString();
        QVERIFY(filled.contains(squeezed(tick + breathing->option(chosen)->label)));
        // Each level's description is there word by word (in a row of levels, a reader may take the columns' lines
        // side by side).
        for (const Option &o : breathing->options)
            QCOMPARE(firstOutOfOrder(filled, {o.description}), QString());
        const QString blank = squeezed(readBack(render(nullptr, options)).all());
        QVERIFY(!blank.contains(tick));
    }

    /// The text font is used without its hinting (which only costs time in a PDF): the glyphs, their advances and
    /// the characters they map are the same; the tick mark's font maps the tick and nothing else. A file that is not
    /// a TrueType font, or is cut short, is not changed.
    void fontsWithoutHinting()
    {
        QFile file(PrintStyle::textFontFile());
        QVERIFY2(file.open(QIODevice::ReadOnly), "the text font (Debian package fonts-liberation2) is needed");
        const QByteArray original = file.readAll();
        const QByteArray stripped = PrintFonts::withoutHinting(original);
        const QRawFont before(original, 12, QFont::PreferNoHinting), after(stripped, 12, QFont::PreferNoHinting);
        QVERIFY(before.isValid() && after.isValid());
        QVERIFY(!before.fontTable("prep").isEmpty() && !before.fontTable("fpgm").isEmpty());
        QVERIFY(after.fontTable("prep").isEmpty() && after.fontTable("fpgm").isEmpty()
                && after.fontTable("cvt ").isEmpty());
        QCOMPARE(after.familyName(), before.familyName());
        QCOMPARE(after.fontTable("glyf"), before.fontTable("glyf"));
        QCOMPARE(after.fontTable("GPOS"), before.fontTable("GPOS"));
        const QString text = QStringLiteral("Ŵŷ staff fflint, 943 476 5919 — “café” ½");
        const QList<quint32> glyphs = before.glyphIndexesForString(text);
        QCOMPARE(after.glyphIndexesForString(text), glyphs);
        QCOMPARE(after.advancesForGlyphIndexes(glyphs), before.advancesForGlyphIndexes(glyphs));
        QVERIFY(!glyphs.contains(0));
        const QRawFont renamed(PrintFonts::withoutHinting(original, QStringLiteral("Coform Text")), 12);
        QCOMPARE(renamed.familyName(), QStringLiteral("Coform Text"));
        QCOMPARE(renamed.styleName(), before.styleName());
        QCOMPARE(renamed.glyphIndexesForString(text), glyphs);
        for (const QByteArray &notAFont : {QByteArray("not a font"), QByteArray(), original.left(400)})
            QCOMPARE(PrintFonts::withoutHinting(notAFont), notAFont);

        QFile symbols(QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));
        QVERIFY2(symbols.open(QIODevice::ReadOnly), "the tick's font (Debian package fonts-dejavu-core) is needed");
        const QByteArray dejavu = symbols.readAll();
        const QRawFont tick(PrintFonts::oneCharacterFont(dejavu, U'\u2713', QStringLiteral("Coform Tick")), 12);
        QVERIFY(tick.isValid());
        QCOMPARE(tick.familyName(), QStringLiteral("Coform Tick"));
        QCOMPARE(tick.glyphIndexesForString(QStringLiteral("\u2713")),
                 QRawFont(dejavu, 12).glyphIndexesForString(QStringLiteral("\u2713")));
        QCOMPARE(tick.glyphIndexesForString(QStringLiteral("A\u2610")), (QList<quint32>{0, 0}));
        QVERIFY(tick.fontTable("prep").isEmpty());
        QVERIFY(PrintFonts::oneCharacterFont(original, U'\u2713', QStringLiteral("Coform Tick")).isEmpty());
        QVERIFY(PrintFonts::oneCharacterFont("not a font", U'\u2713', QStringLiteral("Coform Tick")).isEmpty());
    }

    void html()
    {
        RenderOptions options;
        options.languages = {QStringLiteral("en"), QStringLiteral("cy")};
        QByteArray bytes;
        QString error;
        QVERIFY(renderHtml(m_template, &m_answers, options, &bytes, &error));
        const QString html = QString::fromUtf8(bytes);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en-GB\">")));
        QVERIFY(html.contains(QStringLiteral("lang=\"cy\"")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        QVERIFY(html.contains(QStringLiteral("OFFICIAL-SENSITIVE: PERSONAL")));
        QVERIFY(html.contains(QStringLiteral("943 476 5919")));
        for (const Item *item : m_template.allItems()) {
            if (isShown(m_template, *item, m_answers))
                QVERIFY2(html.contains(item->label.toHtmlEscaped()), qPrintable(item->id));
        }
        const QString going = m_answers.value(QStringLiteral("going-well")).toString();
        QVERIFY(html.contains(going.split(QLatin1Char('\n')).first().toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("<th scope=\"col\">")));
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfRender test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdfrender.moc"
