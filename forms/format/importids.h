#pragma once

#include <QSet>
#include <QString>

namespace coform {

/// Makes coform ids (`[a-z0-9][a-z0-9-]*`) from names found in imported files (FHIR linkIds, PDF field names, option
/// codes), unique within one scope: "Item 1.2" -> "item-1-2", a second "item-1-2" -> "item-1-2-2".
class ImportIds
{
public:
    /// The sanitised, unique id for `wanted`; `fallback` (itself sanitised) when nothing usable is left of it.
    QString allocate(const QString &wanted, const QString &fallback);
    /// Whether an id is taken already.
    bool contains(const QString &id) const { return m_taken.contains(id); }

    /// Lower case, runs of other characters as one '-', no leading or trailing '-', at most 64 characters.
    static QString sanitize(const QString &name);

private:
    QSet<QString> m_taken;
};

/// A field or linkId name made readable for a label: "p1_FamilyName[0]" -> "P1 family name".
QString readableName(const QString &name);

} // namespace coform
