#pragma once

#include "model/problem.h"

#include <QDialog>

namespace coform {

/// Tells a person that a file cannot be used: names the file, then lists what is wrong, one problem a line
/// (selectable, so it can be copied into an email to whoever made the file).
class ProblemsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `opened`: the form was opened all the same (unfinished work); the dialog lists what is still to finish.
    ProblemsDialog(const QString &fileName, const Problems &problems, QWidget *parent = nullptr, bool opened = false);

    /// The lines listed, for tests and for copying.
    const QStringList &lines() const { return m_lines; }

private:
    QStringList m_lines;
};

} // namespace coform
