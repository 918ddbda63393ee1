#pragma once

#include <QString>

namespace coform {

/// A short bundled list of the passwords people choose most often (from published breach-frequency lists), for
/// refusing them as account passwords. Only those of 8 characters or more are listed: shorter ones are refused anyway.
namespace CommonPasswords {

/// Whether the password (compared ignoring case) is on the list.
bool contains(const QString &password);

} // namespace CommonPasswords
} // namespace coform
