#include "reviews/reviewpersondialog.h"

#include "common/dateedit.h"

#include "model/nhsnumber.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

ReviewPersonDialog::ReviewPersonDialog(Database &db, const Session &session, QWidget *parent)
    : QDialog(parent)
    , m_people(db, session)
{
    setObjectName(QStringLiteral("personDialog"));
    setWindowTitle(tr("Add a person"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("personName"));
    m_nhs = new QLineEdit;
    m_nhs->setObjectName(QStringLiteral("personNhsNumber"));
    m_nhs->setPlaceholderText(QStringLiteral("999 000 0018"));
    m_nhsProblem = new QLabel;
    m_nhsProblem->setObjectName(QStringLiteral("personNhsNumberProblem"));
    m_nhsProblem->setWordWrap(true);
    m_nhsProblem->setTextFormat(Qt::PlainText);
    m_nhsProblem->hide();
    // Typed the UK way (12/03/1948, 12 March 1948); refused beside the box when it is not a date of birth.
    m_dob = new DateEdit(UkDate::Purpose::Birth, QStringLiteral("personDateOfBirth"));
    m_dob->setName(tr("Date of birth"));
    m_needs = new QLineEdit;
    m_needs->setObjectName(QStringLiteral("personCommunicationNeeds"));
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("personPreferredFormat"));
    m_format->addItem(tr("Not recorded"), QString());
    const QStringList names = {
        tr("Standard print"), tr("Large print"),           tr("Easy read"),     tr("Braille"), tr("Audio"),
        tr("Email"),          tr("British Sign Language"), tr("An interpreter")};
    for (int i = 0; i < PersonStore::preferredFormats().size(); ++i)
        m_format->addItem(names.value(i), PersonStore::preferredFormats().at(i));
    m_representative = new QLineEdit;
    m_representative->setObjectName(QStringLiteral("personRepresentative"));
    m_representativeContact = new QLineEdit;
    m_representativeContact->setObjectName(QStringLiteral("personRepresentativeContact"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("NHS n&umber:"), m_nhs);
    form->addRow(QString(), m_nhsProblem);
    form->addRow(tr("Date of &birth:"), m_dob);
    form->addRow(tr("&Communication needs:"), m_needs);
    form->addRow(tr("Preferred &format:"), m_format);
    form->addRow(tr("&Representative:"), m_representative);
    form->addRow(tr("Representative's c&ontact:"), m_representativeContact);
    layout->addLayout(form);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("personError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add person"));
    layout->addWidget(buttons);
    connect(m_nhs, &QLineEdit::editingFinished, this, &ReviewPersonDialog::checkNhsNumber);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (tryAdd())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ReviewPersonDialog::checkNhsNumber()
{
    const QString typed = m_nhs->text().trimmed();
    QString message;
    if (!typed.isEmpty()) {
        message = NhsNumber::problem(typed);
        if (message.isEmpty()) {
            m_nhs->setText(NhsNumber::formatted(typed));
            const Result<QVector<PersonRecord>> same = m_people.sameNhsNumber(typed);
            if (same.ok() && !same->isEmpty())
                message = tr("Another person already has this NHS number: check this is not the same person.");
        }
    }
    m_nhsProblem->setText(message);
    m_nhsProblem->setVisible(!message.isEmpty());
    m_nhs->setAccessibleDescription(message);
}

bool ReviewPersonDialog::tryAdd()
{
    checkNhsNumber();
    if (const QString problem = m_dob->problem(); !problem.isEmpty()) {
        m_error->setText(tr("The date of birth is not right yet: %1. Nothing was added.").arg(problem));
        m_error->show();
        m_dob->setFocus();
        return false;
    }
    PersonRecord details;
    details.person = {m_name->text().trimmed(), m_nhs->text().trimmed(), m_dob->date()};
    details.communicationNeeds = m_needs->text();
    details.preferredFormat = m_format->currentData().toString();
    details.representativeName = m_representative->text();
    details.representativeContact = m_representativeContact->text();
    const Result<PersonRecord> added = m_people.add(details);
    if (!added.ok()) {
        m_error->setText(added.message());
        m_error->show();
        return false;
    }
    m_addedId = added->id;
    return true;
}

} // namespace coform
