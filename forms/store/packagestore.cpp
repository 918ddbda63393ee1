#include "store/packagestore.h"

#include "edit/templatejson.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/packagerows.h"
#include "store/permissions.h"
#include "store/transaction.h"

#include <QJsonDocument>

namespace coform {

namespace PackageRows {

QString contentText(const Template &t)
{
    return QString::fromUtf8(QJsonDocument(TemplateJson::fromTemplate(t)).toJson(QJsonDocument::Compact));
}

Result<OrganisationSettings> readSettings(const Database &db)
{
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, QStringLiteral("SELECT name, code, names_in_packages FROM organisation WHERE id = 1"), {}, &error))
        return dbFailure(db, error);
    OrganisationSettings s;
    if (q.next()) {
        s.name = q.value(0).toString();
        s.code = q.value(1).toString();
        s.namesInPackages = q.value(2).toInt() != 0;
    }
    return s;
}

Result<SigningKey> readKey(const Database &db)
{
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, QStringLiteral("SELECT public_key, secret_key FROM signing_key WHERE id = 1"), {}, &error))
        return dbFailure(db, error);
    SigningKey key;
    if (q.next()) {
        key.publicKey = QByteArray::fromBase64(q.value(0).toString().toLatin1());
        key.secretKey = QByteArray::fromBase64(q.value(1).toString().toLatin1());
    }
    return key;
}

Result<TemplateOrigin> readOrigin(const Database &db, const QString &templateId)
{
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q,
                 QStringLiteral("SELECT organisation_name, organisation_code, public_key, origin_template_id, "
                                "origin_version, base_content, provenance, imported_at FROM template_origins "
                                "WHERE template_id = ?"),
                 {templateId}, &error))
        return dbFailure(db, error);
    if (!q.next())
        return Outcome::notFound(
            QStringLiteral("'%1' was not imported from a form package: it has no origin to compare with")
                .arg(templateId));
    TemplateOrigin o;
    o.templateId = templateId;
    o.organisationName = q.value(0).toString();
    o.organisationCode = q.value(1).toString();
    o.publicKey = QByteArray::fromBase64(q.value(2).toString().toLatin1());
    o.originTemplateId = q.value(3).toString();
    o.originVersion = q.value(4).toInt();
    o.importedAt = Database::timeFromText(q.value(7).toString());
    const auto unreadable = [&](const QString &why) {
        return Outcome::failed(
            QStringLiteral("%1: the origin of template '%2' cannot be read: %3").arg(db.location(), templateId, why));
    };
    const QJsonDocument base = QJsonDocument::fromJson(q.value(5).toString().toUtf8());
    auto content = TemplateJson::toTemplate(base.object(), &error);
    if (!base.isObject() || !content)
        return unreadable(error);
    o.base = *content;
    const QJsonDocument provenance = QJsonDocument::fromJson(q.value(6).toString().toUtf8());
    auto p = Provenance::fromJson(provenance.object(), &error);
    if (!provenance.isObject() || !p)
        return unreadable(error);
    o.provenance = *p;
    return o;
}

Result<QVector<TemplateOrigin>> findOrigins(const Database &db, const QByteArray &publicKey,
                                            const QString &originTemplateId)
{
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q,
                 QStringLiteral("SELECT template_id FROM template_origins WHERE public_key = ? AND "
                                "origin_template_id = ? ORDER BY template_id"),
                 {QString::fromLatin1(publicKey.toBase64()), originTemplateId}, &error))
        return dbFailure(db, error);
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    QVector<TemplateOrigin> out;
    for (const QString &id : ids) {
        auto o = readOrigin(db, id);
        if (!o.ok())
            return o.outcome();
        out << *o;
    }
    return out;
}

Result<SigningKey> ensureKey(const Database &db, qint64 userId)
{
    Transaction tx(db);
    if (!tx.isActive())
        return dbFailure(db, tx.error());
    auto key = readKey(db);
    if (!key.ok() || !key->publicKey.isEmpty())
        return key;
    const SigningKey made = SigningKey::generate();
    if (made.publicKey.isEmpty())
        return Outcome::failed(QStringLiteral("a signing key could not be made (the cryptography library did not "
                                              "start)"));
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q,
                 QStringLiteral("INSERT INTO signing_key (id, public_key, secret_key, created_by, created_at) "
                                "VALUES (1, ?, ?, ?, ?)"),
                 {QString::fromLatin1(made.publicKey.toBase64()), QString::fromLatin1(made.secretKey.toBase64()),
                  userId, Database::timeText(db.now())},
                 &error)
        || !tx.commit())
        return dbFailure(db, error.isEmpty() ? tx.error() : error);
    return made;
}

bool writeOrigin(const Database &db, const TemplateOrigin &origin, qint64 userId, QString *error)
{
    QSqlQuery q = db.query();
    const QString now = Database::timeText(db.now());
    const QString base = contentText(origin.base);
    const QString provenance =
        QString::fromUtf8(QJsonDocument(origin.provenance.toJson()).toJson(QJsonDocument::Compact));
    const QString key = QString::fromLatin1(origin.publicKey.toBase64());
    if (!db.exec(q,
                 QStringLiteral("UPDATE template_origins SET organisation_name = ?, organisation_code = ?, "
                                "public_key = ?, origin_template_id = ?, origin_version = ?, base_content = ?, "
                                "provenance = ?, updated_at = ? WHERE template_id = ?"),
                 {origin.organisationName, origin.organisationCode, key, origin.originTemplateId, origin.originVersion,
                  base, provenance, now, origin.templateId},
                 error))
        return false;
    if (q.numRowsAffected() > 0)
        return true;
    q.finish();
    return db.exec(q,
                   QStringLiteral("INSERT INTO template_origins (template_id, organisation_name, organisation_code, "
                                  "public_key, origin_template_id, origin_version, base_content, provenance, "
                                  "imported_by, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {origin.templateId, origin.organisationName, origin.organisationCode, key, origin.originTemplateId,
                    origin.originVersion, base, provenance, userId, now, now},
                   error);
}

bool noteKeySeen(const Database &db, const QByteArray &publicKey, const QString &organisation, QString *error)
{
    QSqlQuery q = db.query();
    const QString now = Database::timeText(db.now());
    const QString key = QString::fromLatin1(publicKey.toBase64());
    if (!db.exec(q, QStringLiteral("UPDATE package_keys SET organisation = ?, last_seen_at = ? WHERE public_key = ?"),
                 {organisation, now, key}, error))
        return false;
    if (q.numRowsAffected() > 0)
        return true;
    q.finish();
    return db.exec(q,
                   QStringLiteral("INSERT INTO package_keys (public_key, organisation, first_seen_at, last_seen_at) "
                                  "VALUES (?, ?, ?, ?)"),
                   {key, organisation, now, now}, error);
}

} // namespace PackageRows

PackageStore::PackageStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Result<OrganisationSettings> PackageStore::settings() const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    return PackageRows::readSettings(m_db);
}

Outcome PackageStore::setSettings(const OrganisationSettings &settings)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ManageUsers); !allowed.ok())
        return allowed;
    const QString name = settings.name.trimmed();
    const QString code = settings.code.trimmed();
    if (name.isEmpty())
        return Outcome::invalid(QStringLiteral("the organisation needs a name (it is shown in every form package)"));
    if (code.isEmpty())
        return Outcome::invalid(QStringLiteral("the organisation needs a code, such as its ODS code"));
    if (name.size() > 200 || code.size() > 20)
        return Outcome::invalid(
            QStringLiteral("the organisation's name can be up to 200 characters and its code up to 20"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    const QString now = Database::timeText(m_db.now());
    const QVariantList values{name, code, settings.namesInPackages ? 1 : 0, m_session.userId(), now};
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE organisation SET name = ?, code = ?, names_in_packages = ?, "
                                  "updated_by = ?, updated_at = ? WHERE id = 1"),
                   values, &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() == 0) {
        q.finish();
        if (!m_db.exec(q,
                       QStringLiteral("INSERT INTO organisation (id, name, code, names_in_packages, updated_by, "
                                      "updated_at) VALUES (1, ?, ?, ?, ?, ?)"),
                       values, &error))
            return dbFailure(m_db, error);
    }
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Result<QByteArray> PackageStore::publicKey()
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    auto key = PackageRows::readKey(m_db);
    if (!key.ok())
        return key.outcome();
    if (!key->publicKey.isEmpty())
        return key->publicKey;
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::Publish); !allowed.ok())
        return Outcome::notPermitted(
            QStringLiteral("not permitted: the organisation has no signing key yet, and only an admin can make it "
                           "(it is made on the first export of a form package)"));
    auto made = PackageRows::ensureKey(m_db, m_session.userId());
    if (!made.ok())
        return made.outcome();
    return made->publicKey;
}

Result<TemplateOrigin> PackageStore::origin(const QString &templateId) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    return PackageRows::readOrigin(m_db, templateId);
}

} // namespace coform
