#pragma once

#include "store/database.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace coform::cli {

/// What every database command shares: `--db PATH-or-URL` (default: COFORM_DB, else coform.sqlite in the user's data
/// location) and `--user NAME` (password from COFORM_PASSWORD, else asked on the terminal).
class CliSession
{
public:
    /// Takes --db and --user (and their values) out of args. Returns false (and prints why) on a missing value.
    bool takeOptions(QStringList &args);

    /// Opens and migrates the database; nullptr after printing why (exit code in *exitCode).
    Database *openDatabase(int *exitCode);
    /// Signs in as --user; std::nullopt after printing why (exit code in *exitCode).
    /// An account with a first password (an admin gave it) is refused until its owner chooses their own
    /// (`user password NAME`), unless `firstPasswordAllowed`.
    std::optional<Session> signIn(int *exitCode, bool firstPasswordAllowed = false);
    /// Whether the signed-in account still has a first password, and the password it signed in with (to change it).
    bool hasFirstPassword() const { return m_firstPassword; }
    const QString &signedInPassword() const { return m_password; }
    /// The first admin sign-in to a database an older Coform wrote encrypts its personal data first, printing
    /// progress and the recovery key.
    /// Encrypts the personal data of a database an older Coform wrote (KeyRing::encryptInPlace), printing progress
    /// on stderr and the recovery key; the admin's session then holds the key.
    std::optional<Session> encrypt(const Session &admin, const QString &password, int *exitCode);
    /// Prints a new recovery key with what to do with it.
    static void printRecoveryKey(const QString &recoveryKey);

    const QString &userName() const { return m_user; }
    Database *database() const { return m_db.get(); }

    static QString defaultDatabasePath();
    /// A password from the environment variable, else asked on the terminal without echo (one line from stdin when
    /// it is not a terminal); empty when there is none.
    static QString readPassword(const char *environmentVariable, const QString &prompt);
    /// DESIGN.md's exit code for a store outcome.
    static int exitCodeFor(StoreStatus status);
    /// Prints the outcome's message and returns its exit code.
    static int report(const Outcome &outcome);

private:
    QString m_dbLocation;
    QString m_user;
    std::unique_ptr<Database> m_db;
    bool m_firstPassword = false;
    QString m_password;
};

/// `coform-cli db encrypt` (cmd_dbencrypt.cpp), for the `db` command.
int runDbEncrypt(CliSession &cli);

/// Takes "NAME VALUE" or "NAME=VALUE" out of args; false (and prints why) when the value is missing.
bool takeOption(QStringList &args, const QString &name, QString *value, bool *found = nullptr);

} // namespace coform::cli
