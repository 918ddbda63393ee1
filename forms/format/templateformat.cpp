#include "format/templateformat.h"

#include "format/pictureformat.h"

#include "edit/templateparse.h"
#include "model/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

namespace coform {

namespace {

/// The checks of a whole template after its parts are read: a showIf must point to an answerable item that comes
/// before the section or item it controls, and compare it with values that item can have.
class ShowIfCheck
{
public:
    explicit ShowIfCheck(JsonReader &json)
        : m_json(json)
    {}

    void checkShowIfs(const Template &t)
    {
        QHash<QString, const Item *> earlier;
        for (qsizetype si = 0; si < t.sections.size(); ++si) {
            const Section &s = t.sections.at(si);
            const QString sp = JsonReader::child(QStringLiteral("/sections"), si);
            if (s.showIf)
                checkShowIf(*s.showIf, JsonReader::child(sp, QStringLiteral("showIf")), earlier, t);
            for (qsizetype ii = 0; ii < s.items.size(); ++ii) {
                const Item &item = s.items.at(ii);
                const QString ip = JsonReader::child(JsonReader::child(sp, QStringLiteral("items")), ii);
                if (item.showIf)
                    checkShowIf(*item.showIf, JsonReader::child(ip, QStringLiteral("showIf")), earlier, t);
                if (!item.id.isEmpty())
                    earlier.insert(item.id, &item);
            }
        }
    }

private:
    void checkShowIf(const ShowIf &showIf, const QString &p, const QHash<QString, const Item *> &earlier,
                     const Template &t)
    {
        if (showIf.item.isEmpty())
            return;
        const QString ip = JsonReader::child(p, QStringLiteral("item"));
        const Item *target = earlier.value(showIf.item);
        if (!target) {
            if (t.findItem(showIf.item))
                m_json.error(ip, QStringLiteral("\"%1\" comes later in the form; a question can only depend on an "
                                                "earlier one")
                                     .arg(showIf.item));
            else
                m_json.error(ip, QStringLiteral("no item with id \"%1\"").arg(showIf.item));
            return;
        }
        if (!itemTypeIsAnswerable(target->type)) {
            m_json.error(ip, QStringLiteral("\"%1\" is an info item and has no answer").arg(showIf.item));
            return;
        }
        auto checkValue = [&](const QJsonValue &v, const QString &vp) {
            if (itemTypeHasOptions(target->type)) {
                if (!v.isString() || !target->option(v.toString()))
                    m_json.error(vp, QStringLiteral("%1 is not an option value of \"%2\"")
                                         .arg(v.isString() ? QStringLiteral("\"%1\"").arg(v.toString())
                                                           : JsonReader::describe(v),
                                              showIf.item));
            } else if (target->type == ItemType::YesNo) {
                if (!v.isBool())
                    m_json.error(
                        vp, QStringLiteral("\"%1\" is a yes/no question: expected true or false").arg(showIf.item));
            } else if (target->type == ItemType::Number) {
                if (!v.isDouble())
                    m_json.error(vp, QStringLiteral("\"%1\" is a number question: expected a number").arg(showIf.item));
            } else if (target->type == ItemType::Table || target->type == ItemType::Signature) {
                m_json.error(ip,
                             QStringLiteral("a question cannot depend on a %1 item").arg(itemTypeName(target->type)));
            } else if (!v.isString()) {
                m_json.error(vp, QStringLiteral("expected a string, found %1").arg(JsonReader::describe(v)));
            }
        };
        if (showIf.kind == ShowIf::Kind::Equals) {
            checkValue(showIf.equals, JsonReader::child(p, QStringLiteral("equals")));
        } else {
            for (qsizetype i = 0; i < showIf.in.size(); ++i)
                checkValue(showIf.in.at(i), JsonReader::child(JsonReader::child(p, QStringLiteral("in")), i));
        }
    }

    JsonReader &m_json;
};

} // namespace

std::optional<QByteArray> readFileBytes(const QString &path, const ReadLimits &limits, Problems *problems)
{
    QFile file(path);
    const QString name = path;
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append({Problem::Severity::Error, name, QString(),
                              QStringLiteral("cannot open the file: %1").arg(file.errorString())});
        return std::nullopt;
    }
    if (file.size() > limits.maxBytes) {
        if (problems)
            problems->append({Problem::Severity::Error, name, QString(),
                              QStringLiteral("the file is %1 bytes; files over %2 bytes are not read")
                                  .arg(file.size())
                                  .arg(limits.maxBytes)});
        return std::nullopt;
    }
    if (file.isSequential()) { // a pipe (say, "<(...)" in a shell) has no size: read to its end, one past the limit
        QByteArray bytes;
        while (bytes.size() <= limits.maxBytes) {
            const QByteArray chunk = file.read(qMin<qint64>(1 << 16, limits.maxBytes + 1 - bytes.size()));
            if (chunk.isEmpty())
                break;
            bytes += chunk;
        }
        if (file.error() != QFileDevice::NoError) {
            if (problems)
                problems->append({Problem::Severity::Error, name, QString(),
                                  QStringLiteral("cannot read the file: %1").arg(file.errorString())});
            return std::nullopt;
        }
        return bytes;
    }
    // As many bytes as the file has, and one more: a file that grew past the limit since is still refused by the
    // reader, and no buffer of the limit's size is set aside for a small file.
    return file.read(qMin(file.size(), limits.maxBytes) + 1);
}

std::optional<Template> readTemplate(const QByteArray &json, const QString &fileName, Problems *problems,
                                     const ReadLimits &limits)
{
    JsonReader reader(fileName, problems);
    const std::optional<QJsonObject> root = reader.parseObject(json, limits.maxBytes, limits.maxDepth);
    if (!root)
        return std::nullopt;
    // The one parse of edits and drafts, strictly, then the checks of the whole template; refused on any error.
    TemplateParse parse(reader, TemplateParse::Mode::Strict, limits.maxItems);
    parse.pictureCheck = pictureProblem;
    Template t;
    if (parse.readTemplate(*root, t)) {
        ShowIfCheck(reader).checkShowIfs(t);
        if (const QString problem = templatePicturesProblem(t); !problem.isEmpty())
            reader.error(QStringLiteral("/sections"), problem);
    }
    if (reader.errorCount() > 0)
        return std::nullopt;
    return t;
}

std::optional<Template> readTemplateFile(const QString &path, Problems *problems, const ReadLimits &limits)
{
    const std::optional<QByteArray> bytes = readFileBytes(path, limits, problems);
    if (!bytes)
        return std::nullopt;
    return readTemplate(*bytes, path, problems, limits);
}

QStringList bundledTemplatePaths()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/coform/templates"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace coform
