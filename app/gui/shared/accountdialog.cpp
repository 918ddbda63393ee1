#include "shared/accountdialog.h"

#include "store/userstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

QString roleWords(Role role)
{
    switch (role) {
    case Role::Admin:
        return QObject::tr("Admin: accounts, publishing, reviews and templates");
    case Role::Reviewer:
        return QObject::tr("Reviewer: reviews, people and templates");
    case Role::Coproducer:
        return QObject::tr("Co-production member: templates only (writes, comments, approves)");
    }
    return {};
}

AccountDialog::AccountDialog(Mode mode, const QString &accountName, Role role, Step step, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_step(std::move(step))
{
    setObjectName(QStringLiteral("accountDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel;
    intro->setObjectName(QStringLiteral("accountDialogIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto addField = [&](QLineEdit **edit, const QString &objectName, const QString &label, const QString &name,
                        bool secret) {
        *edit = new QLineEdit;
        (*edit)->setObjectName(objectName);
        (*edit)->setAccessibleName(name);
        if (secret)
            (*edit)->setEchoMode(QLineEdit::Password);
        form->addRow(label, *edit);
    };
    const QString passwordRule = tr("at least %1 characters").arg(UserStore::MinPasswordLength);
    QString okText;
    switch (mode) {
    case Mode::Add:
        setWindowTitle(tr("Add an account"));
        intro->setText(tr("The person signs in with this first password once, and then chooses their own. Tell them "
                          "the first password in person or by phone, not by email."));
        addField(&m_name, QStringLiteral("accountName"), tr("Account &name:"), tr("Account name"), false);
        okText = tr("&Add the account");
        break;
    case Mode::ResetPassword:
        setWindowTitle(tr("Reset the password of %1").arg(accountName));
        intro->setText(tr("%1 signs in with this first password once, and then chooses their own. A lock after "
                          "failed sign-ins ends now.")
                           .arg(accountName));
        okText = tr("&Reset the password");
        break;
    case Mode::ChangeRole:
        setWindowTitle(tr("Change the role of %1").arg(accountName));
        intro->setText(tr("What %1 may do from their next step on.").arg(accountName));
        okText = tr("&Change the role");
        break;
    case Mode::OwnPassword:
        setWindowTitle(tr("Change my password"));
        intro->setText(tr("Type the password you use now, then the new one twice."));
        addField(&m_current, QStringLiteral("currentPassword"), tr("&Current password:"), tr("Current password"), true);
        okText = tr("&Change my password");
        break;
    }
    if (mode == Mode::Add || mode == Mode::ChangeRole) {
        m_role = new QComboBox;
        m_role->setObjectName(QStringLiteral("accountRole"));
        m_role->setAccessibleName(tr("Role"));
        for (Role r : {Role::Coproducer, Role::Reviewer, Role::Admin})
            m_role->addItem(roleWords(r), int(r));
        m_role->setCurrentIndex(m_role->findData(int(role)));
        form->addRow(tr("R&ole:"), m_role);
    }
    if (mode != Mode::ChangeRole) {
        const bool first = mode == Mode::Add || mode == Mode::ResetPassword;
        addField(&m_password, QStringLiteral("accountPassword"),
                 (first ? tr("&First password (%1):") : tr("&New password (%1):")).arg(passwordRule),
                 first ? tr("First password") : tr("New password"), true);
        addField(&m_repeat, QStringLiteral("accountPasswordRepeat"), tr("Type it &again:"),
                 tr("The password typed again"), true);
    }
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("accountDialogError"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("accountDialogButtons"));
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("accountDialogOk"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("accountDialogCancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::tryStep);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(420);
}

QString AccountDialog::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

Role AccountDialog::role() const
{
    return m_role ? Role(m_role->currentData().toInt()) : Role::Coproducer;
}

QString AccountDialog::password() const
{
    return m_password ? m_password->text() : QString();
}

QString AccountDialog::currentPassword() const
{
    return m_current ? m_current->text() : QString();
}

void AccountDialog::tryStep()
{
    QString problem;
    if (m_name)
        problem = UserStore::nameProblem(name());
    if (problem.isEmpty() && m_password)
        problem = UserStore::passwordProblem(m_password->text());
    if (problem.isEmpty() && m_password && m_password->text() != m_repeat->text())
        problem = tr("The two passwords are not the same: type them again.");
    if (problem.isEmpty())
        problem = m_step(*this);
    if (problem.isEmpty()) {
        accept();
        return;
    }
    m_error->setText(problem);
    m_error->show();
    if (m_password) {
        m_password->clear();
        m_repeat->clear();
        m_password->setFocus();
    }
}

} // namespace coform
