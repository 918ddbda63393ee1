#pragma once

#include "model/answers.h"
#include "model/person.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QStringList>
#include <QVector>

namespace coform {

class Database;

/// People's details (personal data): admins and reviewers only; a coproducer is refused on every call.
/// NHS numbers are stored as 10 digits; additions and changes are written to the audit trail. Every detail is sealed
/// under the database's data key (one value a person, people.personal): the session must hold the key.
class PersonStore
{
public:
    PersonStore(Database &db, const Session &session);

    /// The formats a person can ask for (the bundled template's "info-format" options): "standard", "large-print",
    /// "easy-read", "braille", "audio", "email", "bsl", "interpreter".
    static const QStringList &preferredFormats();
    /// Why the details cannot be stored, in words (a missing name, a wrong NHS number, ...); empty when they can.
    static QString detailsProblem(const PersonRecord &details);

    Result<PersonRecord> add(const Person &person);
    /// Adds a person. Another person with the same NHS number does not stop it: ask sameNhsNumber() first and warn.
    Result<PersonRecord> add(const PersonRecord &details);
    Outcome update(const PersonRecord &details);
    Result<PersonRecord> get(qint64 id) const;
    Result<QVector<PersonRecord>> list() const;
    /// Whether the person's name contains the text (any case) or their NHS number starts with its digits (spaces and
    /// dashes ignored).
    static bool matches(const PersonRecord &record, const QString &text);
    /// People whose name contains the text (any case) or whose NHS number starts with its digits; at most `limit`.
    /// The names and numbers are sealed: they are searched in the session's index of people (PeopleIndex).
    Result<QVector<PersonRecord>> search(const QString &text, int limit = 100) const;
    /// Other people recorded with this NHS number (spaces and dashes allowed), except `exceptId`.
    Result<QVector<PersonRecord>> sameNhsNumber(const QString &nhsNumber, qint64 exceptId = 0) const;

private:
    Result<QVector<PersonRecord>> read(const QString &where, const QVariantList &values) const;
    /// People from the session's index: all for a null text, else those matching it; at most `limit` (-1: all).
    Result<QVector<PersonRecord>> indexed(const QString &text, int limit) const;

    Database &m_db;
    Session m_session;
};

} // namespace coform
