// WordWrap: text wrapped from words shaped once must come out exactly as QTextLayout lays it out (the same lines,
// widths, glyphs and glyph positions), for text as people write it; what it cannot do that way it refuses.
#include "pdf/phrases.h"
#include "pdf/printstyle.h"
#include "pdf/qtglyphruns.h"
#include "pdf/qtprintfonts.h"
#include "pdf/renderer.h"
#include "pdf/wordwrap.h"

#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTest>

using namespace coform;

namespace {

/// Where two wrappings differ, in words; empty when they are the same.
QString difference(const QList<WrappedLine> &want, const QList<WrappedLine> &got)
{
    if (want.size() != got.size())
        return QStringLiteral("%1 lines, not %2").arg(got.size()).arg(want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        const WrappedLine &a = want.at(i), &b = got.at(i);
        if (a.text != b.text)
            return QStringLiteral("line %1 reads \"%2\", not \"%3\"").arg(i).arg(b.text, a.text);
        if (a.width != b.width)
            return QStringLiteral("line %1 is %2 wide, not %3")
                .arg(i)
                .arg(b.width, 0, 'g', 12)
                .arg(a.width, 0, 'g', 12);
        if (a.glyphs.size() != b.glyphs.size())
            return QStringLiteral("line %1 has %2 glyph runs, not %3").arg(i).arg(b.glyphs.size()).arg(a.glyphs.size());
        for (qsizetype r = 0; r < a.glyphs.size(); ++r) {
            const GlyphRun &x = a.glyphs.at(r), &y = b.glyphs.at(r);
            if (x.glyphs != y.glyphs)
                return QStringLiteral("line %1 has other glyphs").arg(i);
            if (x.font != y.font)
                return QStringLiteral("line %1 is in another font").arg(i);
            for (qsizetype g = 0; g < x.positions.size() && g < y.positions.size(); ++g) {
                if (x.positions.at(g) != y.positions.at(g))
                    return QStringLiteral("line %1, glyph %2 is at %3, not %4")
                        .arg(i)
                        .arg(g)
                        .arg(y.positions.at(g).x(), 0, 'g', 12)
                        .arg(x.positions.at(g).x(), 0, 'g', 12);
            }
            if (x.positions.size() != y.positions.size())
                return QStringLiteral("line %1 has other positions").arg(i);
        }
    }
    return {};
}

/// Words as review answers and form text have them: pairs that kern (AV, Ty, "L'", space before A, T, Y), figures,
/// dates, money, hyphens and slashes (a line may break after them), quotation marks, Welsh letters, ligature
/// candidates.
const QStringList &vocabulary()
{
    static const QStringList words = {
        QStringLiteral("AVATAR"),     QStringLiteral("Tyrant"),
        QStringLiteral("You"),        QStringLiteral("Yes"),
        QStringLiteral("Today,"),     QStringLiteral("we"),
        QStringLiteral("talked"),     QStringLiteral("about"),
        QStringLiteral("a"),          QStringLiteral("A&E"),
        QStringLiteral("fall."),      QStringLiteral("off"),
        QStringLiteral("affluent"),   QStringLiteral("fly"),
        QStringLiteral("12/05/2026"), QStringLiteral("£1,234.50"),
        QStringLiteral("well-known"), QStringLiteral("and/or"),
        QStringLiteral("(carer)"),    QStringLiteral("L\u2019Or"),
        QStringLiteral("\u201cThey"), QStringLiteral("said\u201d"),
        QStringLiteral("\u2014"),     QStringLiteral("\u2013"),
        QStringLiteral("Ŵyn"),        QStringLiteral("ŷd"),
        QStringLiteral("ẁ"),          QStringLiteral("gofal"),
        QStringLiteral("Gwasanaeth"), QStringLiteral("50%"),
        QStringLiteral("T."),         QStringLiteral("V."),
        QStringLiteral("W"),          QStringLiteral("?"),
        QStringLiteral("Why?"),       QStringLiteral("it's"),
        QStringLiteral("Mrs"),        QStringLiteral("O'Neill"),
        QStringLiteral("9:30am"),     QStringLiteral("twice-daily"),
        QStringLiteral("CHC"),        QStringLiteral("review"),
        QStringLiteral("needs."),     QStringLiteral("Pneumonoultramicroscopicsilicovolcanoconiosis"),
        QStringLiteral("1,000"),      QStringLiteral("x"),
        QStringLiteral("#3"),         QStringLiteral("[sic]"),
        QStringLiteral("e.g."),       QStringLiteral("naïve"),
        QStringLiteral("café"),       QStringLiteral("Zoë"),
        QStringLiteral("…"),
    };
    return words;
}

QString randomText(QRandomGenerator &random)
{
    QString text;
    if (random.bounded(8) == 0)
        text += QStringLiteral("  ");
    const int words = 1 + random.bounded(random.bounded(4) == 0 ? 120 : 14);
    for (int i = 0; i < words; ++i) {
        if (i > 0)
            text += random.bounded(10) == 0 ? QStringLiteral("  ") : QStringLiteral(" ");
        text += vocabulary().at(random.bounded(vocabulary().size()));
    }
    if (random.bounded(8) == 0)
        text += QLatin1Char(' ');
    return text;
}

} // namespace

class TestWordWrap : public QObject
{
    Q_OBJECT

private slots:
    void sameAsQTextLayoutForTextAsPeopleWriteIt();
    void refusesWhatOnlyQTextLayoutCanDo();
    void theFixedWordsAreInThePrintFonts();
};

void TestWordWrap::sameAsQTextLayoutForTextAsPeopleWriteIt()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    int wrapped = 0, tried = 0;
    // Every print style's text: a process without Qt Gui wraps with no check of its own (coform-cli).
    for (const PrintProfile profile : {PrintProfile::Standard, PrintProfile::Large, PrintProfile::Easy}) {
        const PrintStyle style(profile, PaperSize::A4);
        for (const TextStyle textStyle :
             {TextStyle::Title, TextStyle::Heading, TextStyle::Label, TextStyle::Body, TextStyle::BodyBold,
              TextStyle::Help, TextStyle::Header, TextStyle::HeaderBold, TextStyle::Footer, TextStyle::Number}) {
            WordWrap wordWrap(style.fontFile(textStyle), style.pixelSize(textStyle));
            QVERIFY(wordWrap.isUsable());
            for (int i = 0; i < 100; ++i) {
                const QString text = randomText(random);
                // Widths as the layout asks for them (columns, option labels, the body) and the edge cases: as
                // narrow as a word, and one line.
                const qreal width = random.bounded(5) == 0 ? 1e6 : 20 + random.bounded(48000) / 100.0;
                QList<WrappedLine> ours;
                ++tried;
                if (!wordWrap.wrap(text, width, &ours))
                    continue; // laid out by QTextLayout itself
                ++wrapped;
                const QString why = difference(textLayoutLines(text, printFont(style, textStyle), width), ours);
                QVERIFY2(
                    why.isEmpty(),
                    qPrintable(QStringLiteral("seed %1, width %2, \"%3\": %4").arg(seed).arg(width).arg(text, why)));
            }
        }
    }
    // Most such text is wrapped here (a word wider than the line goes to QTextLayout): were it never, this test
    // would prove nothing and the layout would be as slow as before.
    QVERIFY2(wrapped * 3 >= tried * 2, qPrintable(QStringLiteral("wrapped %1 of %2").arg(wrapped).arg(tried)));
}

void TestWordWrap::refusesWhatOnlyQTextLayoutCanDo()
{
    const PrintStyle style(PrintProfile::Standard, PaperSize::A4);
    WordWrap wordWrap(style.fontFile(TextStyle::Body), style.pixelSize(TextStyle::Body));
    QList<WrappedLine> lines;
    QVERIFY(wordWrap.wrap(QStringLiteral("Plain words wrap here."), 200, &lines));
    QCOMPARE(lines.size(), 1);
    const QStringList others = {
        QStringLiteral("Name: \u0645\u062d\u0645\u062f"),                // right to left
        QStringLiteral("care\u00adplan"),                                // soft hyphen
        QStringLiteral("10\u00a0am"),                                    // no-break space
        QStringLiteral("one\ntwo"),                                      // a line break
        QStringLiteral("tab\there"),                                     // a tab
        QStringLiteral("\u0391\u03b8\u03ae\u03bd\u03b1"),                // another script
        QStringLiteral("e\u0301"),                                       // a combining mark
        QStringLiteral("Pneumonoultramicroscopicsilicovolcanoconiosis"), // wider than the line: broken anywhere
        QStringLiteral("   "),                                           // only spaces
    };
    for (const QString &text : others)
        QVERIFY2(!wordWrap.wrap(text, 60, &lines), qPrintable(text));
}

/// coform-cli prints a form without the system's fonts when the print fonts have every character of its files
/// (app/cli/fontconfiguration.h): so the words Coform adds itself, in English and Welsh, must be in them too, as
/// must the digits, letters and signs of the ASCII range, and the Welsh letters with a circumflex. The check reads the
/// fonts themselves.
void TestWordWrap::theFixedWordsAreInThePrintFonts()
{
    QString words;
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("cy")}) {
        for (int p = 0; p <= int(Phrase::LastReview); ++p)
            words += phrase(Phrase(p), lang);
        for (int month = 1; month <= 12; ++month)
            words += longDate(QDate(2026, month, 20), lang);
    }
    for (char16_t c = 0x20; c < 0x7f; ++c)
        words += QChar(c);
    words += QStringLiteral("\u00e2\u00ea\u00ee\u00f4\u00fb\u0175\u0177\u00c2\u00ca\u00ce\u00d4\u00db\u0174\u0176");
    QVERIFY(words.contains(QLatin1String("Tachwedd"))); // the Welsh words are there
    for (const char32_t c : words.toUcs4())
        QVERIFY2(PrintStyle::textFontsHave(c),
                 qPrintable(QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0'))));
    QVERIFY(!PrintStyle::textFontsHave(0x0645)); // Arabic: from a system font
    QVERIFY(!PrintStyle::textFontsHave(u'\t'));
}

QTEST_MAIN(TestWordWrap)
#include "tst_wordwrap.moc"
