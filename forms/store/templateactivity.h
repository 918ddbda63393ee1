#pragma once

#include <QString>

namespace coform {

class Database;

/// Tells every open window of a template that something besides its content changed: a comment, a reply or a
/// resolution, an approval, or a state change (draft, proposed, published, retired). Called inside the write's own
/// transaction; ChangeFeed notices it as fast as an edit (SQLite: data_version; PostgreSQL: the notification, sent
/// when the transaction commits).
class TemplateActivity
{
public:
    static bool note(const Database &db, const QString &templateId, QString *error);
};

} // namespace coform
