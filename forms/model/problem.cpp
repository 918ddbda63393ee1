#include "model/problem.h"

namespace coform {

QString Problem::toString() const
{
    const QString where = pointer.isEmpty() ? file : QStringLiteral("%1:%2").arg(file, pointer);
    const QString kind = severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    return QStringLiteral("%1: %2: %3").arg(where, kind, message);
}

bool hasErrors(const Problems &problems)
{
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            return true;
    }
    return false;
}

QString jsonPointerToken(const QString &token)
{
    QString escaped = token;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
    escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
    return escaped;
}

} // namespace coform
