#pragma once

#include "store/session.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace coform {

class Database;

/// Signing in: account name and password, with the reason in words when it fails (wrong name or password, locked
/// for a few minutes, disabled). On a database without accounts, signIn() asks for the first admin instead.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(Database &db, QWidget *parent = nullptr);

    /// Asks until someone signs in or cancels; std::nullopt when cancelled.
    static std::optional<Session> signIn(Database &db, QWidget *parent = nullptr);

    const std::optional<Session> &session() const { return m_session; }

    /// Tries the name and password typed; false (and the reason shown) when they do not sign in.
    bool trySignIn();

private:
    Database &m_db;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    std::optional<Session> m_session;
};

} // namespace coform
