#pragma once

#include "model/problem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <optional>

namespace coform {

/// Helpers for reading a JSON document strictly while collecting every problem with its JSON pointer.
class JsonReader
{
public:
    JsonReader(QString fileName, Problems *problems);

    /// Parses bytes: size limit, syntax (with line and column), nesting depth. Returns the root object.
    std::optional<QJsonObject> parseObject(const QByteArray &json, qint64 maxBytes, int maxDepth);

    void error(const QString &pointer, const QString &message);
    void warning(const QString &pointer, const QString &message);
    int errorCount() const { return m_errors; }

    /// Reports every key not in `allowed` ("unknown property 'lable' (expected one of: ...)").
    void checkKeys(const QJsonObject &object, const QString &pointer, std::initializer_list<const char *> allowed);

    /// Typed reads. `required` reports a missing key; a present key of the wrong type is always an error.
    std::optional<QString> string(const QJsonObject &object, const QString &pointer, const char *key, bool required);
    std::optional<bool> boolean(const QJsonObject &object, const QString &pointer, const char *key);
    std::optional<double> number(const QJsonObject &object, const QString &pointer, const char *key);
    std::optional<int> integer(const QJsonObject &object, const QString &pointer, const char *key, bool required);
    std::optional<QJsonArray> array(const QJsonObject &object, const QString &pointer, const char *key, bool required);
    std::optional<QJsonObject> object(const QJsonObject &object, const QString &pointer, const char *key,
                                      bool required);
    std::optional<QJsonObject> asObject(const QJsonValue &value, const QString &pointer);

    /// An id of a section, item, option or column: `[a-z0-9][a-z0-9-]*`, at most 200 characters, the whole text (a
    /// line break after it too is refused).
    static bool isValidId(const QString &id);
    /// A language tag such as "en", "cy" or "en-x-easy": `[a-z]{2,3}(-[A-Za-z0-9]{1,8})*`, the whole text.
    static bool isValidLanguage(const QString &tag);
    /// `text` as a message may quote it: a line break and a tab written as JSON writes them (backslash n, backslash
    /// t), and other control, invisible formatting and line-separating characters as backslash u and four hex digits,
    /// so that the message stays one line, shows what is there and cannot drive a terminal.
    static QString shown(const QString &text);
    /// Calls `accept` with each character of the JSON text `json` (UTF-8, as QJsonDocument decodes it) in turn, the
    /// characters of its strings and keys as they read once their escapes are undone (a backslash and a letter, a
    /// backslash u and four hex digits, two of those for a character beyond the first 65,536). Returns false as soon
    /// as `accept` does, or at a backslash that starts no escape; true means `accept` took every character of every
    /// string and key. A character `accept` took is not asked about again. Reads only the text, not its structure:
    /// it need not be valid JSON.
    static bool everyCharacter(QByteArrayView json, const std::function<bool(char32_t)> &accept);

    static QString child(const QString &pointer, const QString &key);
    static QString child(const QString &pointer, qsizetype index);
    /// "a string", "a number", ... for messages.
    static QString describe(const QJsonValue &value);

private:
    QString m_fileName;
    Problems *m_problems;
    int m_errors = 0;
};

} // namespace coform
