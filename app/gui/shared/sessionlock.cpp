#include "shared/sessionlock.h"

#include "shared/signindialog.h"
#include "store/userstore.h"

#include <QApplication>
#include <QEvent>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QWidget>

namespace coform {

namespace {

QPointer<SessionLock> &currentLock()
{
    static QPointer<SessionLock> lock;
    return lock;
}

bool &signOutFlag()
{
    static bool requested = false;
    return requested;
}

} // namespace

SessionLock::SessionLock(Database &db, const Session &session, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_lastSignIn(QDateTime::currentDateTimeUtc())
{
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    m_idle->setInterval(lockAfterMs());
    connect(m_idle, &QTimer::timeout, this, &SessionLock::lock);
    m_idle->start();
    qApp->installEventFilter(this);
    currentLock() = this;
}

SessionLock::~SessionLock()
{
    qApp->removeEventFilter(this);
    delete m_dialog;
}

int SessionLock::minutesSetting()
{
    const int minutes = QSettings().value(QStringLiteral("security/idleLockMinutes"), DefaultMinutes).toInt();
    return std::clamp(minutes, MinMinutes, MaxMinutes);
}

void SessionLock::setMinutesSetting(int minutes)
{
    QSettings().setValue(QStringLiteral("security/idleLockMinutes"), std::clamp(minutes, MinMinutes, MaxMinutes));
    if (SessionLock *lock = current())
        lock->m_idle->setInterval(lock->lockAfterMs());
}

int SessionLock::lockAfterMs() const
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("COFORM_IDLE_LOCK_SECONDS", &ok);
    if (ok && seconds > 0)
        return seconds * 1000;
    return minutesSetting() * 60 * 1000;
}

SessionLock *SessionLock::current()
{
    return currentLock();
}

bool SessionLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!isLocked())
            m_idle->start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void SessionLock::lock()
{
    if (isLocked())
        return;
    m_idle->stop();
    // The data key is zeroed while locked; the same account's sign-in brings it back.
    m_session.forgetKey();
    // Every window is hidden, not closed: what is unsaved in them stays as it is.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && !w->inherits("QMenu") && !m_hidden.contains(w)) {
            m_hidden.append(w);
            w->hide();
        }
    }
    m_dialog = new SignInDialog(m_db);
    m_dialog->setObjectName(QStringLiteral("lockDialog"));
    m_dialog->setWindowTitle(tr("Coform is locked"));
    m_dialog->setRequiredAccount(m_session.userId(), m_session.userName());
    connect(m_dialog, &QDialog::accepted, this, &SessionLock::unlock);
    connect(m_dialog, &QDialog::rejected, this, [this] {
        // Sign out from the lock: each window is closed (asking about unsaved template work as it does).
        const QList<QPointer<QWidget>> hidden = m_hidden;
        m_hidden.clear();
        m_dialog = nullptr;
        if (!requestSignOut(hidden)) {
            m_hidden = hidden;
            QTimer::singleShot(0, this, &SessionLock::lock);
        }
    });
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->open();
}

void SessionLock::unlock()
{
    if (m_dialog && m_dialog->session())
        m_session.takeKeyFrom(*m_dialog->session());
    m_lastSignIn = QDateTime::currentDateTimeUtc();
    for (const QPointer<QWidget> &w : std::as_const(m_hidden)) {
        if (w)
            w->show();
    }
    m_hidden.clear();
    m_dialog = nullptr;
    m_idle->setInterval(lockAfterMs());
    m_idle->start();
}

bool SessionLock::confirmRecentSignIn(QWidget *parent)
{
    SessionLock *lock = current();
    if (!lock)
        return true;
    if (lock->m_lastSignIn.msecsTo(QDateTime::currentDateTimeUtc()) < lock->lockAfterMs())
        return true;
    bool ok = false;
    const QString password = QInputDialog::getText(
        parent, tr("Confirm it is you"),
        tr("This exports a whole review. Type the password of %1 again:").arg(lock->m_session.userName()),
        QLineEdit::Password, {}, &ok);
    if (!ok)
        return false;
    const Result<Session> again = UserStore(lock->m_db).signIn(lock->m_session.userName(), password);
    if (!again.ok() || again->userId() != lock->m_session.userId()) {
        QMessageBox::warning(parent, tr("Not exported"), again.ok() ? tr("That is another account.") : again.message());
        return false;
    }
    lock->m_lastSignIn = QDateTime::currentDateTimeUtc();
    return true;
}

bool SessionLock::signOutRequested()
{
    return signOutFlag();
}

void SessionLock::clearSignOutRequest()
{
    signOutFlag() = false;
}

bool SessionLock::requestSignOut(const QList<QPointer<QWidget>> &hiddenWindows)
{
    signOutFlag() = true;
    // Each window saves or asks about unsaved work as it closes; review answers are saved as they are typed.
    QList<QPointer<QWidget>> windows = hiddenWindows;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && !w->inherits("QMenu"))
            windows.append(w);
    }
    for (const QPointer<QWidget> &w : std::as_const(windows)) {
        if (w && !w->close()) {
            signOutFlag() = false;
            return false;
        }
    }
    QCoreApplication::exit(0);
    return true;
}

} // namespace coform
