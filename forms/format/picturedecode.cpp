// Decoding a picture's bytes with Qt Gui (format/picturedecode.h).
#include "format/picturedecode.h"

#include <QBuffer>
#include <QImageReader>
#include <QSvgRenderer>

namespace coform {

QString pictureDecodeProblem(const QString &mediaType, const QByteArray &data)
{
    if (mediaType == QLatin1String("image/svg+xml")) {
        QSvgRenderer renderer(data);
        if (!renderer.isValid())
            return QStringLiteral("the SVG cannot be drawn");
        if (renderer.defaultSize().isEmpty() && renderer.viewBoxF().isEmpty())
            return QStringLiteral("the SVG has no size");
        return {};
    }
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, mediaType == QLatin1String("image/png") ? "png" : "jpeg");
    reader.setDecideFormatFromContent(false);
    if (!reader.canRead())
        return QStringLiteral("the file is not a %1 picture")
            .arg(mediaType == QLatin1String("image/png") ? u"PNG" : u"JPEG");
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > 8000 || size.height() > 8000)
        return QStringLiteral("the picture's size cannot be read, or it is over 8000 pixels across");
    return {};
}

} // namespace coform
