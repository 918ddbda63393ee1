#pragma once

#include "store/session.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace coform {

class Database;

/// The first start: a database without accounts asks for the first account, an admin, and signs it in.
class FirstAdminDialog : public QDialog
{
    Q_OBJECT
public:
    FirstAdminDialog(Database &db, QWidget *parent = nullptr);

    /// Asks for the first admin; std::nullopt when cancelled (or an account exists already).
    static std::optional<Session> createFirstAdmin(Database &db, QWidget *parent = nullptr);

    const std::optional<Session> &session() const { return m_session; }
    /// The recovery key made with the account (to be shown once); empty before.
    const QString &recoveryKey() const { return m_recoveryKey; }
    /// Creates the account from what is typed; false (and the reason shown) when it cannot.
    bool tryCreate();

private:
    Database &m_db;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Session> m_session;
    QString m_recoveryKey;
};

} // namespace coform
