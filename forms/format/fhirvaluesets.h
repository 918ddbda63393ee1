#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace coform {

/// FHIR ValueSets an import can take answer lists from: those contained in the Questionnaire, those in the same
/// Bundle, and those a person has as files (`coform-cli import --valuesets DIR`). A value set is found by `#id`
/// (contained), by its canonical `url`, or by `url|version`.
class FhirValueSets
{
public:
    /// Adds a ValueSet resource, or every ValueSet in a Bundle. `contained` ones are also found by "#id".
    /// Returns how many value sets were added.
    int add(const QJsonObject &resource, bool contained = false);
    /// Reads every *.json file of a folder (not its subfolders), taking the ValueSets and Bundles of ValueSets in
    /// them; at most `maxFiles` files of at most `maxBytes` each. What could not be read is added to `problems`
    /// ("FILE: not JSON"). Returns how many value sets were added.
    int addFolder(const QString &folder, QStringList *problems, int maxFiles = 1000, qint64 maxBytes = 16 << 20);

    /// The concepts of the value set `reference` names (each an object with code, display, system), or nothing
    /// when it is not known. A value set known but listing no concepts of its own (one that takes its answers from
    /// a code system or a filter) gives an empty array and sets `why`.
    std::optional<QJsonArray> concepts(const QString &reference, QString *why = nullptr) const;
    bool isEmpty() const { return m_sets.isEmpty(); }

private:
    QHash<QString, QJsonObject> m_sets; ///< "#id", url, "url|version" -> ValueSet
};

} // namespace coform
