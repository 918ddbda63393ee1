#include "edit/editscript.h"

namespace coform {

namespace {

const char *const itemProperties[] = {"type",         "label",  "help", "required", "requirements", "options",
                                      "columns",      "format", "min",  "max",      "unit",         "prefill",
                                      "carryForward", "showIf", "note", "picture"};
const char *const sectionProperties[] = {"title", "help", "showIf", "picture"};
const char *const templateProperties[] = {"title", "requirementSet", "languages", "pictures"};

/// Every translation property a target might have in either template: title, label, help, option:V, ...
QStringList translationProperties(const QMap<QString, Translation> &a, const QMap<QString, Translation> &b)
{
    QStringList props{QStringLiteral("title"), QStringLiteral("label"), QStringLiteral("help"),
                      QStringLiteral("pictureAlt")};
    for (const auto *map : {&a, &b}) {
        for (const Translation &tr : *map) {
            for (const QString &key : tr.options.keys())
                props.append(QStringLiteral("option:") + key);
            for (const QString &key : tr.optionDescriptions.keys())
                props.append(QStringLiteral("optionDescription:") + key);
            for (const QString &key : tr.columns.keys())
                props.append(QStringLiteral("column:") + key);
            for (const QString &key : tr.optionPictureAlts.keys())
                props.append(QStringLiteral("optionPictureAlt:") + key);
        }
    }
    props.removeDuplicates();
    return props;
}

class Script
{
public:
    explicit Script(const Template &from)
        : m_current(from)
    {}

    bool add(const Edit &edit)
    {
        if (edit.isNoOp())
            return true;
        const EditOutcome outcome = edit.apply(m_current);
        if (!outcome.applied()) {
            m_error = QStringLiteral("%1: %2").arg(edit.summary(), outcome.message);
            return false;
        }
        m_edits.append(edit);
        return true;
    }

    void translations(const QString &sectionId, const QString &itemId, const QMap<QString, Translation> &target)
    {
        const QMap<QString, Translation> *now = nullptr;
        if (!itemId.isEmpty())
            now = &m_current.findItem(itemId)->translations;
        else if (!sectionId.isEmpty())
            now = &m_current.findSection(sectionId)->translations;
        else
            now = &m_current.translations;
        QStringList languages = now->keys() + target.keys();
        languages.removeDuplicates();
        const QStringList props = translationProperties(*now, target);
        for (const QString &lang : languages) {
            for (const QString &prop : props) {
                const QJsonValue want = Edit::currentValue(toTemplateWith(target, sectionId, itemId),
                                                           Edit::Kind::SetTranslation, sectionId, itemId, prop, lang);
                if (want.isUndefined())
                    continue;
                add(Edit::setTranslation(m_current, sectionId, itemId, lang, prop, want.toString()));
            }
        }
    }

    Template &current() { return m_current; }
    const QVector<Edit> &edits() const { return m_edits; }
    const QString &error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

private:
    /// A template whose target (template, section or item) has the given translations, to read values from.
    Template toTemplateWith(const QMap<QString, Translation> &translations, const QString &sectionId,
                            const QString &itemId) const
    {
        Template t;
        if (!itemId.isEmpty()) {
            Item item;
            item.id = itemId;
            item.translations = translations;
            t.sections.append(Section{QStringLiteral("s"), {}, {}, {}, {item}, {}, {}});
        } else if (!sectionId.isEmpty()) {
            t.sections.append(Section{sectionId, {}, {}, {}, {}, translations, {}});
        } else {
            t.translations = translations;
        }
        return t;
    }

    Template m_current;
    QVector<Edit> m_edits;
    QString m_error;
};

} // namespace

std::optional<QVector<Edit>> editsBetween(const Template &from, const Template &to, QString *error)
{
    Script script(from);
    Template target = to;
    target.version = from.version;
    target.id = from.id;

    for (const char *p : templateProperties) {
        const QString prop = QLatin1String(p);
        script.add(Edit::setTemplateProperty(
            script.current(), prop, Edit::currentValue(target, Edit::Kind::SetTemplateProperty, {}, {}, prop, {})));
    }
    script.translations({}, {}, target.translations);

    // New sections first (empty, at the end), so that items can move into them.
    for (const Section &s : target.sections) {
        if (!script.current().findSection(s.id)) {
            Section empty = s;
            empty.items.clear();
            empty.translations.clear();
            script.add(Edit::insertSection(script.current(), int(script.current().sections.size()), empty));
        }
    }
    // Items that go.
    for (const Item *item : from.allItems()) {
        if (!target.findItem(item->id))
            script.add(Edit::removeItem(script.current(), item->id));
    }
    // Items in their new order, then their properties.
    for (const Section &s : target.sections) {
        for (int i = 0; i < s.items.size(); ++i) {
            const Item &want = s.items[i];
            const Section *now = script.current().sectionOfItem(want.id);
            if (!now) {
                script.add(Edit::insertItem(script.current(), s.id, i, want));
                continue;
            }
            if (now->id != s.id || i >= now->items.size() || now->items[i].id != want.id)
                script.add(Edit::moveItem(script.current(), want.id, s.id, i));
            for (const char *p : itemProperties) {
                const QString prop = QLatin1String(p);
                script.add(Edit::setItemProperty(
                    script.current(), want.id, prop,
                    Edit::currentValue(target, Edit::Kind::SetItemProperty, {}, want.id, prop, {})));
            }
            script.translations({}, want.id, want.translations);
        }
    }
    // Sections that go (empty by now), then section order and properties.
    for (const Section &s : from.sections) {
        if (!target.findSection(s.id))
            script.add(Edit::removeSection(script.current(), s.id));
    }
    for (int i = 0; i < target.sections.size(); ++i) {
        const Section &want = target.sections[i];
        if (i >= script.current().sections.size() || script.current().sections[i].id != want.id)
            script.add(Edit::moveSection(script.current(), want.id, i));
        for (const char *p : sectionProperties) {
            const QString prop = QLatin1String(p);
            script.add(Edit::setSectionProperty(
                script.current(), want.id, prop,
                Edit::currentValue(target, Edit::Kind::SetSectionProperty, want.id, {}, prop, {})));
        }
        script.translations(want.id, {}, want.translations);
    }

    if (script.failed()) {
        *error = script.error();
        return std::nullopt;
    }
    if (script.current() != target) {
        *error = QStringLiteral("the edits do not reproduce the template");
        return std::nullopt;
    }
    return script.edits();
}

} // namespace coform
