#pragma once

#include "pdf/layout.h"
#include "pdf/printstyle.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace coform {

struct TagOptions;

/// One thing the PDF writer drew: what it is and where (points, origin top-left of the page, y downwards; in PDF user
/// space the rectangle is (x, pageHeight - bottom, width, height)). Later passes (tags, form fields) read this.
struct DrawnBox
{
    BoxRole role = BoxRole::Decoration;
    BoxKind kind = BoxKind::Text;
    QString itemId;
    QString lang;
    QRectF rect;
    QString text;
    bool continued = false; ///< repeated at the top of a page because the item goes on there
    bool newBlock = false;  ///< starts a new paragraph even when the box before has the same role, item and language
    QString picture;        ///< Picture: its key in Layout::pictures (drawn by PicturePlacer, not by the writer)
};
using PageDrawLog = QVector<DrawnBox>;

/// What a writer draws for `layout`, page by page, in drawing order: one box for each laid-out box.
QVector<PageDrawLog> drawLog(const Layout &layout);

/// The zlib level that "the default" means on this thread now, as this file's deflateInit() sets it for the process:
/// none while a PdfWriter that stores its streams writes, else the fastest. For a program that does not link this file
/// but loads it in a module, whose deflateInit() therefore reaches only the module's own calls: the program defines
/// deflateInit() itself, and asks this (coform-cli: app/cli/main.cpp).
int defaultDeflateLevel();

/// The sRGB ICC profile (version 2, as PDF/A-1 asks) that Qt's own PDF engine embeds for PDF/A (from Qt Gui's
/// resources).
QByteArray qtSrgbProfile();

/// Writes laid-out pages as PDF: real text in the embedded (subset) fonts of the print style, document title set,
/// optionally PDF/A-1b. Coform writes it itself (pdf/documentwriter.h, which needs no Qt Gui), or with QPdfWriter
/// when a line is drawn in a font Coform did not load. The PDF is not tagged yet: renderPdf() runs tagPdf()
/// (pdf/pdftagger.h) on it with the draw log, which also sets the document language.
class PdfWriter
{
public:
    explicit PdfWriter(const PrintStyle &style);

    void setPdfA(bool pdfA) { m_pdfA = pdfA; }
    /// When set, Qt's streams (pages, fonts, pictures) are written without compression, as Flate streams of stored
    /// blocks: for a caller whose last pass is compressStoredStreams() (pdf/flate.h), so that what the tagging pass
    /// inflates and compresses again is not compressed twice before.
    void setStoreStreams(bool store) { m_storeStreams = store; }
    /// When set, receives for each page what was drawn where, in drawing order.
    void setDrawLog(QVector<PageDrawLog> *log) { m_log = log; }
    /// When set (with a draw log), Coform's own writer writes the PDF tagged as tagPdf() would tag it, if it writes
    /// it (not QPdfWriter) and the layout has no pictures; tagged() then says so, and no tagging pass is needed.
    /// `options` must outlive write().
    void setTags(const TagOptions *options) { m_tags = options; }
    /// Whether the last write() wrote the tags (see setTags()).
    bool tagged() const { return m_tagged; }

    bool write(const Layout &layout, QByteArray *pdf, QString *error) const;

private:
    const PrintStyle &m_style;
    bool m_pdfA = false;
    bool m_storeStreams = false;
    QVector<PageDrawLog> *m_log = nullptr;
    const TagOptions *m_tags = nullptr;
    mutable bool m_tagged = false;
};

} // namespace coform
