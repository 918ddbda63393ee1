// PackageStore: the provenance of a published version and the package made of it.

#include "check/coverage.h"
#include "check/plainlanguage.h"
#include "model/picturelibrary.h"
#include "model/requirementset.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/packagerows.h"
#include "store/permissions.h"
#include "store/templatestore.h"
#include "store/transaction.h"

#include <QFile>

namespace coform {

namespace {

bool isPublished(VersionStatus s)
{
    return s == VersionStatus::Published || s == VersionStatus::Retired;
}

/// The published versions of a template up to `version` (0: up to the newest published), oldest first; the last is
/// the version asked for. NotFound in words when there is none, Conflict when `version` was never published.
Result<QVector<VersionInfo>> publishedUpTo(const TemplateStore &store, const QString &templateId, int version)
{
    const Result<QVector<VersionInfo>> all = store.versions(templateId);
    if (!all.ok())
        return all.outcome();
    QVector<VersionInfo> out;
    bool asked = version == 0;
    for (const VersionInfo &v : all.value()) {
        if (version > 0 && v.version > version)
            continue;
        if (version > 0 && v.version == version) {
            if (!isPublished(v.status))
                return Outcome::conflict(QStringLiteral("version %2 of '%1' is %3: only a published version can be "
                                                        "shared as a form package")
                                             .arg(templateId)
                                             .arg(version)
                                             .arg(versionStateWords(v.status)));
            asked = true;
        }
        if (isPublished(v.status))
            out << v;
    }
    std::sort(out.begin(), out.end(), [](const VersionInfo &a, const VersionInfo &b) { return a.version < b.version; });
    if (out.isEmpty())
        return Outcome::conflict(
            QStringLiteral("'%1' has no published version yet: publish it before sharing it as a form package")
                .arg(templateId));
    if (!asked)
        return Outcome::notFound(QStringLiteral("template '%1' has no version %2").arg(templateId).arg(version));
    return out;
}

/// The words a person reads of a template's questions: each label, help text and option label on its own line.
QString questionWords(const Template &t, int *questions)
{
    QStringList lines;
    *questions = 0;
    for (const Section &s : t.sections) {
        for (const Item &item : s.items) {
            if (item.type != ItemType::Info)
                ++*questions;
            lines << item.label << item.help;
            for (const Option &o : item.options)
                lines << o.label;
        }
    }
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

QByteArray resourceBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

Result<Provenance> PackageStore::provenance(const QString &templateId, int version) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    const Result<OrganisationSettings> settings = PackageRows::readSettings(m_db);
    if (!settings.ok())
        return settings.outcome();
    const TemplateStore store(m_db, m_session);
    const Result<QVector<VersionInfo>> published = publishedUpTo(store, templateId, version);
    if (!published.ok())
        return published.outcome();
    const VersionInfo &info = published->last();
    const Result<Template> content = store.get(templateId, info.version);
    if (!content.ok())
        return content.outcome();
    const Template &t = content.value();

    Provenance p;
    p.organisationName = settings->name;
    p.organisationCode = settings->code;
    p.templateId = templateId;
    p.version = info.version;
    p.title = t.title;
    p.publishedAt = info.publishedAt;
    for (const Approval &a : info.approvals)
        p.approvals << ProvenanceApproval{a.role, a.at.toUTC().date(),
                                          settings->namesInPackages ? a.userName : QString()};

    p.requirementSetId = t.requirementSet;
    p.coverageReason = info.coverageReason;
    if (const auto set = t.requirementSet.isEmpty() ? std::nullopt : bundledRequirementSet(t.requirementSet)) {
        const Coverage coverage = computeCoverage(t, *set);
        p.requirementsTotal = int(set->requirements.size());
        p.requirementsCovered = p.requirementsTotal - int(coverage.uncovered.size());
        for (const QString &id : coverage.uncovered) {
            const Requirement *r = set->find(id);
            p.uncovered << (r ? QStringLiteral("%1 %2").arg(id, r->title) : id);
        }
    }

    const QString words = questionWords(t, &p.questions);
    const Readability readability = measureReadability(words);
    p.readingEase = readability.fleschReadingEase;
    p.wordsPerSentence = readability.wordsPerSentence;
    p.longSentences = int(longSentences(words).size());
    p.jargonWords = int(JargonList::bundled(t.sourceLanguage()).find(words).size());

    int previous = 0;
    for (const VersionInfo &v : published.value()) {
        const Result<TemplateDiff> diff = store.diff(templateId, previous, v.version);
        if (!diff.ok())
            return diff.outcome();
        const DiffWords lines = diffWords(diff.value(), settings->namesInPackages);
        ProvenanceVersion h;
        h.version = v.version;
        h.published = v.publishedAt.toUTC().date();
        h.changes = previous == 0 ? QStringList{QStringLiteral("The first published version.")} : lines.changes;
        h.notChanged = lines.notChanged;
        p.history << h;
        previous = v.version;
    }

    const Result<TemplateOrigin> origin = PackageRows::readOrigin(m_db, templateId);
    if (origin.ok()) {
        p.adaptedFromOrganisation = origin->organisationName;
        p.adaptedFromTemplateId = origin->originTemplateId;
        p.adaptedFromVersion = origin->originVersion;
    } else if (origin.status() != StoreStatus::NotFound) {
        return origin.outcome();
    }
    return p;
}

Result<QByteArray> PackageStore::exportPackage(const QString &templateId, int version)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::Publish); !allowed.ok())
        return Outcome::notPermitted(
            QStringLiteral("not permitted: only an admin (who may publish) can share a form package"));
    const Result<OrganisationSettings> settings = PackageRows::readSettings(m_db);
    if (!settings.ok())
        return settings.outcome();
    if (settings->name.isEmpty() || settings->code.isEmpty())
        return Outcome::invalid(QStringLiteral(
            "the organisation's name and code are not set yet: every form package says who made it. An admin sets "
            "them with `coform-cli package settings --name NAME --code CODE`"));
    Result<Provenance> provenance = this->provenance(templateId, version);
    if (!provenance.ok())
        return provenance.outcome();
    const TemplateStore store(m_db, m_session);
    const Result<Template> content = store.get(templateId, provenance->version);
    if (!content.ok())
        return content.outcome();

    FormPackage package;
    package.content = content.value();
    package.provenance = provenance.value();
    if (!package.content.requirementSet.isEmpty())
        package.requirementSet =
            resourceBytes(QStringLiteral(":/coform/requirements/%1.json").arg(package.content.requirementSet));
    package.jargon = resourceBytes(QStringLiteral(":/coform/jargon/%1.json").arg(package.content.sourceLanguage()));
    for (const Picture *picture : allPictures(package.content)) {
        Picture p = *picture;
        p.data = pictureFileBytes(p);
        p.mediaType = pictureFileType(p);
        if (p.data.isEmpty())
            return Outcome::invalid(QStringLiteral("the picture %1 of '%2' cannot be found, so it cannot be packaged")
                                        .arg(picture->reference(), templateId));
        package.pictures.insert(picture->reference(), p);
    }

    const Result<SigningKey> key = PackageRows::ensureKey(m_db, m_session.dataKey(), m_session.userId());
    if (!key.ok())
        return key.outcome();
    const QByteArray bytes = writeFormPackage(package, key.value());
    if (bytes.isEmpty())
        return Outcome::failed(QStringLiteral("the form package could not be signed"));

    Transaction tx(m_db);
    QString error;
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    if (!AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::ExportPackage, 0, 0,
                          QStringLiteral("template %1 version %2").arg(templateId).arg(provenance->version), &error)
        || !tx.commit())
        return dbFailure(m_db, error.isEmpty() ? tx.error() : error);
    return bytes;
}

} // namespace coform
