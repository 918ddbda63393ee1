#pragma once

#include <QStringList>
#include <QVector>

namespace coform {

/// The numbered schema migrations. Migration N turns a schema of version N-1 into version N; its statements are
/// portable SQL with two placeholders replaced per backend: {id} (an auto-numbered primary key) and {bigint}.
/// Never edit a migration that has shipped: add a new one.
struct Migration
{
    int version;
    const char *purpose;
    QStringList statements;
};

const QVector<Migration> &migrations();

} // namespace coform
