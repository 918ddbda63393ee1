#include "preview/formoutput.h"

#include "common/filedialogs.h"
#include "format/templateformat.h"
#include "preview/formprinter.h"

#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QStatusBar>

namespace coform {

namespace {
void say(QWidget *window, const QString &message)
{
    if (auto *main = qobject_cast<QMainWindow *>(window))
        main->statusBar()->showMessage(message, 5000);
}
} // namespace

void FormOutput::print(QWidget *window, const Template &t, const RenderOptions &options)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, window);
    dialog.setWindowTitle(QObject::tr("Print the form"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!FormPrinter::print(t, options, &printer, &error))
        QMessageBox::warning(window, QObject::tr("The form was not printed"), error);
    else
        say(window, QObject::tr("Sent to the printer."));
}

void FormOutput::savePdf(QWidget *window, const QString &templateId, const QByteArray &pdf)
{
    if (pdf.isEmpty()) {
        QMessageBox::information(window, QObject::tr("Nothing to save yet"),
                                 QObject::tr("The printed form is not ready yet. Wait until the preview shows it."));
        return;
    }
    const QString folder = QSettings().value(QStringLiteral("files/lastFolder")).toString();
    const QString suggested = QDir(folder).filePath(templateId + QStringLiteral(".pdf"));
    const QString path = FileDialogs::saveFileName(window, QObject::tr("Save the printed form as PDF"), suggested,
                                                   QObject::tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeFileAtomically(path, pdf, &error))
        QMessageBox::warning(window, QObject::tr("The PDF was not saved"), error);
    else
        say(window, QObject::tr("Saved %1").arg(QFileInfo(path).fileName()));
}

} // namespace coform
