#include "pdf/phrases.h"

namespace coform {

static bool isWelsh(const QString &lang)
{
    return lang == QLatin1String("cy") || lang.startsWith(QLatin1String("cy-"));
}

QString phrase(Phrase p, const QString &lang)
{
    const bool cy = isWelsh(lang);
    switch (p) {
    case Phrase::NotAnswered:
        return cy ? QStringLiteral("Heb ei ateb") : QStringLiteral("Not answered");
    case Phrase::Continued:
        return cy ? QStringLiteral("parhad") : QStringLiteral("continued");
    case Phrase::PageOf:
        return cy ? QStringLiteral("Tudalen %1 o %2") : QStringLiteral("Page %1 of %2");
    case Phrase::TemplateVersion:
        return cy ? QStringLiteral("%1 fersiwn %2") : QStringLiteral("%1 version %2");
    case Phrase::Produced:
        return cy ? QStringLiteral("Cynhyrchwyd %1") : QStringLiteral("Produced %1");
    case Phrase::Marking:
        return cy ? QStringLiteral("SWYDDOGOL-SENSITIF: PERSONOL") : QStringLiteral("OFFICIAL-SENSITIVE: PERSONAL");
    case Phrase::PersonName:
        return cy ? QStringLiteral("Enw: %1") : QStringLiteral("Name: %1");
    case Phrase::NhsNumber:
        return cy ? QStringLiteral("Rhif GIG: %1") : QStringLiteral("NHS number: %1");
    case Phrase::DateOfBirth:
        return cy ? QStringLiteral("Dyddiad geni: %1") : QStringLiteral("Date of birth: %1");
    case Phrase::OtherFormats:
        return cy ? QStringLiteral("Mae'r ffurflen hon ar gael mewn fformatau eraill: print mawr, hawdd ei deall, "
                                   "Cymraeg, Braille, sain, a ffeil ar gyfer darllenwyr sgrin. Gofynnwch i'ch "
                                   "cyswllt allweddol.")
                  : QStringLiteral("This form is available in other formats: large print, easy read, Welsh, "
                                   "Braille, audio, and a file for screen readers. Ask your key contact.");
    case Phrase::Yes:
        return cy ? QStringLiteral("Ie") : QStringLiteral("Yes");
    case Phrase::No:
        return cy ? QStringLiteral("Na") : QStringLiteral("No");
    case Phrase::TickOne:
        return cy ? QStringLiteral("Ticiwch un.") : QStringLiteral("Tick one.");
    case Phrase::TickAll:
        return cy ? QStringLiteral("Ticiwch bob un sy'n berthnasol.") : QStringLiteral("Tick all that apply.");
    case Phrase::AnswerIfSaid:
        return cy ? QStringLiteral("Atebwch hwn os dywedoch %1 i gwestiwn %2.")
                  : QStringLiteral("Answer this if you said %1 to question %2.");
    case Phrase::AnswerIfChose:
        return cy ? QStringLiteral("Atebwch hwn os dewisoch %1 yng nghwestiwn %2.")
                  : QStringLiteral("Answer this if you chose %1 in question %2.");
    case Phrase::SectionIfSaid:
        return cy ? QStringLiteral("Llenwch yr adran hon os dywedoch %1 i gwestiwn %2.")
                  : QStringLiteral("Fill in this section if you said %1 to question %2.");
    case Phrase::SectionIfChose:
        return cy ? QStringLiteral("Llenwch yr adran hon os dewisoch %1 yng nghwestiwn %2.")
                  : QStringLiteral("Fill in this section if you chose %1 in question %2.");
    case Phrase::Or:
        return cy ? QStringLiteral(" neu ") : QStringLiteral(" or ");
    case Phrase::Signature:
        return cy ? QStringLiteral("Llofnod") : QStringLiteral("Signature");
    case Phrase::SignName:
        return cy ? QStringLiteral("Enw") : QStringLiteral("Name");
    case Phrase::SignDate:
        return cy ? QStringLiteral("Dyddiad") : QStringLiteral("Date");
    case Phrase::NotSigned:
        return cy ? QStringLiteral("Heb ei lofnodi: %1") : QStringLiteral("Not signed: %1");
    case Phrase::DateHint:
        return cy ? QStringLiteral("Diwrnod / Mis / Blwyddyn") : QStringLiteral("Day / Month / Year");
    case Phrase::Chosen:
        return cy ? QStringLiteral("(wedi'i ddewis)") : QStringLiteral("(chosen)");
    case Phrase::Picture:
        return cy ? QStringLiteral("Llun") : QStringLiteral("Picture");
    case Phrase::Pictures:
        return cy ? QStringLiteral("Lluniau") : QStringLiteral("Pictures");
    case Phrase::LastReview:
        return cy ? QStringLiteral("Adolygiad diwethaf") : QStringLiteral("Last review");
    }
    return {};
}

QString longDate(const QDate &date, const QString &lang)
{
    if (!date.isValid())
        return {};
    static const char *const english[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    static const char *const welsh[] = {"Ionawr",     "Chwefror", "Mawrth", "Ebrill", "Mai",      "Mehefin",
                                        "Gorffennaf", "Awst",     "Medi",   "Hydref", "Tachwedd", "Rhagfyr"};
    const char *month = isWelsh(lang) ? welsh[date.month() - 1] : english[date.month() - 1];
    return QStringLiteral("%1 %2 %3").arg(date.day()).arg(QString::fromUtf8(month)).arg(date.year());
}

QString documentLanguageTag(const QString &lang)
{
    if (lang.isEmpty() || lang == QLatin1String("en") || lang.startsWith(QLatin1String("en-x-")))
        return QStringLiteral("en-GB");
    return lang;
}

} // namespace coform
