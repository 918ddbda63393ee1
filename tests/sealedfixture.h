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

/// Whether bytes[from, to) lies inside a hash: a run of exactly 64 lowercase hex digits, the length of every lookup
/// and audit-chain hash Coform stores. Hashes are uniformly random, so about one run in eight thousand of the
/// thousand-person test holds one of its fictional NHS numbers by chance; a number stored in plain beside a hash makes
/// a longer run and still counts.
inline bool insideHash(const QByteArray &bytes, qsizetype from, qsizetype to)
{
    const auto isHex = [&](qsizetype i) {
        const char c = bytes.at(i);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    };
    for (qsizetype i = from; i < to; ++i) {
        if (!isHex(i))
            return false;
    }
    while (from > 0 && isHex(from - 1))
        --from;
    while (to < bytes.size() && isHex(to))
        ++to;
    return to - from == 64;
}

/// The texts of `wanted` found in `bytes` (empty when none is); `context`, when given, is told the bytes around the
/// first one found, to say where it is.
inline QStringList foundIn(const QByteArray &bytes, const QStringList &wanted, QByteArray *context = nullptr)
{
    QStringList found;
    for (const QString &text : wanted) {
        const QByteArray needle = text.toUtf8();
        for (qsizetype at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
            if (insideHash(bytes, at, at + needle.size()))
                continue;
            if (found.isEmpty() && context)
                *context = bytes.mid(qMax<qsizetype>(0, at - 60), needle.size() + 120).toPercentEncoding(" ,()\"=:-/+");
            found << text;
            break;
        }
    }
    return found;
}

} // namespace coform::test
