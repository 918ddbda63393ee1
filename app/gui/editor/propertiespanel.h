#pragma once

#include "common/labelledrows.h"
#include "editor/readabilityassist.h"

#include "model/requirementset.h"

#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTextEdit;

namespace coform {

class NumberRangeEditor;
class PictureField;
class PrefillPicker;
class OptionsEditor;
class RequirementPicker;
class ShowIfEditor;
class TemplateDocument;
class StaleTranslationsBar;
class TranslationTable;
struct Item;
struct Section;
struct Template;

/// The details of what is chosen in the tree: the whole form, a section or an item (its kind, words, help,
/// whether it must be answered, answers to choose from, when it is asked, the requirements it helps meet, and its
/// words in every language side by side). Changes typed here become Edits pushed on the document's undo stack
/// (typing merges into one step); the panel follows the document's change signals, so undo shows up here too.
/// Each field has a label (its buddy) and an accessible name.
class PropertiesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PropertiesPanel(TemplateDocument *document, QWidget *parent = nullptr);

    /// Shows the section or item with this id; the whole form when id is empty or unknown.
    void showId(const QString &id);
    /// The id shown; empty for the whole form or nothing.
    const QString &currentId() const { return m_currentId; }
    /// The wording of what is chosen (object name "propertyText"), the panel's first field.
    QTextEdit *textEditor() const { return m_text; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Shown { Nothing, Template, Section, Item };

    void wrapLabelsForTextSize();
    void createFields();
    void connectEdits();
    void refresh();
    void showTemplate(const Template &t);
    void showSection(const Template &t, const Section &section);
    void showItem(const Template &t, const Item &item);
    void showRow(QWidget *field) { m_visibleRows.insert(field); }
    void setRowText(QLabel *label, const QString &text);
    void fillCoverage(const Template &t);
    /// Plain-language tips for the words shown (updated as they are typed).
    void fillHints(const QStringList &texts, const QVector<ReadabilityAssist::Field> &fields);
    void pushText(const QString &property, const QString &text);
    /// Pushes a change of one property of the item or section shown (not typing: one undo step each).
    void pushProperty(const QString &property, const QJsonValue &value);

    TemplateDocument *m_document;
    std::optional<RequirementSet> m_requirementSet;
    QString m_currentId;
    Shown m_shown = Shown::Nothing;
    QSet<QWidget *> m_visibleRows;
    bool m_updating = false; ///< true while fields are filled from the document: no edits then

    QLabel *m_heading;
    std::unique_ptr<LabelledRows> m_form;
    QLabel *m_typeLabel;
    QLineEdit *m_type;
    QLabel *m_itemTypeLabel;
    QComboBox *m_itemType;
    QLabel *m_textLabel;
    QTextEdit *m_text;
    QLabel *m_hintsLabel;
    QTextEdit *m_hints;
    QLabel *m_plainAssistLabel;
    ReadabilityAssist *m_plainAssist;
    QLabel *m_helpLabel;
    QTextEdit *m_help;
    QLabel *m_pictureLabel;
    PictureField *m_picture;
    QCheckBox *m_required;
    QLabel *m_formatLabel;
    QLineEdit *m_format; ///< the whole form's languages
    QLabel *m_textFormatLabel;
    QComboBox *m_textFormat;
    QLabel *m_prefillLabel;
    PrefillPicker *m_prefill;
    QLabel *m_numberRangeLabel;
    NumberRangeEditor *m_numberRange;
    QLabel *m_optionsLabel;
    OptionsEditor *m_options;
    QLabel *m_columnsLabel;
    OptionsEditor *m_columns;
    QLabel *m_showIfLabel;
    ShowIfEditor *m_showIf;
    QLabel *m_requirementsLabel;
    QTableWidget *m_requirements; ///< the whole form's coverage
    QLabel *m_requirementPickerLabel;
    RequirementPicker *m_requirementPicker;
    QLabel *m_translationsLabel;
    TranslationTable *m_translations;
    StaleTranslationsBar *m_staleTranslations; ///< out-of-date translations, and "still right"
    QLabel *m_noteLabel;
    QTextEdit *m_note;
    QLabel *m_idLabel;
    QLineEdit *m_id;
};

} // namespace coform
