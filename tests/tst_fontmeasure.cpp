// FontMeasure: the print fonts measured with FreeType alone must measure as Qt measures them (every glyph's advance
// and right bearing, the height metrics), at every size a print style uses and around it: a layout made from these
// numbers then breaks lines where QTextLayout breaks them, and the PDF stays the same byte for byte.
#include "pdf/fontmeasure.h"
#include "pdf/printstyle.h"
#include "pdf/qtprintfonts.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QRawFont>
#include <QTest>

using namespace coform;

namespace {

/// The characters the font maps, from its own character map (the tick font maps one).
QList<char32_t> mappedCharacters(const FontMeasure &measure)
{
    QList<char32_t> found;
    for (char32_t c = 0x20; c < 0x3000; ++c) {
        if (measure.glyphFor(c) != 0)
            found.append(c);
    }
    return found;
}

} // namespace

class TestFontMeasure : public QObject
{
    Q_OBJECT

private slots:
    void everyGlyphMeasuresAsQtMeasuresIt_data();
    void everyGlyphMeasuresAsQtMeasuresIt();
    void aFontFreeTypeCannotReadIsRefused();
};

void TestFontMeasure::everyGlyphMeasuresAsQtMeasuresIt_data()
{
    QTest::addColumn<int>("file");
    QTest::addColumn<int>("pixelSize");
    const QVector<PrintFontFile> &files = PrintStyle::fontFiles();
    QCOMPARE(files.size(), 3); // regular, bold, tick: the fonts' packages are in scripts/deps.sh
    QCOMPARE(PrintStyle::fontsProblem(), QString());
    // Every size the print styles use (11 to 26 pixels), with a margin either side.
    for (int f = 0; f < files.size(); ++f) {
        for (int size = 6; size <= 40; ++size)
            QTest::addRow("%s %d px", files.at(f).name.constData(), size) << f << size;
    }
}

void TestFontMeasure::everyGlyphMeasuresAsQtMeasuresIt()
{
    QFETCH(int, file);
    QFETCH(int, pixelSize);
    const PrintFontFile &font = PrintStyle::fontFiles().at(file);
    FontMeasure measure(font.data, pixelSize);
    QVERIFY(measure.isValid());
    const QFont qfont = printFont(file, pixelSize, font.bold);
    const QFontMetricsF qt(qfont);
    const QRawFont raw = QRawFont::fromFont(qfont);
    QVERIFY(raw.isValid());
    QCOMPARE(raw.familyName(), font.family);
    QCOMPARE(raw.pixelSize(), qreal(pixelSize));

    QCOMPARE(measure.ascent() / 64.0, qt.ascent());
    QCOMPARE(measure.descent() / 64.0, qt.descent());
    QCOMPARE(measure.leading() / 64.0, qt.leading());
    QCOMPARE(measure.minRightBearing(), qt.minRightBearing());

    const QList<char32_t> characters = mappedCharacters(measure);
    QVERIFY2(characters.size() >= (file == 2 ? 1 : 600), qPrintable(QString::number(characters.size())));
    int overhanging = 0; // glyphs whose ink reaches past their advance: what a line's width adds at its end
    for (const char32_t c : characters) {
        const QString text = QString::fromUcs4(&c, 1);
        const QList<quint32> glyphs = raw.glyphIndexesForString(text);
        QCOMPARE(glyphs.size(), 1);
        QCOMPARE(measure.glyphFor(c), glyphs.first());
        if (QChar::requiresSurrogates(c))
            continue;
        // QTextLayout ends a line with the last glyph's right bearing, as QFontMetricsF gives a character's.
        QVERIFY2(measure.rightBearing(glyphs.first()) / 64.0 == qt.rightBearing(QChar(char16_t(c))),
                 qPrintable(QStringLiteral("U+%1: right bearing %2, Qt %3")
                                .arg(uint(c), 4, 16, QLatin1Char('0'))
                                .arg(measure.rightBearing(glyphs.first()) / 64.0)
                                .arg(qt.rightBearing(QChar(char16_t(c))))));
        overhanging += measure.rightBearing(glyphs.first()) < 0;
    }
    if (file != 2)
        QVERIFY2(overhanging >= 5, qPrintable(QString::number(overhanging)));
    // Every glyph's advance, including those no character maps (ligatures, alternates the shaper picks).
    QList<quint32> all;
    for (int g = 0; g < measure.glyphCount(); ++g)
        all.append(quint32(g));
    QVERIFY(all.size() >= characters.size());
    const QList<QPointF> advances = raw.advancesForGlyphIndexes(all);
    QCOMPARE(advances.size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        QVERIFY2(measure.advance(all.at(i)) / 64.0 == advances.at(i).x(),
                 qPrintable(QStringLiteral("glyph %1: advance %2, Qt %3")
                                .arg(all.at(i))
                                .arg(measure.advance(all.at(i)) / 64.0)
                                .arg(advances.at(i).x())));
    }
}

void TestFontMeasure::aFontFreeTypeCannotReadIsRefused()
{
    FontMeasure none(QByteArray("not a font"), 12);
    QVERIFY(!none.isValid());
    QCOMPARE(none.advance(3), 0);
    QCOMPARE(none.glyphFor(U'a'), 0u);
    FontMeasure noSize(PrintStyle::fontFiles().first().data, 0);
    QVERIFY(!noSize.isValid());
}

QTEST_MAIN(TestFontMeasure)
#include "tst_fontmeasure.moc"
