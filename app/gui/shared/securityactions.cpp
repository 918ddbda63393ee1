#include "shared/securityactions.h"

#include "shared/recoverykeydialog.h"
#include "store/auditlog.h"
#include "store/keyring.h"

#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

namespace coform {

SecurityActions::SecurityActions(QMainWindow *window, QMenu *file, QAction *before, Database &db,
                                 const Session &session, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_db(db)
    , m_session(session)
{
    // In the File menu beside Accounts, for admins: a menu of its own would need an Alt letter of its own, and
    // every letter of "Security" is taken by a menu or a panel of this window.
    auto *check = new QAction(tr("Check the au&dit trail"), window);
    check->setObjectName(QStringLiteral("actionCheckAudit"));
    connect(check, &QAction::triggered, this, &SecurityActions::checkAuditTrail);
    file->insertAction(before, check);
    auto *recovery = new QAction(tr("Make a new recovery &key\u2026"), window);
    recovery->setObjectName(QStringLiteral("actionNewRecoveryKey"));
    file->insertAction(before, recovery);
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
