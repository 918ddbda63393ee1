#include "importreport.h"

namespace coform {

QString ImportNote::toString() const
{
    QString kindText;
    switch (kind) {
    case Kind::Lost:
        kindText = QStringLiteral("not carried over");
        break;
    case Kind::Skipped:
        kindText = QStringLiteral("skipped");
        break;
    case Kind::Remark:
        kindText = QStringLiteral("note");
        break;
    }
    QString where = place;
    if (!itemId.isEmpty() && itemId != place)
        where += QStringLiteral(" (item %1)").arg(itemId);
    return where.isEmpty() ? QStringLiteral("%1: %2").arg(kindText, message)
                           : QStringLiteral("%1: %2: %3").arg(where, kindText, message);
}

void ImportReport::add(ImportNote::Kind kind, const QString &place, const QString &message, const QString &itemId)
{
    notes.append({kind, place, itemId, message});
}

void ImportReport::refuse(const QString &why)
{
    refused = true;
    reason = why;
}

QStringList ImportReport::lines() const
{
    if (refused)
        return {QStringLiteral("%1: refused: %2").arg(file, reason)};
    int lost = 0;
    int skipped = 0;
    for (const ImportNote &n : notes) {
        if (n.kind == ImportNote::Kind::Lost)
            ++lost;
        else if (n.kind == ImportNote::Kind::Skipped)
            ++skipped;
    }
    QStringList out;
    out << QStringLiteral("%1: imported %2 as a template with %3 items; %4 things not carried over, %5 skipped")
               .arg(file, sourceKind)
               .arg(itemCount)
               .arg(lost)
               .arg(skipped);
    for (const ImportNote &n : notes)
        out << QStringLiteral("%1: %2").arg(file, n.toString());
    return out;
}

} // namespace coform
