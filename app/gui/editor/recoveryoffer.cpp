#include "editor/recoveryoffer.h"

#include "common/problemsdialog.h"
#include "document/draftrecovery.h"

#include <QDir>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace coform {

void RecoveryOffer::showUnfinished(QMainWindow *window, const QString &what, const Problems &problems)
{
    if (problems.isEmpty())
        return;
    // Not waiting for it: the form is open and can be worked on.
    auto *dialog = new ProblemsDialog(what, problems, window, true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    window->statusBar()->showMessage(
        QObject::tr("The form is open; it is not finished yet: see the list of what to finish."), 15000);
}

bool RecoveryOffer::offer(QMainWindow *window, TemplateDocument *document)
{
    const QVector<RecoverableDraft> drafts = DraftRecovery::find();
    if (drafts.isEmpty())
        return false;
    const RecoverableDraft &draft = drafts.first();
    const QString where =
        draft.path.isEmpty() ? QObject::tr("a new form that was never saved") : QDir::toNativeSeparators(draft.path);
    QMessageBox box(
        QMessageBox::Question, QObject::tr("Recover your changes?"),
        QObject::tr("Coform stopped before your changes to \u201c%1\u201d (%2) were saved. They were kept at %3.")
            .arg(draft.title, where, QLocale().toString(draft.changedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, window);
    QPushButton *recover = box.addButton(QObject::tr("&Recover the changes"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(QObject::tr("&Throw the changes away"), QMessageBox::DestructiveRole);
    box.addButton(QObject::tr("&Not now"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == discard) {
        DraftRecovery::discard(draft);
        return false;
    }
    if (box.clickedButton() != recover)
        return false;
    QString error;
    Problems problems;
    if (!DraftRecovery::recover(draft, document, &error, &problems)) {
        QMessageBox::warning(window, QObject::tr("Recover your changes?"),
                             QObject::tr("The changes cannot be read back: %1").arg(error));
        return false;
    }
    window->statusBar()->showMessage(QObject::tr("Your changes are back. Save them to keep them."), 15000);
    showUnfinished(window, draft.title, problems);
    return true;
}

} // namespace coform
