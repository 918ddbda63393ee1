#include "shared/signindialog.h"

#include "shared/firstadmindialog.h"
#include "shared/recoverykeydialog.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/userstore.h"

#include <QApplication>
#include <QProgressDialog>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

SignInDialog::SignInDialog(Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Coform"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_form = form;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("signInName"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Account &name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    m_name->setAccessibleName(tr("Account name"));
    m_password->setAccessibleName(tr("Password"));
    m_newPassword = new QLineEdit;
    m_newPassword->setObjectName(QStringLiteral("signInNewPassword"));
    m_newPassword->setAccessibleName(tr("Your own new password"));
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit;
    m_repeat->setObjectName(QStringLiteral("signInRepeatPassword"));
    m_repeat->setAccessibleName(tr("Your new password typed again"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Your own &new password (at least %1 characters):").arg(UserStore::MinPasswordLength),
                 m_newPassword);
    form->addRow(tr("Type it &again:"), m_repeat);
    form->setRowVisible(m_newPassword, false);
    form->setRowVisible(m_repeat, false);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setAccessibleDescription(tr("Sign-in message")); // its name is what it says
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons = buttons;
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (trySignIn())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool SignInDialog::trySignIn()
{
    if (m_pending)
        return trySetOwnPassword();
    UserStore users(m_db);
    const QString typed = m_password->text();
    Result<Session> session = users.signIn(m_name->text().trimmed(), typed);
    if (session.ok() && session->role() == Role::Admin && !session->dataKey() && m_requiredUserId == 0) {
        const Result<bool> encrypted = KeyRing(m_db).hasDataKey();
        if (encrypted.ok() && !*encrypted)
            session = encrypt(session.value(), typed);
    }
    m_password->clear();
    if (session.ok() && m_requiredUserId != 0 && session->userId() != m_requiredUserId) {
        m_error->setText(tr("Coform is locked for %1: only %1 can unlock it. Choose Sign out to let someone else sign "
                            "in.")
                             .arg(m_requiredName));
        m_error->show();
        m_password->setFocus();
        return false;
    }
    if (!session.ok()) {
        m_error->setText(session.message());
        m_error->show();
        m_error->setFocus();
        m_password->setFocus();
        return false;
    }
    const Result<bool> mustChange = users.mustChangePassword(session.value());
    if (!mustChange.ok() || mustChange.value())
        return askNewPassword(session.value(), typed);
    m_session = session.value();
    return true;
}

bool SignInDialog::askNewPassword(const Session &session, const QString &firstPassword)
{
    m_pending = session;
    m_firstPassword = firstPassword;
    m_form->setRowVisible(m_name, false);
    m_form->setRowVisible(m_password, false);
    m_form->setRowVisible(m_newPassword, true);
    m_form->setRowVisible(m_repeat, true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save my password and sign in"));
    m_error->setText(tr("Welcome, %1. You signed in with a first password that an admin gave you: choose your own "
                        "now. Nobody else will know it.")
                         .arg(session.userName()));
    m_error->show();
    m_newPassword->setFocus();
    return false;
}

bool SignInDialog::trySetOwnPassword()
{
    const QString chosen = m_newPassword->text();
    QString problem = UserStore::passwordProblem(chosen);
    if (problem.isEmpty() && chosen != m_repeat->text())
        problem = tr("The two passwords are not the same: type them again.");
    if (problem.isEmpty()) {
        const Outcome done = UserStore(m_db).changeOwnPassword(*m_pending, m_firstPassword, chosen);
        if (!done.ok())
            problem = done.message;
    }
    m_newPassword->clear();
    m_repeat->clear();
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_newPassword->setFocus();
        return false;
    }
    m_firstPassword.fill(QLatin1Char(' '));
    m_firstPassword.clear();
    m_session = m_pending;
    m_pending.reset();
    return true;
}

Result<Session> SignInDialog::encrypt(const Session &admin, const QString &password)
{
    QProgressDialog progress(tr("Coform now locks people's details and answers with a key (this database was written "
                                "by an older Coform). This happens once."),
                             QString(), 0, 100, this);
    progress.setObjectName(QStringLiteral("encryptProgress"));
    progress.setWindowTitle(tr("Encrypting the personal data"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    const Result<Session> keyed =
        KeyRing(m_db).encryptInPlace(admin, password, &m_recoveryKey, [&progress](qint64 done, qint64 total) {
            progress.setLabelText(tr("Encrypting the personal data: %1 of %2 records").arg(done).arg(total));
            progress.setValue(total > 0 ? int(done * 100 / total) : 100);
            QApplication::processEvents();
        });
    progress.setValue(100);
    return keyed;
}

void SignInDialog::setRequiredAccount(qint64 userId, const QString &name)
{
    m_requiredUserId = userId;
    m_requiredName = name;
    m_name->setText(name);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Sign &out"));
    m_error->setText(tr("Coform locked itself after a time without use. Type your password to carry on where you "
                        "left off."));
    m_error->show();
    m_password->setFocus();
}

std::optional<Session> SignInDialog::signIn(Database &db, QWidget *parent)
{
    const Result<bool> any = UserStore(db).hasUsers();
    if (any.ok() && !any.value())
        return FirstAdminDialog::createFirstAdmin(db, parent);
    SignInDialog dialog(db, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    if (!dialog.recoveryKey().isEmpty())
        RecoveryKeyDialog::showKey(dialog.recoveryKey(), parent);
    return dialog.session();
}

} // namespace coform
