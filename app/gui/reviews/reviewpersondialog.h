#pragma once

#include "store/personstore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace coform {

class DateEdit;

class Database;

/// Adds a person a review is about: name, NHS number (checked as it is typed, shown 3-3-4, another person with the
/// same number warned about), date of birth, communication needs and preferred format (Accessible Information
/// Standard), representative and their contact.
class ReviewPersonDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewPersonDialog(Database &db, const Session &session, QWidget *parent = nullptr);

    /// Adds the person typed; false (and the reason shown beside the field, in words) when it cannot.
    bool tryAdd();
    qint64 addedId() const { return m_addedId; }

private:
    void checkNhsNumber();

    PersonStore m_people;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_nhs = nullptr;
    QLabel *m_nhsProblem = nullptr;
    DateEdit *m_dob = nullptr;
    QLineEdit *m_needs = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_representative = nullptr;
    QLineEdit *m_representativeContact = nullptr;
    QLabel *m_error = nullptr;
    qint64 m_addedId = 0;
};

} // namespace coform
