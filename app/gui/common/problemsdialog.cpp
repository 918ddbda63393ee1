#include "common/problemsdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

ProblemsDialog::ProblemsDialog(const QString &fileName, const Problems &problems, QWidget *parent, bool opened)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("problemsDialog"));
    setWindowTitle(opened ? tr("This form is not finished yet") : tr("This file cannot be opened"));
    for (const Problem &p : problems)
        m_lines.append(p.toString());
    if (m_lines.isEmpty())
        m_lines.append(tr("%1: the file could not be read").arg(fileName));

    auto *intro =
        new QLabel(opened ? tr("\u201c%1\u201d is open. It is not finished yet: here is what to finish before "
                               "it can be published, one thing a line:")
                                .arg(QFileInfo(fileName).fileName())
                          : tr("Coform cannot open \u201c%1\u201d. It is not a Coform template, or something "
                               "in it is wrong. Here is what is wrong, one problem a line:")
                                .arg(QFileInfo(fileName).fileName()),
                   this);
    intro->setObjectName(QStringLiteral("problemsIntro"));
    intro->setWordWrap(true);
    auto *list = new QPlainTextEdit(m_lines.join(QLatin1Char('\n')), this);
    list->setObjectName(QStringLiteral("problemsList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::WidgetWidth); // one problem a paragraph, readable without scrolling
    list->setTabChangesFocus(true);
    list->setAccessibleName(tr("What is wrong with %1").arg(QFileInfo(fileName).fileName()));
    intro->setBuddy(list);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("problemsButtons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("problemsClose"));
    close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    resize(720, 360);
    close->setFocus();
}

} // namespace coform
