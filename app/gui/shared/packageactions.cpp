#include "shared/packageactions.h"

#include "mainwindow.h"
#include "shared/conflictdialog.h"
#include "shared/origincomparedialog.h"
#include "shared/packageimportdialog.h"

#include "common/filedialogs.h"
#include "format/outputfile.h"
#include "pdf/aboutformpdf.h"
#include "store/packagestore.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

namespace coform {

namespace {

/// Asks an admin for the organisation's name and code, which every package it makes carries.
class OrganisationDialog : public QDialog
{
public:
    explicit OrganisationDialog(QWidget *parent)
        : QDialog(parent)
        , m_name(new QLineEdit(this))
        , m_code(new QLineEdit(this))
    {
        setObjectName(QStringLiteral("organisationDialog"));
        setWindowTitle(tr("Your organisation"));
        setAccessibleName(windowTitle());
        auto *intro = new QLabel(tr("Every form package your organisation makes says who made it. Set your "
                                    "organisation's name and its code (such as its ODS code) once; the teams you send "
                                    "forms to see them."),
                                 this);
        intro->setWordWrap(true);
        m_name->setObjectName(QStringLiteral("organisationName"));
        m_name->setAccessibleName(tr("Organisation name"));
        m_code->setObjectName(QStringLiteral("organisationCode"));
        m_code->setAccessibleName(tr("Organisation code"));
        auto *form = new QFormLayout;
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        auto *nameLabel = new QLabel(tr("&Name:"), this);
        nameLabel->setBuddy(m_name);
        auto *codeLabel = new QLabel(tr("C&ode:"), this);
        codeLabel->setBuddy(m_code);
        form->addRow(nameLabel, m_name);
        form->addRow(codeLabel, m_code);
        auto *buttons = new QDialogButtonBox(this);
        QPushButton *save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
        save->setObjectName(QStringLiteral("organisationSave"));
        save->setDefault(true);
        QPushButton *cancel = buttons->addButton(tr("&Cancel"), QDialogButtonBox::RejectRole);
        cancel->setObjectName(QStringLiteral("organisationCancel"));
        connect(buttons, &QDialogButtonBox::accepted, this, [this] {
            if (!name().isEmpty() && !code().isEmpty())
                accept();
        });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(intro);
        layout->addLayout(form);
        layout->addWidget(buttons);
        resize(520, sizeHint().height());
    }
    QString name() const { return m_name->text().trimmed(); }
    QString code() const { return m_code->text().trimmed(); }

private:
    QLineEdit *m_name;
    QLineEdit *m_code;
};

} // namespace

PackageActions::PackageActions(MainWindow *window, QMenu *sharedMenu, QAction *before, Database &db,
                               const Session &session, std::function<void(const QString &)> open, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_db(db)
    , m_session(session)
    , m_open(std::move(open))
{
    QMenu *file = window->fileMenu();
    auto add = [&](QMenu *menu, QAction *at, const QString &name, const QString &text, auto slot) {
        auto *action = new QAction(text, menu);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        if (at)
            menu->insertAction(at, action);
        else
            menu->addAction(action);
        return action;
    };
    add(file, before, QStringLiteral("actionImportPackage"), tr("Import a form packa&ge\u2026"),
        [this] { chooseAndImport(); });
    add(file, before, QStringLiteral("actionExportPackage"), tr("E&xport a form package\u2026"),
        [this] { exportPackage(); });
    add(file, before, QStringLiteral("actionSaveAboutPdf"), tr("Save \u201cA&bout this form\u201d as PDF\u2026"),
        [this] { saveAboutPdf(); });
    file->insertSeparator(before);
    if (sharedMenu)
        add(sharedMenu, nullptr, QStringLiteral("actionCompareOrigin"), tr("Compare with the ori&gin\u2026"),
            [this] { compareWithOrigin(); });
}

void PackageActions::tell(const QString &title, const QString &message, bool refused)
{
    QMessageBox box(refused ? QMessageBox::Warning : QMessageBox::Information, title, message, QMessageBox::Ok,
                    m_window);
    box.setObjectName(QStringLiteral("packageMessage"));
    box.setAccessibleName(title);
    box.exec();
}

void PackageActions::chooseAndImport()
{
    const QString path = FileDialogs::openFileName(m_window, tr("Import a form package"),
                                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                   tr("Form packages (*.coform);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        tell(tr("The package was not imported"), tr("%1 cannot be read: %2").arg(path, file.errorString()), true);
        return;
    }
    importPackage(file.readAll());
}

bool PackageActions::importPackage(const QByteArray &bytes)
{
    PackageStore store(m_db, m_session);
    const Result<PackagePreview> preview = store.preview(bytes);
    if (!preview.ok()) {
        tell(tr("The package was not imported"), preview.message(), true);
        return false;
    }
    PackageImportDialog dialog(preview.value(), m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.actionButton())
        return false;
    const Provenance &provenance = preview->package.provenance;
    if (preview->effect == PackagePreview::Effect::Update)
        return takeUpdate(bytes, preview->localTemplateId, provenance);
    const Result<QString> id = store.importNew(bytes, dialog.newId());
    if (!id.ok()) {
        tell(tr("The package was not imported"), id.message(), true);
        return false;
    }
    m_open(id.value());
    m_window->statusBar()->showMessage(tr("Imported \u201c%1\u201d from %2 as a new shared draft.")
                                           .arg(provenance.title, provenance.organisationName));
    return true;
}

bool PackageActions::takeUpdate(const QByteArray &bytes, const QString &localTemplateId, const Provenance &origin)
{
    PackageStore store(m_db, m_session);
    const Result<MergePlan> plan = store.planUpdate(bytes);
    if (!plan.ok()) {
        tell(tr("The update was not taken"), plan.message(), true);
        return false;
    }
    UpdatePlanDialog planDialog(origin, localTemplateId, plan.value(), m_window);
    if (planDialog.exec() != QDialog::Accepted)
        return false;
    // Every conflict is asked before anything changes: closing one of them changes nothing at all.
    QVector<MergeChoice> answers;
    for (const MergeConflict &conflict : plan->conflicts) {
        ConflictDialog ask(conflict.what, conflict.mine, origin.organisationName, origin.publishedAt, conflict.theirs,
                           false, m_window);
        ask.describeAsUpdate(conflict.what, origin.organisationName);
        if (ask.exec() != QDialog::Accepted) {
            tell(tr("The update was not taken"), tr("Nothing was changed: you stopped before choosing every one."),
                 false);
            return false;
        }
        answers.append(ask.choice() == ConflictDialog::Choice::UseMine ? MergeChoice::KeepMine
                                                                       : MergeChoice::TakeTheirs);
    }
    const QVector<MergeConflict> asked = plan->conflicts;
    const Outcome taken = store.takeUpdate(bytes, [&](const MergeConflict &c) {
        for (qsizetype i = 0; i < asked.size(); ++i) {
            if (asked.at(i).itemId == c.itemId && asked.at(i).sectionId == c.sectionId && asked.at(i).what == c.what)
                return answers.at(i);
        }
        return MergeChoice::KeepMine; // not asked (the draft changed meanwhile): this team's value stays
    });
    if (!taken.ok()) {
        tell(tr("The update was not taken"), taken.message, true);
        return false;
    }
    m_open(localTemplateId);
    m_window->statusBar()->showMessage(tr("Took %1's version %2 into your draft. It goes through the usual approval "
                                          "before it is published.")
                                           .arg(origin.organisationName)
                                           .arg(origin.version));
    return true;
}

QString PackageActions::openTemplateId()
{
    const TemplateDocument *document = m_window->document();
    if (document->origin() != TemplateDocument::Origin::Store) {
        tell(tr("Open a shared template first"),
             tr("Open the shared template first (Shared templates > Open a shared template)."), true);
        return {};
    }
    return document->content().id;
}

bool PackageActions::ensureOrganisation()
{
    PackageStore store(m_db, m_session);
    const Result<OrganisationSettings> settings = store.settings();
    if (settings.ok() && !settings->name.isEmpty() && !settings->code.isEmpty())
        return true;
    if (m_session.role() != Role::Admin) {
        tell(tr("Your organisation is not set yet"),
             tr("A form package says which organisation made it, and your organisation's name and code are not set "
                "yet. An admin sets them when they first export a form package; ask an admin of your Coform."),
             true);
        return false;
    }
    OrganisationDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    OrganisationSettings updated = settings.ok() ? settings.value() : OrganisationSettings{};
    updated.name = dialog.name();
    updated.code = dialog.code();
    const Outcome saved = store.setSettings(updated);
    if (!saved.ok())
        tell(tr("Your organisation was not saved"), saved.message, true);
    return saved.ok();
}

void PackageActions::exportPackage()
{
    const QString id = openTemplateId();
    if (id.isEmpty() || !ensureOrganisation())
        return;
    PackageStore store(m_db, m_session);
    const Result<QByteArray> bytes = store.exportPackage(id);
    if (!bytes.ok()) {
        tell(tr("The package was not made"), bytes.message(), true);
        return;
    }
    const Result<Provenance> provenance = store.provenance(id);
    const int version = provenance.ok() ? provenance->version : 0;
    const QString path =
        FileDialogs::saveFileName(m_window, tr("Export a form package"),
                                  QStringLiteral("%1/%2-v%3.coform")
                                      .arg(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), id)
                                      .arg(version),
                                  tr("Form packages (*.coform)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeFileAtomically(path, bytes.value(), &error)) {
        tell(tr("The package was not saved"), error, true);
        return;
    }
    const Result<QByteArray> key = store.publicKey();
    tell(tr("Form package saved"),
         tr("Saved %1. It is signed with your organisation's key, whose words are: %2. Tell these words to the teams "
            "you send it to (by phone or email), so that they can check it came from you.")
             .arg(path, key.ok() ? fingerprintWords(key.value()) : tr("(cannot be read: %1)").arg(key.message())),
         false);
}

void PackageActions::saveAboutPdf()
{
    const QString id = openTemplateId();
    if (id.isEmpty())
        return;
    PackageStore store(m_db, m_session);
    Result<Provenance> provenance = store.provenance(id);
    if (!provenance.ok()) {
        // An imported form not yet published here: what its maker's package said about it.
        const Result<TemplateOrigin> origin = store.origin(id);
        if (origin.ok())
            provenance = origin->provenance;
    }
    if (!provenance.ok()) {
        tell(tr("\u201cAbout this form\u201d was not made"), provenance.message(), true);
        return;
    }
    const QString path =
        FileDialogs::saveFileName(m_window, tr("Save \u201cAbout this form\u201d as PDF"),
                                  QStringLiteral("%1/%2-about-v%3.pdf")
                                      .arg(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), id)
                                      .arg(provenance->version),
                                  tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QByteArray pdf;
    QString error;
    if (!writeAboutFormPdf(provenance.value(), QDate::currentDate(), &pdf, &error)
        || !writeFileAtomically(path, pdf, &error)) {
        tell(tr("The PDF was not saved"), error, true);
        return;
    }
    m_window->statusBar()->showMessage(tr("Saved \u201cAbout this form\u201d as %1.").arg(path));
}

void PackageActions::compareWithOrigin()
{
    const QString id = openTemplateId();
    if (id.isEmpty())
        return;
    PackageStore store(m_db, m_session);
    const Result<TemplateOrigin> origin = store.origin(id);
    if (!origin.ok()) {
        tell(tr("No origin to compare with"),
             origin.status() == StoreStatus::NotFound
                 ? tr("\u201c%1\u201d was not imported from a form package, so there is no origin to compare it with.")
                       .arg(id)
                 : origin.message(),
             true);
        return;
    }
    const Result<TemplateDiff> changes = store.diffWithOrigin(id);
    if (!changes.ok()) {
        tell(tr("No origin to compare with"), changes.message(), true);
        return;
    }
    auto *dialog = new OriginCompareDialog(origin.value(), changes.value(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace coform
