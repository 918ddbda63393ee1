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
