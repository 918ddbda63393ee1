#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QFormLayout;
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
    /// The recovery key made when this sign-in encrypted a database an older Coform wrote; empty otherwise.
    const QString &recoveryKey() const { return m_recoveryKey; }

    /// Tries the name and password typed; false (and the reason shown) when they do not sign in. The first admin
    /// sign-in to a database an older Coform wrote encrypts its personal data first, with a progress dialog.
    bool trySignIn();
    /// Unlocking a window: only this account may sign in (its name is filled in); Cancel says "Sign out".
    void setRequiredAccount(qint64 userId, const QString &name);

private:
    Result<Session> encrypt(const Session &admin, const QString &password);

    Database &m_db;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<Session> m_session;
    // A first password (an admin gave it): the person chooses their own before the session is handed out.
    bool askNewPassword(const Session &session, const QString &firstPassword);
    bool trySetOwnPassword();
    QFormLayout *m_form = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLineEdit *m_repeat = nullptr;
    std::optional<Session> m_pending;
    QString m_firstPassword;
    QString m_recoveryKey;
    qint64 m_requiredUserId = 0;
    QString m_requiredName;
};

} // namespace coform
