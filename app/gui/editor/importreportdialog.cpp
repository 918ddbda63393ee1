#include "editor/importreportdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

ImportReportDialog::ImportReportDialog(const ImportReport &report, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importReport"));
    const QString name = QFileInfo(report.file).fileName();
    setWindowTitle(tr("Import report: %1").arg(name));

    // The summary names the file by its full path on its first line; the window title names it already.
    QStringList summary = report.summaryLines();
    if (!summary.isEmpty() && summary.first().startsWith(report.file + QStringLiteral(": ")))
        summary.first() = name + summary.first().mid(report.file.size());
    summary.prepend(tr("The form was opened as a new template. Save it to keep it."));
    m_summary = new QLabel(summary.join(QLatin1Char('\n')), this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setFocusPolicy(Qt::StrongFocus);
    m_summary->setAccessibleName(tr("Summary of the import"));
    m_summary->setAccessibleDescription(m_summary->text());

    const QStringList all = report.lines();
    // After the summary, its blank line and the detail's heading, which the label below says.
    const QStringList detail = all.mid(report.summaryLines().size() + 2);
    auto *detailLabel =
        new QLabel(report.notes.size() == 1 ? tr("&Details for template authors (1 note):")
                                            : tr("&Details for template authors (%1 notes):").arg(report.notes.size()),
                   this);
    m_detail =
        new QPlainTextEdit(detail.isEmpty() ? tr("Nothing else to report.") : detail.join(QLatin1Char('\n')), this);
    m_detail->setObjectName(QStringLiteral("importDetail"));
    m_detail->setReadOnly(true);
    m_detail->setTabChangesFocus(true);
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detail->setAccessibleName(tr("Details of the import"));
    detailLabel->setBuddy(m_detail);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_valueSets =
        buttons->addButton(tr("Answer lists from a &folder of value sets\u2026"), QDialogButtonBox::ActionRole);
    m_valueSets->setObjectName(QStringLiteral("importValueSets"));
    m_valueSets->setAccessibleName(tr("Import again with answer lists from a folder of FHIR value sets"));
    m_valueSets->setVisible(report.sourceKind.startsWith(QLatin1String("FHIR")));
    connect(m_valueSets, &QPushButton::clicked, this, &ImportReportDialog::chooseValueSets);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("importReportClose"));
    close->setAccessibleName(tr("Close the import report"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(detailLabel);
    layout->addWidget(m_detail, 1);
    layout->addWidget(buttons);
    resize(760, 560);
    close->setFocus();
}

QString ImportReportDialog::summaryText() const
{
    return m_summary->text();
}

QString ImportReportDialog::detailText() const
{
    return m_detail->toPlainText();
}

void ImportReportDialog::chooseValueSets()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("A folder of FHIR value sets (JSON files)"));
    if (folder.isEmpty())
        return;
    Q_EMIT valueSetFolderChosen(folder);
    accept();
}

} // namespace coform
