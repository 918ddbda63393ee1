#pragma once

#include "store/session.h"
#include "store/templatestore.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace coform {

class Database;

/// The change log of a stored template, newest first: who changed what, when, and why (the note or the comment
/// behind it). Filters by person and by question; "Show this question as it was then" shows the chosen change's
/// question as it was just after that change, read-only. It reads the store when told (refresh(), or refreshSoon() for
/// a burst of typing), so a change feed and the person's own edits keep it current. Each change reads as a sentence
/// (ChangeWords).
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    HistoryPanel(Database &db, const Session &session, QWidget *parent = nullptr);

    /// Shows the history of this template (empty: none).
    void setTemplateId(const QString &templateId);
    const QString &templateId() const { return m_templateId; }
    /// The changes listed now (after the filters), newest first.
    const QVector<ChangeRecord> &shownChanges() const { return m_shown; }

public slots:
    /// Reads the history again, keeping the filters and the chosen change where they still apply.
    void refresh();
    /// Reads it again once edits stop coming for a moment (each keystroke calls this; one read follows).
    void refreshSoon();
    /// Shows the chosen change's question as it was just after that change.
    void showItemAsItWas();
    /// The list of changes (object name "historyList").
    QTreeWidget *list() const { return m_list; }

signals:
    /// Reading the store failed: in words.
    void failed(const QString &message);

private:
    void reloadFilters(const QVector<ChangeRecord> &all);
    void reloadList();
    void onCurrentChangeChanged();
    const ChangeRecord *currentRecord() const;
    QString whyText(const ChangeRecord &record) const;

    Database &m_db;
    Session m_session;
    QString m_templateId;
    Template m_latest;
    QMap<qint64, QString> m_commentTexts; ///< comment id -> "Name said: ..."
    QVector<ChangeRecord> m_shown;

    QComboBox *m_personFilter;
    QComboBox *m_itemFilter;
    QTreeWidget *m_list;
    QPushButton *m_showAsItWas;
    QLabel *m_asItWasHeading;
    QPlainTextEdit *m_asItWas;
    QLabel *m_status;
    QTimer m_refreshTimer;
};

} // namespace coform
