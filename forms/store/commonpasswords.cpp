#include "store/commonpasswords.h"

#include <QSet>

namespace coform {

bool CommonPasswords::contains(const QString &password)
{
    static const QSet<QString> list = [] {
        static const char *const words[] = {
            "password",    "password1",  "password12",    "password123", "password1234", "passw0rd",    "p@ssw0rd",
            "p@ssword",    "12345678",   "123456789",     "1234567890",  "12345678910",  "0123456789",  "87654321",
            "11111111",    "111111111",  "00000000",      "88888888",    "99999999",     "12341234",    "11223344",
            "123123123",   "147258369",  "987654321",     "qwertyuiop",  "qwerty123",    "qwerty12",    "1q2w3e4r",
            "1q2w3e4r5t",  "1qaz2wsx",   "qazwsxedc",     "zaq12wsx",    "asdfghjkl",    "asdfasdf",    "zxcvbnm1",
            "abcd1234",    "abc12345",   "abcdefgh",      "iloveyou",    "iloveyou1",    "sunshine",    "princess",
            "football",    "baseball",   "superman",      "starwars",    "trustno1",     "welcome1",    "welcome123",
            "letmein1",    "letmein123", "whatever",      "computer",    "internet",     "michelle",    "jennifer",
            "liverpool",   "chelsea1",   "arsenal1",      "manchester",  "everton1",     "tottenham",   "changeme",
            "changeme1",   "default1",   "administrator", "admin123",    "admin1234",    "adminadmin",  "letmein!",
            "monkey123",   "dragon123",  "charlie1",      "football1",   "master123",    "shadow123",   "killer123",
            "qwertyui",    "q1w2e3r4",   "q1w2e3r4t5",    "aaaaaaaa",    "abcabcabc",    "passpass",    "secret123",
            "summer2024",  "winter2024", "spring2024",    "autumn2024",  "summer2025",   "winter2025",  "spring2025",
            "autumn2025",  "summer2026", "winter2026",    "spring2026",  "autumn2026",   "welcome2024", "welcome2025",
            "welcome2026", "nhs12345",   "coform123",     "password!",   "password1!",   "iloveyou!",   "00000000",
        };
        QSet<QString> set;
        for (const char *w : words)
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return list.contains(password.toLower());
}

} // namespace coform
