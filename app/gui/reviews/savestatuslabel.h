#pragma once

#include <QDateTime>
#include <QLabel>
#include <QStringList>

namespace coform {

/// A review form's saving status, true at every moment: which answer is not saved and why ("Question 17 is not
/// saved: the email address needs an @") while any is refused; "Saving…" while answers wait; "All answers saved at
/// 14:05:09" only when nothing typed is unsaved.
class SaveStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit SaveStatusLabel(QWidget *parent = nullptr);

    /// `unsaved`: one line a refused answer, first question first; `failure`: why the last save failed.
    void showState(const QStringList &unsaved, const QString &failure, bool saving, const QDateTime &lastSaved);
};

} // namespace coform
