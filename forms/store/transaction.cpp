#include "store/transaction.h"

#include "store/database.h"

#include <QSqlError>

namespace coform {

Transaction::Transaction(const Database &db)
    : m_db(db)
{
    if (db.m_transactionDepth > 0) {
        m_nested = true;
        m_active = true;
        ++db.m_transactionDepth;
        return;
    }
    if (db.backend() == Database::Backend::Sqlite) {
        QSqlQuery q = db.query();
        m_active = db.exec(q, QStringLiteral("BEGIN IMMEDIATE"), {}, &m_error);
    } else {
        QSqlDatabase c = db.connection();
        m_active = c.transaction();
        if (!m_active)
            m_error = c.lastError().text();
    }
    if (m_active) {
        ++db.m_transactionDepth;
        db.m_innerRolledBack = false;
    }
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    --m_db.m_transactionDepth;
    if (m_nested) {
        m_db.m_innerRolledBack = true;
        return;
    }
    if (m_db.backend() == Database::Backend::Sqlite) {
        QSqlQuery q = m_db.query();
        QString ignored;
        m_db.exec(q, QStringLiteral("ROLLBACK"), {}, &ignored);
    } else {
        m_db.connection().rollback();
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (m_nested) {
        m_active = false;
        --m_db.m_transactionDepth;
        return true;
    }
    if (m_db.m_innerRolledBack) {
        m_error = QStringLiteral("part of the change failed, so none of it was saved");
        return false;
    }
    bool ok = false;
    if (m_db.backend() == Database::Backend::Sqlite) {
        QSqlQuery q = m_db.query();
        ok = m_db.exec(q, QStringLiteral("COMMIT"), {}, &m_error);
    } else {
        QSqlDatabase c = m_db.connection();
        ok = c.commit();
        if (!ok)
            m_error = c.lastError().text();
    }
    if (ok) {
        m_active = false;
        --m_db.m_transactionDepth;
    }
    return ok;
}

} // namespace coform
