#pragma once

#include "document/templatedocument.h"
#include "model/problem.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>

class QLockFile;

namespace coform {

/// Changes to a template file that were not saved when Coform stopped (a crash, a power cut), kept for recovery.
struct RecoverableDraft
{
    QString draftFile; ///< the copy kept in Coform's data folder
    QString path;      ///< the template file it belongs to; empty for a new form never saved
    QString title;
    QDateTime changedAt;
};

/// Nothing typed into a template file is lost on a crash: a second after each change the document, while it has
/// unsaved changes, is written (temporary file, then rename) to Coform's data folder. Saving, or leaving the template
/// with its changes discarded, removes that copy. A running Coform holds a lock on its copy, so another Coform started
/// meanwhile never offers it; after a crash the lock is stale and find() lists it. Templates in the shared database
/// need none of this: each change is stored as it is made.
class DraftRecovery : public QObject
{
    Q_OBJECT

public:
    explicit DraftRecovery(TemplateDocument *document, QObject *parent = nullptr);
    ~DraftRecovery() override;

    /// How long after a change the copy is written (tests make it quick).
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Writes the copy now (when there are unsaved changes); false when it could not be written.
    bool writeNow();
    /// The copy this window keeps now; empty when none.
    QString draftFile() const { return m_draftFile; }

    /// Copies left by a Coform that stopped without saving, newest first.
    static QVector<RecoverableDraft> find();
    /// Reads a copy back into `document` (as the file it belongs to, with its changes unsaved) and removes the copy.
    /// The copy is read leniently: unfinished work (an empty section, a choice without answers) comes back, with what
    /// is unfinished listed in `problems`. False (and why, in words) only when the copy is not a template at all.
    static bool recover(const RecoverableDraft &draft, TemplateDocument *document, QString *error,
                        Problems *problems = nullptr);
    /// Removes a copy the person chose not to recover.
    static void discard(const RecoverableDraft &draft);

signals:
    /// The copy could not be written: in words.
    void failed(const QString &message);

private:
    static QString folder();
    void startCopy();
    void dropCopy();

    TemplateDocument *m_document;
    QTimer m_timer;
    QString m_draftFile;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace coform
