#include "shared/packageimportdialog.h"

#include "common/scrolledbody.h"
#include "model/jsonreader.h"
#include "pdf/aboutformpdf.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextDocument>
#include <QVBoxLayout>

namespace coform {

namespace {

QLabel *wrapped(const QString &text, const QString &name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus); // a screen reader and the keyboard reach it with Tab
    label->setAccessibleName(text);
    return label;
}

QLabel *heading(const QString &text, const QString &name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

QString PackageImportDialog::signatureWords(const PackagePreview &preview)
{
    const PackageCheck &check = preview.check;
    if (!check.valid()) {
        QString why = check.message.trimmed();
        if (!why.endsWith(QLatin1Char('.')))
            why += QLatin1Char('.');
        if (!why.contains(QLatin1String("Nothing was imported")))
            why += QLatin1Char(' ') + tr("Nothing was imported.");
        return tr("Refused: %1 Ask whoever sent it for a new copy.").arg(why);
    }
    const QString org = preview.package.provenance.organisationName;
    const QString words = fingerprintWords(check.publicKey);
    const QString hex = fingerprintHex(check.publicKey);
    if (preview.keySeenBefore)
        return tr("The signature holds: the file is exactly as it was signed. It was signed with a key you have seen "
                  "before, from %1. Its words: %2 (%3).")
            .arg(preview.keyOrganisation.isEmpty() ? org : preview.keyOrganisation, words, hex);
    return tr("The signature holds: the file is exactly as it was signed. It was signed with a new key, not seen "
              "here before: check these words with %1 by phone or email before you rely on the form: %2 (%3).")
        .arg(org, words, hex);
}

QString PackageImportDialog::effectWords(const PackagePreview &preview)
{
    const Provenance &p = preview.package.provenance;
    switch (preview.effect) {
    case PackagePreview::Effect::NewTemplate:
        return tr("Importing makes a new shared draft, \u201c%1\u201d, adapted from %2's version %3. Nothing else "
                  "changes. Your group can change the draft, and it goes through the usual approval before it is "
                  "published.")
            .arg(p.title, p.organisationName)
            .arg(p.version);
    case PackagePreview::Effect::Update:
        return tr("This is a newer version (%1) of the form your template \u201c%2\u201d was adapted from. Taking the "
                  "update shows what it would change, keeps your own changes, and asks you wherever you and %3 "
                  "changed the same thing. Nothing changes until you choose.")
            .arg(p.version)
            .arg(preview.localTemplateId, p.organisationName);
    case PackagePreview::Effect::Same:
        return tr("Nothing changes: this version was imported already, into your template \u201c%1\u201d.")
            .arg(preview.localTemplateId);
    case PackagePreview::Effect::Refused:
        if (preview.idTaken)
            return tr("A form here already has the id \u201c%1\u201d, and it was not imported from %2. To import this "
                      "one beside yours, give it another id below: yours is not changed.")
                .arg(preview.package.content.id, p.organisationName);
        break;
    }
    return preview.message.isEmpty() ? tr("This package cannot be imported.")
                                     : tr("This package cannot be imported: %1").arg(preview.message);
}

PackageImportDialog::PackageImportDialog(const PackagePreview &preview, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("packageImportDialog"));
    setWindowTitle(tr("Import a form package"));
    setAccessibleName(tr("Import a form package"));
    auto *outer = new QVBoxLayout(this);
    QVBoxLayout *layout = scrolledBody(this, outer);

    layout->addWidget(heading(tr("Signature"), QStringLiteral("signatureHeading"), this));
    auto *signature = wrapped(signatureWords(preview), QStringLiteral("signatureWords"), this);
    layout->addWidget(signature);

    const bool valid = preview.check.valid();
    if (valid) {
        layout->addWidget(heading(tr("What importing will do"), QStringLiteral("effectHeading"), this));
        layout->addWidget(wrapped(effectWords(preview), QStringLiteral("effectWords"), this));
        if (preview.idTaken)
            addNewIdField(preview, layout);
        // The provenance in the words of the "About this form" PDF, in the same scrolling area as the rest (its own
        // heading included).
        const QString html = aboutFormHtml(preview.package.provenance);
        auto *about = new QLabel(html, this);
        about->setObjectName(QStringLiteral("aboutThisForm"));
        about->setTextFormat(Qt::RichText);
        about->setWordWrap(true);
        about->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        about->setFocusPolicy(Qt::StrongFocus);
        QTextDocument words;
        words.setHtml(html);
        about->setAccessibleName(words.toPlainText());
        layout->addWidget(about);
        layout->addStretch(1);
    } else {
        layout->addStretch(1);
    }

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("packageImportButtons"));
    if (valid && (preview.effect == PackagePreview::Effect::NewTemplate || preview.idTaken)) {
        m_action = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
        m_action->setAccessibleName(tr("Import: make the new shared draft"));
    } else if (valid && preview.effect == PackagePreview::Effect::Update) {
        m_action = buttons->addButton(tr("&See the update\u2026"), QDialogButtonBox::AcceptRole);
        m_action->setAccessibleName(tr("See the update: what it would change, before anything changes"));
    }
    QPushButton *close = buttons->addButton(m_action ? tr("&Cancel") : tr("&Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("packageImportClose"));
    close->setAccessibleName(m_action ? tr("Cancel: import nothing") : tr("Close"));
    if (m_action) {
        m_action->setObjectName(QStringLiteral("packageImportAction"));
        m_action->setDefault(true);
    } else {
        close->setDefault(true);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
    fitToScreen(this, QSize(760, valid ? 680 : 300));
    signature->setFocus();
    if (m_newId)
        checkNewId();
}

void PackageImportDialog::addNewIdField(const PackagePreview &preview, QVBoxLayout *layout)
{
    auto *label = new QLabel(tr("&New id for the imported form:"), this);
    label->setWordWrap(true); // the largest text wraps it rather than widening the dialog past the screen
    m_newId = new QLineEdit(this);
    m_newId->setObjectName(QStringLiteral("packageNewId"));
    m_newId->setAccessibleName(tr("New id for the imported form"));
    m_newId->setAccessibleDescription(tr("Lower-case letters, digits and -"));
    label->setBuddy(m_newId);
    // A suggestion: the package's id and the making organisation's code ("chc-review-qrl").
    QString code = preview.package.provenance.organisationCode.toLower();
    code.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    code.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    m_newId->setText(code.isEmpty() ? preview.package.content.id + QStringLiteral("-adapted")
                                    : preview.package.content.id + QLatin1Char('-') + code);
    m_newIdProblem = new QLabel(this);
    m_newIdProblem->setObjectName(QStringLiteral("packageNewIdProblem"));
    m_newIdProblem->setWordWrap(true);
    m_newIdProblem->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    layout->addWidget(m_newId);
    layout->addWidget(m_newIdProblem);
    connect(m_newId, &QLineEdit::textChanged, this, &PackageImportDialog::checkNewId);
}

void PackageImportDialog::checkNewId()
{
    const QString id = m_newId->text();
    const bool ok = JsonReader::isValidId(id);
    m_newIdProblem->setText(ok             ? QString()
                            : id.isEmpty() ? tr("Give the form an id.")
                                           : tr("\u201c%1\u201d cannot be an id: use lower-case letters, digits "
                                                "and -, starting with a letter or digit.")
                                                 .arg(id.left(64)));
    m_newIdProblem->setAccessibleName(m_newIdProblem->text());
    m_newIdProblem->setVisible(!ok);
    if (m_action)
        m_action->setEnabled(ok);
}

QString PackageImportDialog::newId() const
{
    return m_newId ? m_newId->text() : QString();
}

} // namespace coform
