#include "fhirtext.h"

#include "format/fhirvocabulary.h"
#include "model/markup.h"

#include <QHash>
#include <QRegularExpression>

namespace coform::FhirText {

QString plain(const QString &text, QStringList *pictures)
{
    if (!hasMarkup(text))
        return text;
    QString s = text;
    static const QRegularExpression image(QStringLiteral("<\\s*img\\b([^>]*)>"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression alt(QStringLiteral("\\balt\\s*=\\s*(\"([^\"]*)\"|'([^']*)')"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression src(QStringLiteral("\\bsrc\\s*=\\s*(\"([^\"]*)\"|'([^']*)')"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (auto it = image.globalMatch(s); it.hasNext();) {
        const QString attributes = it.next().captured(1);
        QRegularExpressionMatch m = alt.match(attributes);
        QString name = m.hasMatch() ? m.captured(2) + m.captured(3) : QString();
        if (name.trimmed().isEmpty()) {
            m = src.match(attributes);
            const QString file = m.hasMatch() ? m.captured(2) + m.captured(3) : QString();
            name = file.startsWith(QLatin1String("data:"), Qt::CaseInsensitive) || file.isEmpty()
                       ? QStringLiteral("a picture")
                       : file.section(QLatin1Char('/'), -1).left(60);
        }
        if (pictures)
            pictures->append(name.simplified());
    }
    s.remove(image);
    static const QRegularExpression breaks(QStringLiteral("<\\s*(br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    s.replace(breaks, QStringLiteral("\n"));
    static const QRegularExpression item(QStringLiteral("<\\s*li\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    s.replace(item, QStringLiteral("- "));
    static const QRegularExpression hidden(QStringLiteral("<\\s*(script|style)\\b[^>]*>.*?<\\s*/\\s*\\1\\s*>"),
                                           QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::DotMatchesEverythingOption);
    if (s.size() < 65536) // the lazy match is quadratic at worst: bounded for hostile files
        s.remove(hidden);
    static const QRegularExpression tag(QStringLiteral("<[^<>]*>"));
    s.remove(tag);
    static const QRegularExpression entity(QStringLiteral("&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);"));
    QString decoded;
    qsizetype at = 0;
    for (auto it = entity.globalMatch(s); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        decoded += s.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString name = m.captured(1);
        bool ok = false;
        char32_t code = 0;
        if (name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive))
            code = name.mid(2).toUInt(&ok, 16);
        else if (name.startsWith(QLatin1Char('#')))
            code = name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code < 0x110000) {
            decoded += QString::fromUcs4(&code, 1);
            continue;
        }
        static const QHash<QString, QString> named{{"amp", "&"},    {"lt", "<"},    {"gt", ">"},    {"quot", "\""},
                                                   {"apos", "'"},   {"nbsp", " "},  {"ndash", "–"}, {"mdash", "—"},
                                                   {"rsquo", "’"},  {"lsquo", "‘"}, {"rdquo", "”"}, {"ldquo", "“"},
                                                   {"hellip", "…"}, {"copy", "©"},  {"reg", "®"},   {"deg", "°"},
                                                   {"pound", "£"},  {"euro", "€"},  {"bull", "•"},  {"middot", "·"}};
        decoded += named.value(name.toLower(), m.captured(0));
    }
    decoded += s.mid(at);
    // Tidy spaces line by line; no more than one empty line in a row.
    QStringList lines;
    for (const QString &line : decoded.split(QLatin1Char('\n'))) {
        const QString clean = line.simplified();
        if (clean.isEmpty() && (lines.isEmpty() || lines.last().isEmpty()))
            continue;
        lines << clean;
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

QString plainOf(const QJsonObject &owner, const QString &name, QStringList *pictures)
{
    const QString text = owner.value(name).toString();
    QStringList richPictures;
    QString rich;
    const QJsonObject companion = owner.value(QLatin1Char('_') + name).toObject();
    for (const QJsonObject &e : FhirVocabulary::extensions(companion, QLatin1String(renderingXhtml)))
        rich = e.value(QLatin1String("valueString")).toString();
    const QString richPlain = rich.isEmpty() ? QString() : plain(rich, &richPictures);
    QStringList textPictures;
    const QString out = text.trimmed().isEmpty() ? richPlain : plain(text, &textPictures);
    if (pictures) {
        // The pictures a viewer shows: those of the rich text when there is one.
        *pictures += richPictures.isEmpty() ? textPictures : richPictures;
    }
    return out;
}

} // namespace coform::FhirText
