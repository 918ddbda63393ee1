#include "check/coverage.h"

#include "model/jsonreader.h"

namespace coform {

Coverage computeCoverage(const Template &t, const RequirementSet &set)
{
    Coverage coverage;
    for (const Requirement &r : set.requirements)
        coverage.itemsByRequirement.insert(r.id, {});
    for (const Item *item : t.allItems()) {
        for (const QString &tag : item->requirements) {
            auto it = coverage.itemsByRequirement.find(tag);
            if (it == coverage.itemsByRequirement.end())
                coverage.unknownTags[item->id].append(tag);
            else
                it->append(item->id);
        }
    }
    for (const Requirement &r : set.requirements) {
        if (coverage.itemsByRequirement.value(r.id).isEmpty())
            coverage.uncovered.append(r.id);
    }
    return coverage;
}

namespace {
QString itemPointer(const Template &t, const QString &itemId)
{
    for (qsizetype si = 0; si < t.sections.size(); ++si) {
        const Section &s = t.sections.at(si);
        for (qsizetype ii = 0; ii < s.items.size(); ++ii) {
            if (s.items.at(ii).id == itemId)
                return QStringLiteral("/sections/%1/items/%2").arg(si).arg(ii);
        }
    }
    return QStringLiteral("/");
}
} // namespace

Problems coverageProblems(const Template &t, const Coverage &coverage, const QString &fileName)
{
    Problems problems;
    for (const QString &id : coverage.uncovered)
        problems.append({Problem::Severity::Warning, fileName, QStringLiteral("/requirementSet"),
                         QStringLiteral("no item covers requirement %1").arg(id)});
    for (auto it = coverage.unknownTags.begin(); it != coverage.unknownTags.end(); ++it) {
        for (const QString &tag : *it)
            problems.append(
                {Problem::Severity::Warning, fileName, itemPointer(t, it.key()) + QStringLiteral("/requirements"),
                 QStringLiteral("\"%1\" is not a requirement of the set \"%2\"").arg(tag, t.requirementSet)});
    }
    return problems;
}

namespace {
/// Calls `missing(pointer, what)` for every text of the template without a translation into `lang`.
template<typename Missing> void forEachMissingText(const Template &t, const QString &lang, Missing missing)
{
    auto has = [&](const QMap<QString, Translation> &trs, auto get) {
        const auto it = trs.constFind(lang);
        return it != trs.constEnd() && !get(*it).isEmpty();
    };
    if (!has(t.translations, [](const Translation &tr) { return tr.title; }))
        missing(QStringLiteral("/title"), QStringLiteral("the title"));
    for (qsizetype si = 0; si < t.sections.size(); ++si) {
        const Section &s = t.sections.at(si);
        const QString sp = QStringLiteral("/sections/%1").arg(si);
        if (!has(s.translations, [](const Translation &tr) { return tr.title; }))
            missing(sp + QStringLiteral("/title"), QStringLiteral("the section title"));
        if (!s.help.isEmpty() && !has(s.translations, [](const Translation &tr) { return tr.help; }))
            missing(sp + QStringLiteral("/help"), QStringLiteral("the section help"));
        for (qsizetype ii = 0; ii < s.items.size(); ++ii) {
            const Item &item = s.items.at(ii);
            const QString ip = sp + QStringLiteral("/items/%1").arg(ii);
            if (!has(item.translations, [](const Translation &tr) { return tr.label; }))
                missing(ip + QStringLiteral("/label"), QStringLiteral("the label"));
            if (!item.help.isEmpty() && !has(item.translations, [](const Translation &tr) { return tr.help; }))
                missing(ip + QStringLiteral("/help"), QStringLiteral("the help"));
            for (qsizetype oi = 0; oi < item.options.size(); ++oi) {
                const Option &o = item.options.at(oi);
                if (!has(item.translations, [&](const Translation &tr) { return tr.options.value(o.value); }))
                    missing(ip + QStringLiteral("/options/%1/label").arg(oi),
                            QStringLiteral("the label of option \"%1\"").arg(o.value));
                if (!o.description.isEmpty() && !has(item.translations, [&](const Translation &tr) {
                        return tr.optionDescriptions.value(o.value);
                    }))
                    missing(ip + QStringLiteral("/options/%1/description").arg(oi),
                            QStringLiteral("the description of option \"%1\"").arg(o.value));
            }
            for (qsizetype ci = 0; ci < item.columns.size(); ++ci) {
                const Column &c = item.columns.at(ci);
                if (!has(item.translations, [&](const Translation &tr) { return tr.columns.value(c.id); }))
                    missing(ip + QStringLiteral("/columns/%1/label").arg(ci),
                            QStringLiteral("the label of column \"%1\"").arg(c.id));
            }
        }
    }
}

bool isOptionalVariant(const QString &lang)
{
    // Easy-read texts are written where they help most; the rest falls back to plain English.
    return lang.contains(QLatin1String("-x-"));
}
} // namespace

Problems translationProblems(const Template &t, const QString &fileName)
{
    Problems problems;
    for (const QString &lang : t.languages.mid(1)) {
        if (isOptionalVariant(lang))
            continue;
        forEachMissingText(t, lang, [&](const QString &pointer, const QString &what) {
            problems.append({Problem::Severity::Warning, fileName, pointer,
                             QStringLiteral("no \"%1\" translation of %2").arg(lang, what)});
        });
    }
    return problems;
}

QMap<QString, int> missingTranslationCounts(const Template &t)
{
    QMap<QString, int> counts;
    for (const QString &lang : t.languages.mid(1)) {
        int count = 0;
        forEachMissingText(t, lang, [&](const QString &, const QString &) { ++count; });
        counts.insert(lang, count);
    }
    return counts;
}

} // namespace coform
