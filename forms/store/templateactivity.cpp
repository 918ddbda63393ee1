#include "store/templateactivity.h"

#include "store/changefeed.h"
#include "store/database.h"

namespace coform {

bool TemplateActivity::note(const Database &db, const QString &templateId, QString *error)
{
    QSqlQuery q = db.query();
    if (!db.exec(q, QStringLiteral("UPDATE templates SET activity = activity + 1 WHERE id = ?"), {templateId}, error))
        return false;
    return db.backend() != Database::Backend::Postgres
           || db.exec(q, QStringLiteral("SELECT pg_notify('%1', ?)").arg(QLatin1String(ChangeFeed::Channel)),
                      {templateId}, error);
}

} // namespace coform
