#pragma once

#include "model/user.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace coform {

/// One approval of the packaged version: the approver's role and the day; their name only when the making
/// organisation allows names in packages (a setting; off by default).
struct ProvenanceApproval
{
    Role role = Role::Coproducer;
    QDate date;
    QString name; ///< empty unless the organisation allows names
    bool operator==(const ProvenanceApproval &) const = default;
};

/// The "What changed" summary of one earlier published version, in words (docs/formats.md, "Form packages").
struct ProvenanceVersion
{
    int version = 0;
    QDate published;
    QStringList changes;    ///< one line a change: "Question 3 reworded: ..."
    QStringList notChanged; ///< "Not changed, and why": what was asked and why the form was not changed
    bool operator==(const ProvenanceVersion &) const = default;
};

/// Where a packaged form comes from and how it was made: carried in a form package beside the template and shown
/// before anything is imported, printed as "About this form".
struct Provenance
{
    QString organisationName; ///< the organisation that made and published the form
    QString organisationCode; ///< its code (an ODS code, e.g. "QRL")
    QString templateId;
    int version = 0;
    QString title;
    QDateTime publishedAt;
    QVector<ProvenanceApproval> approvals; ///< of the packaged version

    QString requirementSetId;
    int requirementsTotal = 0;
    int requirementsCovered = 0;
    QStringList uncovered;  ///< requirements no question covers, in words ("R7 Review of the care plan")
    QString coverageReason; ///< the publisher's reason for publishing with requirements uncovered

    int questions = 0;
    double readingEase = 0;      ///< Flesch reading ease of all question words (60 or more is plain English)
    double wordsPerSentence = 0; ///< of all question words
    int longSentences = 0;       ///< sentences of more than 20 words
    int jargonWords = 0;         ///< jargon words found (with the packaged jargon list)

    QVector<ProvenanceVersion> history; ///< every published version up to this one, oldest first

    /// When the form was itself adapted from another organisation's package: that origin (empty otherwise).
    QString adaptedFromOrganisation;
    QString adaptedFromTemplateId;
    int adaptedFromVersion = 0;

    bool operator==(const Provenance &) const = default;

    QJsonObject toJson() const;
    /// Strict: a missing or mistyped field is refused with `error` in words.
    static std::optional<Provenance> fromJson(const QJsonObject &json, QString *error);
};

} // namespace coform
