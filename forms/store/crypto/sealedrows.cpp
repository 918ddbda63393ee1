#include "store/crypto/sealedrows.h"

#include "store/crypto/datakey.h"

#include <QtEndian>

namespace coform::SealedRows {

namespace {

void put(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const quint32 size = qToBigEndian(quint32(utf8.size()));
    out.append(reinterpret_cast<const char *>(&size), 4);
    out.append(utf8);
}

bool take(const QByteArray &in, qsizetype &at, QString *text)
{
    if (at + 4 > in.size())
        return false;
    const quint32 size = qFromBigEndian<quint32>(in.constData() + at);
    at += 4;
    if (at + qsizetype(size) > in.size())
        return false;
    *text = QString::fromUtf8(in.constData() + at, qsizetype(size));
    at += qsizetype(size);
    return true;
}

} // namespace

QByteArray personData(qint64 personId)
{
    return QByteArrayLiteral("people.personal:") + QByteArray::number(personId);
}

QByteArray reviewAnswersData(qint64 reviewId)
{
    return QByteArrayLiteral("reviews.answers:") + QByteArray::number(reviewId);
}

QByteArray answerData(qint64 reviewId, const QString &item)
{
    return QByteArrayLiteral("review_answers.value:") + QByteArray::number(reviewId) + ':' + item.toUtf8();
}

QString sealPerson(const DataKey &key, const PersonRecord &r)
{
    QByteArray plain;
    plain.reserve(96);
    for (const QString *field : {&r.person.name, &r.person.nhsNumber, &r.communicationNeeds, &r.preferredFormat,
                                 &r.representativeName, &r.representativeContact})
        put(plain, *field);
    put(plain, r.person.dateOfBirth.isValid() ? r.person.dateOfBirth.toString(Qt::ISODate) : QString());
    const QString sealed = key.seal(plain, personData(r.id));
    plain.fill('\0');
    return sealed;
}

std::optional<PersonRecord> openPerson(const DataKey &key, qint64 personId, const QString &sealed)
{
    const std::optional<QByteArray> plain = key.open(sealed, personData(personId));
    if (!plain)
        return std::nullopt;
    PersonRecord r;
    r.id = personId;
    QString dob;
    qsizetype at = 0;
    for (QString *field : {&r.person.name, &r.person.nhsNumber, &r.communicationNeeds, &r.preferredFormat,
                           &r.representativeName, &r.representativeContact, &dob}) {
        if (!take(*plain, at, field))
            return std::nullopt;
    }
    r.person.dateOfBirth = QDate::fromString(dob, Qt::ISODate);
    return r;
}

QString nhsLookup(const DataKey &key, const QString &digits)
{
    if (digits.isEmpty())
        return QStringLiteral("");
    return key.lookupHash(QByteArrayLiteral("nhs:") + digits.toLatin1());
}

} // namespace coform::SealedRows
