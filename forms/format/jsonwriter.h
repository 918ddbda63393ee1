#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace coform {

/// Writes indented JSON with keys in the order they are given (QJsonDocument sorts them), so that files people
/// read and compare keep "format", "id" and "title" first.
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// The key of the next value inside an object.
    void key(const QString &name);
    void value(const QJsonValue &value);
    void value(const QString &text) { value(QJsonValue(text)); }

    /// key + value, skipped when `skipIfEmpty` and the text is empty.
    void field(const QString &name, const QString &text, bool skipIfEmpty = true);

    QByteArray result() const { return m_out + '\n'; }

private:
    void beforeValue();
    void newline();

    QByteArray m_out;
    struct Level
    {
        bool isObject;
        bool empty;
    };
    QVector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace coform
