#pragma once

#include "model/answers.h"

#include <QString>

namespace coform {

/// A person reviews are about, as stored: the answers file's person plus what the Accessible Information Standard
/// asks to record (communication needs, preferred format) and a representative.
struct PersonRecord
{
    qint64 id = 0;
    Person person;
    QString communicationNeeds;    ///< in the person's words: what helps them take part
    QString preferredFormat;       ///< one of PersonStore::preferredFormats(), or "" when not recorded
    QString representativeName;    ///< a carer, family member, friend or advocate who speaks with them
    QString representativeContact; ///< phone or email of the representative
};

} // namespace coform
