#include "model/translationstamps.h"

#include <QCryptographicHash>
#include <QLocale>

#include <algorithm>

namespace coform::TranslationStamps {

QString stamp(const QString &sourceText)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(sourceText.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

bool isValidKey(const QString &key)
{
    if (key == QLatin1String("title") || key == QLatin1String("label") || key == QLatin1String("help")
        || key == QLatin1String("pictureAlt"))
        return true;
    for (const char *head : {"option:", "optionDescription:", "column:", "optionPictureAlt:"}) {
        if (key.startsWith(QLatin1String(head)) && key.size() > qsizetype(qstrlen(head)))
            return true;
    }
    return false;
}

bool isValidStamp(const QString &stamp)
{
    // The whole text (a regular expression's "$" would also take one with a line break after it).
    return stamp.size() >= 8 && stamp.size() <= 64 && std::all_of(stamp.begin(), stamp.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

QString sourceText(const Template &t, const QString &sectionId, const QString &itemId, const QString &property)
{
    const qsizetype colon = property.indexOf(QLatin1Char(':'));
    const QString head = colon < 0 ? property : property.left(colon);
    const QString key = colon < 0 ? QString() : property.mid(colon + 1);
    if (!itemId.isEmpty()) {
        const Item *item = t.findItem(itemId);
        if (!item)
            return {};
        if (head == QLatin1String("label"))
            return item->label;
        if (head == QLatin1String("help"))
            return item->help;
        if (head == QLatin1String("pictureAlt"))
            return item->picture ? item->picture->alt : QString();
        if (const Option *o = item->option(key); o && head == QLatin1String("optionPictureAlt"))
            return o->picture ? o->picture->alt : QString();
        if (const Option *o = item->option(key); o && head == QLatin1String("option"))
            return o->label;
        if (const Option *o = item->option(key); o && head == QLatin1String("optionDescription"))
            return o->description;
        for (const Column &c : item->columns) {
            if (head == QLatin1String("column") && c.id == key)
                return c.label;
        }
        return {};
    }
    if (!sectionId.isEmpty()) {
        const Section *s = t.findSection(sectionId);
        if (!s)
            return {};
        if (head == QLatin1String("pictureAlt"))
            return s->picture ? s->picture->alt : QString();
        return head == QLatin1String("title") ? s->title : head == QLatin1String("help") ? s->help : QString();
    }
    return head == QLatin1String("title") ? t.title : QString();
}

bool isOutOfDate(const Translation &translation, const QString &property, const QString &sourceText)
{
    const auto it = translation.madeFrom.constFind(property);
    if (it == translation.madeFrom.constEnd())
        return false;
    const qsizetype colon = property.indexOf(QLatin1Char(':'));
    const QString key = property.mid(colon + 1);
    QString text;
    if (property == QLatin1String("title"))
        text = translation.title;
    else if (property == QLatin1String("label"))
        text = translation.label;
    else if (property == QLatin1String("help"))
        text = translation.help;
    else if (property == QLatin1String("pictureAlt"))
        text = translation.pictureAlt;
    else if (property.startsWith(QLatin1String("optionPictureAlt:")))
        text = translation.optionPictureAlts.value(key);
    else if (property.startsWith(QLatin1String("optionDescription:")))
        text = translation.optionDescriptions.value(key);
    else if (property.startsWith(QLatin1String("option:")))
        text = translation.options.value(key);
    else if (property.startsWith(QLatin1String("column:")))
        text = translation.columns.value(key);
    return !text.isEmpty() && *it != stamp(sourceText);
}

namespace {

/// Calls `found` for each out-of-date text of one translations map, in the order the stamps are kept.
void collect(const Template &t, const QMap<QString, Translation> &translations, const QString &sectionId,
             const QString &itemId, const QString &pointer, const QString &what, QVector<OutOfDate> *out)
{
    for (auto lang = translations.begin(); lang != translations.end(); ++lang) {
        for (auto it = lang->madeFrom.begin(); it != lang->madeFrom.end(); ++it) {
            const QString source = sourceText(t, sectionId, itemId, it.key());
            if (isOutOfDate(*lang, it.key(), source)) {
                const QString property = it.key();
                // Where the translated text is in the file: "option:first" is options/first.
                QString where = property;
                if (const qsizetype colon = where.indexOf(QLatin1Char(':')); colon > 0)
                    where = where.left(colon) + QStringLiteral("s/") + where.mid(colon + 1);
                out->append({sectionId, itemId, lang.key(), property,
                             pointer + QStringLiteral("/translations/%1/").arg(lang.key()) + where,
                             QStringLiteral("the %1 of %2").arg(property, what)});
            }
        }
    }
}

} // namespace

QVector<OutOfDate> outOfDate(const Template &t)
{
    QVector<OutOfDate> out;
    collect(t, t.translations, {}, {}, QString(), QStringLiteral("the form"), &out);
    const QMap<QString, int> numbers = t.questionNumbers();
    for (qsizetype si = 0; si < t.sections.size(); ++si) {
        const Section &s = t.sections.at(si);
        const QString sp = QStringLiteral("/sections/%1").arg(si);
        collect(t, s.translations, s.id, {}, sp, QStringLiteral("section \"%1\"").arg(s.id), &out);
        for (qsizetype ii = 0; ii < s.items.size(); ++ii) {
            const Item &item = s.items.at(ii);
            const int number = numbers.value(item.id);
            collect(t, item.translations, {}, item.id, sp + QStringLiteral("/items/%1").arg(ii),
                    number > 0 ? QStringLiteral("question %1 (%2)").arg(number).arg(item.id)
                               : QStringLiteral("\"%1\"").arg(item.id),
                    &out);
        }
    }
    return out;
}

QMap<QString, int> outOfDateCounts(const Template &t)
{
    QMap<QString, int> counts;
    for (const OutOfDate &o : outOfDate(t))
        ++counts[o.language];
    return counts;
}

Problems outOfDateProblems(const Template &t, const QString &fileName)
{
    Problems problems;
    for (const OutOfDate &o : outOfDate(t)) {
        problems.append({Problem::Severity::Warning, fileName, o.pointer,
                         QStringLiteral("the \"%1\" translation of %2 is out of date: the %3 wording changed after "
                                        "it was translated (change the translation, or confirm it is still right)")
                             .arg(o.language, o.what, t.sourceLanguage())});
    }
    return problems;
}

QString languageName(const QString &language)
{
    if (language == QLatin1String("cy"))
        return QStringLiteral("Welsh");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    if (language == QLatin1String("en-x-easy"))
        return QStringLiteral("easy read English");
    const QLocale locale(language);
    return locale.language() == QLocale::C ? language : QLocale::languageToString(locale.language());
}

namespace {

/// "a", "a and b", "a, b and c".
QString joinWithAnd(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
           + parts.constLast();
}

} // namespace

QString placeInWords(const Template &t, const OutOfDate &o)
{
    if (!o.itemId.isEmpty()) {
        if (const int number = t.questionNumbers().value(o.itemId); number > 0)
            return QStringLiteral("question %1").arg(number);
        const Item *item = t.findItem(o.itemId);
        const QString words = item ? item->label.simplified() : o.itemId;
        return QStringLiteral("the text \u201c%1\u201d")
            .arg(words.size() > 48 ? words.left(45).trimmed() + QStringLiteral("...") : words);
    }
    if (!o.sectionId.isEmpty()) {
        const Section *s = t.findSection(o.sectionId);
        return QStringLiteral("the section \u201c%1\u201d").arg(s ? s->title : o.sectionId);
    }
    return QStringLiteral("the form's title");
}

QString placesInWords(const Template &t, const QVector<OutOfDate> &stale)
{
    const QMap<QString, int> numbers = t.questionNumbers();
    QStringList questions;
    QStringList others;
    for (const OutOfDate &o : stale) {
        const int number = o.itemId.isEmpty() ? 0 : numbers.value(o.itemId);
        QStringList &list = number > 0 ? questions : others;
        const QString words = number > 0 ? QString::number(number) : placeInWords(t, o);
        if (!list.contains(words))
            list.append(words);
    }
    QStringList parts;
    if (questions.size() == 1)
        parts.append(QStringLiteral("question %1").arg(questions.first()));
    else if (!questions.isEmpty())
        parts.append(QStringLiteral("questions %1").arg(joinWithAnd(questions)));
    parts.append(others);
    return joinWithAnd(parts);
}

QString staleInWords(const Template &t, const QVector<OutOfDate> &stale)
{
    QStringList languages;
    for (const OutOfDate &o : stale) {
        if (!languages.contains(o.language))
            languages.append(o.language);
    }
    QStringList parts;
    for (const QString &language : std::as_const(languages)) {
        QVector<OutOfDate> ofLanguage;
        for (const OutOfDate &o : stale) {
            if (o.language == language)
                ofLanguage.append(o);
        }
        parts.append(QStringLiteral("the %1 of %2").arg(languageName(language), placesInWords(t, ofLanguage)));
    }
    QString words = joinWithAnd(parts);
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString printedMark(const QString &language)
{
    if (language == QLatin1String("cy"))
        return QStringLiteral("[Welsh out of date]");
    return QStringLiteral("[%1 translation out of date]").arg(language);
}

Template withPrintedMarks(const Template &t)
{
    const QVector<OutOfDate> stale = outOfDate(t);
    if (stale.isEmpty())
        return t;
    Template marked = t;
    for (const OutOfDate &o : stale) {
        QMap<QString, Translation> *map = &marked.translations;
        if (!o.itemId.isEmpty())
            map = &marked.findItem(o.itemId)->translations;
        else if (!o.sectionId.isEmpty()) {
            for (Section &s : marked.sections) {
                if (s.id == o.sectionId)
                    map = &s.translations;
            }
        }
        Translation &tr = (*map)[o.language];
        const QString mark = QLatin1Char(' ') + printedMark(o.language);
        const QString key = o.property.mid(o.property.indexOf(QLatin1Char(':')) + 1);
        if (o.property == QLatin1String("title"))
            tr.title += mark;
        else if (o.property == QLatin1String("label"))
            tr.label += mark;
        else if (o.property == QLatin1String("help"))
            tr.help += mark;
        else if (o.property.startsWith(QLatin1String("optionDescription:")))
            tr.optionDescriptions[key] += mark;
        else if (o.property.startsWith(QLatin1String("option:")))
            tr.options[key] += mark;
        else if (o.property.startsWith(QLatin1String("column:")))
            tr.columns[key] += mark;
    }
    return marked;
}

} // namespace coform::TranslationStamps
