#include "editor/importexportactions.h"

#include "editor/importreportdialog.h"
#include "mainwindow.h"

#include "format/fhirexport.h"
#include "format/importer.h"
#include "format/importjob.h"

#include "common/filedialogs.h"
#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>

namespace coform {

ImportExportActions::ImportExportActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_job(new ImportJob(this))
{
    connect(m_job, &ImportJob::finished, this, &ImportExportActions::onImportFinished);
    QMenu *file = window->fileMenu();
    // Before "Quit", the last entry.
    QAction *before = file->actions().isEmpty() ? nullptr : file->actions().constLast();
    auto *importAction = new QAction(tr("&Import a form (FHIR or fillable PDF)\u2026"), file);
    importAction->setObjectName(QStringLiteral("actionImport"));
    importAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    connect(importAction, &QAction::triggered, this, &ImportExportActions::chooseAndImport);
    auto *exportAction = new QAction(tr("&Export as a FHIR Questionnaire\u2026"), file);
    exportAction->setObjectName(QStringLiteral("actionExportFhir"));
    connect(exportAction, &QAction::triggered, this, &ImportExportActions::exportFhir);
    file->insertAction(before, importAction);
    file->insertAction(before, exportAction);
    file->insertSeparator(before);
}

void ImportExportActions::chooseAndImport()
{
    const QString path =
        FileDialogs::openFileName(m_window, tr("Import a form"), QString(), tr("Forms (*.json *.pdf);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool ImportExportActions::importFile(const QString &path)
{
    ImportOptions options;
    options.workerPath = defaultImportWorkerPath();
    if (path != m_path)
        m_valueSetFolder.clear(); // a folder chosen for one file is not meant for the next
    options.valueSetFolder = m_valueSetFolder;
    if (!m_job->start(path, options))
        return false;
    m_path = path;
    auto *progress =
        new QProgressDialog(tr("Reading %1\u2026").arg(QFileInfo(path).fileName()), QString(), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("importProgress"));
    progress->setAccessibleName(tr("Importing a form"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(m_job, &ImportJob::finished, progress, &QObject::deleteLater);
    return true;
}

void ImportExportActions::onImportFinished()
{
    const ImportResult &result = m_job->result();
    if (!result.tmpl) {
        QMessageBox::warning(m_window, tr("The form could not be imported"),
                             result.report.reason.isEmpty() ? result.report.text() : result.report.reason);
        Q_EMIT importFinished(false);
        return;
    }
    m_window->document()->open(*result.tmpl, TemplateDocument::Origin::File, QString());
    // Not modal: the person reads the report beside the template it describes.
    auto *dialog = new ImportReportDialog(result.report, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportReportDialog::valueSetFolderChosen, this, [this](const QString &folder) {
        m_valueSetFolder = folder;
        importFile(m_path);
    });
    dialog->show();
    Q_EMIT importFinished(true);
}

void ImportExportActions::exportFhir()
{
    TemplateDocument *document = m_window->document();
    if (!document->isOpen())
        return;
    const QString path = FileDialogs::saveFileName(m_window, tr("Export as a FHIR Questionnaire"),
                                                   document->content().id + QStringLiteral("-questionnaire.json"),
                                                   tr("FHIR JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeFileAtomically(path, fhirJson(questionnaireFromTemplate(document->content())), &error))
        QMessageBox::warning(m_window, tr("The file was not saved"), error);
}

} // namespace coform
