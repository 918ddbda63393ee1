#include "fhirvaluesets.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <optional>

namespace coform {

int FhirValueSets::add(const QJsonObject &resource, bool contained)
{
    const QString type = resource.value(QLatin1String("resourceType")).toString();
    if (type == QLatin1String("Bundle")) {
        int added = 0;
        for (const QJsonValue &entry : resource.value(QLatin1String("entry")).toArray())
            added += add(entry.toObject().value(QLatin1String("resource")).toObject(), false);
        return added;
    }
    if (type != QLatin1String("ValueSet"))
        return 0;
    const QString id = resource.value(QLatin1String("id")).toString();
    const QString url = resource.value(QLatin1String("url")).toString();
    const QString version = resource.value(QLatin1String("version")).toString();
    if (contained && !id.isEmpty())
        m_sets.insert(QLatin1Char('#') + id, resource);
    if (!url.isEmpty()) {
        m_sets.insert(url, resource);
        if (!version.isEmpty())
            m_sets.insert(url + QLatin1Char('|') + version, resource);
    }
    return contained || !url.isEmpty() ? 1 : 0;
}

int FhirValueSets::addFolder(const QString &folder, QStringList *problems, int maxFiles, qint64 maxBytes)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        problems->append(QStringLiteral("%1: no such folder").arg(folder));
        return 0;
    }
    int added = 0;
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = dir.filePath(files[i]);
        if (i >= maxFiles) {
            problems->append(QStringLiteral("%1: left out, more than %2 files in the folder").arg(path).arg(maxFiles));
            continue;
        }
        QFile file(path);
        if (file.size() > maxBytes || !file.open(QIODevice::ReadOnly)) {
            problems->append(QStringLiteral("%1: too large or cannot be read").arg(path));
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject()) {
            problems->append(QStringLiteral("%1: not JSON").arg(path));
            continue;
        }
        added += add(doc.object(), false);
    }
    return added;
}

std::optional<QJsonArray> FhirValueSets::concepts(const QString &reference, QString *why) const
{
    QString key = reference;
    if (!m_sets.contains(key))
        key = reference.section(QLatin1Char('|'), 0, 0); // a version we do not have: the one we have
    if (!m_sets.contains(key))
        return std::nullopt;
    const QJsonObject set = m_sets.value(key);
    QJsonArray out;
    bool elsewhere = false;
    const QJsonObject compose = set.value(QLatin1String("compose")).toObject();
    for (const QJsonValue &inc : compose.value(QLatin1String("include")).toArray()) {
        const QJsonObject include = inc.toObject();
        const QString system = include.value(QLatin1String("system")).toString();
        const QJsonArray listed = include.value(QLatin1String("concept")).toArray();
        if (listed.isEmpty())
            elsewhere = true;
        for (const QJsonValue &c : listed) {
            QJsonObject o = c.toObject();
            if (!system.isEmpty() && !o.contains(QLatin1String("system")))
                o.insert(QLatin1String("system"), system);
            out.append(o);
        }
    }
    const QJsonObject expansion = set.value(QLatin1String("expansion")).toObject();
    if (!expansion.isEmpty()) {
        // An expansion lists every answer: it is the list.
        out = QJsonArray();
        elsewhere = false;
        for (const QJsonValue &c : expansion.value(QLatin1String("contains")).toArray())
            out.append(c);
    }
    if (out.isEmpty() && why)
        *why = elsewhere
                   ? QStringLiteral("the value set takes its answers from a code system, which is not in the file")
                   : QStringLiteral("the value set lists no answers");
    return out;
}

} // namespace coform
