#pragma once

// Store-internal: the rows of form packages (migration 12), for PackageStore's own .cpp files.

#include "store/packagestore.h"

namespace coform {

namespace PackageRows {

/// A template as the store keeps it (compact JSON in the shape of coform-template/1).
QString contentText(const Template &t);
/// Empty settings when none were set.
Result<OrganisationSettings> readSettings(const Database &db);
/// An empty key when none was made yet.
Result<SigningKey> readKey(const Database &db);
/// The organisation's key pair, made (and kept) in its own transaction when there is none yet. The caller checks the
/// role.
Result<SigningKey> ensureKey(const Database &db, qint64 userId);
/// NotFound (in words) when the template has no origin.
Result<TemplateOrigin> readOrigin(const Database &db, const QString &templateId);
/// The local templates adapted from this origin (signed by `publicKey`), by local id.
Result<QVector<TemplateOrigin>> findOrigins(const Database &db, const QByteArray &publicKey,
                                            const QString &originTemplateId);
/// Adds or replaces a template's origin record, inside the caller's transaction.
bool writeOrigin(const Database &db, const TemplateOrigin &origin, qint64 userId, QString *error);
/// Notes that a package signed by `publicKey` was imported for `organisation`, inside the caller's transaction.
bool noteKeySeen(const Database &db, const QByteArray &publicKey, const QString &organisation, QString *error);

} // namespace PackageRows

} // namespace coform
