#include "format/fhirpictures.h"

#include "format/fhirvocabulary.h"
#include "format/pictureformat.h"
#include "model/picturelibrary.h"

#include <QJsonArray>

namespace coform::FhirPictures {

using namespace FhirVocabulary;

namespace {

constexpr const char *extPictureSource = "picture-source"; ///< valueString "SET/NAME" of a bundled picture
constexpr const char *extPictureCredit = "picture-credit"; ///< valueString: the credit line

} // namespace

void add(QJsonObject *element, const char *url, const Picture &picture, const QMap<QString, QString> &altTranslations)
{
    QJsonObject attachment;
    QJsonArray own;
    if (picture.isBundled())
        own.append(
            extension(coformUrl(extPictureSource), "valueString", picture.set + QLatin1Char('/') + picture.name));
    if (!picture.credit.isEmpty())
        own.append(extension(coformUrl(extPictureCredit), "valueString", picture.credit));
    if (!own.isEmpty())
        attachment.insert(QLatin1String("extension"), own);
    attachment.insert(QLatin1String("contentType"), pictureFileType(picture));
    attachment.insert(QLatin1String("data"), QString::fromLatin1(pictureFileBytes(picture).toBase64()));
    if (!picture.alt.isEmpty())
        attachment.insert(QLatin1String("title"), picture.alt);
    setTranslations(&attachment, QStringLiteral("title"), altTranslations);
    QJsonArray list = element->value(QLatin1String("extension")).toArray();
    list.append(extension(QLatin1String(url), "valueAttachment", attachment));
    element->insert(QLatin1String("extension"), list);
}

std::optional<Picture> read(const QJsonObject &element, const char *url, QMap<QString, QString> *altTranslations,
                            QString *problem)
{
    problem->clear();
    const QVector<QJsonObject> found = extensions(element, QLatin1String(url));
    if (found.isEmpty())
        return std::nullopt;
    const QJsonObject attachment = found.first().value(QLatin1String("valueAttachment")).toObject();
    Picture picture;
    picture.alt = attachment.value(QLatin1String("title")).toString();
    for (const QJsonObject &e : extensions(attachment, coformUrl(extPictureCredit)))
        picture.credit = e.value(QLatin1String("valueString")).toString();
    *altTranslations = translations(attachment, QStringLiteral("title"));
    for (const QJsonObject &e : extensions(attachment, coformUrl(extPictureSource))) {
        const QString source = e.value(QLatin1String("valueString")).toString();
        picture.set = source.section(QLatin1Char('/'), 0, 0);
        picture.name = source.section(QLatin1Char('/'), 1);
    }
    // A bundled picture Coform has is used as itself; any other picture travels as its bytes.
    if (picture.isBundled() && PictureLibrary::bundled().find(picture.set, picture.name))
        return picture;
    picture.set.clear();
    picture.name.clear();
    picture.mediaType = attachment.value(QLatin1String("contentType")).toString();
    const auto data = QByteArray::fromBase64Encoding(attachment.value(QLatin1String("data")).toString().toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    if (!data || data.decoded.isEmpty()) {
        *problem = attachment.contains(QLatin1String("url"))
                       ? QStringLiteral("a picture kept elsewhere (%1), which Coform does not fetch")
                             .arg(attachment.value(QLatin1String("url")).toString().left(80))
                       : QStringLiteral("a picture with no data");
        return std::nullopt;
    }
    picture.data = *data;
    if (const QString why = pictureDataProblem(picture.mediaType, picture.data); !why.isEmpty()) {
        *problem = QStringLiteral("a picture that cannot be used: %1").arg(why);
        return std::nullopt;
    }
    return picture;
}

} // namespace coform::FhirPictures
