#include "shared/firstadmindialog.h"

#include "shared/recoverykeydialog.h"
#include "store/database.h"
#include "store/userstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

FirstAdminDialog::FirstAdminDialog(Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("firstAdminDialog"));
    setWindowTitle(tr("Welcome to Coform"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("This is a new Coform database. Create the first account: it is an administrator "
                                "account, which can then add accounts for everyone else."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("firstAdminName"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("firstAdminPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit;
    m_repeat->setObjectName(QStringLiteral("firstAdminRepeat"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Account &name:"), m_name);
    form->addRow(tr("&Password (at least %1 characters):").arg(UserStore::MinPasswordLength), m_password);
    form->addRow(tr("&Repeat the password:"), m_repeat);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("firstAdminError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create account"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (tryCreate())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool FirstAdminDialog::tryCreate()
{
    const QString name = m_name->text().trimmed();
    QString problem = UserStore::nameProblem(name);
    if (problem.isEmpty())
        problem = UserStore::passwordProblem(m_password->text());
    if (problem.isEmpty() && m_password->text() != m_repeat->text())
        problem = tr("The two passwords are not the same.");
    if (problem.isEmpty()) {
        Result<Session> session = UserStore(m_db).createFirstAdmin(name, m_password->text(), &m_recoveryKey);
        if (session.ok())
            m_session = session.value();
        else
            problem = session.message();
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    return problem.isEmpty();
}

std::optional<Session> FirstAdminDialog::createFirstAdmin(Database &db, QWidget *parent)
{
    FirstAdminDialog dialog(db, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    RecoveryKeyDialog::showKey(dialog.recoveryKey(), parent);
    return dialog.session();
}

} // namespace coform
