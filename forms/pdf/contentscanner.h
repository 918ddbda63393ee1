#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

namespace coform {

/// A graphics object of a page's content stream: [start, end) in bytes.
struct ContentObject
{
    enum class Kind { Text, Path, Other };
    Kind kind = Kind::Other;
    qsizetype start = 0;
    qsizetype end = 0;
    bool hasOrigin = false;
    QPointF origin; ///< Text: where the first glyph is drawn (points, origin top-left, y down)
    QRectF bounds;  ///< Path: the points it goes through (points, origin top-left, y down)
};

/// Reads a page's content stream (`data`, `size` bytes, decompressed): where each text object (BT..ET), each path
/// and each other graphics object (inline image, XObject, shading) starts and ends, and where it is drawn. Tracks the
/// current transformation matrix (q, Q, cm) and the text matrix (Tm, Td, TD, T*) so that each object's position is
/// known in page coordinates; `pageTop` is the top of the media box, to turn PDF's y-up coordinates into the draw
/// log's y-down ones. Returns false with the reason in `error` when the content cannot be read.
bool scanContent(const char *data, qsizetype size, double pageTop, std::vector<ContentObject> *objects, QString *error);

} // namespace coform
