#pragma once

#include "model/requirementset.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTextEdit;
class QTableWidget;

namespace coform {

class TemplateDocument;
struct Item;
struct Section;
struct Template;
struct Translation;

/// The details of what is chosen in the tree: the whole form, a section or an item (its kind, words, help,
/// whether it must be answered, answers to choose from, when it is asked, the requirements it helps meet, and its
/// words in every language side by side). Read-only for now: the editor makes the same fields editable and turns
/// each change into an Edit. Each field has a label (its buddy) and an accessible name.
class PropertiesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PropertiesPanel(TemplateDocument *document, QWidget *parent = nullptr);

    /// Shows the section or item with this id; the whole form when id is empty or unknown.
    void showId(const QString &id);
    /// The id shown; empty for the whole form or nothing.
    const QString &currentId() const { return m_currentId; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showNothing();
    void showTemplate(const Template &t);
    void showSection(const Template &t, const Section &section);
    void showItem(const Template &t, const Item &item);
    void hideAllRows();
    void setRowText(QLabel *label, const QString &text);
    void fillRequirements(const QStringList &ids);
    /// Fills the side-by-side table: one row a text, one column a language.
    void fillTranslations(const Template &t, const QVector<QPair<QString, QStringList>> &rows);

    TemplateDocument *m_document;
    std::optional<RequirementSet> m_requirementSet;
    QString m_currentId;

    QLabel *m_heading;
    QFormLayout *m_form;
    QLabel *m_typeLabel;
    QLineEdit *m_type;
    QLabel *m_textLabel;
    QTextEdit *m_text;
    QLabel *m_helpLabel;
    QTextEdit *m_help;
    QCheckBox *m_required;
    QLabel *m_formatLabel;
    QLineEdit *m_format;
    QLabel *m_optionsLabel;
    QTableWidget *m_options;
    QLabel *m_columnsLabel;
    QTableWidget *m_columns;
    QLabel *m_showIfLabel;
    QTextEdit *m_showIf;
    QLabel *m_requirementsLabel;
    QTableWidget *m_requirements;
    QLabel *m_translationsLabel;
    QTableWidget *m_translations;
    QLabel *m_noteLabel;
    QTextEdit *m_note;
    QLabel *m_idLabel;
    QLineEdit *m_id;
};

} // namespace coform
