#pragma once

#include <QString>
#include <QVector>

namespace coform {

/// One finding about a file: an error (the file cannot be used) or a warning (it can, but a person should look).
/// Printed as one line: "FILE:POINTER: error: MESSAGE" where POINTER is an RFC 6901 JSON pointer
/// ("/sections/0/items/3").
struct Problem
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;
    QString pointer;
    QString message;

    QString toString() const;
    bool operator==(const Problem &) const = default;
};

using Problems = QVector<Problem>;

/// True when any problem is an error.
bool hasErrors(const Problems &problems);

/// Escapes a JSON pointer reference token ("~" -> "~0", "/" -> "~1").
QString jsonPointerToken(const QString &token);

} // namespace coform
