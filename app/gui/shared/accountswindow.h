#pragma once

#include "store/session.h"
#include "store/userstore.h"

#include <QDialog>
#include <QVector>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;
class QPushButton;
class QTreeWidget;

namespace coform {

class Database;

/// The accounts window (admins): everyone who can sign in, with their role and state in words; add an account with a
/// role and a first password (they choose their own at their first sign-in), disable, re-enable, reset a password,
/// change a role. Every step goes through UserStore, which checks the role again and writes the audit trail; the
/// latest account changes are listed below. Not modal: it stays open beside the main window.
class AccountsWindow : public QDialog
{
    Q_OBJECT
public:
    AccountsWindow(Database &db, const Session &session, QWidget *parent = nullptr);

    /// Whether a menu should offer this window (admins only; the store refuses everyone else anyway).
    static bool isAvailableTo(const Session &session);
    /// File > Accounts... (Ctrl+Shift+U) for admins and File > Change my password... for everyone signed in, put in
    /// `menu` before `before` (File > Sign out); the window owns the actions.
    static void addMenuItems(QMainWindow *window, QMenu *menu, QAction *before, Database &db, const Session &session);

    /// Reads the accounts and the account audit trail again.
    void refresh();

private:
    void addAccount();
    void resetPassword();
    void changeRole();
    void setDisabled(bool disabled);
    void updateButtons();
    /// The account chosen in the list; nullptr when none.
    const Account *chosen() const;
    void say(const QString &words);
    void openStep(QDialog *dialog);

    Database &m_db;
    Session m_session;
    QVector<Account> m_accounts;
    QTreeWidget *m_list = nullptr;
    QTreeWidget *m_audit = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_role = nullptr;
};

} // namespace coform
