#include "preview/printstyledialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace coform {

namespace {

QString styleName(PrintProfile profile)
{
    switch (profile) {
    case PrintProfile::Large:
        return QObject::tr("Large print");
    case PrintProfile::Easy:
        return QObject::tr("Easy read");
    case PrintProfile::Standard:
        break;
    }
    return QObject::tr("Standard print");
}

} // namespace

PrintStyleDialog::PrintStyleDialog(PrintProfile preferred, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("printStyleDialog"));
    setWindowTitle(tr("Save as PDF: print style"));
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(tr("Which print style should the PDF use?"));
    question->setWordWrap(true);
    layout->addWidget(question);
    m_group = new QButtonGroup(this);
    QVector<PrintProfile> order{preferred};
    for (PrintProfile p : {PrintProfile::Standard, PrintProfile::Large, PrintProfile::Easy}) {
        if (p != preferred)
            order.append(p);
    }
    for (PrintProfile p : order) {
        auto *button = new QRadioButton(p == preferred ? tr("%1 (the person's preferred format)").arg(styleName(p))
                                                       : styleName(p));
        button->setObjectName(QStringLiteral("printStyle-%1").arg(printProfileName(p)));
        m_group->addButton(button, int(p));
        layout->addWidget(button);
        if (p == preferred)
            button->setChecked(true);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save as PDF…"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PrintProfile PrintStyleDialog::chosen() const
{
    return PrintProfile(m_group->checkedId());
}

std::optional<PrintProfile> PrintStyleDialog::ask(PrintProfile preferred, QWidget *parent)
{
    PrintStyleDialog dialog(preferred, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.chosen();
}

QString PrintStyleDialog::formatName(const QString &format)
{
    static const QHash<QString, QString> names = {{QStringLiteral("standard"), QStringLiteral("standard print")},
                                                  {QStringLiteral("large-print"), QStringLiteral("large print")},
                                                  {QStringLiteral("easy-read"), QStringLiteral("easy read")},
                                                  {QStringLiteral("braille"), QStringLiteral("Braille")},
                                                  {QStringLiteral("audio"), QStringLiteral("audio")},
                                                  {QStringLiteral("email"), QStringLiteral("email")},
                                                  {QStringLiteral("bsl"), QStringLiteral("British Sign Language")},
                                                  {QStringLiteral("interpreter"), QStringLiteral("an interpreter")}};
    return names.value(format, QStringLiteral("not recorded"));
}

} // namespace coform
