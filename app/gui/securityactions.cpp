#include "securityactions.h"

#include "recoverykeydialog.h"
#include "store/auditlog.h"
#include "store/keyring.h"

#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace coform {

SecurityActions::SecurityActions(QMainWindow *window, Database &db, const Session &session, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_db(db)
    , m_session(session)
{
    auto *menu = new QMenu(tr("Se&curity"), window);
    menu->setObjectName(QStringLiteral("menuSecurity"));
    QList<QAction *> top = window->menuBar()->actions();
    window->menuBar()->insertMenu(top.size() > 1 ? top.at(top.size() - 1) : nullptr, menu);
    QAction *check = menu->addAction(tr("&Check the audit trail"));
    check->setObjectName(QStringLiteral("actionCheckAudit"));
    connect(check, &QAction::triggered, this, &SecurityActions::checkAuditTrail);
    QAction *recovery = menu->addAction(tr("Make a new &recovery key\u2026"));
    recovery->setObjectName(QStringLiteral("actionNewRecoveryKey"));
    connect(recovery, &QAction::triggered, this, &SecurityActions::makeNewRecoveryKey);
}

void SecurityActions::makeNewRecoveryKey()
{
    const auto answer = QMessageBox::question(
        m_window, tr("Make a new recovery key"),
        tr("Coform will show a new recovery key once. The old one stops working at once: destroy the paper it is "
           "on.\n\nMake a new recovery key now?"));
    if (answer != QMessageBox::Yes)
        return;
    const Result<QString> made = KeyRing(m_db).newRecoveryKey(m_session);
    if (!made.ok()) {
        QMessageBox::warning(m_window, tr("No new recovery key"), made.message());
        return;
    }
    RecoveryKeyDialog::showKey(*made, m_window);
}

void SecurityActions::checkAuditTrail()
{
    const Result<AuditVerification> checked = AuditLog(m_db, m_session).verify();
    if (!checked.ok()) {
        QMessageBox::warning(m_window, tr("The audit trail was not checked"), checked.message());
        return;
    }
    QMessageBox box(checked->holds() ? QMessageBox::Information : QMessageBox::Warning, tr("The audit trail"),
                    checked->words(), QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("auditCheckResult"));
    box.exec();
}

} // namespace coform
