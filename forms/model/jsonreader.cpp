#include "model/jsonreader.h"

#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstring>

namespace coform {

JsonReader::JsonReader(QString fileName, Problems *problems)
    : m_fileName(std::move(fileName))
    , m_problems(problems)
{}

void JsonReader::error(const QString &pointer, const QString &message)
{
    ++m_errors;
    if (m_problems)
        m_problems->append({Problem::Severity::Error, m_fileName, pointer, message});
}

void JsonReader::warning(const QString &pointer, const QString &message)
{
    if (m_problems)
        m_problems->append({Problem::Severity::Warning, m_fileName, pointer, message});
}

namespace {
/// The deepest nesting of a value in `json` (valid JSON): a value directly in the top-level object or array is 1 deep,
/// one in an object or array there 2, and so on. Read off the text itself, by counting brackets outside strings: a
/// walk over the parsed document made a value of every member, at a few times the cost.
int depthOf(const QByteArray &json)
{
    int open = 0;
    int deepest = 0;
    const char *p = json.constData();
    const char *const end = p + json.size();
    while (p < end) {
        switch (*p) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case ',':
        case ':':
            break;
        case '}':
        case ']':
            --open;
            break;
        case '{':
        case '[':
            deepest = std::max(deepest, open);
            ++open;
            break;
        case '"':
            deepest = std::max(deepest, open);
            for (++p; p < end && *p != '"'; ++p) {
                if (*p == '\\' && p + 1 < end)
                    ++p; // the escaped character, which may be a quotation mark
            }
            if (p == end) // a string left open (not in JSON that was read)
                return deepest;
            break;
        default: // a number, true, false or null
            deepest = std::max(deepest, open);
            break;
        }
        ++p;
    }
    return deepest;
}

/// Line and column (1-based) of a byte offset, for syntax errors.
QString lineAndColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((json.at(i) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}
} // namespace

std::optional<QJsonObject> JsonReader::parseObject(const QByteArray &json, qint64 maxBytes, int maxDepth)
{
    if (json.size() > maxBytes) {
        error(QString(),
              QStringLiteral("the file is %1 bytes; files over %2 bytes are not read").arg(json.size()).arg(maxBytes));
        return std::nullopt;
    }
    // JSON text never holds a raw NUL byte; one is refused rather than read up to or past.
    if (const qsizetype nul = json.indexOf('\0'); nul >= 0) {
        error(QString(), QStringLiteral("not valid JSON at %1: a NUL byte (JSON text cannot hold one)")
                             .arg(lineAndColumn(json, nul)));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error(QString(), QStringLiteral("not valid JSON at %1: %2")
                             .arg(lineAndColumn(json, parseError.offset), parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        error(QStringLiteral(""), QStringLiteral("expected a JSON object at the top level"));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (depthOf(json) > maxDepth) {
        error(QString(), QStringLiteral("nested more than %1 levels deep").arg(maxDepth));
        return std::nullopt;
    }
    return root;
}

void JsonReader::checkKeys(const QJsonObject &object, const QString &pointer,
                           std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key(); // made afresh by each call
        bool known = false;
        for (const char *name : allowed)
            known = known || key == QLatin1String(name);
        if (!known) {
            QStringList names;
            for (const char *name : allowed)
                names.append(QString::fromLatin1(name));
            error(child(pointer, key),
                  QStringLiteral("unknown property '%1' (expected one of: %2)").arg(key, names.join(u", ")));
        }
    }
}

QString JsonReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

std::optional<QString> JsonReader::string(const QJsonObject &object, const QString &pointer, const char *key,
                                          bool required)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required)
            error(pointer, QStringLiteral("missing property '%1' (expected a string)").arg(QLatin1String(key)));
        return std::nullopt;
    }
    if (!v.isString()) {
        error(child(pointer, QLatin1String(key)), QStringLiteral("expected a string, found %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<bool> JsonReader::boolean(const QJsonObject &object, const QString &pointer, const char *key)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        error(child(pointer, QLatin1String(key)), QStringLiteral("expected true or false, found %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<double> JsonReader::number(const QJsonObject &object, const QString &pointer, const char *key)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        error(child(pointer, QLatin1String(key)), QStringLiteral("expected a number, found %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<int> JsonReader::integer(const QJsonObject &object, const QString &pointer, const char *key,
                                       bool required)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required)
            error(pointer, QStringLiteral("missing property '%1' (expected a whole number)").arg(QLatin1String(key)));
        return std::nullopt;
    }
    const double d = v.toDouble(-1.5);
    if (!v.isDouble() || d != std::floor(d) || d < 1 || d > 1e9) {
        error(child(pointer, QLatin1String(key)),
              QStringLiteral("expected a whole number of 1 or more, found %1").arg(describe(v)));
        return std::nullopt;
    }
    return int(d);
}

std::optional<QJsonArray> JsonReader::array(const QJsonObject &object, const QString &pointer, const char *key,
                                            bool required)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required)
            error(pointer, QStringLiteral("missing property '%1' (expected an array)").arg(QLatin1String(key)));
        return std::nullopt;
    }
    if (!v.isArray()) {
        error(child(pointer, QLatin1String(key)), QStringLiteral("expected an array, found %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toArray();
}

std::optional<QJsonObject> JsonReader::object(const QJsonObject &object, const QString &pointer, const char *key,
                                              bool required)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required)
            error(pointer, QStringLiteral("missing property '%1' (expected an object)").arg(QLatin1String(key)));
        return std::nullopt;
    }
    return asObject(v, child(pointer, QLatin1String(key)));
}

std::optional<QJsonObject> JsonReader::asObject(const QJsonValue &value, const QString &pointer)
{
    if (!value.isObject()) {
        error(pointer, QStringLiteral("expected an object, found %1").arg(describe(value)));
        return std::nullopt;
    }
    return value.toObject();
}

namespace {
bool isLower(QChar c)
{
    return c >= u'a' && c <= u'z';
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isLetterOrDigit(QChar c)
{
    return isLower(c) || isDigit(c) || (c >= u'A' && c <= u'Z');
}
} // namespace

// Read character by character rather than by a regular expression: its "$" also matches before a line break at the
// end, so "intro\n" passed as an id. These run for every id of a form as it is read.
bool JsonReader::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 200 || id.front() == u'-')
        return false;
    for (const QChar c : id) {
        if (!isLower(c) && !isDigit(c) && c != u'-')
            return false;
    }
    return true;
}

bool JsonReader::isValidLanguage(const QString &tag)
{
    const qsizetype dash = tag.indexOf(u'-');
    const QStringView language = QStringView(tag).left(dash < 0 ? tag.size() : dash);
    if (language.size() < 2 || language.size() > 3 || !std::all_of(language.begin(), language.end(), isLower))
        return false;
    for (qsizetype from = dash; from >= 0;) { // at each dash: 1 to 8 letters or digits
        const qsizetype next = tag.indexOf(u'-', from + 1);
        const QStringView part = QStringView(tag).mid(from + 1, (next < 0 ? tag.size() : next) - from - 1);
        if (part.isEmpty() || part.size() > 8 || !std::all_of(part.begin(), part.end(), isLetterOrDigit))
            return false;
        from = next;
    }
    return true;
}

QString JsonReader::shown(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
                 || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

bool JsonReader::everyCharacter(QByteArrayView json, const std::function<bool(char32_t)> &accept)
{
    std::bitset<0x10000> taken; // characters of the first 65,536 that `accept` took: each is asked once
    const auto take = [&taken, &accept](char32_t c) {
        if (c >= taken.size())
            return accept(c);
        if (!taken[c] && !accept(c))
            return false;
        taken[c] = true;
        return true;
    };
    const qsizetype n = json.size();
    const auto hex = [json, n](qsizetype at) -> int { // the four hex digits at `at` as a number; -1 when they are not
        int value = 0;
        for (qsizetype i = at; i < at + 4; ++i) {
            const char h = i < n ? json[i] : '\0';
            const int digit = h >= '0' && h <= '9'   ? h - '0'
                              : h >= 'a' && h <= 'f' ? h - 'a' + 10
                              : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                     : -1;
            if (digit < 0)
                return -1;
            value = value << 4 | digit;
        }
        return value;
    };
    // A form is mostly ASCII: its bytes are the characters. A run of other bytes is decoded as QJsonDocument decodes
    // it (QString::fromUtf8; a byte that starts no character as U+FFFD): no such run holds an ASCII byte.
    std::array<bool, 0x80> plain{}; // ASCII characters but the backslash that `accept` took
    for (qsizetype i = 0; i < n;) {
        const auto byte = uchar(json[i]);
        if (byte < 0x80 && plain[byte]) {
            ++i;
            continue;
        }
        if (byte >= 0x80) {
            qsizetype end = i + 1;
            while (end < n && uchar(json[end]) >= 0x80)
                ++end;
            const QString run = QString::fromUtf8(json.sliced(i, end - i));
            for (qsizetype k = 0; k < run.size(); ++k) {
                const bool pair = run.at(k).isHighSurrogate() && k + 1 < run.size() && run.at(k + 1).isLowSurrogate();
                if (!take(pair ? QChar::surrogateToUcs4(run.at(k), run.at(k + 1)) : run.at(k).unicode()))
                    return false;
                k += pair ? 1 : 0;
            }
            i = end;
            continue;
        }
        char32_t c = byte;
        qsizetype length = 1;
        if (byte == '\\') {
            length = 2;
            const char escaped = i + 1 < n ? json[i + 1] : '\0';
            const char *letter = escaped ? std::strchr("\"\\/bfnrt", escaped) : nullptr;
            if (letter) {
                c = "\"\\/\b\f\n\r\t"[letter - "\"\\/bfnrt"];
            } else if (escaped == 'u') {
                const int unit = hex(i + 2);
                if (unit < 0)
                    return false;
                c = char32_t(unit);
                length = 6;
                const bool pair = QChar::isHighSurrogate(c) && i + 7 < n && json[i + 6] == '\\' && json[i + 7] == 'u'
                                  && QChar::isLowSurrogate(char32_t(hex(i + 8)));
                if (pair) { // hex() is -1, not a low surrogate, when there are no four digits
                    c = QChar::surrogateToUcs4(char16_t(c), char16_t(hex(i + 8)));
                    length = 12;
                }
            } else {
                return false;
            }
        }
        if (!take(c))
            return false;
        plain[byte] = byte != '\\';
        i += length;
    }
    return true;
}

QString JsonReader::child(const QString &pointer, const QString &key)
{
    return pointer + QLatin1Char('/') + jsonPointerToken(key);
}

QString JsonReader::child(const QString &pointer, qsizetype index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

} // namespace coform
