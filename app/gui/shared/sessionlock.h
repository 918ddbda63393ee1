#pragma once

#include "shared/signindialog.h"
#include "store/session.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QTimer;
class QWidget;

namespace coform {

class Database;

/// Keeps a signed-in window from being read by whoever walks up to it. After a time without keyboard or mouse input
/// (a setting of 1 to 60 minutes, 15 by default) every Coform window is hidden behind the sign-in dialog; they come
/// back, with whatever was unsaved in them, when the same account signs in again. The dialog also offers to sign out.
/// Exports of a whole review ask for the password again when the last sign-in is older than the lock time
/// (confirmRecentSignIn()). For tests, COFORM_IDLE_LOCK_SECONDS sets the time in seconds.
class SessionLock : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMinutes = 15;
    static constexpr int MinMinutes = 1;
    static constexpr int MaxMinutes = 60;

    SessionLock(Database &db, const Session &session, QObject *parent = nullptr);
    ~SessionLock() override;

    /// The lock time in minutes as set (QSettings "security/idleLockMinutes").
    static int minutesSetting();
    static void setMinutesSetting(int minutes);
    /// The time without input before the windows lock, in milliseconds (the setting, or the test override).
    int lockAfterMs() const;

    bool isLocked() const { return m_dialog != nullptr; }
    /// Hides every window behind the sign-in dialog now.
    void lock();

    /// The lock of the running application (the newest made); null when nobody is signed in.
    static SessionLock *current();
    /// Asks for the password again (same account) when the last sign-in is older than the lock time; true when
    /// it is recent or the right password was given. True when nobody is signed in (no lock exists).
    static bool confirmRecentSignIn(QWidget *parent);

    /// Sign out (File > Sign out, or in the lock dialog): every window closes (each asks about unsaved work as it
    /// does) and the event loop ends, so that the application can ask for a sign-in again. False, and nothing
    /// signed out, when a window stays open (its person cancelled).
    static bool requestSignOut(const QList<QPointer<QWidget>> &hiddenWindows = {});
    static bool signOutRequested();
    static void clearSignOutRequest();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void unlock();

    Database &m_db;
    Session m_session;
    QTimer *m_idle = nullptr;
    QDateTime m_lastSignIn;
    QPointer<SignInDialog> m_dialog;
    QList<QPointer<QWidget>> m_hidden;
};

} // namespace coform
