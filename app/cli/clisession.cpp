#include "clisession.h"

#include "command.h"
#include "format/outputfile.h"
#include "store/keyring.h"
#include "store/userstore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace coform::cli {

bool takeOption(QStringList &args, const QString &name, QString *value, bool *found)
{
    if (found)
        *found = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (i + 1 >= args.size()) {
                printError(QStringLiteral("%1 needs a value").arg(name));
                return false;
            }
            *value = args[i + 1];
            args.remove(i, 2);
            if (found)
                *found = true;
            return true;
        }
        if (args[i].startsWith(name + QLatin1Char('='))) {
            *value = args[i].mid(name.size() + 1);
            args.removeAt(i);
            if (found)
                *found = true;
            return true;
        }
    }
    return true;
}

bool CliSession::takeOptions(QStringList &args)
{
    return takeOption(args, QStringLiteral("--db"), &m_dbLocation)
           && takeOption(args, QStringLiteral("--user"), &m_user);
}

QString CliSession::defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("COFORM_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/coform.sqlite");
}

Database *CliSession::openDatabase(int *exitCode)
{
    QString location = m_dbLocation.isEmpty() ? defaultDatabasePath() : m_dbLocation;
    if (m_dbLocation.isEmpty() && !Database::isUrl(location)
        && location
               == QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/coform.sqlite"))
        OutputFile::makePrivateFolder(QFileInfo(location).absolutePath(), nullptr); // the data folder: 0700
    else if (m_dbLocation.isEmpty() && !Database::isUrl(location))
        QDir().mkpath(QFileInfo(location).absolutePath());
    QString error;
    m_db = Database::open(location, &error);
    if (!m_db) {
        printError(error);
        *exitCode = InvalidInput;
        return nullptr;
    }
    return m_db.get();
}

std::optional<Session> CliSession::signIn(int *exitCode, bool firstPasswordAllowed)
{
    if (m_user.isEmpty()) {
        printError(QStringLiteral("this command needs --user NAME (and the password in COFORM_PASSWORD or typed)"));
        *exitCode = BadUsage;
        return std::nullopt;
    }
    if (!m_db && !openDatabase(exitCode))
        return std::nullopt;
    const QString password =
        readPassword("COFORM_PASSWORD", QStringLiteral("Password for %1 at %2: ").arg(m_user, m_db->location()));
    UserStore users(*m_db);
    Result<Session> session = users.signIn(m_user, password);
    if (!session.ok()) {
        *exitCode = report(session.outcome());
        return std::nullopt;
    }
    const Result<bool> first = users.mustChangePassword(session.value());
    m_firstPassword = !first.ok() || first.value();
    if (m_firstPassword && !firstPasswordAllowed) {
        *exitCode = report(Outcome::notPermitted(
            QStringLiteral("not permitted: %1 signed in with a first password that an admin gave; choose your own "
                           "first: coform-cli user password %1 --user %1 (the new one from COFORM_NEW_PASSWORD)")
                .arg(session->userName())));
        return std::nullopt;
    }
    m_password = password;
    if (session->role() == Role::Admin && !session->dataKey()) {
        const Result<bool> encrypted = KeyRing(*m_db).hasDataKey();
        if (!encrypted.ok()) {
            *exitCode = report(encrypted.outcome());
            return std::nullopt;
        }
        if (!*encrypted) {
            printError(QStringLiteral("the personal data in %1 is not encrypted yet (an older Coform wrote it): "
                                      "encrypting it now")
                           .arg(m_db->location()));
            return encrypt(session.value(), password, exitCode);
        }
    }
    return session.value();
}

std::optional<Session> CliSession::encrypt(const Session &admin, const QString &password, int *exitCode)
{
    QString recovery;
    int lastPercent = -1;
    const Result<Session> keyed =
        KeyRing(*m_db).encryptInPlace(admin, password, &recovery, [&lastPercent](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (percent / 10 != lastPercent / 10 || done == total) {
                printError(QStringLiteral("encrypting: %1 of %2 rows sealed (%3%)").arg(done).arg(total).arg(percent));
                lastPercent = percent;
            }
        });
    if (!keyed.ok()) {
        *exitCode = report(keyed.outcome());
        return std::nullopt;
    }
    printError(QStringLiteral("the personal data is encrypted; no plain copy is left in the database"));
    printRecoveryKey(recovery);
    return keyed.value();
}

void CliSession::printRecoveryKey(const QString &recoveryKey)
{
    printError(QStringLiteral("RECOVERY KEY (shown only now): %1").arg(recoveryKey));
    printError(QStringLiteral("Print it or write it down and lock it away: with it an admin who has forgotten their "
                              "password gets the data back (coform-cli user recover NAME). Anyone holding it and the "
                              "database can read the personal data."));
}

QString CliSession::readPassword(const char *environmentVariable, const QString &prompt)
{
    if (qEnvironmentVariableIsSet(environmentVariable))
        return qEnvironmentVariable(environmentVariable);
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fputs(prompt.toUtf8().constData(), stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.append(char(c));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

int CliSession::exitCodeFor(StoreStatus status)
{
    switch (status) {
    case StoreStatus::Ok:
        return Done;
    case StoreStatus::NotPermitted:
        return NotPermitted;
    case StoreStatus::Conflict:
        return Conflict;
    case StoreStatus::NotFound:
        return NotFound;
    case StoreStatus::Invalid:
    case StoreStatus::Failed:
        return InvalidInput;
    }
    return InvalidInput;
}

int CliSession::report(const Outcome &outcome)
{
    if (!outcome.ok())
        printError(outcome.message);
    return exitCodeFor(outcome.status);
}

} // namespace coform::cli
