#pragma once

#include "store/session.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace coform {

/// One step on an account, asked in a small dialog: add an account (name, role, first password), reset a password
/// (a first password), change a role, or change one's own password (current, new). The password is typed twice.
/// OK calls the step given (which writes to the store); its refusal shows under the fields and the dialog stays.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Add, ResetPassword, ChangeRole, OwnPassword };
    /// Returns a problem in words, or an empty text when the step was done.
    using Step = std::function<QString(const AccountDialog &)>;

    AccountDialog(Mode mode, const QString &accountName, Role role, Step step, QWidget *parent = nullptr);

    QString name() const;
    Role role() const;
    QString password() const;        ///< the new (or first) password
    QString currentPassword() const; ///< OwnPassword only

private:
    void tryStep();

    Mode m_mode;
    Step m_step;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_error = nullptr;
};

/// Roles in words for people ("Admin: accounts, publishing, everything").
QString roleWords(Role role);

} // namespace coform
