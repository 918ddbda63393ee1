#pragma once

#include <QByteArray>
#include <QString>

namespace coform {

/// A picture beside a question, a section, an info text or an option (easy read; docs/formats.md, "Pictures").
/// Either a picture of a set bundled with Coform (`set` and `name`, e.g. "mulberry" / "doctor_1a") or an image
/// embedded in the template (`mediaType` and `data`). `alt` says what it shows in the template's source language
/// (other languages are in the translations, like labels); `credit` is its credit and licence line.
struct Picture
{
    QString set;       ///< bundled: the set ("mulberry"); empty for an embedded image
    QString name;      ///< bundled: the picture's name in its set
    QString mediaType; ///< embedded: "image/svg+xml", "image/png" or "image/jpeg"
    QByteArray data;   ///< embedded: the file's bytes
    QString alt;       ///< what the picture shows, in words
    QString credit;    ///< who made it and under which licence

    bool isBundled() const { return !set.isEmpty(); }
    /// A short reference for messages and caches: "mulberry/doctor_1a", or "embedded image/png (12 KiB)".
    QString reference() const;
    bool operator==(const Picture &) const = default;
};

/// Limits on embedded images (docs/formats.md): each file, and all of one template's together.
inline constexpr qsizetype kMaxPictureBytes = 512 * 1024;
inline constexpr qsizetype kMaxTemplatePictureBytes = 16 * 1024 * 1024;

/// The media types an embedded picture may have.
bool isPictureMediaType(const QString &mediaType);

} // namespace coform
