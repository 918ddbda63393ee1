#include "common/templatewords.h"

#include "check/plainlanguage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace coform::TemplateWords {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PlainWords", text); // the context keeps the name these words had
}

/// An answer value as a person reads it: Yes/No for booleans, the option label for option values.
QString answerValueText(const Item *item, const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    const QString text = value.toString();
    if (item) {
        if (const Option *option = item->option(text))
            return QStringLiteral("\u201c%1\u201d").arg(option->label);
    }
    return QStringLiteral("\u201c%1\u201d").arg(text);
}
} // namespace

QString count(qsizetype n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(n), n == 1 ? one : many);
}

QString list(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return QCoreApplication::translate("PlainWords", "%1 and %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

QString numberRuns(QList<int> numbers)
{
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    QStringList parts;
    for (qsizetype i = 0; i < numbers.size();) {
        qsizetype j = i;
        while (j + 1 < numbers.size() && numbers.at(j + 1) == numbers.at(j) + 1)
            ++j;
        if (j - i >= 2) {
            parts.append(QStringLiteral("%1\u2013%2").arg(numbers.at(i)).arg(numbers.at(j)));
        } else {
            for (qsizetype k = i; k <= j; ++k)
                parts.append(QString::number(numbers.at(k)));
        }
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QString coveredBy(const QStringList &itemIds, const QMap<QString, int> &questionNumbers)
{
    QList<int> numbers;
    int infoTexts = 0;
    for (const QString &itemId : itemIds) {
        const int number = questionNumbers.value(itemId);
        if (number > 0)
            numbers.append(number);
        else
            ++infoTexts;
    }
    QStringList where;
    if (!numbers.isEmpty())
        where.append((numbers.size() == 1 ? tr("question %1") : tr("questions %1")).arg(numberRuns(numbers)));
    if (infoTexts > 0)
        where.append(count(infoTexts, tr("information text"), tr("information texts")));
    return where.join(tr(" and "));
}

QString itemTypeDescription(ItemType type)
{
    switch (type) {
    case ItemType::Info:
        return tr("Information to read (no answer)");
    case ItemType::Text:
        return tr("Short written answer");
    case ItemType::Textarea:
        return tr("Longer written answer");
    case ItemType::YesNo:
        return tr("Yes or no");
    case ItemType::Choice:
        return tr("Pick one answer");
    case ItemType::MultiChoice:
        return tr("Pick one or more answers");
    case ItemType::Date:
        return tr("A date");
    case ItemType::Number:
        return tr("A number");
    case ItemType::Scale:
        return tr("A level on a scale");
    case ItemType::Table:
        return tr("A table to fill in");
    case ItemType::Signature:
        return tr("A signature");
    }
    return {};
}

QString textFormatDescription(const QString &format)
{
    if (format == QLatin1String("nhs-number"))
        return tr("NHS number (10 digits, checked)");
    if (format == QLatin1String("email"))
        return tr("Email address");
    if (format == QLatin1String("phone"))
        return tr("Phone number");
    if (format == QLatin1String("postcode"))
        return tr("Postcode");
    return format;
}

QString languageName(const QString &tag)
{
    if (tag == QLatin1String("en"))
        return tr("English");
    if (tag == QLatin1String("cy"))
        return tr("Welsh (Cymraeg)");
    if (tag == QLatin1String("en-x-easy"))
        return tr("Easy read English");
    const QLocale locale(tag);
    if (locale.language() == QLocale::C)
        return tag;
    const QString native = locale.nativeLanguageName();
    const QString english = QLocale::languageToString(locale.language());
    return native.isEmpty() || native == english ? english : QStringLiteral("%1 (%2)").arg(english, native);
}

QString showIfDescription(const Template &t, const std::optional<ShowIf> &showIf)
{
    if (!showIf)
        return tr("Always");
    const Item *item = t.findItem(showIf->item);
    QString question;
    if (item) {
        const int number = t.questionNumbers().value(item->id);
        question = number > 0 ? tr("question %1 (%2)").arg(number).arg(item->label)
                              : QStringLiteral("\u201c%1\u201d").arg(item->label);
    } else {
        question = tr("a question that is not in this form (%1)").arg(showIf->item);
    }
    if (showIf->kind == ShowIf::Kind::Equals)
        return tr("Only when the answer to %1 is %2").arg(question, answerValueText(item, showIf->equals));
    QStringList values;
    for (const QJsonValue &v : showIf->in)
        values.append(answerValueText(item, v));
    return tr("Only when the answer to %1 is one of: %2").arg(question, values.join(QStringLiteral(", ")));
}

QString itemHeading(const Item &item, int number)
{
    if (item.type == ItemType::Info || number <= 0)
        return tr("Information: %1").arg(item.label);
    return QStringLiteral("%1. %2").arg(number).arg(item.label);
}

QStringList plainLanguageHints(const QString &text)
{
    QStringList hints;
    QStringList seen;
    for (const JargonMatch &match : JargonList::bundled().find(text)) {
        if (seen.contains(match.found, Qt::CaseInsensitive))
            continue;
        seen.append(match.found);
        hints.append(tr("\u201c%1\u201d may be hard to understand. You could say: %2").arg(match.found, match.plain));
    }
    for (const LongSentence &sentence : longSentences(text)) {
        const QString start = text.mid(sentence.start, sentence.length).section(QLatin1Char(' '), 0, 5);
        hints.append(tr("The sentence \u201c%1 \u2026\u201d has %2 words. Two shorter sentences are easier to read.")
                         .arg(start.trimmed())
                         .arg(sentence.words));
    }
    return hints;
}

} // namespace coform::TemplateWords
