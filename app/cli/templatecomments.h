#pragma once

#include <QStringList>

namespace coform {
class Database;
class Session;
} // namespace coform

namespace coform::cli {

/// `template comment ID [--item ITEM] --text TEXT [--reply-to N]` (prints the new comment's number),
/// `template comments ID [--open]` and `template resolve ID COMMENT [--reason TEXT]`; `args` is what follows the
/// subcommand's name.
bool isCommentCommand(const QString &sub);
/// Checks the arguments before anyone signs in; false (after printing why) when they cannot be right.
bool commentArgumentsFit(const QString &sub, const QStringList &args);
int runCommentCommand(const QString &sub, QStringList args, Database &db, const Session &session);

} // namespace coform::cli
