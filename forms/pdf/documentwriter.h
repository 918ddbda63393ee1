#pragma once

#include "pdf/layout.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <QByteArray>
#include <QString>

namespace coform {

/// Writes laid-out pages as PDF itself, without QPdfWriter: each line's glyphs as the layout shaped them, one text
/// object a glyph run (`TJ` with the kerning in it), in the print fonts embedded as subsets (pdf/pdffont.h); frames,
/// rules and bands as paths. Pictures are left to PicturePlacer, and tags to tagPdf() unless it writes them itself
/// (setTags()), as after QPdfWriter: the PDF has
/// the same pages and text, each glyph within 0.05 pt of where QPdfWriter put it (the page is exactly A4 or Letter,
/// where Qt rounds it to whole points), in a fraction of the time (Qt's engine writes each glyph on its own and
/// looks up every character of a font to embed it).
class DocumentWriter
{
public:
    explicit DocumentWriter(const PrintStyle &style);

    void setPdfA(bool pdfA) { m_pdfA = pdfA; }
    /// The sRGB ICC profile (version 2, as PDF/A-1 asks) of a PDF/A's output intent: Qt's (qtSrgbProfile(),
    /// pdf/pdfwriter.h). Without it a PDF/A is not written here.
    void setSrgbProfile(const QByteArray &profile) { m_srgb = profile; }
    /// Streams written as stored Flate streams, for a last pass that compresses them (pdf/flate.h), else compressed.
    void setStoreStreams(bool store) { m_storeStreams = store; }
    /// When set, the document is written tagged (pdf/tagwriter.h), as tagPdf() would tag it, from `log` (what
    /// PdfWriter logs for the layout, one box for each laid-out box) and `options`; its streams are then compressed.
    /// Both must outlive write(). Not for a layout with pictures, which PicturePlacer adds afterwards.
    void setTags(const QVector<PageDrawLog> *log, const TagOptions *options)
    {
        m_log = log;
        m_tags = options;
    }

    /// False when the layout cannot be written this way: a line drawn in a font Coform did not load, or not shaped,
    /// a font the subsetter cannot read, or a PDF/A without its sRGB profile. The caller then writes it with
    /// QPdfWriter.
    bool write(const Layout &layout, QByteArray *pdf) const;

private:
    const PrintStyle &m_style;
    bool m_pdfA = false;
    QByteArray m_srgb;
    bool m_storeStreams = false;
    const QVector<PageDrawLog> *m_log = nullptr;
    const TagOptions *m_tags = nullptr;
};

} // namespace coform
