#include "format/draftreader.h"

#include "edit/templatejson.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace coform {

namespace {
/// What the strict reader lets pass but a person must still finish: a section with no questions yet.
void listUnfinished(const Template &t, const QString &fileName, Problems *problems)
{
    if (!problems)
        return;
    for (int s = 0; s < t.sections.size(); ++s) {
        if (t.sections.at(s).items.isEmpty())
            problems->append({Problem::Severity::Warning, fileName, QStringLiteral("/sections/%1/items").arg(s),
                              QStringLiteral("the section '%1' has no questions yet").arg(t.sections.at(s).id)});
    }
}
} // namespace

std::optional<Template> readTemplateLeniently(const QByteArray &json, const QString &fileName, Problems *problems,
                                              const ReadLimits &limits)
{
    Problems found;
    std::optional<Template> strict = readTemplate(json, fileName, &found, limits);
    if (problems)
        problems->append(found);
    if (strict) {
        listUnfinished(*strict, fileName, problems);
        return strict;
    }
    if (json.size() > limits.maxBytes)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject() || doc.object().value(QLatin1String("format")).toString() != QLatin1String("coform-template/1"))
        return std::nullopt; // the strict reader has said why
    QString error;
    std::optional<Template> lenient = TemplateJson::toTemplate(doc.object(), &error);
    if (!lenient && problems)
        problems->append({Problem::Severity::Error, fileName, QString(), error});
    if (lenient)
        listUnfinished(*lenient, fileName, problems);
    return lenient;
}

std::optional<Template> readTemplateFileLeniently(const QString &path, Problems *problems, const ReadLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > limits.maxBytes) {
        // The strict reader words these the same way for both.
        return readTemplateFile(path, problems, limits);
    }
    return readTemplateLeniently(file.read(limits.maxBytes + 1), path, problems, limits);
}

} // namespace coform
