#pragma once

#include "model/jsonreader.h"
#include "model/template.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <limits>
#include <optional>

namespace coform {

/// The one parse of `coform-template/1` and its parts, into the model, with every problem it meets reported to a
/// JsonReader at its JSON pointer.
///
/// Strict (template files, format/templateformat.cpp): every property is checked as docs/formats.md says (known keys,
/// valid and unique ids, required texts, known types, formats and prefills, option and column rules, translation
/// languages, stamps, limits, what a picture holds); the reader then checks the whole template and refuses it on any
/// error. Lenient (edit values and drafts, edit/templatejson.cpp): only the shape is checked (each property of the
/// JSON type it has, null as good as absent for optional values), so that an unfinished draft reads back as written;
/// a value with any problem is refused with the first problem's words.
class TemplateParse
{
public:
    enum class Mode { Strict, Lenient };

    TemplateParse(JsonReader &json, Mode mode, int maxItems = std::numeric_limits<int>::max());

    /// Strict: why a picture may not be used (pictureProblem() of format/pictureformat.h), checked where it is read.
    QString (*pictureCheck)(const Picture &picture) = nullptr;

    /// Reads a whole template. False when it says it is another format (strict; nothing else was read).
    bool readTemplate(const QJsonObject &o, Template &t);
    /// A section or an item: nothing when `value` is not an object.
    std::optional<Section> readSection(const QJsonValue &value, const QString &p);
    std::optional<Item> readItem(const QJsonValue &value, const QString &p);
    /// `"options"`, `"columns"` of `o` (at `p`) into `item`.
    void readOptions(const QJsonObject &o, const QString &p, Item &item);
    void readColumns(const QJsonObject &o, const QString &p, Item &item);
    /// `"showIf"` of `o`: nothing when absent.
    std::optional<ShowIf> readShowIfOf(const QJsonObject &o, const QString &p);

private:
    /// `"translations"` of `o` into `out`, with the keys `allowed` (strict); `item` for its options' and columns'
    /// texts.
    void readTranslationsOf(const QJsonObject &o, const QString &p, QMap<QString, Translation> &out,
                            std::initializer_list<const char *> allowed, const Item *item);
    /// `"languages"` of `o` into `t`.
    void readLanguages(const QJsonObject &o, const QString &p, Template &t);
    bool strict() const { return m_mode == Mode::Strict; }
    bool isNullOrAbsent(const QJsonObject &o, const char *key) const;
    std::optional<QString> optionalString(const QJsonObject &o, const QString &p, const char *key);
    std::optional<QJsonArray> optionalArray(const QJsonObject &o, const QString &p, const char *key);
    QString readId(const QJsonObject &o, const QString &p, const char *key);
    QString readText(const QJsonObject &o, const QString &p, const char *key, bool required);
    std::optional<Picture> readPicture(const QJsonObject &o, const QString &p);
    void checkKeys(const QJsonObject &o, const QString &p, std::initializer_list<const char *> allowed);
    void claimId(const QString &id, const QString &pointer);
    void readRequirements(const QJsonObject &o, const QString &p, Item &item);
    void readTypeProperties(const QJsonObject &o, const QString &p, Item &item);
    ShowIf readShowIf(const QJsonObject &o, const QString &p);
    QMap<QString, QString> readTextMap(const QJsonObject &o, const QString &p, const char *key, const Item *item,
                                       bool options);
    QMap<QString, QString> readMadeFrom(const QJsonObject &translation, const QString &p);

    JsonReader &m_json;
    Mode m_mode;
    int m_maxItems;
    int m_itemCount = 0;
    QStringList m_languages{QStringLiteral("en")};
    QHash<QString, QString> m_idPointers;
};

} // namespace coform
