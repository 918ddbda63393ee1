#pragma once

#include "format/filledpdfreader.h"
#include "model/answers.h"
#include "model/template.h"

#include <QDialog>
#include <QJsonValue>
#include <QMap>

class QTreeWidget;

namespace coform {

/// Shows the answers read from a filled PDF form beside the review's answers now (question, now, in the PDF), each
/// with a tick box; answers that would change are ticked, unchanged ones cannot be. accepted() gives the ticked ones.
/// The tree is "pdfAnswers" (a row's item id is in Qt::UserRole of column 0); the buttons "saveTicked" and "cancel".
class PdfAnswersDialog : public QDialog
{
    Q_OBJECT
public:
    PdfAnswersDialog(const Template &t, const Answers &now, const QVector<ProposedAnswer> &proposed,
                     QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    /// The ticked answers, item id -> value.
    QMap<QString, QJsonValue> accepted() const;

    /// Reads the answers filled into a fillable PDF form of `t` (in the import worker process). False with the
    /// refusal or every problem, in words, in `error`.
    static bool readFilled(const QString &path, const Template &t, QVector<ProposedAnswer> *answers, QString *error);

private:
    QTreeWidget *m_tree = nullptr;
    QMap<QString, QJsonValue> m_values;
};

} // namespace coform
