#pragma once

// Store-internal: included by the stores' own .cpp files, not by their callers.

#include "store/database.h"
#include "store/storeresult.h"

namespace coform {

/// A database error as a failed outcome, prefixed with where the database is ("coform.sqlite: database is locked").
inline Outcome dbFailure(const Database &db, const QString &error)
{
    return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), error));
}

} // namespace coform
