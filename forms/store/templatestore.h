#pragma once

#include "edit/edit.h"
#include "edit/templatediff.h"
#include "model/template.h"
#include "model/workflowstep.h"
#include "store/permissions.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QMap>
#include <QVector>

#include <optional>

namespace coform {

class Database;
class Transaction;

/// Where a template version is in its life: a draft is edited; "propose" freezes it for approval; publishing makes
/// it immutable and usable for reviews; a retired version takes no new reviews (old reviews keep using it).
enum class VersionStatus { Draft, Proposed, Published, Retired };
QString versionStatusName(VersionStatus status); ///< "draft", "proposed", "published", "retired"
std::optional<VersionStatus> versionStatusFromName(const QString &name);
/// A version's state in the group's own words: "a draft", "waiting for approval", "published, in use for reviews",
/// "retired: no new reviews use it".
QString versionStateWords(VersionStatus status);

struct Approval
{
    QString userName;
    Role role = Role::Coproducer; ///< the role the person had when they approved
    QDateTime at;
};

struct VersionInfo
{
    QString templateId;
    int version = 0;
    VersionStatus status = VersionStatus::Draft;
    QString title;
    QString createdBy;
    QDateTime createdAt;
    QString proposedBy;
    QDateTime proposedAt;
    QString publishedBy;
    QDateTime publishedAt;
    QString retiredBy;
    QDateTime retiredAt;
    QString coverageReason; ///< the admin's reason for publishing with uncovered requirements
    /// The admin's reason for publishing with translations that are out of date (model/translationstamps.h)
    QString translationsReason;
    QVector<Approval> approvals;
};

struct TemplateSummary
{
    QString id;
    QString title; ///< of the latest version
    int latestVersion = 0;
    VersionStatus latestStatus = VersionStatus::Draft;
    int publishedVersion = 0; ///< the newest published version; 0 when none
    int unresolvedComments = 0;
};

/// One row of the change log: an edit with its author and time. `seq` numbers a template's changes in order across all
/// its versions (1, 2, 3, ...; keystrokes joined into a step use up numbers, so there are gaps); replaying a version's
/// changes onto its base reproduces it exactly. A run of typing is one row (TypingSteps): its edit goes from the value
/// before the first keystroke to the newest, and `at` is the time of the newest keystroke.
struct ChangeRecord
{
    QString templateId;
    qint64 seq = 0;
    /// The number of the row's latest write: `seq` for a row as first written, higher once typing joined it.
    qint64 stamp = 0;
    /// From a ChangeFeed: a step that was already there when the reader last looked (it has been typed into since).
    /// Its edit goes from the step's first value, which the reader no longer holds: apply it from the value the
    /// reader holds now (only its author types into a step, and nobody else changed it in between).
    bool continued = false;
    int version = 0;
    qint64 userId = 0;
    QString userName;
    QDateTime at;
    Edit edit;
    qint64 commentId = 0; ///< the comment that led to it, 0 when none
    QString note;         ///< why, in the author's words
};

/// Filters for the history panel; empty fields do not filter.
struct HistoryFilter
{
    QString userName;
    QString itemId;
    int version = 0;
    qint64 afterSeq = 0;
    /// Rows written or typed into after this change number (ChangeRecord::stamp), for a change feed.
    qint64 changedAfter = 0;
    int limit = 0;
};

/// Extra facts recorded with an edit.
struct EditContext
{
    qint64 commentId = 0;
    QString note;
    /// The edit is a keystroke in the field the author typed in last (they have not left it): it may join their open
    /// step in the change log (TypingSteps) instead of adding a row.
    bool continuesTyping = false;
};

/// Templates, their versions, the change log and the approval workflow, with every call checked against the
/// signed-in person's role (see Permissions).
class TemplateStore
{
public:
    TemplateStore(Database &db, const Session &session);

    Result<QVector<TemplateSummary>> list() const;
    /// Adds a new template; its content becomes the draft of version 1. Conflict when the id is taken.
    Result<VersionInfo> addTemplate(const Template &t);
    /// A version's content (the latest when version is 0).
    Result<Template> get(const QString &templateId, int version = 0) const;
    Result<VersionInfo> versionInfo(const QString &templateId, int version = 0) const;
    Result<QVector<VersionInfo>> versions(const QString &templateId) const;

    /// Starts a new draft from the latest version; Conflict when a draft or proposal is open.
    Result<VersionInfo> startDraft(const QString &templateId);
    /// Applies an edit to the open draft in one transaction: Conflict (nothing written) when the value it replaces no
    /// longer holds or there is no draft; otherwise the draft changes and the change log gains a row, or, for typing
    /// (EditContext::continuesTyping), the author's open step takes the new value (the record returned is that step).
    Result<ChangeRecord> applyEdit(const QString &templateId, const Edit &edit, const EditContext &context = {});

    /// Freezes the draft for approval.
    Outcome propose(const QString &templateId);
    /// Takes a proposal back to a draft; its approvals are dropped (the content may change again). Only the person who
    /// proposed it, or an admin, may.
    Outcome withdrawProposal(const QString &templateId);
    /// Records the signed-in person's approval of the proposed version.
    Outcome approve(const QString &templateId);
    /// Publishes the proposed version (admins): needs a reviewer-or-admin and a coproducer approval, a template
    /// without errors, every framework requirement covered unless `coverageReason` says why not, and no open comment
    /// thread unless `commentsReason` says why the form is not changed as they ask: each open thread is then resolved
    /// with that reason (the "What changed" summary's "Not changed, and why"). Conflict (Refusal::OpenComments),
    /// naming how many are open, without it. No translation out of date either, unless `translationsReason` says why
    /// it is published as it is: the reason is kept with the version and listed under "Not changed, and why".
    /// Conflict (Refusal::OutOfDateTranslations), naming the first and counting the rest, without it.
    Result<VersionInfo> publish(const QString &templateId, const QString &coverageReason = {},
                                const QString &commentsReason = {}, const QString &translationsReason = {});
    /// Retires a published version (admins): no new reviews use it.
    Outcome retire(const QString &templateId, int version);

    /// The change log, oldest first.
    Result<QVector<ChangeRecord>> history(const QString &templateId, const HistoryFilter &filter = {}) const;
    /// The template as it was just after change `seq` ("show this item as it was then").
    Result<Template> templateAsOf(const QString &templateId, qint64 seq) const;
    /// One item as it was just after change `seq`; NotFound when it did not exist then.
    Result<Item> itemAsOf(const QString &templateId, const QString &itemId, qint64 seq) const;
    /// The highest change number of a template (for a change feed: ask history() with changedAfter).
    Result<qint64> lastSeq(const QString &templateId) const;

    /// Item by item, what changed from version `from` to version `to`, with who made each change and the comments
    /// and notes behind it.
    Result<TemplateDiff> diff(const QString &templateId, int from, int to) const;

private:
    Outcome check(Action action, Role *currentRole = nullptr) const;
    Result<VersionInfo> readVersion(const QString &templateId, int version) const;
    Result<Template> readContent(const QString &templateId, int version, const char *column) const;
    /// NotPermitted, saying why, unless a staff account and a coproducer account, two different people, both active
    /// now and still in the role they approved in, have approved the version.
    Outcome checkApprovals(const QString &templateId, int version) const;
    /// The latest row of the change log when `edit` (by the signed-in person, at `at`) continues it as typing.
    std::optional<ChangeRecord> openTypingStep(const QString &templateId, int version, const Edit &edit,
                                               const QDateTime &at, const EditContext &context, QString *error) const;
    /// What every workflow step does first: checks the signed-in person's role for the step (*currentRole: the role
    /// they have now), begins `tx` and reads version `version` (the latest when 0), which must be in a state the step
    /// starts from: Conflict, naming its state, when it is not.
    Result<VersionInfo> beginStep(WorkflowStep step, const QString &templateId, int version,
                                  std::optional<Transaction> &tx, Role *currentRole = nullptr);
    /// What every workflow step does last: notes the template's activity (for open windows) and commits `tx`.
    Outcome endStep(Transaction &tx, const QString &templateId);

    Database &m_db;
    Session m_session;
};

} // namespace coform
