#pragma once

#include "edit/templatediff.h"
#include "edit/threewaymerge.h"
#include "format/formpackage.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <functional>

namespace coform {

class Database;

/// The organisation's own details, carried in the packages it makes (admins set them; everyone may read them).
struct OrganisationSettings
{
    QString name;
    QString code;
    bool namesInPackages = false; ///< approvers' names go into packages (else only their role and the day)
};

/// Where a local template came from, when it was imported from a form package.
struct TemplateOrigin
{
    QString templateId; ///< the local template
    QString organisationName;
    QString organisationCode;
    QByteArray publicKey; ///< the key that signed the package
    QString originTemplateId;
    int originVersion = 0; ///< the origin version it was adapted from, or last updated to (the merge base)
    Template base;         ///< that origin version's content
    Provenance provenance; ///< the provenance of the package it came from (or was last updated from)
    QDateTime importedAt;
};

/// What a package file would do to this database, worked out before anything changes.
struct PackagePreview
{
    PackageCheck check;
    FormPackage package;        ///< valid only when check.valid()
    bool keySeenBefore = false; ///< a package signed by this key was imported here before
    QString keyOrganisation;    ///< the organisation this key was last seen for (when seen before)
    enum class Effect {
        NewTemplate, ///< arrives as a new shared draft, "adapted from ..."
        Update,      ///< a newer version of the origin of a local template: offers a merge
        Same,        ///< this version (or an older one) was imported already: nothing changes
        Refused      ///< cannot be imported (message says why: tampered, id taken by another form, ...)
    };
    Effect effect = Effect::Refused;
    QString localTemplateId; ///< for Update and Same: the local template it belongs to
    /// Refused only because a form here has the package's id (and is not from this origin): importNew() with
    /// another id imports it.
    bool idTaken = false;
    QString message; ///< in words
};

/// The person's answer to one merge conflict.
enum class MergeChoice { KeepMine, TakeTheirs };

/// Form packages: export a published version signed with the organisation's key, import one as a new shared draft,
/// compare an adapted template with its origin, take the origin's updates (a three-way merge through Edits, so every
/// change is in the change log). Every call is checked against the signed-in person's role and audited.
class PackageStore
{
public:
    PackageStore(Database &db, const Session &session);

    Result<OrganisationSettings> settings() const;
    Outcome setSettings(const OrganisationSettings &settings); ///< admins only

    /// The organisation's public key, making the key pair on first use (admins only when it must be made).
    Result<QByteArray> publicKey();

    /// Packages a published version (0: the newest published) signed with the organisation's key. Publishers only;
    /// needs the organisation's name and code to be set (refused in words otherwise).
    Result<QByteArray> exportPackage(const QString &templateId, int version = 0);

    /// The provenance a package of this published version (0: the newest published) would carry; for "About
    /// this form" of the organisation's own forms.
    Result<Provenance> provenance(const QString &templateId, int version = 0) const;

    /// Reads and checks a package and says what importing it would do; changes nothing.
    Result<PackagePreview> preview(const QByteArray &bytes) const;

    /// Imports a NewTemplate package: a new shared draft (version 1) of the origin's content with the origin
    /// recorded. Refused unless preview() says NewTemplate. `asId` gives the local template another id.
    Result<QString> importNew(const QByteArray &bytes, const QString &asId = {});

    /// The origin of a local template; NotFound when it was not imported from a package.
    Result<TemplateOrigin> origin(const QString &templateId) const;

    /// What this team changed against the origin version it is based on, question by question ("What changed"),
    /// from the origin base to the newest local version (draft included).
    Result<TemplateDiff> diffWithOrigin(const QString &templateId) const;

    /// Plans taking an Update package into the local template's draft (starting one when the newest version is
    /// published); changes nothing.
    Result<MergePlan> planUpdate(const QByteArray &bytes) const;

    /// Takes an Update package: applies the plan's edits and, for each conflict, what `choose` answers, through
    /// TemplateStore::applyEdit (each with a note "From ORGANISATION version N"); then the origin base moves to the
    /// package's version. All or nothing. The draft then goes through the usual approval before it is published.
    Outcome takeUpdate(const QByteArray &bytes, const std::function<MergeChoice(const MergeConflict &)> &choose);

private:
    Database &m_db;
    const Session &m_session;
};

} // namespace coform
