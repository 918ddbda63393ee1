#include "model/picture.h"

namespace coform {

QString Picture::reference() const
{
    if (isBundled())
        return set + QLatin1Char('/') + name;
    return QStringLiteral("embedded %1 (%2 KiB)").arg(mediaType).arg((data.size() + 1023) / 1024);
}

bool isPictureMediaType(const QString &mediaType)
{
    return mediaType == QLatin1String("image/svg+xml") || mediaType == QLatin1String("image/png")
           || mediaType == QLatin1String("image/jpeg");
}

} // namespace coform
