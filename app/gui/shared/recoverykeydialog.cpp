#include "shared/recoverykeydialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace coform {

RecoveryKeyDialog::RecoveryKeyDialog(const QString &recoveryKey, QWidget *parent)
    : QDialog(parent)
    , m_key(recoveryKey)
{
    setObjectName(QStringLiteral("recoveryKeyDialog"));
    setWindowTitle(tr("Your recovery key"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Coform keeps people's details and answers locked with a key. Each admin and reviewer "
                                "opens it with their password. If every admin forgets their password, this recovery "
                                "key is the only way back to the data.\n\nWrite it down or print it now, and lock it "
                                "away like a bank card: anyone holding it and a copy of the database can read the "
                                "data. Coform shows it only this once."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *key = new QLabel(recoveryKey);
    key->setObjectName(QStringLiteral("recoveryKeyText"));
    key->setAccessibleName(tr("Recovery key"));
    key->setAccessibleDescription(recoveryKey.split(QLatin1Char('-')).join(QLatin1String(", ")));
    key->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    key->setFocusPolicy(Qt::StrongFocus);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    mono.setBold(true);
    key->setFont(mono);
    key->setAlignment(Qt::AlignCenter);
    key->setMargin(12);
    layout->addWidget(key);
    auto *buttons = new QDialogButtonBox;
    QPushButton *printButton = buttons->addButton(tr("&Print it\u2026"), QDialogButtonBox::ActionRole);
    printButton->setObjectName(QStringLiteral("recoveryKeyPrint"));
    QPushButton *done = buttons->addButton(tr("I have &kept it safe"), QDialogButtonBox::AcceptRole);
    done->setObjectName(QStringLiteral("recoveryKeyDone"));
    done->setDefault(true);
    layout->addWidget(buttons);
    connect(printButton, &QPushButton::clicked, this, &RecoveryKeyDialog::print);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
}

void RecoveryKeyDialog::showKey(const QString &recoveryKey, QWidget *parent)
{
    RecoveryKeyDialog dialog(recoveryKey, parent);
    dialog.exec();
}

void RecoveryKeyDialog::print()
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument page;
    page.setPlainText(tr("Coform recovery key\n\n%1\n\nKeep this locked away. With it, an admin who has forgotten "
                         "their password gets the data back (coform-cli user recover NAME).")
                          .arg(m_key));
    page.print(&printer);
}

} // namespace coform
