#include "pdf/qtglyphruns.h"

#include "pdf/printstyle.h"
#include "pdf/qtprintfonts.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QTextLayout>
#include <QThread>

#include <mutex>
#include <vector>

namespace coform {

namespace {

/// Qt's fonts by number, as they were first seen, in this thread: Qt's fonts belong to the thread they were made in
/// (the preview lays out and draws in a thread of its own).
struct Known
{
    std::vector<std::pair<QRawFont, int>> fonts;
};

Known &known()
{
    thread_local Known k;
    thread_local bool ending = false;
    if (!ending) {
        ending = true;
        // The main thread's fonts go before Qt Gui does, not after it as the process ends.
        if (QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread())
            qAddPostRoutine([] { known().fonts.clear(); });
    }
    return k;
}

} // namespace

int runFontId(const QRawFont &raw)
{
    Known &k = known();
    for (const auto &[font, id] : k.fonts) {
        if (font == raw)
            return id;
    }
    const int file = printFontFileOf(raw);
    const int id = file >= 0 ? runFontId(file, raw.pixelSize()) : newForeignRunFont(raw.pixelSize());
    k.fonts.emplace_back(raw, id);
    return id;
}

QRawFont runRawFont(int id)
{
    Known &k = known();
    for (const auto &[font, number] : k.fonts) {
        if (number == id)
            return font;
    }
    const RunFont run = runFont(id);
    if (run.file < 0)
        return {};
    const QRawFont raw =
        QRawFont::fromFont(printFont(run.file, int(run.pixelSize), PrintStyle::fontFiles().at(run.file).bold));
    k.fonts.emplace_back(raw, id);
    return raw;
}

GlyphRun fromQt(const QGlyphRun &run)
{
    // The layout's text has no underline, overline or strike-out (a print style's fonts have none).
    return {runFontId(run.rawFont()), run.glyphIndexes(), run.positions()};
}

QGlyphRun toQt(const GlyphRun &run)
{
    QGlyphRun qt;
    qt.setRawFont(runRawFont(run.font));
    qt.setGlyphIndexes(run.glyphs);
    qt.setPositions(run.positions);
    return qt;
}

QList<WrappedLine> textLayoutLines(const QString &text, const QFont &font, qreal width)
{
    QList<WrappedLine> lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        QString part = text.mid(line.textStart(), line.textLength());
        while (!part.isEmpty() && part.back().isSpace())
            part.chop(1);
        const QList<QGlyphRun> runs =
            part.isEmpty() ? QList<QGlyphRun>() : line.glyphRuns(line.textStart(), part.size());
        const QPointF origin(line.x(), line.y() + line.ascent());
        QList<GlyphRun> glyphs;
        glyphs.reserve(runs.size());
        for (const QGlyphRun &run : runs) {
            glyphs.append(fromQt(run));
            for (QPointF &p : glyphs.last().positions)
                p -= origin;
        }
        lines.append({part, line.naturalTextWidth(), std::move(glyphs)});
    }
    layout.endLayout();
    return lines;
}

bool wordWrapAgreesWithQt(WordWrap &wrap, const QFont &font)
{
    static std::mutex lock;
    static QHash<QString, bool> checked;
    const QString key = font.key();
    {
        const std::lock_guard<std::mutex> locked(lock);
        if (const auto found = checked.constFind(key); found != checked.constEnd())
            return *found;
    }
    const QString sample = QStringLiteral("AVA Tyr \u201cfly\u201d Ŵy 12/05 L\u2019Or-T.");
    const qreal width = font.pixelSize() * 6.3;
    QList<WrappedLine> ours;
    bool agrees = wrap.wrap(sample, width, &ours);
    if (agrees) {
        const QList<WrappedLine> qt = textLayoutLines(sample, font, width);
        agrees = qt.size() == ours.size();
        for (qsizetype i = 0; agrees && i < qt.size(); ++i) {
            const WrappedLine &a = qt.at(i), &b = ours.at(i);
            agrees = a.text == b.text && a.width == b.width && a.glyphs == b.glyphs;
        }
    }
    const std::lock_guard<std::mutex> locked(lock);
    checked.insert(key, agrees);
    return agrees;
}

namespace {

class QtTextFallback : public TextFallback
{
public:
    QList<WrappedLine> lines(const QString &text, const PrintStyle &style, TextStyle textStyle,
                             qreal width) const override
    {
        return textLayoutLines(text, printFont(style, textStyle), width);
    }
    qreal advance(const QString &text, const PrintStyle &style, TextStyle textStyle) const override
    {
        return QFontMetricsF(printFont(style, textStyle)).horizontalAdvance(text);
    }
    bool agrees(WordWrap &wrap, const PrintStyle &style, TextStyle textStyle) const override
    {
        return wordWrapAgreesWithQt(wrap, printFont(style, textStyle));
    }
};

} // namespace

const TextFallback &qtTextFallback()
{
    static const QtTextFallback fallback;
    return fallback;
}

} // namespace coform
