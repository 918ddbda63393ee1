#pragma once

#include "document/storedtemplatesync.h"

#include <QDateTime>
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace coform {

/// Shown when the store refused an edit because someone else changed the same thing first. It shows "You wrote"
/// beside "<name> changed it at <time> to", and the person chooses: keep theirs, use mine (a new change over theirs,
/// made knowingly), or merge by hand in a text box that starts with both. Nothing is overwritten without a choice.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    using Choice = ConflictChoice;

    /// `what` says in words what was changed ("the words of question 3"). `canMerge` is false for values that are not
    /// text (a list of choices, yes or no): then there is no "Merge by hand".
    ConflictDialog(const QString &what, const QString &mine, const QString &theirName, const QDateTime &theirTime,
                   const QString &theirs, bool canMerge = true, QWidget *parent = nullptr);

    /// What the person chose; KeepTheirs when the dialog was closed without a choice (their value stays; yours is
    /// still shown in the dialog's text and in the message the caller gives).
    Choice choice() const { return m_choice; }
    /// UseMine: your text; MergeByHand: the merged text; KeepTheirs: their text.
    QString text() const;

    /// Re-words the dialog for taking another organisation's update (File > Import a form package): `mine` is this
    /// team's value ("Your group's words"), `theirs` the origin's; KeepTheirs takes the origin's change, UseMine keeps
    /// this team's.
    void describeAsUpdate(const QString &what, const QString &origin);

    /// Chooses as the buttons do (for keyboard shortcuts and tests).
    void choose(Choice choice);

private:
    void startMerging();

    Choice m_choice = Choice::KeepTheirs;
    QString m_mine;
    QString m_theirs;
    QLabel *m_intro;
    QLabel *m_mineLabel;
    QPlainTextEdit *m_mineText;
    QPlainTextEdit *m_merge;
    QPushButton *m_keepTheirs;
    QPushButton *m_useMine;
    QPushButton *m_mergeByHand;
    QPushButton *m_saveMerged;
};

} // namespace coform
