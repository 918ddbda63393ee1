#pragma once

#include "model/picture.h"

#include <QHash>
#include <QImage>
#include <QRectF>
#include <QString>

#include <memory>

class QPainter;
class QSvgRenderer;

namespace coform {

/// Draws pictures (easy read; model/picture.h) with a QPainter: each picture is parsed once, the first time it is
/// drawn, and drawn from the cache after that. SVG is drawn as vectors (paths in a PDF), PNG and JPEG as images.
class PictureCache
{
public:
    PictureCache();
    ~PictureCache();
    PictureCache(const PictureCache &) = delete;
    PictureCache &operator=(const PictureCache &) = delete;

    /// Draws `picture` (known by `key`, see pictureKey()) centred in `rect`, keeping its shape. False when it cannot
    /// be read (then nothing is drawn).
    bool draw(QPainter &painter, const QRectF &rect, const QString &key, const Picture &picture);
    /// How many pictures have been parsed (a benchmark and test figure).
    int parsed() const { return m_parsed; }

private:
    struct Entry
    {
        std::unique_ptr<QSvgRenderer> svg;
        QImage image;
    };
    QHash<QString, std::shared_ptr<Entry>> m_entries;
    int m_parsed = 0;
};

} // namespace coform
