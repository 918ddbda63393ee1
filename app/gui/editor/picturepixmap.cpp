#include "editor/picturepixmap.h"

#include "model/picturelibrary.h"

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace coform {

QPixmap picturePixmap(const Picture &picture, int size, qreal ratio)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::white);
    QPainter painter(&pixmap);
    const QByteArray bytes = pictureFileBytes(picture);
    if (pictureFileType(picture) == QLatin1String("image/svg+xml")) {
        QSvgRenderer svg(bytes);
        svg.setAspectRatioMode(Qt::KeepAspectRatio);
        svg.render(&painter, QRectF(0, 0, size, size));
        return pixmap;
    }
    const QImage image = QImage::fromData(bytes);
    if (!image.isNull()) {
        const QImage scaled = image.scaled(QSize(size, size) * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QSizeF shown = QSizeF(scaled.size()) / ratio;
        painter.drawImage(QRectF(QPointF((size - shown.width()) / 2, (size - shown.height()) / 2), shown), scaled);
    }
    return pixmap;
}

} // namespace coform
