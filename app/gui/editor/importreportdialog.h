#pragma once

#include "format/importreport.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace coform {

/// The report of an import, beside the template it made (not modal: the person can look at both): the summary in
/// plain words at the top, the detail for template authors below. For a FHIR Questionnaire whose answer lists are
/// in value sets outside the file, a button chooses a folder of ValueSet files and imports again with them.
class ImportReportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportReportDialog(const ImportReport &report, QWidget *parent = nullptr);

    QString summaryText() const;
    QString detailText() const;

Q_SIGNALS:
    /// The person chose a folder of value sets: import the same file again with them.
    void valueSetFolderChosen(const QString &folder);

private:
    void chooseValueSets();

    QLabel *m_summary;
    QPlainTextEdit *m_detail;
    QPushButton *m_valueSets;
};

} // namespace coform
