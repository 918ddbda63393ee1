// ReviewForm's files: the review saved as a PDF or HTML, and the answers of a filled PDF form taken in. Kept apart
// from reviewform.cpp, which builds the form and saves its answers.
#include "reviews/reviewform.h"

#include "common/filedialogs.h"
#include "preview/printstyledialog.h"
#include "reviews/pdfanswersdialog.h"
#include "reviews/previousreview.h"
#include "reviews/savestatuslabel.h"
#include "shared/sessionlock.h"

#include "output/reviewoutput.h"
#include "store/auditlog.h"
#include "store/reviewstore.h"

#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>

namespace coform {

bool ReviewForm::exportTo(const QString &path, bool html, QString *error, std::optional<PrintProfile> profile)
{
    if (!saveNow()) {
        *error = tr("the answers could not be saved first");
        return false;
    }
    const Outcome written =
        ReviewOutput::writeTo(*m_store, m_reviewId, html ? ReviewOutput::Format::Html : ReviewOutput::Format::Pdf,
                              profile, path, AuditLog::Export, !html && m_previous && m_previous->printColumn());
    if (!written.ok())
        *error = written.message;
    return written.ok();
}

void ReviewForm::chooseAndExport(bool html)
{
    // A whole review leaves Coform: the person at the keyboard proves again who they are if it has been a while.
    if (!SessionLock::confirmRecentSignIn(this))
        return;
    std::optional<PrintProfile> profile;
    if (!html) {
        profile = PrintStyleDialog::ask(ReviewOutput::profileForPreferredFormat(m_person.preferredFormat), this);
        if (!profile)
            return;
    }
    const QString path = FileDialogs::saveFileName(
        this, html ? tr("Save as HTML") : tr("Save as PDF"),
        QStringLiteral("review-%1.%2").arg(m_reviewId).arg(html ? QStringLiteral("html") : QStringLiteral("pdf")),
        html ? tr("HTML (*.html)") : tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    m_saveStatus->setText(exportTo(path, html, &error, profile) ? tr("Saved %1").arg(QFileInfo(path).fileName())
                                                                : error);
}

bool ReviewForm::readAnswersFromPdf(const QString &path, QVector<ProposedAnswer> *answers, QString *error)
{
    return PdfAnswersDialog::readFilled(path, m_template, answers, error);
}

bool ReviewForm::acceptAnswersFromPdf(const QMap<QString, QJsonValue> &answers, QString *error)
{
    if (answers.isEmpty())
        return true;
    if (!saveNow()) {
        *error = tr("the answers typed here could not be saved first");
        return false;
    }
    const Outcome saved = m_store->saveAnswers(m_reviewId, answers, QStringLiteral("a filled PDF form"));
    if (!saved.ok()) {
        *error = saved.message;
        return false;
    }
    m_loading = true;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        m_answers.values.insert(it.key(), it.value());
        const auto field = m_fields.find(it.key());
        if (field != m_fields.end() && field->show)
            field->show(it.value());
    }
    m_loading = false;
    applyShowIf();
    updateProgress();
    m_saveStatus->setText(tr("%n answer(s) from the PDF saved", nullptr, int(answers.size())));
    emit answersSaved();
    return true;
}

void ReviewForm::chooseAndImportPdf()
{
    const QString path =
        FileDialogs::openFileName(this, tr("Import answers from a filled PDF form"), {}, tr("PDF forms (*.pdf)"));
    if (path.isEmpty())
        return;
    QVector<ProposedAnswer> proposed;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool read = saveNow() && readAnswersFromPdf(path, &proposed, &error);
    QApplication::restoreOverrideCursor();
    if (!read) {
        QMessageBox::warning(this, tr("Import answers from PDF"),
                             error.isEmpty() ? tr("The answers typed here could not be saved first.") : error);
        return;
    }
    if (proposed.isEmpty()) {
        QMessageBox::information(this, tr("Import answers from PDF"),
                                 tr("Nothing is filled in on %1.").arg(QFileInfo(path).fileName()));
        return;
    }
    PdfAnswersDialog dialog(m_template, m_answers, proposed, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!acceptAnswersFromPdf(dialog.accepted(), &error))
        QMessageBox::warning(this, tr("Import answers from PDF"), tr("Not saved: %1").arg(error));
}

} // namespace coform
