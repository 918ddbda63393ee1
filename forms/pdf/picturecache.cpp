#include "pdf/picturecache.h"

#include "model/picturelibrary.h"

#include <QPainter>
#include <QSvgRenderer>

namespace coform {

PictureCache::PictureCache() = default;
PictureCache::~PictureCache() = default;

bool PictureCache::draw(QPainter &painter, const QRectF &rect, const QString &key, const Picture &picture)
{
    std::shared_ptr<Entry> &entry = m_entries[key];
    if (!entry) {
        entry = std::make_shared<Entry>();
        ++m_parsed;
        const QByteArray bytes = pictureFileBytes(picture);
        if (pictureFileType(picture) == QLatin1String("image/svg+xml")) {
            auto svg = std::make_unique<QSvgRenderer>(bytes);
            if (svg->isValid()) {
                svg->setAspectRatioMode(Qt::KeepAspectRatio);
                entry->svg = std::move(svg);
            }
        } else {
            entry->image = QImage::fromData(bytes);
        }
    }
    if (entry->svg) {
        entry->svg->render(&painter, rect);
        return true;
    }
    if (entry->image.isNull())
        return false;
    QSizeF size = entry->image.size();
    size.scale(rect.size(), Qt::KeepAspectRatio);
    const QRectF target(rect.center() - QPointF(size.width() / 2, size.height() / 2), size);
    painter.drawImage(target, entry->image);
    return true;
}

} // namespace coform
