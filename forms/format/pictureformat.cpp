#include "format/pictureformat.h"
#include "format/picturedecode.h"

#include "model/picturejson.h"
#include "model/picturelibrary.h"
#include "model/problem.h"

#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>

namespace coform {

namespace {

QString kib(qsizetype bytes)
{
    return QStringLiteral("%1 KiB").arg((bytes + 1023) / 1024);
}

/// What is wrong with an SVG's content (scripts, handlers, outside references), or empty.
QString svgProblem(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    // Entities could pull in outside files or blow up: a DTD is refused outright.
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return QStringLiteral("the SVG has a document type declaration, which could reach outside the picture");
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString().toLower();
        if (name == QLatin1String("script"))
            return QStringLiteral("the SVG has a script, and a picture may not run anything");
        if (name == QLatin1String("foreignobject"))
            return QStringLiteral("the SVG has a foreign object (a web page inside the picture)");
        for (const QXmlStreamAttribute &a : xml.attributes()) {
            const QString attr = a.name().toString().toLower();
            if (attr.startsWith(QLatin1String("on")))
                return QStringLiteral("the SVG has an event handler (%1), and a picture may not run anything")
                    .arg(a.qualifiedName().toString());
            const QString value = a.value().toString().trimmed();
            if (attr == QLatin1String("href") && !value.startsWith(QLatin1Char('#')))
                return QStringLiteral("the SVG refers to something outside itself (%1), which could change or "
                                      "track who opens the form")
                    .arg(value.left(60));
            if ((attr == QLatin1String("style") || name == QLatin1String("style"))
                && value.contains(QLatin1String("url(")) && !value.contains(QLatin1String("url(#")))
                return QStringLiteral("the SVG's style refers to something outside itself");
        }
        if (name == QLatin1String("style")) {
            const QString css = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (css.contains(QLatin1String("@import"))
                || (css.contains(QLatin1String("url(")) && !css.contains(QLatin1String("url(#"))))
                return QStringLiteral("the SVG's style refers to something outside itself");
        }
    }
    if (xml.hasError())
        return QStringLiteral("the SVG cannot be read (%1 at line %2)").arg(xml.errorString()).arg(xml.lineNumber());
    return {};
}

} // namespace

QString pictureDataProblem(const QString &mediaType, const QByteArray &data)
{
    if (!isPictureMediaType(mediaType))
        return QStringLiteral("\"%1\" is not a picture type Coform takes (SVG, PNG or JPEG)").arg(mediaType);
    if (data.isEmpty())
        return QStringLiteral("the picture is empty");
    if (data.size() > kMaxPictureBytes)
        return QStringLiteral("the picture is %1, more than the %2 a picture may be")
            .arg(kib(data.size()), kib(kMaxPictureBytes));
    if (mediaType == QLatin1String("image/svg+xml")) {
        if (const QString problem = svgProblem(data); !problem.isEmpty())
            return problem;
    }
    return pictureDecodeProblem(mediaType, data);
}

QString pictureProblem(const Picture &picture)
{
    if (picture.isBundled()) {
        if (!PictureLibrary::sets().contains(picture.set))
            return QStringLiteral("there is no picture set called \"%1\" (Coform has: %2)")
                .arg(picture.set, PictureLibrary::sets().join(u", "));
        if (!PictureLibrary::bundled().find(picture.set, picture.name))
            return QStringLiteral("there is no picture called \"%1\" in the %2")
                .arg(picture.name, PictureLibrary::setTitle(picture.set));
        return {};
    }
    return pictureDataProblem(picture.mediaType, picture.data);
}

namespace {

bool mayBringPictures(const Edit &edit)
{
    switch (edit.kind) {
    case Edit::Kind::InsertItem:
    case Edit::Kind::InsertSection:
        return true;
    case Edit::Kind::SetItemProperty:
    case Edit::Kind::SetSectionProperty:
        return edit.property == QLatin1String("picture") || edit.property == QLatin1String("options");
    case Edit::Kind::Macro:
        return std::any_of(edit.children.cbegin(), edit.children.cend(), mayBringPictures);
    default:
        return false;
    }
}

} // namespace

QString editedPicturesProblem(const Edit &edit, const Template &before, const Template &after)
{
    if (!mayBringPictures(edit))
        return {};
    QSet<QString> known;
    for (const Picture *p : allPictures(before))
        known.insert(pictureKey(*p));
    for (const Picture *p : allPictures(after)) {
        if (known.contains(pictureKey(*p)))
            continue;
        if (const QString problem = pictureProblem(*p); !problem.isEmpty())
            return problem;
    }
    return templatePicturesProblem(after);
}

QString templatePicturesProblem(const Template &t)
{
    qsizetype total = 0;
    for (const Picture *p : allPictures(t))
        total += p->data.size();
    if (total > kMaxTemplatePictureBytes)
        return QStringLiteral("the template's own pictures come to %1, more than the %2 a template may carry")
            .arg(kib(total), kib(kMaxTemplatePictureBytes));
    return {};
}

} // namespace coform
