#pragma once

#include <QStringList>
#include <QVector>

namespace coform {

class Database;

/// The numbered schema migrations. Migration N turns a schema of version N-1 into version N; its statements are
/// portable SQL with two placeholders replaced per backend: {id} (an auto-numbered primary key) and {bigint}.
/// Never edit a migration that has shipped: add a new one.
struct Migration
{
    int version;
    const char *purpose;
    QStringList statements;
    /// Work that SQL alone cannot do, run after the statements in the same transaction (null: none).
    bool (*step)(const Database &db, QString *error) = nullptr;
};

const QVector<Migration> &migrations();

} // namespace coform
