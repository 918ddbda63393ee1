#include "importids.h"

#include <QRegularExpression>

namespace coform {

QString ImportIds::sanitize(const QString &name)
{
    QString out;
    out.reserve(name.size());
    bool dash = false;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            out += c;
            dash = false;
        } else if (u >= u'A' && u <= u'Z') {
            out += QChar(u + (u'a' - u'A'));
            dash = false;
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue; // accents decomposed by NFKD: "é" -> "e"
        } else if (!dash && !out.isEmpty()) {
            out += QLatin1Char('-');
            dash = true;
        }
    }
    if (out.size() > 64)
        out.truncate(64);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

QString ImportIds::allocate(const QString &wanted, const QString &fallback)
{
    QString base = sanitize(wanted);
    if (base.isEmpty())
        base = sanitize(fallback);
    if (base.isEmpty())
        base = QStringLiteral("item");
    QString id = base;
    for (int n = 2; m_taken.contains(id); ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    m_taken.insert(id);
    return id;
}

QString readableName(const QString &name)
{
    // Keep the last part of a hierarchical name ("form[0].Page1[0].FamilyName[0]") without array indexes.
    QString s = name;
    static const QRegularExpression index(QStringLiteral("\\[\\d+\\]"));
    s.remove(index);
    const qsizetype dot = s.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0 && dot + 1 < s.size())
        s = s.mid(dot + 1);
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.')) {
            out += QLatin1Char(' ');
            continue;
        }
        // camelCase: a space before an upper-case letter that follows a lower-case one.
        if (c.isUpper() && i > 0 && s.at(i - 1).isLower())
            out += QLatin1Char(' ');
        out += c;
    }
    out = out.simplified();
    // "FamilyName" -> "Family name": lower-case words after the first unless they are all capitals (acronyms).
    QStringList words = out.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < words.size(); ++i) {
        if (words[i] != words[i].toUpper())
            words[i] = words[i].toLower();
    }
    out = words.join(QLatin1Char(' '));
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

} // namespace coform
