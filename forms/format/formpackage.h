#pragma once

#include "model/picture.h"
#include "model/provenance.h"
#include "model/template.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace coform {

/// An organisation's Ed25519 key pair (libsodium crypto_sign): made on its first package export, kept in its
/// database. The secret key never leaves the database and is never printed.
struct SigningKey
{
    QByteArray publicKey; ///< 32 bytes
    QByteArray secretKey; ///< 64 bytes
    static SigningKey generate();
};

/// A public key's fingerprint for checking it by phone or email: 8 words from a fixed list of 256 plain words (one
/// per byte of the key's BLAKE2b hash), e.g. "apple river candle ...", and the same as 4 groups of 4 hex digits.
QString fingerprintWords(const QByteArray &publicKey);
QString fingerprintHex(const QByteArray &publicKey);

/// What a form package carries (docs/formats.md, "Form packages"; `.coform` files): the published template version,
/// its requirement set (`coform-requirements/1` bytes), its jargon list (`coform-jargon/1` bytes), every picture it
/// uses keyed by Picture::reference(), and the provenance.
struct FormPackage
{
    Template content;
    QByteArray requirementSet;
    QByteArray jargon;
    QMap<QString, Picture> pictures;
    Provenance provenance;
};

/// The signature check of a package file.
struct PackageCheck
{
    enum class Status {
        Valid,     ///< signed by `publicKey`, unchanged since
        Tampered,  ///< the bytes do not match the signature: refused
        Unreadable ///< not a form package (or damaged beyond reading): refused
    };
    Status status = Status::Unreadable;
    QString message; ///< in words, for a person: why it was refused, or "Signed by KEY-WORDS"
    QByteArray publicKey;

    bool valid() const { return status == Status::Valid; }
};

/// Writes `package` signed with `key`. The file is JSON: {"format": "coform-package/1", "payload": BASE64,
/// "publicKey": BASE64, "signature": BASE64}; the signature is over the payload's exact bytes.
QByteArray writeFormPackage(const FormPackage &package, const SigningKey &key);

/// Reads and checks a package file. A package whose signature does not hold is never returned.
std::optional<FormPackage> readFormPackage(const QByteArray &bytes, PackageCheck *check);

} // namespace coform
