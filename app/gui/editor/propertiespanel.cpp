#include "editor/propertiespanel.h"

#include "check/coverage.h"
#include "common/templatewords.h"
#include "document/templatedocument.h"
#include "edit/templatejson.h"
#include "editor/optionseditor.h"
#include "editor/panelboxes.h"
#include "editor/picturefield.h"
#include "editor/prefillpicker.h"
#include "editor/readabilityassist.h"
#include "editor/ruleeditors.h"
#include "editor/translationfreshness.h"
#include "editor/translationtable.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QTableWidget>
#include <QTextEdit>
#include <QVBoxLayout>

namespace coform {

using namespace PanelBoxes;

PropertiesPanel::PropertiesPanel(TemplateDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("propertiesPanel"));
    createFields();
    connectEdits();

    connect(m_document, &TemplateDocument::templateReplaced, this, [this] {
        m_requirementSet.reset();
        if (m_document->isOpen() && !m_document->content().requirementSet.isEmpty())
            m_requirementSet = bundledRequirementSet(m_document->content().requirementSet);
        showId({});
    });
    // Undo, redo and changes made elsewhere show up here; the fields being typed in keep their cursor.
    connect(m_document, &TemplateDocument::itemChanged, this, [this](const QString &id) {
        if (m_shown == Shown::Item && id == m_currentId)
            refresh();
    });
    connect(m_document, &TemplateDocument::sectionChanged, this, [this](const QString &id) {
        if (m_shown == Shown::Section && id == m_currentId)
            refresh();
    });
    connect(m_document, &TemplateDocument::templatePropertiesChanged, this, [this] {
        if (m_shown == Shown::Template)
            refresh();
    });
    connect(m_document, &TemplateDocument::structureChanged, this, &PropertiesPanel::refresh);
    showId({});
}

void PropertiesPanel::createFields()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("propertiesScroll"));
    scroll->setAccessibleName(tr("Details"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("propertiesContent"));
    auto *layout = new QVBoxLayout(content);
    m_heading = new QLabel(content);
    m_heading->setObjectName(QStringLiteral("propertiesHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    auto *rows = new QVBoxLayout;
    layout->addLayout(rows);
    m_form = std::make_unique<LabelledRows>(rows);
    layout->addStretch(1);
    scroll->setWidget(content);

    auto addRow = [this, content](QLabel **label, QWidget *field, const QString &text) {
        *label = new QLabel(content);
        (*label)->setObjectName(field->objectName() + QStringLiteral("Label"));
        (*label)->setBuddy(field);
        m_form->addRow(*label, field);
        setRowText(*label, text);
    };
    m_type = makeLineBox(QStringLiteral("propertyType"), content);
    addRow(&m_typeLabel, m_type, tr("What it is"));
    m_itemType = new QComboBox(content);
    m_itemType->setObjectName(QStringLiteral("propertyItemType"));
    for (ItemType type : allItemTypes())
        m_itemType->addItem(TemplateWords::itemTypeDescription(type), itemTypeName(type));
    addRow(&m_itemTypeLabel, m_itemType, tr("Kind of question"));
    m_text = makeTextBox(QStringLiteral("propertyText"), content);
    addRow(&m_textLabel, m_text, tr("Question"));
    m_help = makeTextBox(QStringLiteral("propertyHelp"), content);
    addRow(&m_helpLabel, m_help, tr("Help text"));
    m_picture = new PictureField(content);
    addRow(&m_pictureLabel, m_picture, tr("Picture"));
    m_hints = makeTextBox(QStringLiteral("propertyHints"), content);
    makeReadOnly(m_hints);
    addRow(&m_hintsLabel, m_hints, tr("Tips for plain words"));
    m_plainAssist = new ReadabilityAssist(content);
    m_plainAssistLabel = new QLabel(tr("Plain words, in one click"), content);
    m_plainAssistLabel->setObjectName(QStringLiteral("plainWordsAssistLabel"));
    m_form->addRow(m_plainAssistLabel, m_plainAssist);
    m_plainAssist->watch(m_text);
    m_plainAssist->watch(m_help);
    m_required = new QCheckBox(tr("Must be answered"), content); // short: a check box's words do not wrap
    m_required->setToolTip(tr("People must answer this question before the review can be completed"));
    m_required->setObjectName(QStringLiteral("propertyRequired"));
    m_required->setAccessibleName(tr("People must answer this question"));
    m_form->addRow(m_required);
    m_format = makeLineBox(QStringLiteral("propertyFormat"), content);
    addRow(&m_formatLabel, m_format, tr("Languages"));
    m_textFormat = new QComboBox(content);
    m_textFormat->setObjectName(QStringLiteral("propertyTextFormat"));
    m_textFormat->setToolTip(tr("Coform checks typed answers in this format (an NHS number's check digit, too)"));
    for (const auto &[words, value] : textFormatChoices())
        m_textFormat->addItem(words, value);
    addRow(&m_textFormatLabel, m_textFormat, tr("Answer is checked as"));
    m_prefill = new PrefillPicker(content);
    addRow(&m_prefillLabel, m_prefill, tr("Filled from the person's record"));
    m_numberRange = new NumberRangeEditor(content);
    m_numberRangeLabel = new QLabel(content);
    m_numberRangeLabel->setObjectName(QStringLiteral("propertyNumberRangeLabel"));
    m_numberRangeLabel->setBuddy(m_numberRange->minBox());
    m_form->addRow(m_numberRangeLabel, m_numberRange);
    m_numberRangeLabel->setText(tr("Allowed numbers"));
    m_options = new OptionsEditor(content);
    m_optionsLabel = new QLabel(content);
    m_optionsLabel->setObjectName(QStringLiteral("propertyOptionsLabel"));
    m_form->addRow(m_optionsLabel, m_options);
    m_optionsLabel->setBuddy(m_options->table());
    setRowText(m_optionsLabel, tr("Answers to choose from"));
    m_columns = new OptionsEditor(content, OptionsEditor::Rows::Columns);
    m_columnsLabel = new QLabel(content);
    m_columnsLabel->setObjectName(QStringLiteral("propertyColumnsLabel"));
    m_form->addRow(m_columnsLabel, m_columns);
    m_columnsLabel->setBuddy(m_columns->table());
    setRowText(m_columnsLabel, tr("Table columns"));
    m_showIf = new ShowIfEditor(content);
    m_showIfLabel = new QLabel(content);
    m_showIfLabel->setObjectName(QStringLiteral("propertyShowIfLabel"));
    m_form->addRow(m_showIfLabel, m_showIf);
    m_showIfLabel->setBuddy(m_showIf->questionBox());
    m_showIfLabel->setText(tr("When it is asked"));
    m_requirements = makeTable(QStringLiteral("propertyRequirements"), content);
    addRow(&m_requirementsLabel, m_requirements, tr("Requirements"));
    m_requirementPicker = new RequirementPicker(content);
    m_requirementPickerLabel = new QLabel(content);
    m_requirementPickerLabel->setObjectName(QStringLiteral("propertyRequirementPickerLabel"));
    m_form->addRow(m_requirementPickerLabel, m_requirementPicker);
    m_requirementPickerLabel->setBuddy(m_requirementPicker);
    m_requirementPickerLabel->setText(tr("Requirements it helps meet"));
    m_translations = new TranslationTable(content);
    addRow(&m_translationsLabel, m_translations, tr("Words in each language"));
    m_staleTranslations = new StaleTranslationsBar(m_document, content);
    m_form->addRow(m_staleTranslations);
    m_note = makeTextBox(QStringLiteral("propertyNote"), content);
    addRow(&m_noteLabel, m_note, tr("Note for form writers"));
    m_id = makeLineBox(QStringLiteral("propertyId"), content);
    m_id->setToolTip(tr("A short code that stays the same when the wording changes. Other systems use it."));
    addRow(&m_idLabel, m_id, tr("Reference code"));

    // Nothing wider than the panel with large text: labels wrap (changeEvent), and lists to choose from are as narrow
    // as a few words (their full wording shows when they open).
    for (QComboBox *box : content->findChildren<QComboBox *>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }

    wrapLabelsForTextSize(); // the text may be large already (later changes arrive as FontChange)

    // Wrapped rows change height with the width: refit the tables when their width changes.
    for (QWidget *view : {static_cast<QWidget *>(m_requirements), static_cast<QWidget *>(m_translations)})
        view->installEventFilter(this);
}

void PropertiesPanel::connectEdits()
{
    connect(m_text, &QTextEdit::textChanged, this, [this] {
        pushText(m_shown == Shown::Item ? QStringLiteral("label") : QStringLiteral("title"), m_text->toPlainText());
    });
    connect(m_help, &QTextEdit::textChanged, this, [this] { pushText(QStringLiteral("help"), m_help->toPlainText()); });
    connect(m_note, &QTextEdit::textChanged, this, [this] { pushText(QStringLiteral("note"), m_note->toPlainText()); });
    connect(m_required, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating && m_shown == Shown::Item)
            m_document->push(Edit::setItemProperty(m_document->content(), m_currentId, QStringLiteral("required"), on));
    });
    connect(m_itemType, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating && m_shown == Shown::Item) {
            m_document->push(Edit::setItemProperty(m_document->content(), m_currentId, QStringLiteral("type"),
                                                   m_itemType->currentData().toString()));
        }
    });
    connect(m_options, &OptionsEditor::optionsEdited, this, [this](const QVector<Option> &options) {
        if (m_updating || m_shown != Shown::Item)
            return;
        const int before = int(m_document->content().findItem(m_currentId)->options.size());
        if (m_document->push(Edit::setItemProperty(m_document->content(), m_currentId, QStringLiteral("options"),
                                                   TemplateJson::fromOptions(options)))
            && options.size() > before)
            m_options->editAnswer(int(options.size()) - 1); // straight into the new answer's words
    });
    connect(m_columns, &OptionsEditor::columnsEdited, this, [this](const QVector<Column> &columns) {
        if (m_updating || m_shown != Shown::Item)
            return;
        const int before = int(m_document->content().findItem(m_currentId)->columns.size());
        if (m_document->push(Edit::setItemProperty(m_document->content(), m_currentId, QStringLiteral("columns"),
                                                   TemplateJson::fromColumns(columns)))
            && columns.size() > before)
            m_columns->editAnswer(int(columns.size()) - 1);
    });
    connect(m_textFormat, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating && m_shown == Shown::Item)
            pushProperty(QStringLiteral("format"), m_textFormat->currentData().toString());
    });
    connect(m_prefill, &PrefillPicker::prefillEdited, this, [this](const QString &prefill) {
        if (!m_updating && m_shown == Shown::Item)
            pushProperty(QStringLiteral("prefill"), prefill);
    });
    connect(m_numberRange, &NumberRangeEditor::propertyEdited, this,
            [this](const QString &property, const QJsonValue &value) {
                if (!m_updating && m_shown == Shown::Item)
                    pushProperty(property, value);
            });
    connect(m_picture, &PictureField::pictureEdited, this, [this](const QJsonValue &value) {
        if (!m_updating && (m_shown == Shown::Item || m_shown == Shown::Section))
            pushProperty(QStringLiteral("picture"), value);
    });
    connect(m_showIf, &ShowIfEditor::showIfEdited, this, [this](const QJsonValue &value) {
        if (!m_updating)
            pushProperty(QStringLiteral("showIf"), value);
    });
    connect(m_plainAssist, &ReadabilityAssist::replaceRequested, this,
            [this](const QString &property, const QString &text) { pushProperty(property, text); });
    connect(m_requirementPicker, &RequirementPicker::requirementsEdited, this, [this](const QStringList &ids) {
        if (!m_updating && m_shown == Shown::Item)
            pushProperty(QStringLiteral("requirements"), TemplateJson::fromStrings(ids));
    });
    connect(m_translations, &TranslationTable::translationEdited, this,
            [this](const QString &language, const QString &property, const QString &text) {
                if (m_updating)
                    return;
                const QString section = m_shown == Shown::Section ? m_currentId : QString();
                const QString item = m_shown == Shown::Item ? m_currentId : QString();
                m_document->push(TranslationFreshness::typedTranslation(m_document->content(), section, item, language,
                                                                        property, text));
            });
}

void PropertiesPanel::pushText(const QString &property, const QString &text)
{
    if (m_updating)
        return;
    const Template &t = m_document->content();
    std::optional<Edit> change;
    if (m_shown == Shown::Template)
        change = Edit::setTemplateProperty(t, property, text);
    else if (m_shown == Shown::Section)
        change = Edit::setSectionProperty(t, m_currentId, property, text);
    else if (m_shown == Shown::Item)
        change = Edit::setItemProperty(t, m_currentId, property, text);
    if (!change)
        return;
    m_document->push(*change, EditCommand::Merge::Typing);
}

void PropertiesPanel::pushProperty(const QString &property, const QJsonValue &value)
{
    const Template &t = m_document->content();
    if (m_shown == Shown::Item)
        m_document->push(Edit::setItemProperty(t, m_currentId, property, value));
    else if (m_shown == Shown::Section)
        m_document->push(Edit::setSectionProperty(t, m_currentId, property, value));
}

void PropertiesPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        wrapLabelsForTextSize();
}

void PropertiesPanel::wrapLabelsForTextSize()
{
    // With large text the labels wrap rather than widen the panel; with normal text each keeps to one line.
    const bool large = font().pointSizeF() >= 20;
    for (int row = 0; row < m_form->rowCount(); ++row)
        if (QLabel *label = m_form->label(row))
            label->setWordWrap(large);
}

bool PropertiesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width()) {
            // After the table has laid out its columns for the new width (it does so once this event is handled).
            if (auto *table = qobject_cast<QTableWidget *>(watched))
                QMetaObject::invokeMethod(
                    table, [table] { fitTableHeight(table); }, Qt::QueuedConnection);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PropertiesPanel::setRowText(QLabel *label, const QString &text)
{
    label->setText(text);
    if (QWidget *field = label->buddy())
        field->setAccessibleName(text);
}

void PropertiesPanel::refresh()
{
    const QString id = m_currentId; // a copy: showId() clears m_currentId first
    showId(id);
}

void PropertiesPanel::showId(const QString &id)
{
    m_updating = true;
    m_currentId.clear();
    m_visibleRows.clear();
    m_shown = Shown::Nothing;
    const Template &t = m_document->content();
    if (!m_document->isOpen()) {
        m_heading->setText(tr("No form is open. Choose a template from the list, or open a template file from the "
                              "File menu."));
    } else if (const Section *section = id.isEmpty() ? nullptr : t.findSection(id)) {
        m_currentId = id;
        m_shown = Shown::Section;
        showSection(t, *section);
    } else if (const Item *item = id.isEmpty() ? nullptr : t.findItem(id)) {
        m_currentId = id;
        m_shown = Shown::Item;
        showItem(t, *item);
    } else {
        m_shown = Shown::Template;
        showTemplate(t);
    }
    for (QLineEdit *box : {m_type, m_format, m_id})
        if (!box->hasFocus())
            box->setCursorPosition(0); // a line too long for the box reads from its start, not its end
    // Translations made from an older wording: marked in the table, with "still right" under it.
    const QSet<QString> stale = m_staleTranslations->showTarget(m_shown == Shown::Section ? m_currentId : QString(),
                                                                m_shown == Shown::Item ? m_currentId : QString());
    m_translations->setOutOfDate(stale);
    if (!stale.isEmpty() && m_visibleRows.contains(m_translations))
        showRow(m_staleTranslations);
    // Rows that stay visible are never hidden on the way, so the field being typed in keeps the focus.
    for (int row = 0; row < m_form->rowCount(); ++row)
        m_form->setRowVisible(row, m_visibleRows.contains(m_form->field(row)));
    m_updating = false;
}

void PropertiesPanel::showTemplate(const Template &t)
{
    int questions = 0;
    for (const Item *item : t.allItems())
        questions += itemTypeIsAnswerable(item->type) ? 1 : 0;
    m_heading->setText(tr("The whole form"));
    m_type->setText(tr("A form with %1 and %2")
                        .arg(TemplateWords::count(t.sections.size(), tr("section"), tr("sections")),
                             TemplateWords::count(questions, tr("question"), tr("questions"))));
    setRowText(m_textLabel, tr("Title"));
    setBoxText(m_text, t.title);
    QStringList languages;
    for (const QString &lang : t.languages)
        languages.append(TemplateWords::languageName(lang));
    setRowText(m_formatLabel, tr("Languages"));
    m_format->setText(QLocale().createSeparatedList(languages));
    m_id->setText(t.id);
    for (QWidget *field : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_text),
                           static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_id)})
        showRow(field);
    fillCoverage(t);

    QStringList titles{t.title};
    for (const QString &lang : t.languages.mid(1))
        titles.append(t.translations.value(lang).title);
    if (t.languages.size() > 1) {
        m_translations->setTexts(t.languages, {{tr("Title"), QStringLiteral("title"), titles}});
        showRow(m_translations);
    }
}

/// The translation table's row for a picture's words.
static TranslationTable::Row pictureAltRow(const Template &t, const QString &alt,
                                           const QMap<QString, Translation> &translations)
{
    QStringList texts{alt};
    for (const QString &lang : t.languages.mid(1))
        texts.append(translations.value(lang).pictureAlt);
    return {PropertiesPanel::tr("Words for the picture"), QStringLiteral("pictureAlt"), texts};
}

void PropertiesPanel::showSection(const Template &t, const Section &section)
{
    int questions = 0;
    for (const Item &item : section.items)
        questions += itemTypeIsAnswerable(item.type) ? 1 : 0;
    int number = 0;
    while (number < t.sections.size() && t.sections.at(number).id != section.id)
        ++number;
    m_heading->setText(tr("Section %1 of %2").arg(number + 1).arg(t.sections.size()));
    m_type->setText(tr("A section with %1").arg(TemplateWords::count(questions, tr("question"), tr("questions"))));
    setRowText(m_textLabel, tr("Section title"));
    setBoxText(m_text, section.title);
    setBoxText(m_help, section.help);
    m_showIf->setTarget(t, section.id, section.showIf);
    m_picture->setPicture(section.picture);
    m_id->setText(section.id);
    fillHints({section.title, section.help},
              {{QStringLiteral("title"), section.title}, {QStringLiteral("help"), section.help}});
    for (QWidget *field :
         {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_help),
          static_cast<QWidget *>(m_picture), static_cast<QWidget *>(m_showIf), static_cast<QWidget *>(m_id)})
        showRow(field);

    if (t.languages.size() > 1) {
        QStringList titles{section.title}, helps{section.help};
        for (const QString &lang : t.languages.mid(1)) {
            titles.append(section.translations.value(lang).title);
            helps.append(section.translations.value(lang).help);
        }
        QVector<TranslationTable::Row> rows{{tr("Section title"), QStringLiteral("title"), titles}};
        if (section.picture)
            rows.append(pictureAltRow(t, section.picture->alt, section.translations));
        if (!section.help.isEmpty())
            rows.append({tr("Help text"), QStringLiteral("help"), helps});
        m_translations->setTexts(t.languages, rows);
        showRow(m_translations);
    }
}

void PropertiesPanel::showItem(const Template &t, const Item &item)
{
    const int number = t.questionNumbers().value(item.id);
    const bool answerable = itemTypeIsAnswerable(item.type);
    m_heading->setText(answerable ? tr("Question %1").arg(number) : tr("Information text"));
    m_itemType->setCurrentIndex(m_itemType->findData(itemTypeName(item.type)));
    setRowText(m_textLabel, answerable ? tr("Question") : tr("Text to read"));
    setBoxText(m_text, item.label);
    setBoxText(m_help, item.help);
    m_required->setChecked(item.required);
    m_showIf->setTarget(t, item.id, item.showIf);
    setBoxText(m_note, item.note);
    m_id->setText(item.id);
    QStringList words{item.label, item.help};
    for (const Option &option : item.options)
        words.append(option.label);
    fillHints(words, {{QStringLiteral("label"), item.label}, {QStringLiteral("help"), item.help}});
    for (QWidget *field :
         {static_cast<QWidget *>(m_itemType), static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_help),
          static_cast<QWidget *>(m_picture), static_cast<QWidget *>(m_showIf), static_cast<QWidget *>(m_id)})
        showRow(field);
    m_picture->setPicture(item.picture);
    if (answerable)
        showRow(m_required);
    if (!item.note.isEmpty())
        showRow(m_note);

    if (PrefillPicker::fits(item)) {
        m_prefill->setItem(item);
        showRow(m_prefill);
    }
    if (item.type == ItemType::Text) {
        m_textFormat->setCurrentIndex(qMax(0, m_textFormat->findData(item.format)));
        showRow(m_textFormat);
    } else if (item.type == ItemType::Number) {
        m_numberRange->setItem(item);
        showRow(m_numberRange);
    }

    const QStringList others = t.languages.mid(1);
    auto translated = [&](const QString &source, auto &&pick) {
        QStringList texts{source};
        for (const QString &lang : others)
            texts.append(pick(item.translations.value(lang)));
        return texts;
    };
    QVector<TranslationTable::Row> rows;
    rows.append({answerable ? tr("Question") : tr("Text to read"), QStringLiteral("label"),
                 translated(item.label, [](const Translation &x) { return x.label; })});
    if (!item.help.isEmpty()) {
        rows.append({tr("Help text"), QStringLiteral("help"),
                     translated(item.help, [](const Translation &x) { return x.help; })});
    }
    if (item.picture)
        rows.append(pictureAltRow(t, item.picture->alt, item.translations));

    if (itemTypeHasOptions(item.type)) {
        m_options->setItem(item);
        for (const Option &option : item.options) {
            rows.append(
                {tr("Answer: %1").arg(option.label), QStringLiteral("option:") + option.value,
                 translated(option.label, [&](const Translation &x) { return x.options.value(option.value); })});
        }
        showRow(m_options);
    }
    if (item.type == ItemType::Table) {
        m_columns->setItem(item);
        for (const Column &column : item.columns) {
            rows.append({tr("Column: %1").arg(column.label), QStringLiteral("column:") + column.id,
                         translated(column.label, [&](const Translation &x) { return x.columns.value(column.id); })});
        }
        showRow(m_columns);
    }
    if (answerable || !item.requirements.isEmpty()) {
        m_requirementPicker->setRequirements(m_requirementSet, item.requirements);
        showRow(m_requirementPicker);
    }
    if (t.languages.size() > 1) {
        m_translations->setTexts(t.languages, rows);
        showRow(m_translations);
    }
}

void PropertiesPanel::fillHints(const QStringList &texts, const QVector<ReadabilityAssist::Field> &fields)
{
    QStringList hints;
    // The figures first: how easy the words are to read (Flesch reading ease, sentence and word length).
    for (const ReadabilityAssist::Field &field : fields) {
        const QString figures = ReadabilityAssist::figures(field.text);
        if (!figures.isEmpty())
            hints.append(tr("%1: %2").arg(field.property == QLatin1String("help") ? tr("Help text")
                                          : m_shown == Shown::Item                ? tr("Question")
                                                                                  : tr("Title"),
                                          figures));
    }
    const qsizetype figureLines = hints.size();
    for (const QString &text : texts) {
        for (const QString &hint : TemplateWords::plainLanguageHints(text)) {
            if (!hints.contains(hint))
                hints.append(hint);
        }
    }
    if (hints.size() == figureLines)
        hints.append(tr("No tips: the words look plain."));
    setBoxText(m_hints, hints.join(QLatin1Char('\n')));
    showRow(m_hints);
    m_plainAssist->setFields(fields);
    if (m_plainAssist->offerCount() > 0)
        showRow(m_plainAssist);
}

} // namespace coform
