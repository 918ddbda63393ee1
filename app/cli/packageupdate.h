#pragma once

#include "clisession.h"

#include <QStringList>

namespace coform::cli {

/// `coform-cli package update FILE [--keep-mine | --take-theirs]`, for the `package` command once it has taken --db
/// and --user out of the arguments: `args` are the words after "update". Prints what taking the origin's update comes
/// to (what it applies, each conflict with both values, what it keeps); with conflicts and no choice it changes
/// nothing and says how to choose (Conflict); otherwise it takes the update into the template's draft.
int runPackageUpdate(CliSession &cli, const QStringList &args);

/// The usage line of `package update`.
extern const char *const packageUpdateUsage;

} // namespace coform::cli
