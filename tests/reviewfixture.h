// Shared by the review tests: a real SQLite database in a temporary folder (or the PostgreSQL server named by
// COFORM_TEST_PG_URL), with an admin, two reviewers and a coproducer, and the bundled CHC review template published
// through the real approval workflow.
#pragma once

#include "format/templateformat.h"
#include "store/database.h"
#include "store/personstore.h"
#include "store/reviewstore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace coform::test {

inline const QString password = QStringLiteral("correct horse battery");

struct ReviewFixture
{
    QTemporaryDir dir;
    QString location;
    std::unique_ptr<Database> db;
    std::optional<Session> admin;
    std::optional<Session> reviewer;
    std::optional<Session> reviewer2;
    std::optional<Session> coproducer;
    Template chc;

    /// Builds everything on a fresh database of the backend ("sqlite", or "postgresql" when COFORM_TEST_PG_URL
    /// names a server); false (with a warning saying why) when any step fails.
    bool setUp(const QString &backend = QStringLiteral("sqlite"))
    {
        QString error;
        location = freshDatabase(backend, dir, &error);
        if (location.isEmpty()) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        db = Database::open(location, &error);
        if (!db) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        UserStore users(*db);
        admin = users.createFirstAdmin(QStringLiteral("ada"), password).value();
        if (!users.addUser(*admin, QStringLiteral("rita"), Role::Reviewer, password).ok()
            || !users.addUser(*admin, QStringLiteral("ravi"), Role::Reviewer, password).ok()
            || !users.addUser(*admin, QStringLiteral("cora"), Role::Coproducer, password).ok())
            return false;
        reviewer = users.signIn(QStringLiteral("rita"), password).value();
        reviewer2 = users.signIn(QStringLiteral("ravi"), password).value();
        coproducer = users.signIn(QStringLiteral("cora"), password).value();
        Problems problems;
        const auto bundled = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        if (!bundled)
            return false;
        chc = *bundled;
        return publish(chc);
    }

    /// Adds the template, or drafts its next version with one item's label changed, and publishes it with a
    /// reviewer's and a coproducer's approval.
    bool publish(const Template &t, const QString &itemId = {}, const QString &newLabel = {})
    {
        TemplateStore byAdmin(*db, *admin);
        const Result<Template> existing = byAdmin.get(t.id);
        if (existing.ok()) {
            if (!byAdmin.startDraft(t.id).ok())
                return false;
            const Template draft = byAdmin.get(t.id).value();
            if (!itemId.isEmpty()
                && !byAdmin.applyEdit(t.id, Edit::setItemProperty(draft, itemId, QStringLiteral("label"), newLabel))
                        .ok())
                return false;
        } else if (!byAdmin.addTemplate(t).ok()) {
            return false;
        }
        const Outcome proposed = byAdmin.propose(t.id);
        const Outcome staff = TemplateStore(*db, *reviewer).approve(t.id);
        const Outcome lived = TemplateStore(*db, *coproducer).approve(t.id);
        const Result<VersionInfo> published = byAdmin.publish(t.id);
        if (!proposed.ok() || !staff.ok() || !lived.ok() || !published.ok()) {
            qWarning("%s / %s / %s / %s", qPrintable(proposed.message), qPrintable(staff.message),
                     qPrintable(lived.message), qPrintable(published.message()));
            return false;
        }
        return true;
    }

    qint64 addPerson(const QString &name = QStringLiteral("Alex Example"),
                     const QString &nhs = QStringLiteral("9990000018"))
    {
        PersonRecord p;
        p.person = {name, nhs, QDate(1941, 3, 2)};
        p.communicationNeeds = QStringLiteral("Needs large print and time to read.");
        p.preferredFormat = QStringLiteral("large-print");
        const Result<PersonRecord> added = PersonStore(*db, *reviewer).add(p);
        return added.ok() ? added->id : 0;
    }
};

/// The backend of the current global data row (for tests whose initTestCase_data() calls addBackendRows()).
inline QString currentBackend()
{
    QFETCH_GLOBAL(QString, backend);
    return backend;
}

/// Answers to every question the bundled template requires (without a personal health budget).
inline QMap<QString, QJsonValue> requiredAnswers()
{
    QMap<QString, QJsonValue> a;
    a[QStringLiteral("review-type")] = QStringLiteral("annual");
    a[QStringLiteral("review-date")] = QStringLiteral("2026-11-20");
    a[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
    a[QStringLiteral("nhs-number")] = QStringLiteral("9990000018");
    a[QStringLiteral("date-of-birth")] = QStringLiteral("1941-03-02");
    a[QStringLiteral("funding-type")] = QStringLiteral("full-chc");
    a[QStringLiteral("has-phb")] = false;
    a[QStringLiteral("reviewer-name")] = QStringLiteral("Rita Reviewer");
    a[QStringLiteral("reviewer-role")] = QStringLiteral("Nurse assessor");
    a[QStringLiteral("consent-review")] = true;
    a[QStringLiteral("consent-share")] = true;
    a[QStringLiteral("capacity-doubt")] = false;
    a[QStringLiteral("care-meets-needs")] = QStringLiteral("mostly");
    for (const char *domain :
         {"breathing", "nutrition", "continence", "skin", "mobility", "communication-needs", "psychological",
          "cognition", "behaviour", "drug-therapies", "altered-states", "other-needs"})
        a[QStringLiteral("%1-level").arg(QLatin1String(domain))] = QStringLiteral("low");
    a[QStringLiteral("evidence-seen")] = QJsonArray{QStringLiteral("care-plan"), QStringLiteral("last-dst")};
    a[QStringLiteral("risks")] = false;
    a[QStringLiteral("review-outcome")] = QStringLiteral("no-change");
    a[QStringLiteral("outcome-reasons")] = QStringLiteral("Care meets needs well.");
    a[QStringLiteral("next-review-date")] = QStringLiteral("2027-11-20");
    a[QStringLiteral("send-format")] = QStringLiteral("post");
    a[QStringLiteral("key-contact-name")] = QStringLiteral("Kim Contact");
    // The participation record, or why it cannot be written down.
    a[QStringLiteral("participation-recorded")] = false;
    a[QStringLiteral("participation-not-recorded-reason")] = QStringLiteral("The person asked us not to today.");
    a[QStringLiteral("reviewer-signature")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("Rita Reviewer")},
                                                          {QStringLiteral("date"), QStringLiteral("2026-11-20")}};
    return a;
}

} // namespace coform::test
