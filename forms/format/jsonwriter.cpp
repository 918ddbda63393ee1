#include "format/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coform {

void JsonWriter::newline()
{
    m_out += '\n';
    m_out += QByteArray(m_levels.size() * 2, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Level &level = m_levels.last();
    if (!level.empty)
        m_out += ',';
    level.empty = false;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_levels.append({true, true});
}

void JsonWriter::endObject()
{
    const bool empty = m_levels.takeLast().empty;
    if (!empty)
        newline();
    m_out += '}';
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_levels.append({false, true});
}

void JsonWriter::endArray()
{
    const bool empty = m_levels.takeLast().empty;
    if (!empty)
        newline();
    m_out += ']';
}

void JsonWriter::key(const QString &name)
{
    beforeValue();
    m_out += QJsonDocument(QJsonArray{name}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    m_out += ": ";
    m_afterKey = true;
}

void JsonWriter::value(const QJsonValue &value)
{
    if (value.isObject()) {
        beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            this->value(it.value());
        }
        endObject();
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool scalars = true;
        for (const QJsonValue &v : array)
            scalars = scalars && !v.isArray() && !v.isObject();
        if (scalars) {
            // Short lists of plain values stay on one line: ["FR-CONSENT", "FR-CAPACITY"].
            beforeValue();
            QByteArray compact = QJsonDocument(array).toJson(QJsonDocument::Compact);
            compact.replace("\",\"", "\", \"");
            m_out += compact;
            return;
        }
        beginArray();
        for (const QJsonValue &v : array)
            this->value(v);
        endArray();
        return;
    }
    beforeValue();
    // A scalar: let QJsonDocument spell it (escapes, numbers) inside a one-element array.
    m_out += QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

void JsonWriter::field(const QString &name, const QString &text, bool skipIfEmpty)
{
    if (skipIfEmpty && text.isEmpty())
        return;
    key(name);
    value(text);
}

} // namespace coform
