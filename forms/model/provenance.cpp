#include "model/provenance.h"

#include "model/jsonreader.h"

#include <QJsonArray>

namespace coform {

namespace {

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

/// A list of texts; reports each entry that is not a text.
std::optional<QStringList> readStrings(JsonReader &r, const QJsonObject &o, const QString &pointer, const char *key)
{
    const auto array = r.array(o, pointer, key, true);
    if (!array)
        return std::nullopt;
    QStringList out;
    const QString at = JsonReader::child(pointer, QString::fromLatin1(key));
    for (qsizetype i = 0; i < array->size(); ++i) {
        if (!array->at(i).isString()) {
            r.error(JsonReader::child(at, i),
                    QStringLiteral("expected a text, found %1").arg(JsonReader::describe(array->at(i))));
            return std::nullopt;
        }
        out << array->at(i).toString();
    }
    return out;
}

/// A whole number of 0 or more (JsonReader::integer asks for 1 or more).
std::optional<int> readCount(JsonReader &r, const QJsonObject &o, const QString &pointer, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    const QString at = JsonReader::child(pointer, QString::fromLatin1(key));
    if (v.isUndefined()) {
        r.error(at, QStringLiteral("'%1' is missing").arg(QLatin1String(key)));
        return std::nullopt;
    }
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > 1e9 || d != double(qint64(d))) {
        r.error(at, QStringLiteral("expected a whole number of 0 or more, found %1").arg(JsonReader::describe(v)));
        return std::nullopt;
    }
    return int(d);
}

std::optional<QDate> readDate(JsonReader &r, const QJsonObject &o, const QString &pointer, const char *key)
{
    const auto text = r.string(o, pointer, key, true);
    if (!text)
        return std::nullopt;
    const QDate d = QDate::fromString(*text, Qt::ISODate);
    if (!d.isValid()) {
        r.error(JsonReader::child(pointer, QString::fromLatin1(key)),
                QStringLiteral("'%1' is not a date (expected YYYY-MM-DD)").arg(text->left(40)));
        return std::nullopt;
    }
    return d;
}

} // namespace

QJsonObject Provenance::toJson() const
{
    QJsonArray approvalArray;
    for (const ProvenanceApproval &a : approvals)
        approvalArray.append(QJsonObject{{QStringLiteral("role"), roleName(a.role)},
                                         {QStringLiteral("date"), a.date.toString(Qt::ISODate)},
                                         {QStringLiteral("name"), a.name}});
    QJsonArray historyArray;
    for (const ProvenanceVersion &v : history)
        historyArray.append(QJsonObject{{QStringLiteral("version"), v.version},
                                        {QStringLiteral("published"), v.published.toString(Qt::ISODate)},
                                        {QStringLiteral("changes"), stringArray(v.changes)},
                                        {QStringLiteral("notChanged"), stringArray(v.notChanged)}});
    return QJsonObject{
        {QStringLiteral("organisationName"), organisationName},
        {QStringLiteral("organisationCode"), organisationCode},
        {QStringLiteral("templateId"), templateId},
        {QStringLiteral("version"), version},
        {QStringLiteral("title"), title},
        {QStringLiteral("publishedAt"), publishedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("approvals"), approvalArray},
        {QStringLiteral("requirementSetId"), requirementSetId},
        {QStringLiteral("requirementsTotal"), requirementsTotal},
        {QStringLiteral("requirementsCovered"), requirementsCovered},
        {QStringLiteral("uncovered"), stringArray(uncovered)},
        {QStringLiteral("coverageReason"), coverageReason},
        {QStringLiteral("questions"), questions},
        {QStringLiteral("readingEase"), readingEase},
        {QStringLiteral("wordsPerSentence"), wordsPerSentence},
        {QStringLiteral("longSentences"), longSentences},
        {QStringLiteral("jargonWords"), jargonWords},
        {QStringLiteral("history"), historyArray},
        {QStringLiteral("adaptedFromOrganisation"), adaptedFromOrganisation},
        {QStringLiteral("adaptedFromTemplateId"), adaptedFromTemplateId},
        {QStringLiteral("adaptedFromVersion"), adaptedFromVersion},
    };
}

std::optional<Provenance> Provenance::fromJson(const QJsonObject &json, QString *error)
{
    Problems problems;
    JsonReader r(QStringLiteral("provenance"), &problems);
    const QString root;
    r.checkKeys(json, root,
                {"organisationName",
                 "organisationCode",
                 "templateId",
                 "version",
                 "title",
                 "publishedAt",
                 "approvals",
                 "requirementSetId",
                 "requirementsTotal",
                 "requirementsCovered",
                 "uncovered",
                 "coverageReason",
                 "questions",
                 "readingEase",
                 "wordsPerSentence",
                 "longSentences",
                 "jargonWords",
                 "history",
                 "adaptedFromOrganisation",
                 "adaptedFromTemplateId",
                 "adaptedFromVersion"});
    Provenance p;
    auto text = [&](const char *key, QString *out) {
        if (auto s = r.string(json, root, key, true))
            *out = *s;
    };
    auto whole = [&](const char *key, int *out) {
        if (auto n = readCount(r, json, root, key))
            *out = *n;
    };
    auto number = [&](const char *key, double *out) {
        if (!json.contains(QLatin1String(key)))
            r.error(root, QStringLiteral("'%1' is missing").arg(QLatin1String(key)));
        else if (auto n = r.number(json, root, key))
            *out = *n;
    };
    text("organisationName", &p.organisationName);
    text("organisationCode", &p.organisationCode);
    text("templateId", &p.templateId);
    whole("version", &p.version);
    text("title", &p.title);
    if (auto s = r.string(json, root, "publishedAt", true)) {
        p.publishedAt = QDateTime::fromString(*s, Qt::ISODateWithMs);
        if (!p.publishedAt.isValid())
            r.error(QStringLiteral("/publishedAt"), QStringLiteral("'%1' is not a time").arg(s->left(40)));
        else
            p.publishedAt = p.publishedAt.toUTC();
    }
    if (auto list = r.array(json, root, "approvals", true)) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString at = JsonReader::child(QStringLiteral("/approvals"), i);
            const auto o = r.asObject(list->at(i), at);
            if (!o)
                continue;
            r.checkKeys(*o, at, {"role", "date", "name"});
            ProvenanceApproval a;
            if (auto role = r.string(*o, at, "role", true)) {
                if (auto known = roleFromName(*role))
                    a.role = *known;
                else
                    r.error(at + QStringLiteral("/role"), QStringLiteral("'%1' is not a role").arg(role->left(40)));
            }
            if (auto d = readDate(r, *o, at, "date"))
                a.date = *d;
            if (auto name = r.string(*o, at, "name", true))
                a.name = *name;
            p.approvals << a;
        }
    }
    text("requirementSetId", &p.requirementSetId);
    whole("requirementsTotal", &p.requirementsTotal);
    whole("requirementsCovered", &p.requirementsCovered);
    if (auto list = readStrings(r, json, root, "uncovered"))
        p.uncovered = *list;
    text("coverageReason", &p.coverageReason);
    whole("questions", &p.questions);
    number("readingEase", &p.readingEase);
    number("wordsPerSentence", &p.wordsPerSentence);
    whole("longSentences", &p.longSentences);
    whole("jargonWords", &p.jargonWords);
    if (auto list = r.array(json, root, "history", true)) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString at = JsonReader::child(QStringLiteral("/history"), i);
            const auto o = r.asObject(list->at(i), at);
            if (!o)
                continue;
            r.checkKeys(*o, at, {"version", "published", "changes", "notChanged"});
            ProvenanceVersion v;
            if (auto n = readCount(r, *o, at, "version"))
                v.version = *n;
            if (auto d = readDate(r, *o, at, "published"))
                v.published = *d;
            if (auto changes = readStrings(r, *o, at, "changes"))
                v.changes = *changes;
            if (auto notChanged = readStrings(r, *o, at, "notChanged"))
                v.notChanged = *notChanged;
            p.history << v;
        }
    }
    text("adaptedFromOrganisation", &p.adaptedFromOrganisation);
    text("adaptedFromTemplateId", &p.adaptedFromTemplateId);
    whole("adaptedFromVersion", &p.adaptedFromVersion);
    if (r.errorCount() > 0) {
        if (error) {
            const Problem &first = problems.first();
            *error =
                QStringLiteral("the provenance record cannot be read: %1%2")
                    .arg(first.pointer.isEmpty() ? QString() : first.pointer + QStringLiteral(": "), first.message);
        }
        return std::nullopt;
    }
    return p;
}

} // namespace coform
