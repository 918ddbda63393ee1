#pragma once

#include <QString>

namespace coform {

class Database;

/// One write, all or nothing: begins on construction (SQLite: BEGIN IMMEDIATE, so two writers wait for each other
/// instead of failing half-way), rolls back on destruction unless commit() succeeded. Transactions nest: one begun
/// while another is open on the same connection joins it; its commit() waits for the outer one, and when it is
/// dropped without commit() the outer one can no longer commit (everything is rolled back).
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when the transaction could not begin (error() says why).
    bool isActive() const { return m_active; }
    bool commit();
    const QString &error() const { return m_error; }

private:
    const Database &m_db;
    bool m_active = false;
    bool m_nested = false;
    QString m_error;
};

} // namespace coform
