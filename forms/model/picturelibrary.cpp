#include "model/picturelibrary.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace coform {

namespace {

/// The fields of one CSV line (quotes as RFC 4180: "" inside quotes is one quote).
QStringList csvFields(const QString &line)
{
    if (!line.contains(QLatin1Char('"')))
        return line.split(QLatin1Char(',')); // no quotes: each comma ends a field, as below
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

QString resourcePath(const QString &set, const QString &file)
{
    return QStringLiteral(":/coform/pictures/%1/%2").arg(set, file);
}

} // namespace

QVector<LibraryPicture> PictureLibrary::readIndex(const QString &set, const QByteArray &csv)
{
    QVector<LibraryPicture> out;
    const QStringList lines = QString::fromUtf8(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first line names the columns
        const QStringList f = csvFields(lines.at(i).trimmed());
        if (f.size() < 4 || f.at(0).isEmpty())
            continue;
        out.append(LibraryPicture{set, f.at(0), f.at(1), f.at(2), f.at(3).split(QLatin1Char(' '), Qt::SkipEmptyParts)});
    }
    std::sort(out.begin(), out.end(), [](const LibraryPicture &a, const LibraryPicture &b) { return a.name < b.name; });
    return out;
}

const PictureLibrary &PictureLibrary::bundled()
{
    static const PictureLibrary library = [] {
        PictureLibrary l;
        for (const QString &set : sets()) {
            QFile index(resourcePath(set, QStringLiteral("index.csv")));
            if (index.open(QIODevice::ReadOnly))
                l.m_pictures += readIndex(set, index.readAll());
        }
        return l;
    }();
    return library;
}

const LibraryPicture *PictureLibrary::find(const QString &set, const QString &name) const
{
    const auto it = std::lower_bound(
        m_pictures.cbegin(), m_pictures.cend(), std::pair(set, name),
        [](const LibraryPicture &p, const std::pair<QString, QString> &key) { return std::pair(p.set, p.name) < key; });
    return it != m_pictures.cend() && it->set == set && it->name == name ? &*it : nullptr;
}

QVector<const LibraryPicture *> PictureLibrary::search(const QString &words, const QString &category) const
{
    const QStringList wanted = words.toLower().split(QRegularExpression(QStringLiteral("[\\s_]+")), Qt::SkipEmptyParts);
    QVector<const LibraryPicture *> first;
    QVector<const LibraryPicture *> rest;
    for (const LibraryPicture &p : m_pictures) {
        if (!category.isEmpty() && p.category != category)
            continue;
        const QString hay =
            (p.words + QLatin1Char(' ') + p.tags.join(QLatin1Char(' ')) + QLatin1Char(' ') + p.category).toLower();
        const bool all = std::all_of(wanted.cbegin(), wanted.cend(), [&](const QString &w) { return hay.contains(w); });
        if (!all)
            continue;
        if (!wanted.isEmpty() && p.words.toLower().startsWith(wanted.first()))
            first.append(&p);
        else
            rest.append(&p);
    }
    return first + rest;
}

QStringList PictureLibrary::categories() const
{
    QStringList out;
    for (const LibraryPicture &p : m_pictures) {
        if (!out.contains(p.category))
            out.append(p.category);
    }
    out.sort();
    return out;
}

QByteArray PictureLibrary::svg(const QString &set, const QString &name) const
{
    if (!find(set, name))
        return {};
    QFile file(resourcePath(set, name + QStringLiteral(".svg")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList PictureLibrary::sets()
{
    return {QStringLiteral("mulberry")};
}

QString PictureLibrary::credit(const QString &set)
{
    if (set == QLatin1String("mulberry"))
        return QStringLiteral("Mulberry Symbols (mulberrysymbols.org), CC BY-SA 4.0");
    return {};
}

QString PictureLibrary::setTitle(const QString &set)
{
    if (set == QLatin1String("mulberry"))
        return QStringLiteral("Mulberry Symbols");
    return set;
}

QString pictureKey(const Picture &picture)
{
    if (picture.isBundled())
        return picture.set + QLatin1Char('/') + picture.name;
    return QStringLiteral("embedded/")
           + QString::fromLatin1(QCryptographicHash::hash(picture.data, QCryptographicHash::Sha256).toHex().left(24));
}

QByteArray pictureFileBytes(const Picture &picture)
{
    return picture.isBundled() ? PictureLibrary::bundled().svg(picture.set, picture.name) : picture.data;
}

QString pictureFileType(const Picture &picture)
{
    return picture.isBundled() ? QStringLiteral("image/svg+xml") : picture.mediaType;
}

} // namespace coform
