#include "format/formpackage.h"

#include <sodium.h>

namespace coform {

namespace {

/// 256 short, plain English words for reading a key's fingerprint aloud (one word a byte). The list is our own,
/// written for Coform: common nouns that are easy to say and spell, with no two alike. Never reorder or change it:
/// fingerprints people have written down would no longer match.
const char *const kFingerprintWords[256] = {
    "acorn",   "actor",   "adult",    "agent",   "album",    "alley",  "amber",   "angle",   "ankle",   "apple",
    "apron",   "arrow",   "attic",    "autumn",  "avenue",   "baby",   "badge",   "baker",   "bamboo",  "banana",
    "banjo",   "barn",    "basket",   "beach",   "bean",     "bear",   "beetle",  "bell",    "bench",   "berry",
    "bicycle", "biscuit", "blanket",  "bloom",   "boat",     "bonnet", "book",    "boot",    "bottle",  "bowl",
    "branch",  "bread",   "brick",    "bridge",  "brook",    "brush",  "bucket",  "bunny",   "butter",  "button",
    "cabin",   "cactus",  "cake",     "camel",   "camera",   "candle", "canoe",   "canyon",  "carpet",  "carrot",
    "castle",  "cedar",   "chair",    "chalk",   "cherry",   "chess",  "chimney", "circle",  "clock",   "cloud",
    "clover",  "coast",   "coconut",  "comet",   "cookie",   "copper", "corner",  "cotton",  "cousin",  "crayon",
    "cricket", "crown",   "cupboard", "curtain", "cushion",  "daisy",  "dancer",  "desert",  "diamond", "dinner",
    "doctor",  "dolphin", "donkey",   "door",    "dragon",   "drawer", "dream",   "drum",    "duck",    "eagle",
    "echo",    "elbow",   "engine",   "falcon",  "feather",  "fence",  "fern",    "ferry",   "fiddle",  "field",
    "finch",   "flag",    "flute",    "forest",  "fountain", "fox",    "frog",    "garden",  "garlic",  "gate",
    "ginger",  "glove",   "goat",     "grape",   "gravel",   "guitar", "hammer",  "harbour", "harp",    "hazel",
    "hedge",   "helmet",  "hill",     "honey",   "horse",    "island", "ivy",     "jacket",  "jelly",   "jigsaw",
    "journey", "kettle",  "kitten",   "kite",    "ladder",   "lake",   "lantern", "lemon",   "letter",  "lily",
    "lion",    "lizard",  "lobster",  "locket",  "magnet",   "mango",  "maple",   "market",  "meadow",  "melon",
    "mirror",  "mitten",  "monkey",   "moon",    "mountain", "muffin", "needle",  "nest",    "noodle",  "nutmeg",
    "oak",     "ocean",   "olive",    "onion",   "orange",   "otter",  "owl",     "paddle",  "palace",  "panda",
    "paper",   "parrot",  "pebble",   "pencil",  "penguin",  "pepper", "piano",   "pickle",  "pigeon",  "pillow",
    "pine",    "planet",  "plum",     "pocket",  "pony",     "poppy",  "potato",  "puddle",  "pumpkin", "puppet",
    "quilt",   "rabbit",  "radio",    "rainbow", "raven",    "ribbon", "river",   "robin",   "rocket",  "saddle",
    "sailor",  "salmon",  "sandal",   "saucer",  "scarf",    "shell",  "shovel",  "silver",  "sketch",  "sledge",
    "snail",   "spider",  "sponge",   "spoon",   "squirrel", "star",   "stone",   "sugar",   "summer",  "sunset",
    "swan",    "table",   "teapot",   "tiger",   "timber",   "tomato", "tower",   "tractor", "train",   "tulip",
    "turnip",  "turtle",  "umbrella", "valley",  "velvet",   "violin", "wagon",   "walnut",  "whistle", "willow",
    "window",  "winter",  "wizard",   "wren",    "yacht",    "zebra",
};

/// The first 8 bytes of the key's BLAKE2b hash (libsodium's generic hash); empty when the library cannot start.
QByteArray fingerprintBytes(const QByteArray &publicKey)
{
    if (sodium_init() < 0)
        return {};
    QByteArray hash(crypto_generichash_BYTES, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), size_t(hash.size()),
                       reinterpret_cast<const unsigned char *>(publicKey.constData()), size_t(publicKey.size()),
                       nullptr, 0);
    return hash.left(8);
}

} // namespace

SigningKey SigningKey::generate()
{
    SigningKey key;
    if (sodium_init() < 0)
        return key;
    key.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    key.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(key.publicKey.data()),
                        reinterpret_cast<unsigned char *>(key.secretKey.data()));
    return key;
}

QString fingerprintWords(const QByteArray &publicKey)
{
    QStringList words;
    for (const char byte : fingerprintBytes(publicKey))
        words << QString::fromLatin1(kFingerprintWords[static_cast<unsigned char>(byte)]);
    return words.join(QLatin1Char(' '));
}

QString fingerprintHex(const QByteArray &publicKey)
{
    const QByteArray bytes = fingerprintBytes(publicKey);
    QStringList groups;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        groups << QString::fromLatin1(bytes.mid(i, 2).toHex());
    return groups.join(QLatin1Char(' '));
}

} // namespace coform
