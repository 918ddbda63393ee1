#include "signindialog.h"

#include "firstadmindialog.h"
#include "store/database.h"
#include "store/userstore.h"

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
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("signInName"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Account &name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("signInError"));
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
    UserStore users(m_db);
    Result<Session> session = users.signIn(m_name->text().trimmed(), m_password->text());
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
    m_session = session.value();
    return true;
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
    return dialog.session();
}

} // namespace coform
