// PackageStore: what a package would do here, importing it as a new template, and comparing with the origin.

#include "model/jsonreader.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/packagerows.h"
#include "store/permissions.h"
#include "store/templatestore.h"
#include "store/transaction.h"

namespace coform {

namespace {

/// "Version 3 of Queen's Road Learning Disability Team's 'chc-review'"
QString whose(const Provenance &p)
{
    return QStringLiteral("version %1 of %2's '%3'").arg(p.version).arg(p.organisationName, p.templateId);
}

/// The preview, for a template that is to arrive as `asId` (empty: under its own id).
Result<PackagePreview> previewAs(const Database &db, const Session &session, const QByteArray &bytes,
                                 const QString &asId)
{
    if (Outcome allowed = Permissions::check(db, session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    PackagePreview preview;
    auto package = readFormPackage(bytes, &preview.check);
    if (!package) {
        preview.effect = PackagePreview::Effect::Refused;
        preview.message = preview.check.message;
        return preview;
    }
    preview.package = *package;
    const Provenance &p = package->provenance;
    const QString keyText = QString::fromLatin1(preview.check.publicKey.toBase64());
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, QStringLiteral("SELECT organisation FROM package_keys WHERE public_key = ?"), {keyText}, &error))
        return dbFailure(db, error);
    if (q.next()) {
        preview.keySeenBefore = true;
        preview.keyOrganisation = q.value(0).toString();
    }
    q.finish();

    const Result<QVector<TemplateOrigin>> origins = PackageRows::findOrigins(db, preview.check.publicKey, p.templateId);
    if (!origins.ok())
        return origins.outcome();
    if (!origins->isEmpty()) {
        const TemplateOrigin &origin = origins->first();
        preview.localTemplateId = origin.templateId;
        if (p.version > origin.originVersion) {
            preview.effect = PackagePreview::Effect::Update;
            preview.message = QStringLiteral("This is an update: '%1' here is adapted from version %2 of %3's '%4'; "
                                             "this package is their version %5. Taking it merges their changes into "
                                             "a draft of '%1'.")
                                  .arg(origin.templateId)
                                  .arg(origin.originVersion)
                                  .arg(origin.organisationName, origin.originTemplateId)
                                  .arg(p.version);
        } else {
            preview.effect = PackagePreview::Effect::Same;
            preview.message = QStringLiteral("Nothing changes: '%1' here is already adapted from version %2 of "
                                             "%3's '%4', and this package is their version %5.")
                                  .arg(origin.templateId)
                                  .arg(origin.originVersion)
                                  .arg(origin.organisationName, origin.originTemplateId)
                                  .arg(p.version);
        }
        return preview;
    }

    const QString localId = asId.isEmpty() ? package->content.id : asId;
    if (!JsonReader::isValidId(localId)) {
        preview.effect = PackagePreview::Effect::Refused;
        preview.message =
            QStringLiteral("'%1' cannot be a template id: use lower-case letters, digits and -").arg(localId.left(64));
        return preview;
    }
    if (!db.exec(q, QStringLiteral("SELECT 1 FROM templates WHERE id = ?"), {localId}, &error))
        return dbFailure(db, error);
    if (q.next()) {
        preview.effect = PackagePreview::Effect::Refused;
        preview.idTaken = true;
        preview.message = QStringLiteral("A form with the id '%1' is already here, and it was not imported from %2: "
                                         "give this one another id to import it beside yours.")
                              .arg(localId, p.organisationName);
        return preview;
    }
    preview.effect = PackagePreview::Effect::NewTemplate;
    preview.localTemplateId = localId;
    preview.message =
        QStringLiteral("Importing adds '%1' as a new shared draft, adapted from %2.").arg(localId, whose(p));
    return preview;
}

} // namespace

Result<PackagePreview> PackageStore::preview(const QByteArray &bytes) const
{
    return previewAs(m_db, m_session, bytes, {});
}

Result<QString> PackageStore::importNew(const QByteArray &bytes, const QString &asId)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::EditTemplates); !allowed.ok())
        return allowed;
    const Result<PackagePreview> preview = previewAs(m_db, m_session, bytes, asId);
    if (!preview.ok())
        return preview.outcome();
    switch (preview->effect) {
    case PackagePreview::Effect::NewTemplate:
        break;
    case PackagePreview::Effect::Refused:
        return Outcome::invalid(preview->message);
    case PackagePreview::Effect::Same:
    case PackagePreview::Effect::Update:
        return Outcome::conflict(preview->message);
    }
    const FormPackage &package = preview->package;
    const Provenance &p = package.provenance;
    Template t = package.content;
    t.id = preview->localTemplateId;
    t.version = 1;

    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    TemplateStore store(m_db, m_session);
    const Result<VersionInfo> added = store.addTemplate(t);
    if (!added.ok())
        return added.outcome();
    TemplateOrigin origin;
    origin.templateId = t.id;
    origin.organisationName = p.organisationName;
    origin.organisationCode = p.organisationCode;
    origin.publicKey = preview->check.publicKey;
    origin.originTemplateId = p.templateId;
    origin.originVersion = p.version;
    origin.base = package.content;
    origin.provenance = p;
    QString error;
    if (!PackageRows::writeOrigin(m_db, origin, m_session.userId(), &error)
        || !PackageRows::noteKeySeen(m_db, origin.publicKey, p.organisationName, &error)
        || !AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::ImportPackage, 0, 0,
                             QStringLiteral("template %1 from %2 (%3)").arg(t.id, whose(p), p.organisationCode),
                             &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return t.id;
}

Result<TemplateDiff> PackageStore::diffWithOrigin(const QString &templateId) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    const Result<TemplateOrigin> origin = PackageRows::readOrigin(m_db, templateId);
    if (!origin.ok())
        return origin.outcome();
    const TemplateStore store(m_db, m_session);
    const Result<Template> newest = store.get(templateId);
    if (!newest.ok())
        return newest.outcome();
    Template base = origin->base;
    base.id = newest->id;
    base.version = newest->version;
    TemplateDiff diff = diffTemplates(base, newest.value());
    // Who made each change here, and the notes and comments behind it, from this template's own change log.
    const Result<TemplateDiff> local = store.diff(templateId, 0, newest->version);
    if (!local.ok())
        return local.outcome();
    for (ItemDiff &d : diff.items) {
        if (const ItemDiff *here = local->item(d.itemId)) {
            d.authors = here->authors;
            d.notes = here->notes;
        }
    }
    diff.templateId = templateId;
    diff.title = newest->title;
    diff.fromVersion = origin->originVersion;
    diff.toVersion = newest->version;
    return diff;
}

} // namespace coform
