// coform-cli package settings [--name NAME --code CODE --names-in-packages yes|no] | key | export ID [--version N]
//            --out FILE | show FILE | import FILE [--as ID] | update FILE [--keep-mine | --take-theirs]
//            | about FILE [--format pdf|html] --out FILE
// Form packages (docs/formats.md, "Form packages"): a published form with how it was made, signed by the
// organisation's key, to share with another team.
#include "clisession.h"
#include "command.h"
#include "packageupdate.h"
#include "signin.h"

#include "format/outputfile.h"
#include "pdf/aboutformpdf.h"
#include "pdf/renderer.h"
#include "store/packagestore.h"

#include <QFile>

namespace coform::cli {
namespace {

const char *const usage =
    "usage: coform-cli package settings [--name NAME --code CODE --names-in-packages yes|no] | key | export ID "
    "[--version N] --out FILE | show FILE | import FILE [--as ID] | update FILE [--keep-mine | --take-theirs] | "
    "about FILE [--format pdf|html] --out FILE   [--db PATH-or-URL] [--user NAME]";

constexpr qint64 kMaxPackageFileBytes = 64 * 1024 * 1024;

int badUsage()
{
    return usageError(usage);
}

/// The bytes of a package file; nothing (after printing why) when it cannot be read.
std::optional<QByteArray> readPackageFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("%1: cannot be opened: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > kMaxPackageFileBytes) {
        printError(QStringLiteral("%1: is bigger than any form package can be").arg(path));
        return std::nullopt;
    }
    return file.readAll();
}

QString roleWords(Role role)
{
    return role == Role::Coproducer ? QStringLiteral("a coproducer (lived experience)")
                                    : QStringLiteral("a member of staff (%1)").arg(roleName(role));
}

/// The provenance in words, a line each.
void printProvenance(const Provenance &p)
{
    printLine(QStringLiteral("Form: %1 ('%2', version %3), published %4")
                  .arg(p.title, p.templateId)
                  .arg(p.version)
                  .arg(p.publishedAt.toUTC().date().toString(Qt::ISODate)));
    printLine(QStringLiteral("Made by: %1 (%2)").arg(p.organisationName, p.organisationCode));
    if (!p.adaptedFromOrganisation.isEmpty())
        printLine(QStringLiteral("Adapted from: version %1 of %2's '%3'")
                      .arg(p.adaptedFromVersion)
                      .arg(p.adaptedFromOrganisation, p.adaptedFromTemplateId));
    QStringList approvals;
    for (const ProvenanceApproval &a : p.approvals)
        approvals << QStringLiteral("%1%2 on %3")
                         .arg(a.name.isEmpty() ? QString() : a.name + QStringLiteral(", "), roleWords(a.role),
                              a.date.toString(Qt::ISODate));
    printLine(QStringLiteral("Approved by: %1")
                  .arg(approvals.isEmpty() ? QStringLiteral("nobody recorded") : approvals.join(QStringLiteral("; "))));
    if (p.requirementSetId.isEmpty()) {
        printLine(QStringLiteral("Requirements: the form is not checked against a requirement set"));
    } else {
        printLine(QStringLiteral("Requirements: %1 of %2 covered (%3)")
                      .arg(p.requirementsCovered)
                      .arg(p.requirementsTotal)
                      .arg(p.requirementSetId));
        for (const QString &r : p.uncovered)
            printLine(QStringLiteral("  not covered: %1").arg(r));
        if (!p.coverageReason.isEmpty())
            printLine(QStringLiteral("  published anyway because: %1").arg(p.coverageReason));
    }
    printLine(QStringLiteral("Plain language: %1 questions; reading ease %2 (60 or more is plain English); %3 words "
                             "a sentence; %4 sentences over 20 words; %5 jargon words")
                  .arg(p.questions)
                  .arg(qRound(p.readingEase))
                  .arg(p.wordsPerSentence, 0, 'f', 1)
                  .arg(p.longSentences)
                  .arg(p.jargonWords));
    printLine(QStringLiteral("What changed:"));
    for (const ProvenanceVersion &v : p.history) {
        printLine(QStringLiteral("  Version %1, published %2:").arg(v.version).arg(v.published.toString(Qt::ISODate)));
        for (const QString &line : v.changes + v.notChanged)
            printLine(QStringLiteral("    %1").arg(line));
    }
}

/// The signature check, the key and what importing would do; Done, or InvalidInput when the package is refused.
int printPreview(const PackagePreview &preview)
{
    if (!preview.check.valid()) {
        printError(preview.message);
        return InvalidInput;
    }
    printProvenance(preview.package.provenance);
    printLine(QStringLiteral("Signature: valid. %1").arg(preview.check.message));
    if (preview.keySeenBefore)
        printLine(QStringLiteral("Key: seen here before, for %1").arg(preview.keyOrganisation));
    else
        printLine(QStringLiteral("Key: new, never seen here before. Check its words with %1 by phone or email before "
                                 "trusting it: %2")
                      .arg(preview.package.provenance.organisationName, fingerprintWords(preview.check.publicKey)));
    printLine(
        QStringLiteral("Importing: %1%2")
            .arg(preview.message, preview.idTaken ? QStringLiteral(" (package import FILE --as NEW-ID)") : QString()));
    return Done;
}

int settingsCommand(PackageStore &store, QStringList args)
{
    QString name, code, names;
    bool hasName = false, hasCode = false, hasNames = false;
    if (!takeOption(args, QStringLiteral("--name"), &name, &hasName)
        || !takeOption(args, QStringLiteral("--code"), &code, &hasCode)
        || !takeOption(args, QStringLiteral("--names-in-packages"), &names, &hasNames))
        return BadUsage;
    if (!args.isEmpty())
        return badUsage();
    if (hasNames && names != QLatin1String("yes") && names != QLatin1String("no"))
        return usageError(usage, QStringLiteral("--names-in-packages is yes or no, not '%1'").arg(names));
    Result<OrganisationSettings> current = store.settings();
    if (!current.ok())
        return CliSession::report(current.outcome());
    if (hasName || hasCode || hasNames) {
        OrganisationSettings changed = current.value();
        if (hasName)
            changed.name = name;
        if (hasCode)
            changed.code = code;
        if (hasNames)
            changed.namesInPackages = names == QLatin1String("yes");
        if (const Outcome set = store.setSettings(changed); !set.ok())
            return CliSession::report(set);
        current = store.settings();
        if (!current.ok())
            return CliSession::report(current.outcome());
    }
    const auto orNotSet = [](const QString &text) { return text.isEmpty() ? QStringLiteral("(not set)") : text; };
    printLine(QStringLiteral("Organisation: %1").arg(orNotSet(current->name)));
    printLine(QStringLiteral("Code: %1").arg(orNotSet(current->code)));
    printLine(QStringLiteral("Approvers' names in packages: %1")
                  .arg(current->namesInPackages ? QStringLiteral("yes") : QStringLiteral("no (only role and day)")));
    return Done;
}

int keyCommand(PackageStore &store, const QStringList &args)
{
    if (!args.isEmpty())
        return badUsage();
    const Result<QByteArray> key = store.publicKey();
    if (!key.ok())
        return CliSession::report(key.outcome());
    printLine(QStringLiteral("Fingerprint: %1").arg(fingerprintWords(key.value())));
    printLine(QStringLiteral("Hex: %1").arg(fingerprintHex(key.value())));
    return Done;
}

int exportCommand(PackageStore &store, QStringList args)
{
    QString out, versionText;
    if (!takeOption(args, QStringLiteral("--out"), &out)
        || !takeOption(args, QStringLiteral("--version"), &versionText))
        return BadUsage;
    if (args.size() != 1 || out.isEmpty())
        return badUsage();
    int version = 0;
    if (!versionText.isEmpty()) {
        bool ok = false;
        version = versionText.toInt(&ok);
        if (!ok || version < 1)
            return usageError(usage, QStringLiteral("'%1' is not a version number").arg(versionText));
    }
    const Result<QByteArray> bytes = store.exportPackage(args.first(), version);
    if (!bytes.ok())
        return CliSession::report(bytes.outcome());
    QString error;
    if (!writeFileAtomically(out, bytes.value(), &error)) {
        printError(QStringLiteral("%1: %2").arg(out, error));
        return InvalidInput;
    }
    PackageCheck check;
    const auto package = readFormPackage(bytes.value(), &check);
    printLine(QStringLiteral("%1: version %2 of '%3', %4")
                  .arg(out)
                  .arg(package ? package->provenance.version : version)
                  .arg(args.first(), check.message));
    return Done;
}

int showCommand(PackageStore &store, const QStringList &args)
{
    if (args.size() != 1)
        return badUsage();
    const auto bytes = readPackageFile(args.first());
    if (!bytes)
        return InvalidInput;
    const Result<PackagePreview> preview = store.preview(*bytes);
    if (!preview.ok())
        return CliSession::report(preview.outcome());
    return printPreview(preview.value());
}

int importCommand(PackageStore &store, QStringList args)
{
    QString asId;
    if (!takeOption(args, QStringLiteral("--as"), &asId))
        return BadUsage;
    if (args.size() != 1)
        return badUsage();
    const auto bytes = readPackageFile(args.first());
    if (!bytes)
        return InvalidInput;
    const Result<PackagePreview> preview = store.preview(*bytes);
    if (!preview.ok())
        return CliSession::report(preview.outcome());
    if (!preview->check.valid()) {
        printError(preview->message);
        return InvalidInput;
    }
    switch (preview->effect) {
    case PackagePreview::Effect::Same:
        printLine(preview->message);
        return Done;
    case PackagePreview::Effect::Update:
        printLine(preview->message);
        printLine(
            QStringLiteral("Nothing was imported: `coform-cli package update %1` takes the update.").arg(args.first()));
        return Conflict;
    case PackagePreview::Effect::NewTemplate:
    case PackagePreview::Effect::Refused:
        break;
    }
    if (preview->idTaken && asId.isEmpty()) {
        printError(QStringLiteral("%1 Import it with --as NEW-ID.").arg(preview->message));
        return InvalidInput;
    }
    const Result<QString> imported = store.importNew(*bytes, asId);
    if (!imported.ok())
        return CliSession::report(imported.outcome());
    const Provenance &p = preview->package.provenance;
    printLine(QStringLiteral("Imported '%1' as a new shared draft (version 1), adapted from version %2 of %3's '%4'. "
                             "%5")
                  .arg(imported.value())
                  .arg(p.version)
                  .arg(p.organisationName, p.templateId, preview->check.message));
    return Done;
}

/// "About this form" of a package file, as a one-page PDF or as the form's HTML export with its About section. Needs no
/// database: the package's own signature is checked, and a package that fails it is refused.
int aboutCommand(QStringList args)
{
    QString out, format = QStringLiteral("pdf");
    if (!takeOption(args, QStringLiteral("--out"), &out) || !takeOption(args, QStringLiteral("--format"), &format))
        return BadUsage;
    if (args.size() != 1 || out.isEmpty())
        return badUsage();
    if (format != QLatin1String("pdf") && format != QLatin1String("html"))
        return usageError(usage, QStringLiteral("--format: \"%1\" is not one of pdf, html").arg(format));
    const auto bytes = readPackageFile(args.first());
    if (!bytes)
        return InvalidInput;
    PackageCheck check;
    const std::optional<FormPackage> package = readFormPackage(*bytes, &check);
    if (!package) {
        printError(QStringLiteral("%1: %2").arg(args.first(), check.message));
        return InvalidInput;
    }
    QByteArray written;
    QString error;
    bool ok = false;
    if (format == QLatin1String("pdf")) {
        ok = writeAboutFormPdf(package->provenance, QDate::currentDate(), &written, &error);
    } else {
        RenderOptions options;
        options.about = package->provenance;
        ok = renderHtml(package->content, nullptr, options, &written, &error);
    }
    if (!ok || !writeFileAtomically(out, written, &error)) {
        printError(QStringLiteral("%1: %2").arg(out, error));
        return InvalidInput;
    }
    printLine(QStringLiteral("%1: About this form, version %2 of %3's '%4'. %5")
                  .arg(out)
                  .arg(package->provenance.version)
                  .arg(package->provenance.organisationName, package->provenance.title, check.message));
    return Done;
}

int runPackage(const QStringList &arguments)
{
    CliSession cli;
    std::optional<CommandWords> words = takeCommand(cli, arguments, usage);
    if (!words)
        return BadUsage;
    const QString sub = words->sub;
    if (sub == QLatin1String("about"))
        return aboutCommand(words->args); // the package file alone: no database, no sign-in
    if (sub == QLatin1String("update"))
        return runPackageUpdate(cli, words->args); // cmd_packageupdate.cpp
    const QStringList known{QStringLiteral("settings"), QStringLiteral("key"), QStringLiteral("export"),
                            QStringLiteral("show"), QStringLiteral("import")};
    if (!known.contains(sub))
        return badUsage();
    return signedIn(cli, [&](const Session &session) -> int {
        PackageStore store(*cli.database(), session);
        if (sub == QLatin1String("settings"))
            return settingsCommand(store, words->args);
        if (sub == QLatin1String("key"))
            return keyCommand(store, words->args);
        if (sub == QLatin1String("export"))
            return exportCommand(store, words->args);
        if (sub == QLatin1String("show"))
            return showCommand(store, words->args);
        return importCommand(store, words->args);
    });
}

const CommandRegistration registration(
    "package",
    "package settings [--name NAME --code CODE --names-in-packages yes|no] | key | export ID [--version N] --out FILE "
    "| show FILE | import FILE [--as ID] | update FILE [--keep-mine | --take-theirs] | about FILE [--format pdf|html] "
    "--out FILE",
    runPackage);

} // namespace
} // namespace coform::cli
