#include "propertiespanel.h"

#include "check/coverage.h"
#include "plainwords.h"
#include "templatedocument.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QFormLayout>
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

namespace {

/// A read-only text box that grows with its text, so the panel scrolls as a whole rather than each box.
QTextEdit *makeTextBox(const QString &objectName, QWidget *parent)
{
    auto *box = new QTextEdit(parent);
    box->setObjectName(objectName);
    box->setReadOnly(true);
    box->setAcceptRichText(false);
    box->setTabChangesFocus(true);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    box->setFocusPolicy(Qt::StrongFocus);
    QObject::connect(
        box->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, box,
        [box](const QSizeF &size) { box->setFixedHeight(int(size.height()) + 2 * box->frameWidth() + 2); });
    return box;
}

QLineEdit *makeLineBox(const QString &objectName, QWidget *parent)
{
    auto *line = new QLineEdit(parent);
    line->setObjectName(objectName);
    line->setReadOnly(true);
    return line;
}

QTableWidget *makeTable(const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->setWordWrap(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return table;
}

/// Makes a table exactly as tall as its rows, so that nothing hides inside it.
void fitTableHeight(QTableWidget *table)
{
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->isVisible() ? table->horizontalHeader()->sizeHint().height() : 0;
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height + 2 * table->frameWidth() + 2);
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text.isEmpty() ? QString() : text);
    item->setToolTip(text);
    return item;
}

} // namespace

PropertiesPanel::PropertiesPanel(TemplateDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("propertiesPanel"));

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

    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    layout->addStretch(1);
    scroll->setWidget(content);

    auto addRow = [this, content](QLabel **label, QWidget *field) {
        *label = new QLabel(content);
        (*label)->setObjectName(field->objectName() + QStringLiteral("Label"));
        (*label)->setBuddy(field);
        m_form->addRow(*label, field);
    };
    m_type = makeLineBox(QStringLiteral("propertyType"), content);
    addRow(&m_typeLabel, m_type);
    m_text = makeTextBox(QStringLiteral("propertyText"), content);
    addRow(&m_textLabel, m_text);
    m_help = makeTextBox(QStringLiteral("propertyHelp"), content);
    addRow(&m_helpLabel, m_help);
    m_required = new QCheckBox(tr("People must answer this question"), content);
    m_required->setObjectName(QStringLiteral("propertyRequired"));
    m_required->setAccessibleName(tr("People must answer this question"));
    m_required->setEnabled(false); // read-only until the editor pushes an Edit for it
    m_form->addRow(m_required);
    m_format = makeLineBox(QStringLiteral("propertyFormat"), content);
    addRow(&m_formatLabel, m_format);
    m_options = makeTable(QStringLiteral("propertyOptions"), content);
    addRow(&m_optionsLabel, m_options);
    m_columns = makeTable(QStringLiteral("propertyColumns"), content);
    addRow(&m_columnsLabel, m_columns);
    m_showIf = makeTextBox(QStringLiteral("propertyShowIf"), content);
    addRow(&m_showIfLabel, m_showIf);
    m_requirements = makeTable(QStringLiteral("propertyRequirements"), content);
    addRow(&m_requirementsLabel, m_requirements);
    m_translations = makeTable(QStringLiteral("propertyTranslations"), content);
    addRow(&m_translationsLabel, m_translations);
    m_note = makeTextBox(QStringLiteral("propertyNote"), content);
    addRow(&m_noteLabel, m_note);
    m_id = makeLineBox(QStringLiteral("propertyId"), content);
    m_id->setToolTip(tr("A short code that stays the same when the wording changes. Other systems use it."));
    addRow(&m_idLabel, m_id);

    // Wrapped rows change height with the width: refit the lists and tables when their width changes.
    for (QWidget *view : {static_cast<QWidget *>(m_options), static_cast<QWidget *>(m_columns),
                          static_cast<QWidget *>(m_requirements), static_cast<QWidget *>(m_translations)})
        view->installEventFilter(this);

    setRowText(m_typeLabel, tr("What it is"));
    setRowText(m_helpLabel, tr("Help text"));
    setRowText(m_formatLabel, tr("Answer is checked as"));
    setRowText(m_optionsLabel, tr("Answers to choose from"));
    setRowText(m_columnsLabel, tr("Table columns"));
    setRowText(m_showIfLabel, tr("When it is asked"));
    setRowText(m_requirementsLabel, tr("Requirements it helps meet"));
    setRowText(m_translationsLabel, tr("Words in each language"));
    setRowText(m_noteLabel, tr("Note for form writers"));
    setRowText(m_idLabel, tr("Reference code"));

    connect(m_document, &TemplateDocument::templateReplaced, this, [this] {
        m_requirementSet.reset();
        if (m_document->isOpen() && !m_document->tmpl().requirementSet.isEmpty())
            m_requirementSet = bundledRequirementSet(m_document->tmpl().requirementSet);
        showId({});
    });
    showId({});
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

void PropertiesPanel::hideAllRows()
{
    for (int row = 0; row < m_form->rowCount(); ++row)
        m_form->setRowVisible(row, false);
}

void PropertiesPanel::showId(const QString &id)
{
    m_currentId.clear();
    hideAllRows();
    if (!m_document->isOpen()) {
        showNothing();
        return;
    }
    const Template &t = m_document->tmpl();
    if (!id.isEmpty()) {
        if (const Section *section = t.findSection(id)) {
            m_currentId = id;
            showSection(t, *section);
            return;
        }
        if (const Item *item = t.findItem(id)) {
            m_currentId = id;
            showItem(t, *item);
            return;
        }
    }
    showTemplate(t);
}

void PropertiesPanel::showNothing()
{
    m_heading->setText(tr("No form is open. Choose a template from the list, or open a template file from the "
                          "File menu."));
}

void PropertiesPanel::showTemplate(const Template &t)
{
    int questions = 0;
    for (const Item *item : t.allItems())
        questions += itemTypeIsAnswerable(item->type) ? 1 : 0;
    m_heading->setText(tr("The whole form"));
    m_type->setText(tr("A form with %1 and %2")
                        .arg(PlainWords::count(t.sections.size(), tr("section"), tr("sections")),
                             PlainWords::count(questions, tr("question"), tr("questions"))));
    setRowText(m_textLabel, tr("Title"));
    m_text->setPlainText(t.title);
    QStringList languages;
    for (const QString &lang : t.languages)
        languages.append(PlainWords::languageName(lang));
    setRowText(m_formatLabel, tr("Languages"));
    m_format->setText(QLocale().createSeparatedList(languages));
    m_form->setRowVisible(m_type, true);
    m_form->setRowVisible(m_text, true);
    m_form->setRowVisible(m_format, true);

    // The requirements of the set and which questions cover them: nothing told by colour alone.
    m_requirements->clear();
    m_requirements->setColumnCount(2);
    m_requirements->setHorizontalHeaderLabels({tr("Requirement"), tr("Covered by")});
    m_requirements->setRowCount(0);
    if (m_requirementSet) {
        const Coverage coverage = computeCoverage(t, *m_requirementSet);
        const QMap<QString, int> numbers = t.questionNumbers();
        for (const Requirement &r : m_requirementSet->requirements) {
            QList<int> questionNumbers;
            int infoTexts = 0;
            for (const QString &itemId : coverage.itemsByRequirement.value(r.id)) {
                const int number = numbers.value(itemId);
                if (number > 0)
                    questionNumbers.append(number);
                else
                    ++infoTexts;
            }
            QStringList where;
            if (!questionNumbers.isEmpty()) {
                where.append((questionNumbers.size() == 1 ? tr("question %1") : tr("questions %1"))
                                 .arg(PlainWords::numberRuns(questionNumbers)));
            }
            if (infoTexts > 0)
                where.append(PlainWords::count(infoTexts, tr("information text"), tr("information texts")));
            const QString status = where.isEmpty() ? tr("NOT COVERED YET") : where.join(tr(" and "));
            const int row = m_requirements->rowCount();
            m_requirements->insertRow(row);
            m_requirements->setItem(row, 0, cell(QStringLiteral("%1: %2").arg(r.id, r.title)));
            m_requirements->item(row, 0)->setToolTip(r.mustContain);
            m_requirements->setItem(row, 1, cell(status));
        }
        setRowText(m_requirementsLabel, tr("Requirements: %1 of %2 covered")
                                            .arg(m_requirementSet->requirements.size() - coverage.uncovered.size())
                                            .arg(m_requirementSet->requirements.size()));
        m_form->setRowVisible(m_requirements, true);
    }
    fitTableHeight(m_requirements);
    fillTranslations(t, {{tr("Title"), [&] {
                              QStringList texts{t.title};
                              for (const QString &lang : t.languages.mid(1))
                                  texts.append(t.translations.value(lang).title);
                              return texts;
                          }()}});
    m_id->setText(t.id);
    m_form->setRowVisible(m_id, true);
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
    m_type->setText(tr("A section with %1").arg(PlainWords::count(questions, tr("question"), tr("questions"))));
    setRowText(m_textLabel, tr("Section title"));
    m_text->setPlainText(section.title);
    m_help->setPlainText(section.help);
    m_showIf->setPlainText(PlainWords::showIfDescription(t, section.showIf));
    m_id->setText(section.id);
    for (QWidget *field : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_text),
                           static_cast<QWidget *>(m_showIf), static_cast<QWidget *>(m_id)})
        m_form->setRowVisible(field, true);
    m_form->setRowVisible(m_help, !section.help.isEmpty());

    QVector<QPair<QString, QStringList>> rows;
    QStringList titles{section.title}, helps{section.help};
    for (const QString &lang : t.languages.mid(1)) {
        titles.append(section.translations.value(lang).title);
        helps.append(section.translations.value(lang).help);
    }
    rows.append({tr("Section title"), titles});
    if (!section.help.isEmpty())
        rows.append({tr("Help text"), helps});
    fillTranslations(t, rows);
}

void PropertiesPanel::showItem(const Template &t, const Item &item)
{
    const int number = t.questionNumbers().value(item.id);
    const bool answerable = itemTypeIsAnswerable(item.type);
    m_heading->setText(answerable ? tr("Question %1").arg(number) : tr("Information text"));
    m_type->setText(PlainWords::itemTypeDescription(item.type));
    setRowText(m_textLabel, answerable ? tr("Question") : tr("Text to read"));
    m_text->setPlainText(item.label);
    m_help->setPlainText(item.help);
    m_required->setChecked(item.required);
    m_showIf->setPlainText(PlainWords::showIfDescription(t, item.showIf));
    m_id->setText(item.id);
    m_note->setPlainText(item.note);
    for (QWidget *field : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_text),
                           static_cast<QWidget *>(m_showIf), static_cast<QWidget *>(m_id)})
        m_form->setRowVisible(field, true);
    m_form->setRowVisible(m_help, answerable || !item.help.isEmpty());
    m_form->setRowVisible(m_required, answerable);
    m_form->setRowVisible(m_note, !item.note.isEmpty());

    if (item.type == ItemType::Text && !item.format.isEmpty()) {
        setRowText(m_formatLabel, tr("Answer is checked as"));
        m_format->setText(PlainWords::textFormatDescription(item.format));
        m_form->setRowVisible(m_format, true);
    } else if (item.type == ItemType::Number && (item.min || item.max || !item.unit.isEmpty())) {
        const QLocale locale;
        QStringList parts;
        if (item.min)
            parts.append(tr("at least %1").arg(locale.toString(*item.min)));
        if (item.max)
            parts.append(tr("at most %1").arg(locale.toString(*item.max)));
        if (!item.unit.isEmpty())
            parts.append(tr("in %1").arg(item.unit));
        setRowText(m_formatLabel, tr("Allowed numbers"));
        m_format->setText(parts.join(QStringLiteral(", ")));
        m_form->setRowVisible(m_format, true);
    }

    QVector<QPair<QString, QStringList>> rows;
    auto translated = [&](const QString &source, auto &&pick) {
        QStringList texts{source};
        for (const QString &lang : t.languages.mid(1))
            texts.append(pick(item.translations.value(lang)));
        return texts;
    };
    rows.append({answerable ? tr("Question") : tr("Text to read"),
                 translated(item.label, [](const Translation &x) { return x.label; })});
    if (!item.help.isEmpty())
        rows.append({tr("Help text"), translated(item.help, [](const Translation &x) { return x.help; })});

    if (itemTypeHasOptions(item.type)) {
        const bool scale = item.type == ItemType::Scale;
        m_options->clear();
        m_options->setColumnCount(scale ? 3 : 2);
        m_options->setHorizontalHeaderLabels(scale ? QStringList{tr("Answer"), tr("What it means"), tr("Code")}
                                                   : QStringList{tr("Answer"), tr("Code")});
        m_options->setRowCount(int(item.options.size()));
        for (int row = 0; row < item.options.size(); ++row) {
            const Option &option = item.options.at(row);
            m_options->setItem(row, 0, cell(option.label));
            if (scale)
                m_options->setItem(row, 1, cell(option.description));
            m_options->setItem(row, scale ? 2 : 1, cell(option.value));
            rows.append({tr("Answer: %1").arg(option.label), translated(option.label, [&](const Translation &x) {
                             return x.options.value(option.value);
                         })});
        }
        fitTableHeight(m_options);
        m_form->setRowVisible(m_options, true);
    }
    if (item.type == ItemType::Table) {
        m_columns->clear();
        m_columns->setColumnCount(2);
        m_columns->setHorizontalHeaderLabels({tr("Column"), tr("Code")});
        m_columns->setRowCount(int(item.columns.size()));
        for (int row = 0; row < item.columns.size(); ++row) {
            const Column &column = item.columns.at(row);
            m_columns->setItem(row, 0, cell(column.label));
            m_columns->setItem(row, 1, cell(column.id));
            rows.append({tr("Column: %1").arg(column.label),
                         translated(column.label, [&](const Translation &x) { return x.columns.value(column.id); })});
        }
        fitTableHeight(m_columns);
        m_form->setRowVisible(m_columns, true);
    }
    fillRequirements(item.requirements);
    fillTranslations(t, rows);
}

void PropertiesPanel::fillRequirements(const QStringList &ids)
{
    m_requirements->clear();
    m_requirements->setColumnCount(1);
    m_requirements->setHorizontalHeaderLabels({tr("Requirement")});
    m_requirements->setRowCount(0);
    setRowText(m_requirementsLabel, tr("Requirements it helps meet"));
    for (const QString &id : ids) {
        const Requirement *r = m_requirementSet ? m_requirementSet->find(id) : nullptr;
        const int row = m_requirements->rowCount();
        m_requirements->insertRow(row);
        m_requirements->setItem(row, 0, cell(r ? QStringLiteral("%1: %2").arg(id, r->title) : id));
        if (r)
            m_requirements->item(row, 0)->setToolTip(r->mustContain);
    }
    if (ids.isEmpty()) {
        m_requirements->insertRow(0);
        m_requirements->setItem(0, 0, cell(tr("None")));
    }
    fitTableHeight(m_requirements);
    m_form->setRowVisible(m_requirements, true);
}

void PropertiesPanel::fillTranslations(const Template &t, const QVector<QPair<QString, QStringList>> &rows)
{
    if (t.languages.size() < 2) {
        m_form->setRowVisible(m_translations, false);
        return;
    }
    QStringList headers{tr("Text")};
    for (const QString &lang : t.languages)
        headers.append(PlainWords::languageName(lang));
    m_translations->clear();
    m_translations->setColumnCount(int(headers.size()));
    m_translations->setHorizontalHeaderLabels(headers);
    m_translations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_translations->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        m_translations->setItem(row, 0, cell(rows.at(row).first));
        const QStringList &texts = rows.at(row).second;
        for (int lang = 0; lang < texts.size(); ++lang) {
            const QString &text = texts.at(lang);
            // Said in words, not only by an empty cell: a missing translation reads "(not translated yet)".
            m_translations->setItem(row, lang + 1, cell(text.isEmpty() ? tr("(not translated yet)") : text));
        }
    }
    fitTableHeight(m_translations);
    m_form->setRowVisible(m_translations, true);
}

} // namespace coform
