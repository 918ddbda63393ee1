#pragma once

#include "model/answers.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QVector>

namespace coform {

class Database;

/// A person reviews are about, as stored.
struct PersonRecord
{
    qint64 id = 0;
    Person person;
};

/// People's details (personal data): admins and reviewers only; a coproducer is refused on every call.
/// Minimal for now: the reviews work extends it.
class PersonStore
{
public:
    PersonStore(Database &db, const Session &session);

    Result<PersonRecord> add(const Person &person);
    Result<PersonRecord> get(qint64 id) const;
    Result<QVector<PersonRecord>> list() const;

private:
    Database &m_db;
    Session m_session;
};

} // namespace coform
