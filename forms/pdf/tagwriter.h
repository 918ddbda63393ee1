#pragma once

#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/tagstructure.h"

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <QVector>

#include <string>
#include <vector>

namespace coform {

class PdfObjects;

/// The tags of a PDF that Coform writes itself (DocumentWriter), written with its pages: the same structure,
/// marked content and catalogue entries as tagPdf() gives the finished file (pdf/pdftagger.h), without reading the
/// file again. The structure is planned from the draw log (Tagging::Structure); each graphics object the writer draws
/// for box `i` of a page is marked as that box's content or as an artifact, as tagPdf() marks the object it finds
/// there. Form fields' widgets are not in it: a fillable form is tagged by tagPdf() after its fields are added.
class TagWriter
{
public:
    /// `log` (one entry a page, a box for each laid-out box in drawing order) must outlive the writer.
    TagWriter(const QVector<PageDrawLog> &log, const TagOptions &options);

    /// Opens the marked content of a text object drawn for box `box` of page `page`. The box's first text object
    /// carries its text (/ActualText); any further one (a line in two fonts) an empty /ActualText.
    void openText(std::string *out, int page, int box, bool first);
    /// Opens the marked content of a path drawn within `bounds` (points, origin top-left) on page `page`: part of
    /// the Figure whose slot holds it, else a layout artifact.
    void openPath(std::string *out, int page, const QRectF &bounds);
    /// Closes what openText() or openPath() opened.
    static void close(std::string *out) { out->append("\nEMC\n"); }

    /// Writes the structure elements, the structure tree root and its parent tree into `objects`; `pages` are the
    /// pages' object numbers, `pageHeight` their height (points).
    void write(PdfObjects &objects, const std::vector<int> &pages, double pageHeight);
    /// The entries page `page`'s dictionary gets: /StructParents (when it has marked content) and /Tabs /S.
    QByteArray pageEntries(int page) const;
    /// The entries the catalogue gets: /StructTreeRoot, /MarkInfo, /Lang and /ViewerPreferences /DisplayDocTitle.
    QByteArray catalogueEntries() const;

private:
    void open(std::string *out, int page, int box, bool text, bool first);

    const QVector<PageDrawLog> &m_log;
    TagOptions m_options;
    Tagging::Structure m_structure;
    QVector<QVector<Tagging::Mark>> m_marks;
    std::vector<std::vector<int>> m_pageMcids; ///< each page's element of each MCID
    std::vector<int> m_structParents;          ///< each page's parent tree key, -1 when it has no marked content
    int m_root = 0;
};

/// The XMP metadata of a tagged PDF that is not PDF/A: its format, title, language, creator and producer.
QByteArray taggedMetadata(const QString &title, const QString &lang, const QString &creator, const QString &producer);

} // namespace coform
