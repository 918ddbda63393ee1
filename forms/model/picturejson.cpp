#include "model/picturejson.h"

#include "model/problem.h"

namespace coform {

namespace {

QString kib(qsizetype bytes)
{
    return QStringLiteral("%1 KiB").arg((bytes + 1023) / 1024);
}

} // namespace

std::optional<Picture> readPictureValue(JsonReader &json, const QJsonValue &value, const QString &p)
{
    const auto o = json.asObject(value, p);
    if (!o)
        return std::nullopt;
    Picture picture;
    const bool bundled = o->contains(QLatin1String("set")) || o->contains(QLatin1String("name"));
    if (bundled)
        json.checkKeys(*o, p, {"set", "name", "alt", "credit"});
    else
        json.checkKeys(*o, p, {"type", "data", "alt", "credit"});
    picture.alt = json.string(*o, p, "alt", false).value_or(QString());
    picture.credit = json.string(*o, p, "credit", false).value_or(QString());
    const int errors = json.errorCount();
    if (bundled) {
        picture.set = json.string(*o, p, "set", true).value_or(QString());
        picture.name = json.string(*o, p, "name", true).value_or(QString());
    } else {
        picture.mediaType = json.string(*o, p, "type", true).value_or(QString());
        const QString data = json.string(*o, p, "data", true).value_or(QString());
        // The size is checked before decoding: base64 is 4 characters for 3 bytes.
        if (data.size() > (kMaxPictureBytes / 3 + 1) * 4 + 64) {
            json.error(JsonReader::child(p, QStringLiteral("data")),
                       QStringLiteral("the picture is about %1, more than the %2 a picture may be")
                           .arg(kib(data.size() / 4 * 3), kib(kMaxPictureBytes)));
            return std::nullopt;
        }
        const auto decoded = QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            json.error(JsonReader::child(p, QStringLiteral("data")), QStringLiteral("expected the picture in base64"));
            return std::nullopt;
        }
        picture.data = *decoded;
    }
    if (json.errorCount() > errors)
        return std::nullopt;
    if (bundled && (picture.set.isEmpty() || picture.name.isEmpty())) {
        json.error(p, QStringLiteral("expected the set and the name of a bundled picture"));
        return std::nullopt;
    }
    if (!bundled && !isPictureMediaType(picture.mediaType)) {
        json.error(JsonReader::child(p, QStringLiteral("type")),
                   QStringLiteral("\"%1\" is not a picture type Coform takes (image/svg+xml, image/png or image/jpeg)")
                       .arg(picture.mediaType));
        return std::nullopt;
    }
    return picture;
}

QJsonObject pictureToJson(const Picture &picture)
{
    QJsonObject o;
    if (picture.isBundled()) {
        o.insert(QStringLiteral("set"), picture.set);
        o.insert(QStringLiteral("name"), picture.name);
    } else {
        o.insert(QStringLiteral("type"), picture.mediaType);
        o.insert(QStringLiteral("data"), QString::fromLatin1(picture.data.toBase64()));
    }
    if (!picture.alt.isEmpty())
        o.insert(QStringLiteral("alt"), picture.alt);
    if (!picture.credit.isEmpty())
        o.insert(QStringLiteral("credit"), picture.credit);
    return o;
}

QJsonValue pictureValue(const std::optional<Picture> &picture)
{
    return picture ? QJsonValue(pictureToJson(*picture)) : QJsonValue(QJsonValue::Null);
}

std::optional<Picture> pictureFromValue(const QJsonValue &value, QString *error)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    Problems problems;
    JsonReader json(QStringLiteral("picture"), &problems);
    std::optional<Picture> picture = readPictureValue(json, value, QString());
    if (!picture && error)
        *error = problems.isEmpty() ? QStringLiteral("not a picture") : problems.first().message;
    return picture;
}

} // namespace coform
