#pragma once

#include "edit/templatediff.h"
#include "store/session.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace coform {

class Database;

/// "What changed between versions" of a stored template: the person picks two versions and sees, question by
/// question, what was added, removed, moved, reworded, or had its choices or kind of answer changed, with who made
/// each change and the comment or note behind it. "Save 'What changed' as PDF..." writes the co-production group's
/// "you said, we did" PDF.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    DiffView(Database &db, const Session &session, QWidget *parent = nullptr);

    /// Lists the versions of this template and shows what changed between the two newest; with one version only,
    /// the whole form as new ("Nothing before", version 0).
    void setTemplateId(const QString &templateId);
    /// Chooses the versions to compare (and shows what changed); false when either is not a version. `from` 0 reads
    /// the whole of `to` as new.
    bool setVersions(int from, int to);
    const TemplateDiff &currentDiff() const { return m_diff; }
    /// What to do here, in words above the list (say, how to comment and approve when a version waits for the person);
    /// empty hides it. Choosing another template clears it.
    void setHint(const QString &hint);

    /// The columns of a "What changed" list (Question, What happened, In detail, Who, Why).
    static void setUpList(QTreeWidget *list);
    /// Fills a list set up by setUpList with `diff`, question by question, in "What changed" words; the template's
    /// own changes first when `withTemplateDetails`.
    static void fillList(QTreeWidget *list, const TemplateDiff &diff, bool withTemplateDetails);

    /// Writes the "What changed" PDF of what is shown to `path`, all or nothing (a temporary file, then renamed).
    bool savePdf(const QString &path, QString *error);

public slots:
    /// Reads the versions and the changes again.
    void refresh();
    /// The list of what changed, question by question (object name "diffList").
    QTreeWidget *list() const { return m_list; }

signals:
    /// Enter or a double click on a question's row: the person wants to go to it.
    void itemChosen(const QString &itemId);

private:
    void compare();
    /// How much of the framework version `version` covers, as a sentence; empty without a requirement set.
    QString coverageWords(const Template &version) const;
    void choosePdfFile();

    Database &m_db;
    Session m_session;
    QString m_templateId;
    TemplateDiff m_diff;

    QComboBox *m_from;
    QComboBox *m_to;
    QTreeWidget *m_list;
    QLabel *m_status;
    QLabel *m_hint;
    QPushButton *m_savePdf;
};

} // namespace coform
