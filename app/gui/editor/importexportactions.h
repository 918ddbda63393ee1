#pragma once

#include <QObject>

namespace coform {

class ImportJob;
class MainWindow;

/// File > Import a form (a FHIR R4 Questionnaire or a fillable PDF) and File > Export as a FHIR Questionnaire.
/// The import runs off the window's thread, with a progress dialog, and opens what it made as a new, unsaved
/// template; its report (what could not be carried over) is shown to the person.
class ImportExportActions : public QObject
{
    Q_OBJECT
public:
    explicit ImportExportActions(MainWindow *window);

    /// Starts importing a file (the menu asks for one); false when an import is already running.
    bool importFile(const QString &path);

Q_SIGNALS:
    /// An import ended: `ok` when a template was opened.
    void importFinished(bool ok);

private:
    void chooseAndImport();
    void exportFhir();
    void onImportFinished();

    MainWindow *m_window;
    ImportJob *m_job;
    QString m_path;
    QString m_valueSetFolder; ///< ValueSet files for m_path's answer lists, chosen in its report
};

} // namespace coform
