#pragma once
// Runs the built coform-cli (COFORM_CLI) as a second process, as someone at a terminal would. Standard input is
// closed, so nothing can wait for a typed password.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace coform::test {

struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed or did not finish in time
    QString out;
    QString err;
};

/// Runs coform-cli with `args`, `--db db` and, for a signed-in command, `--user user`; the passwords go through
/// COFORM_PASSWORD and COFORM_NEW_PASSWORD (and never come from the environment the tests were started in).
inline CliRun runCli(QStringList args, const QString &db, const QString &user = {}, const QString &password = {},
                     const QString &newPassword = {})
{
    args << QStringLiteral("--db") << db;
    if (!user.isEmpty())
        args << QStringLiteral("--user") << user;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("COFORM_PASSWORD"));
    env.remove(QStringLiteral("COFORM_NEW_PASSWORD"));
    if (!password.isEmpty())
        env.insert(QStringLiteral("COFORM_PASSWORD"), password);
    if (!newPassword.isEmpty())
        env.insert(QStringLiteral("COFORM_NEW_PASSWORD"), newPassword);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("COFORM_CLI"), args);
    p.closeWriteChannel();
    CliRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace coform::test
