#include "store/demodata.h"

#include "format/templateformat.h"
#include "model/nhsnumber.h"
#include "store/auditlog.h"
#include "store/crypto/datakey.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
#include "store/permissions.h"
#include "store/storerows.h"
#include "store/templatestore.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace coform {

namespace {

const char *const firstNames[] = {"Ada",  "Bryn",   "Cai",  "Dilys", "Eifion", "Ffion", "Gwil",  "Hana",
                                  "Ifor", "Jojo",   "Kit",  "Lowri", "Mabli",  "Nye",   "Olwen", "Pim",
                                  "Quin", "Rhodri", "Sian", "Tali",  "Umi",    "Vero",  "Wyn",   "Yestin"};
const char *const familyNames[] = {"Fictional", "Madeup",   "Testwood", "Sampleton", "Demoford", "Pretendly",
                                   "Notreal",   "Examplar", "Trialby",  "Mockridge", "Inventon", "Placeholt"};

} // namespace

QString DemoData::fictionalNhsNumber(int n)
{
    // 999 followed by six digits counting up, then the modulus 11 check digit; numbers whose check would be 10 are
    // skipped, so the n-th is found by walking.
    static thread_local int lastN = -1;
    static thread_local int lastBody = -1;
    int body = 0;
    int index = 0;
    if (lastN >= 0 && n > lastN) {
        body = lastBody + 1;
        index = lastN + 1;
    }
    for (;; ++body) {
        const QString first9 = QStringLiteral("999%1").arg(body, 6, 10, QLatin1Char('0'));
        const std::optional<int> check = NhsNumber::checkDigit(first9);
        if (!check)
            continue;
        if (index == n) {
            lastN = n;
            lastBody = body;
            return first9 + QString::number(*check);
        }
        ++index;
    }
}

Outcome DemoData::fill(Database &db, const Session &session, int reviews, const QString &templateId, int version,
                       const QDate &today)
{
    Role role = Role::Coproducer;
    if (Outcome allowed = Permissions::check(db, session, Action::WriteReviews, &role); !allowed.ok())
        return allowed;
    if (role != Role::Admin)
        return Outcome::notPermitted(QStringLiteral("not permitted: only an admin can add demonstration data"));
    if (Outcome keyed = KeyRing::needKey(session); !keyed.ok())
        return keyed;
    const DataKey &key = *session.dataKey();
    if (reviews < 0 || reviews > 10'000'000)
        return Outcome::invalid(QStringLiteral("the number of reviews must be between 0 and 10000000"));
    Transaction tx(db);
    if (!tx.isActive())
        return dbFailure(db, tx.error());
    QString error;
    auto failed = [&] { return dbFailure(db, error); };
    QSqlQuery check = db.query();
    if (!db.exec(check, QStringLiteral("SELECT status FROM template_versions WHERE template_id = ? AND version = ?"),
                 {templateId, version}, &error))
        return failed();
    if (!check.next() || check.value(0).toString() != versionStatusName(VersionStatus::Published))
        return Outcome::conflict(
            QStringLiteral("template '%1' version %2 is not published").arg(templateId).arg(version));
    check.finish();

    StoreRows rows(db, key);
    Answers empty;
    empty.templateId = templateId;
    empty.version = version;
    const QByteArray emptyAnswers = writeAnswers(empty);
    const QString now = Database::timeText(db.now());
    const QVariant nullId{QMetaType(QMetaType::LongLong)};
    const QStringList formats = {QStringLiteral("standard"), QStringLiteral("standard"), QStringLiteral("large-print"),
                                 QStringLiteral("easy-read"), QString(QLatin1String(""))};
    constexpr int firstCount = int(std::size(firstNames));
    constexpr int familyCount = int(std::size(familyNames));
    for (int i = 0; i < reviews; ++i) {
        const QString name = QStringLiteral("%1 %2-%3")
                                 .arg(QLatin1String(firstNames[i % firstCount]),
                                      QLatin1String(familyNames[(i / firstCount) % familyCount]))
                                 .arg(i / (firstCount * familyCount) + 1);
        const QString nhs = fictionalNhsNumber(i);
        const QDate born = QDate(1930, 1, 1).addDays((i * 7919LL) % (60 * 365));
        const QString format = formats.at(i % formats.size());
        PersonRecord record;
        record.person = {name, nhs, born};
        record.communicationNeeds =
            i % 3 == 0 ? QStringLiteral("Prefers short sentences and time to answer") : QStringLiteral("");
        record.preferredFormat = format;
        if (!rows.addPerson(&record, session.userId(), now, &error))
            return failed();
        const qint64 personId = record.id;
        // A tenth due within 30 days (a few overdue), the rest over the next year.
        const QDate due = i % 10 == 0 ? today.addDays(i % 40 - 5) : today.addDays(31 + (i * 37) % 335);
        const bool completed = i % 3 == 2;
        StoreRows::NewReview row;
        row.personId = personId;
        row.templateId = templateId;
        row.version = version;
        row.status = completed ? ReviewStatus::Completed : ReviewStatus::InProgress;
        row.nextDue = due.toString(Qt::ISODate);
        row.completedBy = completed ? QVariant(session.userId()) : nullId;
        row.completedAt = completed ? QVariant(now) : QVariant(QStringLiteral(""));
        const qint64 reviewId = rows.addReview(row, emptyAnswers, session.userId(), now, &error);
        if (reviewId == 0)
            return failed();
        const QDate reviewDate = due.addYears(-1);
        const QList<QPair<QString, QJsonValue>> values = {
            {QStringLiteral("review-type"), i % 4 == 0 ? QStringLiteral("first") : QStringLiteral("annual")},
            {QStringLiteral("review-date"), reviewDate.toString(Qt::ISODate)},
            {QStringLiteral("full-name"), name},
            {QStringLiteral("nhs-number"), nhs},
            {QStringLiteral("next-review-date"), due.toString(Qt::ISODate)}};
        for (const auto &[item, value] : values) {
            if (!rows.putAnswer(reviewId, item, value, session.userId(), now, &error))
                return failed();
        }
        if (!AuditLog::append(db, &key, session.userId(), AuditLog::Create, reviewId, personId,
                              QStringLiteral("demonstration data"), &error))
            return failed();
    }
    if (!tx.commit())
        return dbFailure(db, tx.error());
    return Outcome::success();
}

} // namespace coform
