// Shared by the encryption and audit-chain tests: what someone who copied the database can read without Coform.
#pragma once

#include "store/database.h"

#include <QFile>
#include <QSqlRecord>
#include <QStringList>

namespace coform::test {

/// Every byte at rest: the SQLite file with its -wal and -shm; for PostgreSQL every row of every table of the
/// database's schema as text, read with plain SQL over the same connection (the server's superuser in the tests).
inline QByteArray bytesAtRest(Database &db, const QString &location)
{
    QByteArray all;
    if (db.backend() == Database::Backend::Sqlite) {
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile f(location + QLatin1String(suffix));
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
    QSqlQuery q = db.query();
    QStringList tables;
    if (db.exec(q,
                QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                               "current_schema()"),
                {}, nullptr)) {
        while (q.next())
            tables << q.value(0).toString();
    }
    for (const QString &table : tables) {
        if (!db.exec(q, QStringLiteral("SELECT t::text FROM %1 t").arg(table), {}, nullptr))
            continue;
        while (q.next())
            all += q.value(0).toString().toUtf8() + '\n';
    }
    return all;
}

/// The texts of `wanted` found in `bytes` (empty when none is).
inline QStringList foundIn(const QByteArray &bytes, const QStringList &wanted)
{
    QStringList found;
    for (const QString &text : wanted) {
        if (bytes.contains(text.toUtf8()))
            found << text;
    }
    return found;
}

} // namespace coform::test
