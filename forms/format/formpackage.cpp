#include "format/formpackage.h"

#include "format/templateformat.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

namespace coform {

namespace {

constexpr const char *kPackageFormat = "coform-package/1";
constexpr const char *kPayloadFormat = "coform-package-payload/1";
constexpr qint64 kMaxPackageBytes = 64 * 1024 * 1024;

/// The file as Coform writes it, byte for byte: reading compares the file with this, so that no byte outside the
/// signed payload can change unnoticed either.
QByteArray fileBytes(const QByteArray &publicKey64, const QByteArray &signature64, const QByteArray &payload64)
{
    return QByteArray("{\n  \"format\": \"") + kPackageFormat + "\",\n  \"publicKey\": \"" + publicKey64
           + "\",\n  \"signature\": \"" + signature64 + "\",\n  \"payload\": \"" + payload64 + "\"\n}\n";
}

/// Strict base64: nothing but the alphabet and padding, and written the one way it is written (so that a changed
/// padding bit is noticed too).
std::optional<QByteArray> strictBase64(const QString &text)
{
    const QByteArray ascii = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != ascii)
        return std::nullopt;
    return decoded.decoded;
}

QJsonValue jsonOf(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QJsonValue::Null;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(QJsonValue::Null);
}

QJsonObject pictureEntry(const QString &reference, const Picture &p)
{
    QJsonObject o{{QStringLiteral("reference"), reference},
                  {QStringLiteral("type"), p.mediaType},
                  {QStringLiteral("data"), QString::fromLatin1(p.data.toBase64())},
                  {QStringLiteral("alt"), p.alt},
                  {QStringLiteral("credit"), p.credit}};
    if (p.isBundled()) {
        o.insert(QStringLiteral("set"), p.set);
        o.insert(QStringLiteral("name"), p.name);
    }
    return o;
}

/// Reads the signed payload; nothing, with `error` in words, when it is not one.
std::optional<FormPackage> readPayload(const QByteArray &payload, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("its content is not JSON (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const QStringList allowed{QStringLiteral("format"), QStringLiteral("template"), QStringLiteral("requirementSet"),
                              QStringLiteral("jargon"), QStringLiteral("pictures"), QStringLiteral("provenance")};
    for (const QString &key : o.keys()) {
        if (!allowed.contains(key)) {
            *error = QStringLiteral("its content has an unknown part '%1'").arg(key.left(40));
            return std::nullopt;
        }
    }
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kPayloadFormat)) {
        *error = QStringLiteral("its content is not in the format %1 (a newer Coform may have made it)")
                     .arg(QLatin1String(kPayloadFormat));
        return std::nullopt;
    }
    FormPackage package;
    if (!o.value(QStringLiteral("template")).isObject()) {
        *error = QStringLiteral("it holds no template");
        return std::nullopt;
    }
    Problems problems;
    const QByteArray templateBytes = QJsonDocument(o.value(QStringLiteral("template")).toObject()).toJson();
    auto t = readTemplate(templateBytes, QStringLiteral("the packaged template"), &problems);
    if (!t) {
        QString first;
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error) {
                first = p.toString();
                break;
            }
        }
        *error = QStringLiteral("its template cannot be read: %1").arg(first);
        return std::nullopt;
    }
    package.content = *t;
    for (const char *key : {"requirementSet", "jargon"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isObject() && !v.isNull() && !v.isUndefined()) {
            *error = QStringLiteral("its '%1' is not a JSON object").arg(QLatin1String(key));
            return std::nullopt;
        }
        const QByteArray bytes = v.isObject() ? QJsonDocument(v.toObject()).toJson() : QByteArray();
        (qstrcmp(key, "jargon") == 0 ? package.jargon : package.requirementSet) = bytes;
    }
    const QJsonValue pictures = o.value(QStringLiteral("pictures"));
    if (!pictures.isArray()) {
        *error = QStringLiteral("its list of pictures is missing");
        return std::nullopt;
    }
    for (const QJsonValue &entry : pictures.toArray()) {
        const QJsonObject e = entry.toObject();
        Picture p;
        p.set = e.value(QStringLiteral("set")).toString();
        p.name = e.value(QStringLiteral("name")).toString();
        p.mediaType = e.value(QStringLiteral("type")).toString();
        p.alt = e.value(QStringLiteral("alt")).toString();
        p.credit = e.value(QStringLiteral("credit")).toString();
        const QString reference = e.value(QStringLiteral("reference")).toString();
        auto data = strictBase64(e.value(QStringLiteral("data")).toString());
        if (!entry.isObject() || reference.isEmpty() || !data || !isPictureMediaType(p.mediaType)
            || data->size() > kMaxPictureBytes) {
            *error = QStringLiteral("one of its pictures cannot be read");
            return std::nullopt;
        }
        p.data = *data;
        package.pictures.insert(reference, p);
    }
    if (!o.value(QStringLiteral("provenance")).isObject()) {
        *error = QStringLiteral("it says nothing of where the form comes from (no provenance)");
        return std::nullopt;
    }
    auto provenance = Provenance::fromJson(o.value(QStringLiteral("provenance")).toObject(), error);
    if (!provenance)
        return std::nullopt;
    package.provenance = *provenance;
    return package;
}

PackageCheck refused(PackageCheck::Status status, const QString &message)
{
    PackageCheck c;
    c.status = status;
    c.message = message;
    return c;
}

} // namespace

QByteArray writeFormPackage(const FormPackage &package, const SigningKey &key)
{
    if (sodium_init() < 0 || key.secretKey.size() != crypto_sign_SECRETKEYBYTES
        || key.publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return {};
    QJsonArray pictures;
    for (auto it = package.pictures.cbegin(); it != package.pictures.cend(); ++it)
        pictures.append(pictureEntry(it.key(), it.value()));
    const QJsonObject templateJson = QJsonDocument::fromJson(writeTemplate(package.content)).object();
    const QJsonObject payloadJson{{QStringLiteral("format"), QLatin1String(kPayloadFormat)},
                                  {QStringLiteral("template"), templateJson},
                                  {QStringLiteral("requirementSet"), jsonOf(package.requirementSet)},
                                  {QStringLiteral("jargon"), jsonOf(package.jargon)},
                                  {QStringLiteral("pictures"), pictures},
                                  {QStringLiteral("provenance"), package.provenance.toJson()}};
    const QByteArray payload = QJsonDocument(payloadJson).toJson(QJsonDocument::Compact);
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(payload.constData()),
                         static_cast<unsigned long long>(payload.size()),
                         reinterpret_cast<const unsigned char *>(key.secretKey.constData()));
    return fileBytes(key.publicKey.toBase64(), signature.toBase64(), payload.toBase64());
}

std::optional<FormPackage> readFormPackage(const QByteArray &bytes, PackageCheck *check)
{
    PackageCheck local;
    PackageCheck &c = check ? *check : local;
    const QString notPackage = QStringLiteral("this is not a form package: %1");
    if (bytes.size() > kMaxPackageBytes) {
        c = refused(PackageCheck::Status::Unreadable,
                    notPackage.arg(QStringLiteral("it is bigger than any form package can be (%1 MiB)")
                                       .arg(kMaxPackageBytes / (1024 * 1024))));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        c = refused(PackageCheck::Status::Unreadable,
                    notPackage.arg(
                        QStringLiteral("it is not a JSON file, or it is damaged (%1)").arg(parseError.errorString())));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const QString format = o.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(kPackageFormat)) {
        c = refused(
            PackageCheck::Status::Unreadable,
            format.startsWith(QLatin1String("coform-package/"))
                ? QStringLiteral("this form package was made by a newer Coform (%1): it cannot be read here")
                      .arg(format.left(40))
                : notPackage.arg(
                    QStringLiteral("it does not say it is one (format %1)").arg(QLatin1String(kPackageFormat))));
        return std::nullopt;
    }
    const auto publicKey = strictBase64(o.value(QStringLiteral("publicKey")).toString());
    const auto signature = strictBase64(o.value(QStringLiteral("signature")).toString());
    const auto payload = strictBase64(o.value(QStringLiteral("payload")).toString());
    if (!publicKey || !signature || !payload || publicKey->size() != crypto_sign_PUBLICKEYBYTES
        || signature->size() != crypto_sign_BYTES || o.size() != 4) {
        c = refused(PackageCheck::Status::Tampered,
                    QStringLiteral("this form package is damaged or was changed: its key, signature or content "
                                   "cannot be read. Nothing was imported."));
        return std::nullopt;
    }
    if (fileBytes(publicKey->toBase64(), signature->toBase64(), payload->toBase64()) != bytes) {
        c = refused(PackageCheck::Status::Tampered,
                    QStringLiteral("this form package was changed after it was made: it is not laid out as Coform "
                                   "writes it. Nothing was imported."));
        return std::nullopt;
    }
    if (sodium_init() < 0) {
        c = refused(PackageCheck::Status::Unreadable,
                    QStringLiteral("the signature cannot be checked: the cryptography library did not start"));
        return std::nullopt;
    }
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature->constData()),
                                    reinterpret_cast<const unsigned char *>(payload->constData()),
                                    static_cast<unsigned long long>(payload->size()),
                                    reinterpret_cast<const unsigned char *>(publicKey->constData()))
        != 0) {
        c = refused(PackageCheck::Status::Tampered,
                    QStringLiteral("this form package was changed after it was signed: its signature does not match "
                                   "its content. Nothing was imported."));
        return std::nullopt;
    }
    QString error;
    auto package = readPayload(*payload, &error);
    if (!package) {
        c = refused(PackageCheck::Status::Unreadable,
                    QStringLiteral("this form package is signed but cannot be read: %1").arg(error));
        return std::nullopt;
    }
    c.status = PackageCheck::Status::Valid;
    c.publicKey = *publicKey;
    c.message = QStringLiteral("Signed by the key %1 (%2); unchanged since it was signed")
                    .arg(fingerprintWords(*publicKey), fingerprintHex(*publicKey));
    return package;
}

} // namespace coform
