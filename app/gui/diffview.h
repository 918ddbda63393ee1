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

    /// Lists the versions of this template and shows what changed between the two newest.
    void setTemplateId(const QString &templateId);
    /// Chooses the versions to compare (and shows what changed); false when either is not a version.
    bool setVersions(int from, int to);
    const TemplateDiff &currentDiff() const { return m_diff; }

    /// Writes the "What changed" PDF of what is shown to `path`, all or nothing (a temporary file, then renamed).
    bool savePdf(const QString &path, QString *error);

public slots:
    /// Reads the versions and the changes again.
    void refresh();

private:
    void compare();
    void choosePdfFile();

    Database &m_db;
    Session m_session;
    QString m_templateId;
    TemplateDiff m_diff;

    QComboBox *m_from;
    QComboBox *m_to;
    QTreeWidget *m_list;
    QLabel *m_status;
    QPushButton *m_savePdf;
};

} // namespace coform
