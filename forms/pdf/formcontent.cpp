#include "pdf/formcontent.h"

#include "model/nhsnumber.h"
#include "model/picturelibrary.h"
#include "model/translationstamps.h"
#include "model/visibility.h"

#include <QJsonArray>
#include <QJsonObject>

namespace coform {

namespace {

const QString easyTag = QStringLiteral("en-x-easy");

/// Which template language holds the texts for a reader language under a profile.
QString textLanguage(const Template &t, const QString &readerLang, PrintProfile profile)
{
    if (profile == PrintProfile::Easy && readerLang == QLatin1String("en") && t.languages.contains(easyTag))
        return easyTag;
    return readerLang;
}

/// Resolves one text in every reader language. A language with no translation falls back to the source text; that
/// text is printed once, marked with the source language.
template<typename Resolve>
Texts resolveTexts(const Template &t, const QStringList &readerLangs, PrintProfile profile, Resolve resolve)
{
    Texts out;
    const QString source = t.sourceLanguage();
    const QString sourceText = resolve(source);
    for (const QString &reader : readerLangs) {
        const QString textLang = textLanguage(t, reader, profile);
        QString text = resolve(textLang);
        if (text.isEmpty())
            continue;
        QString lang = reader;
        if (textLang != source && text == sourceText)
            lang = source == easyTag ? QStringLiteral("en") : source;
        bool duplicate = false;
        for (const LangText &existing : out)
            duplicate = duplicate || existing.text == text;
        if (!duplicate)
            out.append({lang, text});
    }
    return out;
}

/// The picture as printed, or nothing when there is none or the form prints no pictures; adds it to `fc`.
template<typename Resolve>
std::optional<ContentPicture> contentPicture(FormContent &fc, const Template &t, const std::optional<Picture> &picture,
                                             bool printed, Resolve alt)
{
    if (!picture || !printed)
        return std::nullopt;
    ContentPicture cp;
    cp.key = pictureKey(*picture);
    cp.alt = resolveTexts(t, fc.languages, fc.profile, alt);
    fc.pictures.insert(cp.key, *picture);
    if (!picture->credit.isEmpty() && !fc.pictureCredits.contains(picture->credit))
        fc.pictureCredits.append(picture->credit);
    return cp;
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

bool isEmptyAnswer(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().trimmed().isEmpty())
           || (v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty());
}

QString numberText(double v)
{
    return QString::number(v, 'g', 15);
}

} // namespace

Texts FormContent::phrase(Phrase p) const
{
    Texts out;
    for (const QString &lang : languages)
        out.append({lang, coform::phrase(p, lang)});
    return out;
}

/// The words for "when this applies" in every reader language, or nothing when the condition cannot be put in words.
static Texts conditionTexts(const Template &t, const ShowIf &showIf, const QMap<QString, int> &numbers,
                            const QStringList &langs, PrintProfile profile, bool forSection)
{
    Texts out;
    const Item *source = t.findItem(showIf.item);
    if (!source)
        return out;
    const QString number = numbers.contains(source->id) ? QString::number(numbers.value(source->id)) : QString();
    QJsonArray values;
    if (showIf.kind == ShowIf::Kind::Equals)
        values.append(showIf.equals);
    else
        values = showIf.in;
    for (const QString &lang : langs) {
        const QString textLang = textLanguage(t, lang, profile);
        QStringList words;
        bool said = false;
        for (const QJsonValue &v : values) {
            if (v.isBool()) {
                said = true;
                words << (v.toBool() ? coform::phrase(Phrase::Yes, lang) : coform::phrase(Phrase::No, lang));
            } else if (const Option *o = source->option(v.toString())) {
                words << quoted(localizedOptionLabel(t, *source, *o, textLang));
            } else {
                words << quoted(v.toVariant().toString());
            }
        }
        const QString joined = words.join(coform::phrase(Phrase::Or, lang));
        Phrase p;
        if (forSection)
            p = said ? Phrase::SectionIfSaid : Phrase::SectionIfChose;
        else
            p = said ? Phrase::AnswerIfSaid : Phrase::AnswerIfChose;
        const QString ref = number.isEmpty() ? quoted(localizedLabel(t, *source, textLang)) : number;
        out.append({lang, coform::phrase(p, lang).arg(joined, ref)});
    }
    return out;
}

static void fillAnswer(ContentItem &ci, const Item &item, const QJsonValue &v, const QString &lang)
{
    ci.answered = !isEmptyAnswer(v);
    ci.answerLang = lang;
    if (!ci.answered)
        return;
    switch (item.type) {
    case ItemType::Info:
        break;
    case ItemType::Text:
        ci.answerText = item.format == QLatin1String("nhs-number") ? NhsNumber::formatted(v.toString()) : v.toString();
        break;
    case ItemType::Textarea:
        ci.answerText = v.toString();
        break;
    case ItemType::Date: {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        ci.answerText = d.isValid() ? longDate(d, lang) : v.toString();
        break;
    }
    case ItemType::Number:
        ci.answerText = v.isDouble() ? numberText(v.toDouble()) : v.toVariant().toString();
        if (!item.unit.isEmpty())
            ci.answerText += QLatin1Char(' ') + item.unit;
        break;
    case ItemType::YesNo:
        for (ContentOption &o : ci.options)
            o.chosen = v.isBool() && (o.value == QLatin1String("yes")) == v.toBool();
        break;
    case ItemType::Choice:
    case ItemType::Scale:
        for (ContentOption &o : ci.options)
            o.chosen = o.value == v.toString();
        break;
    case ItemType::MultiChoice: {
        const QJsonArray chosen = v.toArray();
        for (ContentOption &o : ci.options)
            o.chosen = chosen.contains(QJsonValue(o.value));
        break;
    }
    case ItemType::Table:
        for (const QJsonValue &row : v.toArray()) {
            const QJsonObject obj = row.toObject();
            QStringList cells;
            for (const Column &c : item.columns)
                cells << obj.value(c.id).toVariant().toString();
            ci.rows.append(cells);
        }
        ci.answered = !ci.rows.isEmpty();
        break;
    case ItemType::Signature: {
        const QJsonObject obj = v.toObject();
        ci.signedName = obj.value(QLatin1String("name")).toString();
        const QDate d = QDate::fromString(obj.value(QLatin1String("date")).toString(), Qt::ISODate);
        ci.signedDate = d.isValid() ? longDate(d, lang) : obj.value(QLatin1String("date")).toString();
        ci.declinedReason = obj.value(QLatin1String("declinedReason")).toString();
        break;
    }
    }
}

QString answerAsText(const Template &t, const Item &item, const QJsonValue &value, const QString &lang)
{
    const QString l = lang.isEmpty() ? t.sourceLanguage() : lang;
    ContentItem ci;
    if (item.type == ItemType::YesNo)
        ci.options = {{QStringLiteral("yes"), {{l, phrase(Phrase::Yes, l)}}, {}, false, {}},
                      {QStringLiteral("no"), {{l, phrase(Phrase::No, l)}}, {}, false, {}}};
    for (const Option &o : item.options)
        ci.options.append({o.value, {{l, localizedOptionLabel(t, item, o, l)}}, {}, false, {}});
    fillAnswer(ci, item, value, l);
    if (!ci.answered)
        return {};
    switch (item.type) {
    case ItemType::YesNo:
    case ItemType::Choice:
    case ItemType::Scale:
    case ItemType::MultiChoice: {
        QStringList chosen;
        for (const ContentOption &o : ci.options) {
            if (o.chosen)
                chosen << o.label.first().text;
        }
        // An option no longer in this version: its stored value, so nothing is hidden.
        if (chosen.isEmpty())
            chosen << (value.isArray() ? value.toVariant().toStringList().join(QLatin1String("; ")) : value.toString());
        return chosen.join(QLatin1String("; "));
    }
    case ItemType::Table: {
        QStringList rows;
        for (const QStringList &cells : std::as_const(ci.rows)) {
            QStringList filled;
            for (const QString &cell : cells) {
                if (!cell.isEmpty())
                    filled << cell;
            }
            rows << filled.join(QLatin1String(", "));
        }
        return rows.join(QLatin1String("; "));
    }
    case ItemType::Signature: {
        QStringList parts;
        if (!ci.signedName.isEmpty())
            parts << ci.signedName;
        if (!ci.signedDate.isEmpty())
            parts << ci.signedDate;
        if (!ci.declinedReason.isEmpty())
            parts << phrase(Phrase::NotSigned, l).arg(ci.declinedReason);
        return parts.join(QLatin1String(", "));
    }
    default:
        return ci.answerText;
    }
}

FormContent buildFormContent(const Template &source, const Answers *answers, const RenderOptions &options)
{
    // A blank form (a draft being written, or printed to fill by hand) says where a translation is out of date.
    const Template t = answers ? source : TranslationStamps::withPrintedMarks(source);
    FormContent fc;
    fc.templateId = t.id;
    fc.version = t.version;
    fc.profile = options.profile;
    fc.languages = options.languages;
    if (fc.languages.isEmpty())
        fc.languages << (t.sourceLanguage() == easyTag ? QStringLiteral("en") : t.sourceLanguage());
    fc.filled = answers != nullptr;
    fc.withPrevious = answers && options.withPrevious;
    fc.previousDate = options.previousDate;
    if (answers) {
        fc.person = answers->person;
        fc.nhsNumberFormatted = NhsNumber::formatted(answers->person.nhsNumber);
    }
    fc.produced = options.produced.isValid() ? options.produced : QDate::currentDate();
    const QStringList &langs = fc.languages;
    const PrintProfile profile = options.profile;
    fc.title = resolveTexts(t, langs, profile, [&](const QString &l) { return localizedTitle(t, l); });
    const QMap<QString, int> numbers = t.questionNumbers();
    const QString answerLang = langs.first();
    const bool pictures = profile == PrintProfile::Easy || t.picturesInAllProfiles;

    for (const Section &s : t.sections) {
        if (answers && !isShown(t, s, *answers))
            continue;
        ContentSection cs;
        cs.id = s.id;
        cs.title = resolveTexts(t, langs, profile, [&](const QString &l) { return localizedTitle(t, s, l); });
        cs.help = resolveTexts(t, langs, profile, [&](const QString &l) {
            if (l == t.sourceLanguage())
                return s.help;
            const QString h = s.translations.value(l).help;
            return h.isEmpty() ? s.help : h;
        });
        if (!answers && s.showIf)
            cs.condition = conditionTexts(t, *s.showIf, numbers, langs, profile, true);
        cs.picture =
            contentPicture(fc, t, s.picture, pictures, [&](const QString &l) { return localizedPictureAlt(t, s, l); });
        for (const Item &item : s.items) {
            if (answers && !isShown(t, item, *answers))
                continue;
            ContentItem ci;
            ci.id = item.id;
            ci.type = item.type;
            ci.number = numbers.value(item.id, 0);
            ci.unit = item.unit;
            ci.label = resolveTexts(t, langs, profile, [&](const QString &l) { return localizedLabel(t, item, l); });
            ci.help = resolveTexts(t, langs, profile, [&](const QString &l) { return localizedHelp(t, item, l); });
            if (!answers && item.showIf)
                ci.condition = conditionTexts(t, *item.showIf, numbers, langs, profile, false);
            ci.picture = contentPicture(fc, t, item.picture, pictures,
                                        [&](const QString &l) { return localizedPictureAlt(t, item, l); });
            if (item.type == ItemType::YesNo) {
                ContentOption yes{QStringLiteral("yes"), fc.phrase(Phrase::Yes), {}, false, {}};
                ContentOption no{QStringLiteral("no"), fc.phrase(Phrase::No), {}, false, {}};
                ci.options = {yes, no};
            }
            for (const Option &o : item.options) {
                ContentOption co;
                co.value = o.value;
                co.label = resolveTexts(t, langs, profile,
                                        [&](const QString &l) { return localizedOptionLabel(t, item, o, l); });
                co.description = resolveTexts(
                    t, langs, profile, [&](const QString &l) { return localizedOptionDescription(t, item, o, l); });
                co.picture = contentPicture(fc, t, o.picture, pictures,
                                            [&](const QString &l) { return localizedOptionPictureAlt(t, item, o, l); });
                ci.options.append(co);
            }
            for (const Column &c : item.columns)
                ci.columns.append(resolveTexts(t, langs, profile,
                                               [&](const QString &l) { return localizedColumnLabel(t, item, c, l); }));
            if (answers)
                fillAnswer(ci, item, answers->value(item.id), answerLang);
            if (fc.withPrevious && itemTypeIsAnswerable(item.type))
                ci.previousText = answerAsText(t, item, options.previous.value(item.id), answerLang);
            cs.items.append(ci);
        }
        fc.sections.append(cs);
    }
    return fc;
}

} // namespace coform
