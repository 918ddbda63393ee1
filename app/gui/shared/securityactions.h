#pragma once

#include "store/session.h"

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace coform {

class Database;

/// The admin's Security menu: make a new recovery key (the old one stops working) and check the audit trail's chain,
/// with the result in words.
class SecurityActions : public QObject
{
    Q_OBJECT
public:
    /// Puts its items in `menu` (File) before `before`.
    SecurityActions(QMainWindow *window, QMenu *menu, QAction *before, Database &db, const Session &session,
                    QObject *parent = nullptr);

    void makeNewRecoveryKey();
    void checkAuditTrail();

private:
    QMainWindow *m_window;
    Database &m_db;
    Session m_session;
};

} // namespace coform
