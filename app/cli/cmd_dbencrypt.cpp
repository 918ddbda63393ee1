// coform-cli db encrypt: seals the personal data of a database an older Coform wrote (an admin; the first admin
// sign-in does the same on its own).
#include "clisession.h"
#include "command.h"

#include "store/keyring.h"
#include "store/userstore.h"

namespace coform::cli {

int runDbEncrypt(CliSession &cli)
{
    int code = Done;
    Database *db = cli.openDatabase(&code);
    if (!db)
        return code;
    const Result<bool> encrypted = KeyRing(*db).hasDataKey();
    if (!encrypted.ok())
        return CliSession::report(encrypted.outcome());
    if (*encrypted) {
        printLine(QStringLiteral("the personal data in %1 is encrypted already").arg(db->location()));
        return Done;
    }
    // signIn() encrypts on an admin's first sign-in.
    const std::optional<Session> session = cli.signIn(&code);
    if (!session)
        return code;
    if (!session->dataKey())
        return CliSession::report(Outcome::notPermitted(QStringLiteral("not permitted: only an admin can encrypt")));
    return Done;
}

} // namespace coform::cli
