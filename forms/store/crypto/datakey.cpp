#include "store/crypto/datakey.h"

#include <sodium.h>

#include <cstring>

namespace coform {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

constexpr int SubkeyCount = 4;                                  // the key itself, then three subkeys
constexpr char KdfContext[] = "coformdk";                       // crypto_kdf contexts are 8 characters
constexpr int RecoveryBytes = 25;                               // 200 bits: 40 base-32 characters
constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32
constexpr unsigned char SealVersion = '1';

enum Subkey { Master = 0, Seal = 1, Lookup = 2, Chain = 3 };

} // namespace

SecretBytes::SecretBytes(int size)
    : m_size(size)
{
    if (sodiumReady() && size > 0)
        m_data = static_cast<unsigned char *>(sodium_malloc(size_t(size)));
    if (!m_data)
        m_size = 0;
}

SecretBytes::~SecretBytes()
{
    if (m_data)
        sodium_free(m_data); // zeroes first
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(other.m_data)
    , m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

DataKey::DataKey()
    : m_keys(Size * SubkeyCount)
{}

std::shared_ptr<DataKey> DataKey::random()
{
    if (!sodiumReady())
        return nullptr;
    unsigned char bytes[Size];
    randombytes_buf(bytes, Size);
    std::shared_ptr<DataKey> key = fromBytes(bytes);
    sodium_memzero(bytes, Size);
    return key;
}

std::shared_ptr<DataKey> DataKey::fromBytes(const unsigned char *bytes)
{
    std::shared_ptr<DataKey> key(new DataKey);
    if (key->m_keys.isNull())
        return nullptr;
    unsigned char *k = key->m_keys.data();
    std::memcpy(k, bytes, Size);
    for (int i = Seal; i < SubkeyCount; ++i)
        crypto_kdf_derive_from_key(k + i * Size, Size, uint64_t(i), KdfContext, k);
    return key;
}

void DataKey::wipe()
{
    if (!m_keys.isNull())
        sodium_memzero(m_keys.data(), size_t(m_keys.size()));
    m_wiped = true;
}

void DataKey::restoreFrom(const DataKey &other)
{
    if (m_keys.isNull() || other.m_keys.isNull() || other.m_wiped)
        return;
    std::memcpy(m_keys.data(), other.m_keys.data(), size_t(m_keys.size()));
    m_wiped = false;
}

QString DataKey::seal(const QByteArray &plain, const QByteArray &associated) const
{
    if (m_wiped)
        return {};
    constexpr int N = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray out(N + plain.size() + int(crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(o, N);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        o + N, &written, reinterpret_cast<const unsigned char *>(plain.constData()), quint64(plain.size()),
        reinterpret_cast<const unsigned char *>(associated.constData()), quint64(associated.size()), nullptr, o,
        m_keys.data() + Seal * Size);
    return QLatin1Char(char(SealVersion)) + QString::fromLatin1(out.toBase64());
}

std::optional<QByteArray> DataKey::open(const QString &sealed, const QByteArray &associated) const
{
    constexpr int N = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr int A = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (m_wiped || sealed.isEmpty() || sealed.at(0) != QLatin1Char(char(SealVersion)))
        return std::nullopt;
    const QByteArray raw = QByteArray::fromBase64(QStringView(sealed).mid(1).toLatin1());
    if (raw.size() < N + A)
        return std::nullopt;
    const auto *r = reinterpret_cast<const unsigned char *>(raw.constData());
    QByteArray plain(raw.size() - N - A, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
                                                   r + N, quint64(raw.size() - N),
                                                   reinterpret_cast<const unsigned char *>(associated.constData()),
                                                   quint64(associated.size()), r, m_keys.data() + Seal * Size)
        != 0)
        return std::nullopt;
    return plain;
}

QString DataKey::lookupHash(const QByteArray &text) const
{
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(text.constData()), quint64(text.size()),
                       m_keys.data() + Lookup * Size, Size);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

QByteArray DataKey::chainHash(const QByteArray &message) const
{
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
                       m_keys.data() + Chain * Size, Size);
    return out;
}

namespace KeyWrap {

QString newSalt()
{
    if (!sodiumReady())
        return {};
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    return QString::fromLatin1(salt.toBase64());
}

SecretBytes fromPassword(const QString &password, const QString &salt)
{
    SecretBytes kek(DataKey::Size);
    const QByteArray s = QByteArray::fromBase64(salt.toLatin1());
    const QByteArray utf8 = password.toUtf8();
    if (kek.isNull() || s.size() != crypto_pwhash_SALTBYTES
        || crypto_pwhash(kek.data(), size_t(kek.size()), utf8.constData(), quint64(utf8.size()),
                         reinterpret_cast<const unsigned char *>(s.constData()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
               != 0)
        return SecretBytes(0);
    return kek;
}

SecretBytes fromRecoveryKey(const SecretBytes &recovery, const QString &salt)
{
    SecretBytes kek(DataKey::Size);
    if (kek.isNull() || recovery.isNull())
        return SecretBytes(0);
    const QByteArray message = QByteArrayLiteral("coform recovery key:") + salt.toLatin1();
    crypto_generichash(kek.data(), size_t(kek.size()), reinterpret_cast<const unsigned char *>(message.constData()),
                       quint64(message.size()), recovery.data(), size_t(recovery.size()));
    return kek;
}

QString wrap(const SecretBytes &kek, const DataKey &key, const QByteArray &associated)
{
    constexpr int N = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (kek.isNull() || key.isWiped())
        return {};
    QByteArray out(N + DataKey::Size + int(crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(o, N);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(o + N, &written, key.bytes(), DataKey::Size,
                                               reinterpret_cast<const unsigned char *>(associated.constData()),
                                               quint64(associated.size()), nullptr, o, kek.data());
    return QString::fromLatin1(out.toBase64());
}

std::shared_ptr<DataKey> unwrap(const SecretBytes &kek, const QString &wrapped, const QByteArray &associated)
{
    constexpr int N = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr int A = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    const QByteArray raw = QByteArray::fromBase64(wrapped.toLatin1());
    if (kek.isNull() || raw.size() != N + DataKey::Size + A)
        return nullptr;
    SecretBytes plain(DataKey::Size);
    if (plain.isNull())
        return nullptr;
    unsigned long long length = 0;
    const auto *r = reinterpret_cast<const unsigned char *>(raw.constData());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &length, nullptr, r + N, quint64(raw.size() - N),
                                                   reinterpret_cast<const unsigned char *>(associated.constData()),
                                                   quint64(associated.size()), r, kek.data())
        != 0)
        return nullptr;
    return DataKey::fromBytes(plain.data());
}

QString newRecoveryText()
{
    if (!sodiumReady())
        return {};
    QString text;
    for (int i = 0; i < RecoveryBytes * 8 / 5; ++i) {
        if (i > 0 && i % 5 == 0)
            text += QLatin1Char('-');
        text += QLatin1Char(Alphabet[randombytes_uniform(32)]);
    }
    return text;
}

SecretBytes recoveryBytes(const QString &typed)
{
    SecretBytes bytes(RecoveryBytes);
    if (bytes.isNull())
        return SecretBytes(0);
    std::memset(bytes.data(), 0, RecoveryBytes);
    int bits = 0;
    for (QChar c : typed) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        char u = char(c.toUpper().toLatin1());
        if (u == 'O')
            u = '0';
        else if (u == 'I' || u == 'L')
            u = '1';
        const char *at = u != 0 ? std::strchr(Alphabet, u) : nullptr;
        if (!at || bits >= RecoveryBytes * 8)
            return SecretBytes(0);
        const int value = int(at - Alphabet);
        for (int b = 4; b >= 0; --b, ++bits) {
            if (value & (1 << b))
                bytes.data()[bits / 8] |= static_cast<unsigned char>(0x80 >> (bits % 8));
        }
    }
    if (bits != RecoveryBytes * 8)
        return SecretBytes(0);
    return bytes;
}

} // namespace KeyWrap

} // namespace coform
