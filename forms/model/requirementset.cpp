#include "model/requirementset.h"

#include "model/jsonreader.h"

#include <QFile>
#include <QSet>

namespace coform {

const Requirement *RequirementSet::find(const QString &id) const
{
    for (const Requirement &r : requirements) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

std::optional<RequirementSet> readRequirementSet(const QByteArray &json, const QString &fileName, Problems *problems)
{
    JsonReader r(fileName, problems);
    const std::optional<QJsonObject> root = r.parseObject(json, 4 * 1024 * 1024, 16);
    if (!root)
        return std::nullopt;
    const QString p;
    r.checkKeys(*root, p, {"format", "id", "title", "requirements"});
    const std::optional<QString> format = r.string(*root, p, "format", true);
    if (format && *format != QLatin1String("coform-requirements/1"))
        r.error(QStringLiteral("/format"),
                QStringLiteral("expected \"coform-requirements/1\", found \"%1\"").arg(*format));
    RequirementSet set;
    set.id = r.string(*root, p, "id", true).value_or(QString());
    set.title = r.string(*root, p, "title", true).value_or(QString());
    QSet<QString> ids;
    if (const auto list = r.array(*root, p, "requirements", true)) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString rp = JsonReader::child(QStringLiteral("/requirements"), i);
            const auto o = r.asObject(list->at(i), rp);
            if (!o)
                continue;
            r.checkKeys(*o, rp, {"id", "title", "mustContain", "source"});
            Requirement req;
            req.id = r.string(*o, rp, "id", true).value_or(QString());
            req.title = r.string(*o, rp, "title", true).value_or(QString());
            req.mustContain = r.string(*o, rp, "mustContain", false).value_or(QString());
            req.source = r.string(*o, rp, "source", false).value_or(QString());
            if (ids.contains(req.id))
                r.error(JsonReader::child(rp, QStringLiteral("id")), QStringLiteral("duplicate id \"%1\"").arg(req.id));
            ids.insert(req.id);
            set.requirements.append(req);
        }
    }
    if (r.errorCount() > 0)
        return std::nullopt;
    return set;
}

std::optional<RequirementSet> bundledRequirementSet(const QString &id)
{
    if (!JsonReader::isValidId(id))
        return std::nullopt;
    QFile file(QStringLiteral(":/coform/requirements/%1.json").arg(id));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return readRequirementSet(file.readAll(), file.fileName(), nullptr);
}

} // namespace coform
