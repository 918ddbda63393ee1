#pragma once

#include "model/answers.h"
#include "model/template.h"
#include "pdf/phrases.h"
#include "pdf/renderer.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <optional>

namespace coform {

/// One text in one printed language. `lang` is the language the reader meets (never "en-x-easy": that is "en").
struct LangText
{
    QString lang;
    QString text;
};
/// A text in every printed language, in print order (one entry for a one-language form).
using Texts = QVector<LangText>;

/// A picture as printed: which one (a key of FormContent::pictures) and what it shows in each printed language.
struct ContentPicture
{
    QString key;
    Texts alt;
};

/// An option of a choice, multichoice, yes/no or scale item, as printed.
struct ContentOption
{
    QString value;
    Texts label;
    Texts description; ///< scale levels
    bool chosen = false;
    std::optional<ContentPicture> picture;
};

/// One item as printed: resolved texts, its number, and its answer in display form.
struct ContentItem
{
    QString id;
    ItemType type = ItemType::Text;
    int number = 0; ///< question number (0 for info items)
    Texts label;
    Texts help;
    Texts condition; ///< blank forms: when the question applies, in words; empty when always
    bool answered = false;
    QString answerLang;             ///< the language answers were written in
    QString answerText;             ///< text, textarea, date, number (with unit): the answer as printed
    QString unit;                   ///< number: the unit, for a blank box
    QVector<ContentOption> options; ///< choice, multichoice, scale, yes/no
    QVector<Texts> columns;         ///< table
    QVector<QStringList> rows;      ///< table answers, one string a column
    QString signedName;
    QString signedDate;
    QString declinedReason;
    /// With a "Last review" column: the previous review's answer as one text (empty when it was not answered).
    QString previousText;
    std::optional<ContentPicture> picture;
};

struct ContentSection
{
    QString id;
    Texts title;
    Texts help;
    Texts condition; ///< blank forms: when the section applies
    QVector<ContentItem> items;
    std::optional<ContentPicture> picture;
};

/// The whole form as it is printed, independent of layout: the layout engine and the HTML writer both read this.
struct FormContent
{
    QString templateId;
    int version = 1;
    QStringList languages; ///< reader languages in print order ("en", "cy")
    Texts title;
    bool filled = false;
    Person person;
    QString nhsNumberFormatted; ///< 3-3-4
    QDate produced;
    PrintProfile profile = PrintProfile::Standard;
    QVector<ContentSection> sections;
    bool withPrevious = false; ///< a "Last review" column beside each question
    QDate previousDate;
    /// The pictures printed (easy read, or every style when the template asks), by key; empty when none is.
    QMap<QString, Picture> pictures;
    /// The credit lines of the pictures printed, each once ("Mulberry Symbols (mulberrysymbols.org), CC BY-SA 4.0").
    QStringList pictureCredits;

    /// The same fixed phrase in every printed language.
    Texts phrase(Phrase p) const;
};

/// Resolves a template (and answers, for a filled form) into what is printed: texts in the chosen languages (easy-read
/// texts for the easy profile where the template has them), question numbers, conditions in words on blank forms,
/// items hidden by showIf left out of filled forms, answers in display form.
FormContent buildFormContent(const Template &t, const Answers *answers, const RenderOptions &options);

/// An answer as one line of text, as printed ("Low", "Yes", "Large print; Email", "20 November 2026"); empty when
/// it is not answered. `lang` picks the language of option labels and dates.
QString answerAsText(const Template &t, const Item &item, const QJsonValue &value, const QString &lang = {});

} // namespace coform
