#pragma once

#include <QDate>
#include <QString>

namespace coform {

/// The fixed words Coform prints on every form (not from the template), in English and Welsh.
enum class Phrase {
    NotAnswered,
    Continued,
    PageOf,          ///< "Page %1 of %2"
    TemplateVersion, ///< "%1 version %2"
    Produced,        ///< "Produced %1"
    Marking,         ///< OFFICIAL-SENSITIVE: PERSONAL
    PersonName,      ///< "Name: %1"
    NhsNumber,       ///< "NHS number: %1"
    DateOfBirth,     ///< "Date of birth: %1"
    OtherFormats,
    Yes,
    No,
    TickOne,
    TickAll,
    AnswerIfSaid,   ///< "Answer this if you said %1 to question %2"
    AnswerIfChose,  ///< "Answer this if you chose %1 in question %2"
    SectionIfSaid,  ///< "Fill in this section if you said %1 to question %2"
    SectionIfChose, ///< "Fill in this section if you chose %1 in question %2"
    Or,             ///< " or "
    Signature,
    SignName,
    SignDate,
    NotSigned, ///< "Not signed: %1"
    DateHint,  ///< "Day / Month / Year"
    Chosen,    ///< "(chosen)", for readers that cannot see a tick
    Picture,
    Pictures,   ///< "Pictures", before the pictures' credit line
    LastReview, ///< "Last review": the heading of the previous review's column
};

/// The phrase in a language ("cy" Welsh; anything else English).
QString phrase(Phrase p, const QString &lang);

/// "20 November 2026" / "20 Tachwedd 2026".
QString longDate(const QDate &date, const QString &lang);

/// BCP 47 tag for a document (en -> en-GB, en-x-easy -> en-GB, cy -> cy).
QString documentLanguageTag(const QString &lang);

} // namespace coform
