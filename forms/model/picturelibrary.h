#pragma once

#include "model/picture.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace coform {

/// One picture of a set bundled with Coform.
struct LibraryPicture
{
    QString set;      ///< "mulberry"
    QString name;     ///< its name in the set: "doctor_1a"
    QString words;    ///< its name in words: "doctor 1a"
    QString category; ///< "People Profession"
    QStringList tags; ///< "job", "people", ...
};

/// The pictures bundled with Coform (docs/formats.md, "Pictures"): the Mulberry Symbols starter set, read from the
/// resources (`:/coform/pictures/SET/index.csv` and `NAME.svg`) on first use.
class PictureLibrary
{
public:
    /// The bundled library (read once).
    static const PictureLibrary &bundled();

    /// Every picture, sorted by set and name.
    const QVector<LibraryPicture> &pictures() const { return m_pictures; }
    /// The picture `name` of `set`; nullptr when there is none.
    const LibraryPicture *find(const QString &set, const QString &name) const;
    /// Pictures whose name, words or tags contain every word of `words` (case-insensitive; all when empty), of
    /// `category` when it is not empty. Pictures whose words start with the search come first.
    QVector<const LibraryPicture *> search(const QString &words, const QString &category = {}) const;
    /// The categories, sorted.
    QStringList categories() const;
    /// The SVG file of a picture; empty when there is none.
    QByteArray svg(const QString &set, const QString &name) const;

    /// The sets there are ("mulberry").
    static QStringList sets();
    /// The credit line to show wherever a set's pictures are shown or printed; empty for an unknown set.
    static QString credit(const QString &set);
    /// The set's name in words ("Mulberry Symbols").
    static QString setTitle(const QString &set);

    /// Reads a set's index (CSV: name,words,category,tags); tests use it on their own files.
    static QVector<LibraryPicture> readIndex(const QString &set, const QByteArray &csv);

private:
    QVector<LibraryPicture> m_pictures;
};

/// A key that names a picture's content: "mulberry/doctor_1a" for a bundled one, "embedded/<hash>" for an embedded
/// one (equal bytes, equal key). Renderers cache by it.
QString pictureKey(const Picture &picture);
/// The file behind a picture: a bundled picture's SVG, or the embedded bytes; empty when a bundled one is unknown.
QByteArray pictureFileBytes(const Picture &picture);
/// Its media type ("image/svg+xml" for bundled pictures).
QString pictureFileType(const Picture &picture);

} // namespace coform
