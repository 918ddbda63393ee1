#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace coform {

/// Bytes in libsodium's guarded memory (sodium_malloc: locked, never swapped, guard pages), zeroed when freed.
class SecretBytes
{
public:
    explicit SecretBytes(int size);
    ~SecretBytes();
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) = delete;

    bool isNull() const { return m_data == nullptr; }
    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    int size() const { return m_size; }

private:
    unsigned char *m_data = nullptr;
    int m_size = 0;
};

/// The database's data key in memory (docs/security.md): 32 random bytes that every personal value is sealed under.
/// It lives in guarded memory with the subkeys derived from it (crypto_kdf: one for sealing values, one for NHS
/// number look-ups, one for the audit chain); wipe() zeroes them all (signing out, the window locking), and so does
/// the destructor. Shared by the copies of one Session.
class DataKey
{
public:
    static constexpr int Size = 32;

    /// A new random key (nullptr when libsodium cannot start).
    static std::shared_ptr<DataKey> random();
    /// A key from its 32 bytes (as unwrapped).
    static std::shared_ptr<DataKey> fromBytes(const unsigned char *bytes);
    ~DataKey() = default;
    DataKey(const DataKey &) = delete;
    DataKey &operator=(const DataKey &) = delete;

    bool isWiped() const { return m_wiped; }
    void wipe();
    /// Copies another key (the same account signing in again after wipe()).
    void restoreFrom(const DataKey &other);
    const unsigned char *bytes() const { return m_keys.data(); }

    /// XChaCha20-Poly1305 with a random nonce: "1" + base64(nonce + ciphertext + tag). `associated` binds the value to
    /// where it is stored (table, column, row), so a value moved to another row no longer opens.
    QString seal(const QByteArray &plain, const QByteArray &associated) const;
    std::optional<QByteArray> open(const QString &sealed, const QByteArray &associated) const;
    /// BLAKE2b keyed with the look-up subkey, as hex: equal texts give equal hashes, nothing else can be read back.
    QString lookupHash(const QByteArray &text) const;
    /// BLAKE2b keyed with the audit-chain subkey (32 bytes).
    QByteArray chainHash(const QByteArray &message) const;

private:
    DataKey();
    SecretBytes m_keys; // key, seal subkey, look-up subkey, chain subkey
    bool m_wiped = false;
};

/// Sealing a data key for keeping in the database: under a key-encryption key (from a password or a recovery key).
namespace KeyWrap {
/// A fresh random salt for a key derivation (16 bytes, base64).
QString newSalt();
/// The key-encryption key of a password: Argon2id (libsodium's interactive limits, as the sign-in uses) over the
/// password with the account's own salt (not the sign-in hash's). Null bytes when derivation failed.
SecretBytes fromPassword(const QString &password, const QString &salt);
/// The key-encryption key of a recovery key (its 200 random bits need no slow derivation): keyed BLAKE2b.
SecretBytes fromRecoveryKey(const SecretBytes &recovery, const QString &salt);
QString wrap(const SecretBytes &kek, const DataKey &key, const QByteArray &associated);
std::shared_ptr<DataKey> unwrap(const SecretBytes &kek, const QString &wrapped, const QByteArray &associated);

/// A new recovery key as people type it: 40 letters and digits (Crockford's base 32, no I, L, O or U) in eight
/// groups of five ("7KQ2M-...").
QString newRecoveryText();
/// The recovery key's bytes from what was typed (any case, spaces or dashes anywhere; O read as 0, I and L as 1);
/// null bytes when it is not one.
SecretBytes recoveryBytes(const QString &typed);
} // namespace KeyWrap

} // namespace coform
