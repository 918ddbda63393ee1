#pragma once

#include "model/picture.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace coform {

/// The kinds of item a template can hold (DESIGN.md, "Item type and the JSON value of its answer").
enum class ItemType { Info, Text, Textarea, YesNo, Choice, MultiChoice, Date, Number, Scale, Table, Signature };

/// The JSON spelling of a type ("multichoice"), and back; std::nullopt for an unknown name.
QString itemTypeName(ItemType type);
std::optional<ItemType> itemTypeFromName(const QString &name);
/// All types in the order DESIGN.md lists them.
const QVector<ItemType> &allItemTypes();
/// True for types that take options (choice, multichoice, scale).
bool itemTypeHasOptions(ItemType type);
/// True for every type but info: the ones a person answers.
bool itemTypeIsAnswerable(ItemType type);

/// The texts of one language other than the template's first (`translations.<lang>` in the file).
/// Empty strings mean "not translated".
struct Translation
{
    QString title;                             ///< template or section title
    QString label;                             ///< item label
    QString help;                              ///< item or section help
    QMap<QString, QString> options;            ///< option value -> label
    QMap<QString, QString> optionDescriptions; ///< option value -> description (scale levels)
    QMap<QString, QString> columns;            ///< column id -> label
    QString pictureAlt;                        ///< the picture's alternative text
    QMap<QString, QString> optionPictureAlts;  ///< option value -> its picture's alternative text
    /// Which source wording each text was made from: property as an Edit names it ("label", "option:VALUE") ->
    /// TranslationStamps::stamp() of the source text then. A text whose source has changed since is out of date.
    QMap<QString, QString> madeFrom;

    bool isEmpty() const;
    bool operator==(const Translation &) const = default;
};

/// A choice, multichoice or scale option. `value` is stable forever; `label` may be reworded.
struct Option
{
    QString value;
    QString label;
    QString description;            ///< scale levels: what the level means
    std::optional<Picture> picture; ///< shown beside its tick box
    bool operator==(const Option &) const = default;
};

/// A column of a table item.
struct Column
{
    QString id;
    QString label;
    bool operator==(const Column &) const = default;
};

/// `showIf`: the section or item is shown only when an earlier item's answer equals a value or is one of several.
struct ShowIf
{
    enum class Kind { Equals, In };
    QString item;
    Kind kind = Kind::Equals;
    QJsonValue equals; ///< Kind::Equals
    QJsonArray in;     ///< Kind::In
    bool operator==(const ShowIf &) const = default;

    /// Whether an answer value satisfies the condition (a multichoice answer satisfies it when any value does).
    bool matches(const QJsonValue &answer) const;
};

/// One question (or an info text) of a template.
struct Item
{
    QString id;
    ItemType type = ItemType::Text;
    QString label;
    QString help;
    bool required = false;
    QStringList requirements;  ///< ids from the template's requirement set, e.g. "FR-CONSENT"
    QVector<Option> options;   ///< choice, multichoice, scale
    QVector<Column> columns;   ///< table
    QString format;            ///< text: "", "nhs-number", "email", "phone", "postcode"
    std::optional<double> min; ///< number
    std::optional<double> max; ///< number
    QString unit;              ///< number
    QString prefill;           ///< text/date: filled from the person's record when a review starts (Prefill::Name, ...)
    bool carryForward = true;  ///< false: asked afresh each review (consent, this review's outcome), never carried
    std::optional<ShowIf> showIf;
    QString note;                            ///< a note for template authors (e.g. what an import could not carry over)
    QMap<QString, Translation> translations; ///< language tag -> texts
    std::optional<Picture> picture;          ///< shown beside the question (easy read, or every print style)

    const Option *option(const QString &value) const;
    bool operator==(const Item &) const = default;
};

/// A section of a template: a heading with items.
struct Section
{
    QString id;
    QString title;
    QString help;
    std::optional<ShowIf> showIf;
    QVector<Item> items;
    QMap<QString, Translation> translations;
    std::optional<Picture> picture; ///< shown beside the heading
    bool operator==(const Section &) const = default;
};

/// A review form template (`coform-template/1`). A plain value: copy it, compare it, change it through Edits.
struct Template
{
    QString id;
    int version = 1;
    QString title;
    QStringList languages{QStringLiteral("en")}; ///< first is the source language; "en-x-easy" is easy read
    QString requirementSet;
    QVector<Section> sections;
    QMap<QString, Translation> translations; ///< template title in other languages
    /// `"pictures": "all profiles"`: pictures are printed in every print style, not only easy read.
    bool picturesInAllProfiles = false;

    /// The source language (the first of `languages`).
    QString sourceLanguage() const;

    /// Finds an item anywhere in the template; nullptr when there is none.
    const Item *findItem(const QString &id) const;
    Item *findItem(const QString &id);
    const Section *findSection(const QString &id) const;
    /// The section that holds item `id`; nullptr when there is none.
    const Section *sectionOfItem(const QString &id) const;
    /// Every item in document order.
    QVector<const Item *> allItems() const;
    /// 1-based question numbers of answerable items in document order (info items get no number).
    QMap<QString, int> questionNumbers() const;

    bool operator==(const Template &) const = default;
};

/// Texts in a given language, falling back to the source text where there is no translation.
/// `lang` empty or equal to the source language gives the source text.
QString localizedTitle(const Template &t, const QString &lang);
QString localizedTitle(const Template &t, const Section &s, const QString &lang);
QString localizedLabel(const Template &t, const Item &item, const QString &lang);
QString localizedHelp(const Template &t, const Item &item, const QString &lang);
QString localizedOptionLabel(const Template &t, const Item &item, const Option &option, const QString &lang);
QString localizedOptionDescription(const Template &t, const Item &item, const Option &option, const QString &lang);
/// A picture's alternative text in `lang` (falling back to the source text).
QString localizedPictureAlt(const Template &t, const Item &item, const QString &lang);
QString localizedPictureAlt(const Template &t, const Section &section, const QString &lang);
QString localizedOptionPictureAlt(const Template &t, const Item &item, const Option &option, const QString &lang);
/// Every picture of the template (sections, items, options) in document order.
QVector<const Picture *> allPictures(const Template &t);
QString localizedColumnLabel(const Template &t, const Item &item, const Column &column, const QString &lang);

} // namespace coform
