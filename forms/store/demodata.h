#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDate>
#include <QString>

namespace coform {

class Database;

/// Clearly fictional people and reviews for trying Coform out and for benchmarks: names made of invented word
/// pairs, NHS numbers from the 999 range that is never issued, dates of birth and due dates spread over the years.
/// Everything is written in one transaction (admins only); each review gets a "create" row in the audit trail.
class DemoData
{
public:
    /// The n-th (0-based) valid NHS number of the never-issued 999 range ("9990000018" is the first).
    static QString fictionalNhsNumber(int n);

    /// Adds `reviews` people, each with one review on `templateId` version `version` (published), some completed.
    /// `today` anchors the due dates (a tenth are due within 30 days).
    static Outcome fill(Database &db, const Session &session, int reviews, const QString &templateId, int version,
                        const QDate &today);
};

} // namespace coform
