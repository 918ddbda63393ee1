#include "shared/accountswindow.h"

#include "shared/accountdialog.h"

#include "store/auditlog.h"
#include "store/database.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {

QString stateWords(const Account &a, const QDateTime &now)
{
    if (a.disabled)
        return QObject::tr("Disabled: cannot sign in");
    if (a.lockedUntil.isValid() && now < a.lockedUntil)
        return QObject::tr("Locked after failed sign-ins until %1")
            .arg(QLocale().toString(a.lockedUntil.toLocalTime().time(), QLocale::ShortFormat));
    if (a.mustChangePassword)
        return QObject::tr("Active: chooses their own password at the next sign-in");
    return QObject::tr("Active");
}

QString shortRole(Role role)
{
    switch (role) {
    case Role::Admin:
        return QObject::tr("Admin");
    case Role::Reviewer:
        return QObject::tr("Reviewer");
    case Role::Coproducer:
        return QObject::tr("Co-production member");
    }
    return {};
}

QString actionWords(const QString &action)
{
    static const QMap<QString, QString> words{
        {QString::fromLatin1(UserStore::AuditAddAccount), QObject::tr("added")},
        {QString::fromLatin1(UserStore::AuditDisableAccount), QObject::tr("disabled")},
        {QString::fromLatin1(UserStore::AuditEnableAccount), QObject::tr("re-enabled")},
        {QString::fromLatin1(UserStore::AuditChangePassword), QObject::tr("changed the password of")},
        {QString::fromLatin1(UserStore::AuditChangeRole), QObject::tr("changed the role of")},
        {QString::fromLatin1(UserStore::AuditFirstPassword), QObject::tr("gave a first password to")},
        {QString::fromLatin1(UserStore::AuditOwnPassword), QObject::tr("chose their own password:")},
        {QString::fromLatin1(UserStore::AuditSignInFailed), QObject::tr("failed to sign in:")}};
    return words.value(action, action);
}

} // namespace

AccountsWindow::AccountsWindow(Database &db, const Session &session, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_session(session)
{
    setObjectName(QStringLiteral("accountsWindow"));
    setWindowTitle(tr("Accounts \u2013 Coform"));
    setAccessibleName(tr("Accounts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Everyone who can sign in. Accounts are never deleted: a disabled account keeps its "
                                "name in the history of changes and comments."));
    intro->setObjectName(QStringLiteral("accountsIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *listLabel = new QLabel(tr("Acco&unts:"));
    listLabel->setObjectName(QStringLiteral("accountsListLabel"));
    layout->addWidget(listLabel);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("accountsList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Role"), tr("State")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 8);
    listLabel->setBuddy(m_list);
    layout->addWidget(m_list, 2);

    auto *row = new QHBoxLayout;
    auto button = [&](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        row->addWidget(b);
        return b;
    };
    m_add = button(QStringLiteral("addAccount"), tr("&Add an account\u2026"),
                   tr("A new account with a role and a first password"));
    m_disable = button(QStringLiteral("disableAccount"), tr("&Disable"),
                       tr("The chosen account can no longer sign in; its name stays in the history"));
    m_enable = button(QStringLiteral("enableAccount"), tr("Re-&enable"), tr("The chosen account can sign in again"));
    m_reset = button(QStringLiteral("resetPassword"), tr("Reset the &password\u2026"),
                     tr("A first password for the chosen account; they choose their own at the next sign-in"));
    m_role = button(QStringLiteral("changeRole"), tr("Change the &role\u2026"), tr("What the chosen account may do"));
    row->addStretch(1);
    layout->addLayout(row);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setAccessibleDescription(tr("What was done")); // its name is what it says
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);

    auto *auditLabel = new QLabel(tr("Latest account c&hanges (the audit trail):"));
    auditLabel->setObjectName(QStringLiteral("accountsAuditLabel"));
    auditLabel->setWordWrap(true);
    layout->addWidget(auditLabel);
    m_audit = new QTreeWidget;
    m_audit->setObjectName(QStringLiteral("accountsAudit"));
    m_audit->setAccessibleName(tr("Latest account changes"));
    m_audit->setRootIsDecorated(false);
    m_audit->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_audit->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_audit->header()->setStretchLastSection(true);
    auditLabel->setBuddy(m_audit);
    layout->addWidget(m_audit, 1);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("accountsClose"));
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("accountsCloseButton"));
    close->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &AccountsWindow::addAccount);
    connect(m_disable, &QPushButton::clicked, this, [this] { setDisabled(true); });
    connect(m_enable, &QPushButton::clicked, this, [this] { setDisabled(false); });
    connect(m_reset, &QPushButton::clicked, this, &AccountsWindow::resetPassword);
    connect(m_role, &QPushButton::clicked, this, &AccountsWindow::changeRole);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AccountsWindow::updateButtons);
    resize(760, 560);
    refresh();
    m_list->setFocus();
}

bool AccountsWindow::isAvailableTo(const Session &session)
{
    return session.role() == Role::Admin;
}

void AccountsWindow::addMenuItems(QMainWindow *window, QMenu *file, QAction *before, Database &db,
                                  const Session &session)
{
    const Session who = session;
    Database *database = &db;
    if (isAvailableTo(session)) {
        auto *accounts = new QAction(tr("A&ccounts\u2026"), window);
        accounts->setObjectName(QStringLiteral("actionAccounts"));
        accounts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        accounts->setToolTip(tr("Add accounts, disable them, reset passwords, change roles (Ctrl+Shift+U)"));
        auto opened = std::make_shared<QPointer<AccountsWindow>>();
        QObject::connect(accounts, &QAction::triggered, window, [window, database, who, opened] {
            if (!*opened) {
                *opened = new AccountsWindow(*database, who, window);
                (*opened)->setAttribute(Qt::WA_DeleteOnClose);
            }
            (*opened)->show();
            (*opened)->raise();
            (*opened)->activateWindow();
        });
        window->addAction(accounts);
        file->insertAction(before, accounts);
    }
    auto *own = new QAction(tr("Change my pass&word\u2026"), window);
    own->setObjectName(QStringLiteral("actionChangeMyPassword"));
    QObject::connect(own, &QAction::triggered, window, [window, database, who] {
        auto *dialog = new AccountDialog(
            AccountDialog::Mode::OwnPassword, who.userName(), who.role(),
            [database, who](const AccountDialog &d) {
                const Outcome done = UserStore(*database).changeOwnPassword(who, d.currentPassword(), d.password());
                return done.ok() ? QString() : done.message;
            },
            window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    file->insertAction(before, own);
}

void AccountsWindow::refresh()
{
    const QString keep = chosen() ? chosen()->name : QString();
    const Result<QVector<Account>> accounts = UserStore(m_db).users(m_session);
    m_list->clear();
    m_accounts.clear();
    if (!accounts.ok()) {
        say(accounts.message());
        updateButtons();
        return;
    }
    m_accounts = accounts.value();
    const QDateTime now = m_db.now();
    for (const Account &a : std::as_const(m_accounts)) {
        auto *item = new QTreeWidgetItem(m_list, {a.name, shortRole(a.role), stateWords(a, now)});
        item->setData(0, Qt::UserRole, a.name);
        if (a.name == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_audit->clear();
    const Result<QVector<AuditEntry>> audit = AuditLog(m_db, m_session).forAccounts(50);
    if (audit.ok()) {
        for (const AuditEntry &e : audit.value()) {
            new QTreeWidgetItem(m_audit, {QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat), e.userName,
                                          QStringLiteral("%1 %2").arg(actionWords(e.action), e.detail)});
        }
    }
    updateButtons();
}

const Account *AccountsWindow::chosen() const
{
    const QTreeWidgetItem *item = m_list ? m_list->currentItem() : nullptr;
    if (!item)
        return nullptr;
    const QString name = item->data(0, Qt::UserRole).toString();
    for (const Account &a : m_accounts) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

void AccountsWindow::updateButtons()
{
    const Account *a = chosen();
    const bool self = a && a->id == m_session.userId();
    m_disable->setEnabled(a && !a->disabled && !self);
    m_enable->setEnabled(a && a->disabled);
    m_reset->setEnabled(a && !self);
    m_role->setEnabled(a && !self);
}

void AccountsWindow::say(const QString &words)
{
    m_message->setText(words);
}

void AccountsWindow::openStep(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] { m_list->setFocus(); });
    dialog->open();
}

void AccountsWindow::addAccount()
{
    openStep(new AccountDialog(
        AccountDialog::Mode::Add, QString(), Role::Coproducer,
        [this](const AccountDialog &d) {
            const Result<Account> added =
                UserStore(m_db).addUserWithFirstPassword(m_session, d.name(), d.role(), d.password());
            if (!added.ok())
                return added.message();
            refresh();
            for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
                if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toString() == added->name)
                    m_list->setCurrentItem(m_list->topLevelItem(i));
            }
            say(tr("Added %1 as %2. They sign in with the first password once, then choose their own.")
                    .arg(added->name, shortRole(added->role).toLower()));
            return QString();
        },
        this));
}

void AccountsWindow::resetPassword()
{
    const Account *a = chosen();
    if (!a)
        return;
    const QString name = a->name;
    openStep(new AccountDialog(
        AccountDialog::Mode::ResetPassword, name, a->role,
        [this, name](const AccountDialog &d) {
            const Outcome done = UserStore(m_db).resetPassword(m_session, name, d.password());
            if (!done.ok())
                return done.message;
            refresh();
            say(tr("%1 has a first password now. They sign in with it once, then choose their own.").arg(name));
            return QString();
        },
        this));
}

void AccountsWindow::changeRole()
{
    const Account *a = chosen();
    if (!a)
        return;
    const QString name = a->name;
    openStep(new AccountDialog(
        AccountDialog::Mode::ChangeRole, name, a->role,
        [this, name](const AccountDialog &d) {
            const Outcome done = UserStore(m_db).setRole(m_session, name, d.role());
            if (!done.ok())
                return done.message;
            refresh();
            say(tr("%1 is now %2.").arg(name, shortRole(d.role()).toLower()));
            return QString();
        },
        this));
}

void AccountsWindow::setDisabled(bool disabled)
{
    const Account *a = chosen();
    if (!a)
        return;
    const QString name = a->name;
    UserStore users(m_db);
    const Outcome done = disabled ? users.disableUser(m_session, name) : users.enableUser(m_session, name);
    refresh();
    if (!done.ok()) {
        say(done.message);
        return;
    }
    say(disabled
            ? tr("%1 can no longer sign in. Their name stays in the history; Re-enable lets them back in.").arg(name)
            : tr("%1 can sign in again.").arg(name));
    m_list->setFocus();
}

} // namespace coform
