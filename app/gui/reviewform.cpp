#include "reviewform.h"

#include "identityprefill.h"
#include "pdfanswersdialog.h"
#include "previousreview.h"

#include "check/answervalidation.h"
#include "format/importer.h"
#include "format/templateformat.h"
#include "model/nhsnumber.h"
#include "store/answerautosaver.h"
#include "store/auditlog.h"
#include "store/reviewoutput.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

namespace coform {

namespace {

const QDate noDate(1900, 1, 1);

QDateEdit *dateEditor(const QString &objectName)
{
    auto *edit = new QDateEdit;
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("d MMMM yyyy"));
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(QStringLiteral("not answered"));
    edit->setDate(noDate);
    return edit;
}

QJsonValue dateValue(const QDateEdit *edit)
{
    return edit->date() == noDate ? QJsonValue(QJsonValue::Null) : QJsonValue(edit->date().toString(Qt::ISODate));
}

void showDate(QDateEdit *edit, const QJsonValue &value)
{
    const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
    edit->setDate(d.isValid() ? d : noDate);
}

QString formatName(const QString &format)
{
    static const QHash<QString, QString> names = {{QStringLiteral("standard"), QStringLiteral("standard print")},
                                                  {QStringLiteral("large-print"), QStringLiteral("large print")},
                                                  {QStringLiteral("easy-read"), QStringLiteral("easy read")},
                                                  {QStringLiteral("braille"), QStringLiteral("Braille")},
                                                  {QStringLiteral("audio"), QStringLiteral("audio")},
                                                  {QStringLiteral("email"), QStringLiteral("email")},
                                                  {QStringLiteral("bsl"), QStringLiteral("British Sign Language")},
                                                  {QStringLiteral("interpreter"), QStringLiteral("an interpreter")}};
    return names.value(format, QStringLiteral("not recorded"));
}

bool isAnswered(const QJsonValue &v)
{
    return !(v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())
             || (v.isArray() && v.toArray().isEmpty()));
}

} // namespace

ReviewForm::ReviewForm(Database &db, const Session &session, qint64 reviewId, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_session(session)
    , m_reviewId(reviewId)
    , m_store(std::make_unique<ReviewStore>(db, session))
{
    setObjectName(QStringLiteral("reviewForm"));
    const Result<ReviewRecord> review = m_store->open(reviewId);
    Result<Template> t = review.ok() ? m_store->templateOf(*review) : Result<Template>(review.outcome());
    Result<PersonRecord> person =
        review.ok() ? m_store->person(review->personId) : Result<PersonRecord>(review.outcome());
    if (!review.ok() || !t.ok() || !person.ok()) {
        m_loadError = !review.ok() ? review.message() : !t.ok() ? t.message() : person.message();
        auto *layout = new QVBoxLayout(this);
        auto *label = new QLabel(m_loadError);
        label->setObjectName(QStringLiteral("loadError"));
        label->setWordWrap(true);
        layout->addWidget(label);
        return;
    }
    m_review = review.value();
    m_template = t.value();
    m_person = person.value();
    m_answers = m_review.answers;
    m_loaded = true;
    m_saver = std::make_unique<AnswerAutosaver>(*m_store, reviewId);
    connect(m_saver.get(), &AnswerAutosaver::saved, this, [this] {
        m_saveStatus->setText(
            tr("All answers saved at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        emit answersSaved();
    });
    connect(m_saver.get(), &AnswerAutosaver::saveFailed, this,
            [this](const QString &message) { m_saveStatus->setText(tr("Not saved: %1").arg(message)); });
    m_identity = new IdentityPrefill(db, session, *m_store, reviewId, m_person, m_review.recordDifferences, this);
    m_previous = PreviousReview::find(*m_store, m_review);
    build();
}

ReviewForm::~ReviewForm()
{
    // Save what is unsaved while everything is still whole, without updating labels that are going away.
    if (m_saver) {
        m_saver->disconnect(this);
        m_saver->flush();
    }
}

void ReviewForm::build()
{
    auto *layout = new QVBoxLayout(this);
    const QString nhs = NhsNumber::formatted(m_person.person.nhsNumber);
    auto *banner = new QLabel;
    banner->setObjectName(QStringLiteral("personBanner"));
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText);
    QStringList lines;
    lines << tr("%1, NHS number %2, born %3")
                 .arg(m_person.person.name, nhs.isEmpty() ? tr("not recorded") : nhs,
                      QLocale().toString(m_person.person.dateOfBirth, QLocale::LongFormat));
    lines << tr("Communication needs: %1")
                 .arg(m_person.communicationNeeds.isEmpty() ? tr("none recorded") : m_person.communicationNeeds);
    lines << tr("Preferred format: %1").arg(formatName(m_person.preferredFormat));
    if (!m_person.representativeName.isEmpty())
        lines << tr("Representative: %1 (%2)").arg(m_person.representativeName, m_person.representativeContact);
    banner->setText(lines.join(QLatin1Char('\n')));
    banner->setAccessibleName(tr("About the person"));
    layout->addWidget(banner);
    connect(m_identity, &IdentityPrefill::recordUpdated, banner, [banner](const PersonRecord &person) {
        const QString nhs = NhsNumber::formatted(person.person.nhsNumber);
        QStringList lines = banner->text().split(QLatin1Char('\n'));
        lines[0] =
            tr("%1, NHS number %2, born %3")
                .arg(person.person.name, nhs, QLocale().toString(person.person.dateOfBirth, QLocale::LongFormat));
        banner->setText(lines.join(QLatin1Char('\n')));
    });
    if (m_previous)
        layout->addWidget(m_previous->summaryBar());

    auto *status = new QHBoxLayout;
    m_progress = new QLabel;
    m_progress->setObjectName(QStringLiteral("progress"));
    m_saveStatus = new QLabel(tr("Answers are saved as you go"));
    m_saveStatus->setObjectName(QStringLiteral("saveStatus"));
    m_lockStatus = new QLabel;
    m_lockStatus->setObjectName(QStringLiteral("lockStatus"));
    status->addWidget(m_progress);
    status->addStretch();
    status->addWidget(m_lockStatus);
    status->addWidget(m_saveStatus);
    layout->addLayout(status);

    auto *splitter = new QSplitter;
    m_sectionList = new QListWidget;
    m_sectionList->setObjectName(QStringLiteral("sectionList"));
    m_sectionList->setAccessibleName(tr("Sections"));
    m_pages = new QStackedWidget;
    for (const Section &section : m_template.sections) {
        m_sectionRows.insert(section.id, m_sectionList->count());
        m_sectionList->addItem(section.title);
        m_pages->addWidget(buildSection(section));
    }
    connect(m_sectionList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sectionList->setCurrentRow(0);
    splitter->addWidget(m_sectionList);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    m_completionProblems = new QLabel;
    m_completionProblems->setObjectName(QStringLiteral("completionProblems"));
    m_completionProblems->setWordWrap(true);
    m_completionProblems->setTextFormat(Qt::PlainText);
    m_completionProblems->hide();
    layout->addWidget(m_completionProblems);

    auto *buttons = new QHBoxLayout;
    m_completeButton = new QPushButton(tr("&Complete review"));
    m_completeButton->setObjectName(QStringLiteral("completeButton"));
    m_reopenButton = new QPushButton(tr("&Reopen…"));
    m_reopenButton->setObjectName(QStringLiteral("reopenButton"));
    auto *pdf = new QPushButton(tr("Save as &PDF…"));
    pdf->setObjectName(QStringLiteral("pdfButton"));
    auto *html = new QPushButton(tr("Save as &HTML…"));
    html->setObjectName(QStringLiteral("htmlButton"));
    auto *importPdf = new QPushButton(tr("&Import answers from PDF…"));
    importPdf->setObjectName(QStringLiteral("importPdfButton"));
    importPdf->setAccessibleName(tr("Import answers from a filled PDF form"));
    buttons->addWidget(m_completeButton);
    buttons->addWidget(m_reopenButton);
    buttons->addStretch();
    buttons->addWidget(importPdf);
    buttons->addWidget(pdf);
    buttons->addWidget(html);
    layout->addLayout(buttons);
    connect(m_completeButton, &QPushButton::clicked, this, [this] { complete(); });
    connect(m_reopenButton, &QPushButton::clicked, this, &ReviewForm::askAndReopen);
    connect(pdf, &QPushButton::clicked, this, [this] { chooseAndExport(false); });
    connect(html, &QPushButton::clicked, this, [this] { chooseAndExport(true); });
    connect(importPdf, &QPushButton::clicked, this, &ReviewForm::chooseAndImportPdf);

    m_loading = true;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (it->show && m_answers.has(it.key()))
            it->show(m_answers.value(it.key()));
        answerShown(it.key(), false);
    }
    m_loading = false;
    applyShowIf();
    updateProgress();
    updateLock();
}

QWidget *ReviewForm::buildSection(const Section &section)
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("section-%1").arg(section.id));
    auto *layout = new QVBoxLayout(page);
    auto *heading = new QLabel(section.title);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    heading->setAccessibleName(section.title);
    layout->addWidget(heading);
    if (!section.help.isEmpty()) {
        auto *help = new QLabel(section.help);
        help->setWordWrap(true);
        layout->addWidget(help);
    }
    for (const Item &item : section.items) {
        Field field = buildField(item);
        layout->addWidget(decorateField(item, field));
        m_fields.insert(item.id, field);
    }
    layout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    return scroll;
}

ReviewForm::Field ReviewForm::buildField(const Item &item)
{
    Field field;
    field.item = &item;
    auto *block = new QWidget;
    block->setObjectName(QStringLiteral("field-%1").arg(item.id));
    auto *layout = new QVBoxLayout(block);
    layout->setContentsMargins(0, 6, 0, 6);
    field.block = block;
    const int number = m_template.questionNumbers().value(item.id);
    const QString labelText =
        item.type == ItemType::Info
            ? item.label
            : QStringLiteral("%1. %2%3").arg(number).arg(item.label, item.required ? tr(" (required)") : QString());
    auto *label = new QLabel(labelText);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    if (!item.help.isEmpty()) {
        auto *help = new QLabel(item.help);
        help->setWordWrap(true);
        help->setTextFormat(Qt::PlainText);
        help->setObjectName(QStringLiteral("help-%1").arg(item.id));
        layout->addWidget(help);
    }
    if (item.type == ItemType::Info)
        return field;
    const QString id = item.id;
    const QString name = QStringLiteral("item-%1").arg(id);
    auto changed = [this, id] { edited(id, false); };
    auto finished = [this, id] { edited(id, true); };
    auto accessible = [&](QWidget *w) {
        w->setAccessibleName(labelText);
        w->setAccessibleDescription(item.help);
    };

    switch (item.type) {
    case ItemType::Info:
        break;
    case ItemType::Text: {
        auto *edit = new QLineEdit;
        edit->setObjectName(name);
        accessible(edit);
        label->setBuddy(edit);
        layout->addWidget(edit);
        connect(edit, &QLineEdit::textChanged, this, changed);
        connect(edit, &QLineEdit::editingFinished, this, finished);
        const QString format = item.format;
        field.read = [edit, format] {
            const QString text = edit->text().trimmed();
            if (text.isEmpty())
                return QJsonValue(QJsonValue::Null);
            // An NHS number is kept as its 10 digits whatever the spacing typed.
            if (format == QLatin1String("nhs-number")) {
                if (const auto digits = NhsNumber::normalize(text))
                    return QJsonValue(*digits);
            }
            return QJsonValue(text);
        };
        field.show = [edit, format](const QJsonValue &v) {
            edit->setText(format == QLatin1String("nhs-number") ? NhsNumber::formatted(v.toString()) : v.toString());
        };
        break;
    }
    case ItemType::Textarea: {
        auto *edit = new QPlainTextEdit;
        edit->setObjectName(name);
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(110);
        accessible(edit);
        label->setBuddy(edit);
        layout->addWidget(edit);
        connect(edit, &QPlainTextEdit::textChanged, this, changed);
        field.read = [edit] {
            const QString text = edit->toPlainText();
            return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
        };
        field.show = [edit](const QJsonValue &v) { edit->setPlainText(v.toString()); };
        break;
    }
    case ItemType::YesNo:
    case ItemType::Choice:
    case ItemType::Scale: {
        auto *group = new QButtonGroup(block);
        auto *box = new QWidget;
        box->setObjectName(name);
        accessible(box);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(12, 0, 0, 0);
        QVector<QPair<QString, QJsonValue>> choices;
        if (item.type == ItemType::YesNo) {
            choices = {{QStringLiteral("yes"), true}, {QStringLiteral("no"), false}};
        } else {
            for (const Option &o : item.options)
                choices.append({o.value, o.value});
        }
        QHash<QAbstractButton *, QJsonValue> values;
        for (const auto &[value, json] : choices) {
            QString text =
                item.type == ItemType::YesNo ? (json.toBool() ? tr("Yes") : tr("No")) : item.option(value)->label;
            if (item.type == ItemType::Scale && !item.option(value)->description.isEmpty())
                text += QStringLiteral(": ") + item.option(value)->description;
            auto *button = new QRadioButton(text);
            button->setObjectName(QStringLiteral("%1-%2").arg(name, value));
            button->setAccessibleName(QStringLiteral("%1: %2").arg(label->text(), text));
            group->addButton(button);
            boxLayout->addWidget(button);
            values.insert(button, json);
            connect(button, &QRadioButton::toggled, this, [changed](bool on) {
                if (on)
                    changed();
            });
        }
        auto *clear = new QPushButton(tr("Clear answer"));
        clear->setObjectName(QStringLiteral("%1-clear").arg(name));
        clear->setAccessibleName(tr("Clear the answer to question %1").arg(number));
        boxLayout->addWidget(clear, 0, Qt::AlignLeft);
        connect(clear, &QPushButton::clicked, this, [group, changed] {
            group->setExclusive(false);
            if (group->checkedButton())
                group->checkedButton()->setChecked(false);
            group->setExclusive(true);
            changed();
        });
        layout->addWidget(box);
        field.read = [group, values] {
            return group->checkedButton() ? values.value(group->checkedButton()) : QJsonValue(QJsonValue::Null);
        };
        field.show = [group, values](const QJsonValue &v) {
            for (auto it = values.begin(); it != values.end(); ++it) {
                if (it.value() == v)
                    it.key()->setChecked(true);
            }
        };
        break;
    }
    case ItemType::MultiChoice: {
        auto *box = new QWidget;
        box->setObjectName(name);
        accessible(box);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(12, 0, 0, 0);
        QVector<QPair<QCheckBox *, QString>> boxes;
        for (const Option &o : item.options) {
            auto *check = new QCheckBox(o.label);
            check->setObjectName(QStringLiteral("%1-%2").arg(name, o.value));
            check->setAccessibleName(QStringLiteral("%1: %2").arg(label->text(), o.label));
            boxLayout->addWidget(check);
            boxes.append({check, o.value});
            connect(check, &QCheckBox::toggled, this, changed);
        }
        layout->addWidget(box);
        field.read = [boxes] {
            QJsonArray chosen;
            for (const auto &[check, value] : boxes) {
                if (check->isChecked())
                    chosen.append(value);
            }
            return chosen.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(chosen);
        };
        field.show = [boxes](const QJsonValue &v) {
            const QJsonArray chosen = v.toArray();
            for (const auto &[check, value] : boxes)
                check->setChecked(chosen.contains(value));
        };
        break;
    }
    case ItemType::Date: {
        QDateEdit *edit = dateEditor(name);
        accessible(edit);
        label->setBuddy(edit);
        layout->addWidget(edit, 0, Qt::AlignLeft);
        connect(edit, &QDateEdit::dateChanged, this, changed);
        field.read = [edit] { return dateValue(edit); };
        field.show = [edit](const QJsonValue &v) { showDate(edit, v); };
        break;
    }
    case ItemType::Number: {
        auto *edit = new QLineEdit;
        edit->setObjectName(name);
        accessible(edit);
        label->setBuddy(edit);
        auto *row = new QHBoxLayout;
        row->addWidget(edit);
        if (!item.unit.isEmpty())
            row->addWidget(new QLabel(item.unit));
        row->addStretch();
        layout->addLayout(row);
        connect(edit, &QLineEdit::textChanged, this, changed);
        connect(edit, &QLineEdit::editingFinished, this, finished);
        field.read = [edit] {
            const QString text = edit->text().trimmed();
            if (text.isEmpty())
                return QJsonValue(QJsonValue::Null);
            bool ok = false;
            const double d = QLocale().toDouble(text, &ok);
            return ok ? QJsonValue(d) : QJsonValue(text); // text: answerProblem says "expected a number"
        };
        field.show = [edit](const QJsonValue &v) { edit->setText(QLocale().toString(v.toDouble())); };
        break;
    }
    case ItemType::Table: {
        auto *table = new QTableWidget(0, int(item.columns.size()));
        table->setObjectName(name);
        accessible(table);
        label->setBuddy(table);
        QStringList headers;
        for (const Column &c : item.columns)
            headers << c.label;
        table->setHorizontalHeaderLabels(headers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->setMinimumHeight(120);
        table->setTabKeyNavigation(false);
        layout->addWidget(table);
        auto *row = new QHBoxLayout;
        auto *add = new QPushButton(tr("Add a row"));
        add->setObjectName(QStringLiteral("%1-add").arg(name));
        auto *remove = new QPushButton(tr("Remove the selected row"));
        remove->setObjectName(QStringLiteral("%1-remove").arg(name));
        row->addWidget(add);
        row->addWidget(remove);
        row->addStretch();
        layout->addLayout(row);
        const QVector<Column> columns = item.columns;
        connect(add, &QPushButton::clicked, this, [table, changed] {
            table->insertRow(table->rowCount());
            table->setCurrentCell(table->rowCount() - 1, 0);
            changed();
        });
        connect(remove, &QPushButton::clicked, this, [table, changed] {
            const int r = table->currentRow() >= 0 ? table->currentRow() : table->rowCount() - 1;
            if (r >= 0)
                table->removeRow(r);
            changed();
        });
        connect(table, &QTableWidget::itemChanged, this, changed);
        field.read = [table, columns] {
            QJsonArray rows;
            for (int r = 0; r < table->rowCount(); ++r) {
                QJsonObject o;
                for (int c = 0; c < columns.size(); ++c) {
                    const QTableWidgetItem *cell = table->item(r, c);
                    if (cell && !cell->text().trimmed().isEmpty())
                        o.insert(columns.at(c).id, cell->text().trimmed());
                }
                rows.append(o);
            }
            return rows.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(rows);
        };
        field.show = [table, columns](const QJsonValue &v) {
            const QJsonArray rows = v.toArray();
            table->setRowCount(int(rows.size()));
            for (int r = 0; r < rows.size(); ++r) {
                for (int c = 0; c < columns.size(); ++c)
                    table->setItem(r, c,
                                   new QTableWidgetItem(rows.at(r).toObject().value(columns.at(c).id).toString()));
            }
        };
        break;
    }
    case ItemType::Signature: {
        auto *row = new QHBoxLayout;
        auto *signName = new QLineEdit;
        signName->setObjectName(QStringLiteral("%1-name").arg(name));
        signName->setPlaceholderText(tr("Type the full name to sign"));
        signName->setAccessibleName(tr("%1: name").arg(label->text()));
        QDateEdit *date = dateEditor(QStringLiteral("%1-date").arg(name));
        date->setAccessibleName(tr("%1: date").arg(label->text()));
        auto *declined = new QLineEdit;
        declined->setObjectName(QStringLiteral("%1-declined").arg(name));
        declined->setPlaceholderText(tr("Or why it was not signed"));
        declined->setAccessibleName(tr("%1: why it was not signed").arg(label->text()));
        label->setBuddy(signName);
        row->addWidget(signName, 2);
        row->addWidget(date, 1);
        layout->addLayout(row);
        layout->addWidget(declined);
        connect(signName, &QLineEdit::textChanged, this, changed);
        connect(declined, &QLineEdit::textChanged, this, changed);
        connect(date, &QDateEdit::dateChanged, this, changed);
        field.read = [signName, date, declined] {
            QJsonObject o;
            if (!signName->text().trimmed().isEmpty())
                o.insert(QStringLiteral("name"), signName->text().trimmed());
            if (date->date() != noDate)
                o.insert(QStringLiteral("date"), date->date().toString(Qt::ISODate));
            if (!declined->text().trimmed().isEmpty())
                o.insert(QStringLiteral("declinedReason"), declined->text().trimmed());
            return o.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(o);
        };
        field.show = [signName, date, declined](const QJsonValue &v) {
            const QJsonObject o = v.toObject();
            signName->setText(o.value(QLatin1String("name")).toString());
            showDate(date, o.value(QLatin1String("date")));
            declined->setText(o.value(QLatin1String("declinedReason")).toString());
        };
        break;
    }
    }
    field.error = new QLabel;
    field.error->setObjectName(QStringLiteral("error-%1").arg(item.id));
    field.error->setWordWrap(true);
    field.error->setTextFormat(Qt::PlainText);
    field.error->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold"));
    field.error->hide();
    layout->addWidget(field.error);
    return field;
}

void ReviewForm::showProblem(const QString &itemId, const QString &problem)
{
    Field &field = m_fields[itemId];
    if (!field.error)
        return;
    field.error->setText(problem.isEmpty() ? QString() : tr("Problem: %1").arg(problem));
    field.error->setVisible(!problem.isEmpty());
    // Screen readers announce the problem with the question.
    if (QWidget *editor = field.block->findChild<QWidget *>(QStringLiteral("item-%1").arg(itemId)))
        editor->setAccessibleDescription(problem.isEmpty() ? field.item->help : problem);
}

void ReviewForm::edited(const QString &itemId, bool finished)
{
    if (m_loading || m_review.isCompleted())
        return;
    Field &field = m_fields[itemId];
    const QJsonValue value = field.read();
    QString problem;
    if (!value.isNull()) {
        problem = answerProblem(*field.item, value);
        // Signatures are checked whole on completion; while typing a name alone is fine.
        if (field.item->type == ItemType::Signature)
            problem.clear();
    }
    if (field.item->type == ItemType::Number && value.isString())
        problem = tr("please write a number");
    field.pendingProblem = problem;
    if (!problem.isEmpty()) {
        // Shown once typing is done (or at once for editors without typing), never saved.
        if (finished || (field.item->type != ItemType::Text && field.item->type != ItemType::Number))
            showProblem(itemId, problem);
        return;
    }
    showProblem(itemId, {});
    if (value.isNull())
        m_answers.values.remove(itemId);
    else
        m_answers.values.insert(itemId, value);
    m_saver->setAnswer(itemId, value);
    answerShown(itemId, finished || (field.item->type != ItemType::Text && field.item->type != ItemType::Number));
    m_saveStatus->setText(tr("Saving…"));
    applyShowIf();
    updateProgress();
}

void ReviewForm::applyShowIf()
{
    for (const Section &section : m_template.sections) {
        const bool shown = isShown(m_template, section, m_answers);
        QListWidgetItem *entry = m_sectionList->item(m_sectionRows.value(section.id));
        entry->setHidden(!shown);
        for (const Item &item : section.items)
            m_fields[item.id].block->setVisible(shown && isShown(m_template, item, m_answers));
    }
}

QString ReviewForm::progressText() const
{
    int shown = 0, answered = 0;
    for (const Item *item : m_template.allItems()) {
        if (!itemTypeIsAnswerable(item->type) || !isShown(m_template, *item, m_answers))
            continue;
        ++shown;
        if (isAnswered(m_answers.value(item->id)))
            ++answered;
    }
    return tr("%1 of %2 answered").arg(answered).arg(shown);
}

void ReviewForm::updateProgress()
{
    m_progress->setText(progressText());
}

void ReviewForm::updateLock()
{
    const bool locked = m_review.isCompleted();
    m_pages->setEnabled(!locked);
    m_completeButton->setEnabled(!locked);
    m_reopenButton->setVisible(locked);
    m_lockStatus->setText(
        locked ? tr("Completed by %1 on %2: reopen it to change it")
                     .arg(m_review.completedBy,
                          QLocale().toString(m_review.completedAt.toLocalTime().date(), QLocale::LongFormat))
               : tr("In progress"));
    emit statusChanged();
}

bool ReviewForm::saveNow()
{
    return !m_saver || m_saver->flush().ok();
}

bool ReviewForm::complete(QStringList *problems)
{
    if (!m_loaded || !saveNow())
        return false;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (it->error)
            showProblem(it.key(), it->pendingProblem);
    }
    const Outcome outcome = m_store->complete(m_reviewId);
    if (outcome.ok()) {
        m_review = m_store->get(m_reviewId).value();
        m_completionProblems->hide();
        updateLock();
        return true;
    }
    QStringList messages;
    if (outcome.status == StoreStatus::Invalid) {
        const Result<QStringList> found = m_store->completionProblems(m_reviewId);
        messages = found.ok() ? found.value() : QStringList{outcome.message};
        // Beside each required question still unanswered.
        for (const Item *item : m_template.allItems()) {
            if (item->required && isShown(m_template, *item, m_answers) && !isAnswered(m_answers.value(item->id)))
                showProblem(item->id, tr("this question needs an answer before the review can be completed"));
        }
    } else {
        messages << outcome.message;
    }
    m_completionProblems->setText(tr("The review cannot be completed yet:\n%1").arg(messages.join(QLatin1Char('\n'))));
    m_completionProblems->show();
    if (problems)
        *problems = messages;
    return false;
}

bool ReviewForm::reopen(const QString &reason, QString *error)
{
    const Outcome outcome = m_store->reopen(m_reviewId, reason);
    if (!outcome.ok()) {
        if (error)
            *error = outcome.message;
        return false;
    }
    m_review = m_store->get(m_reviewId).value();
    updateLock();
    return true;
}

void ReviewForm::askAndReopen()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Reopen the review"), tr("Why does this completed review need to change? The reason is kept."),
        QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    QString error;
    if (!reopen(reason, &error))
        m_lockStatus->setText(error);
}

QWidget *ReviewForm::decorateField(const Item &item, const Field &field)
{
    if (QWidget *note = m_identity->noteFor(item)) {
        // Under the editor, above the problem label.
        auto *box = static_cast<QBoxLayout *>(field.block->layout());
        box->insertWidget(box->indexOf(field.error) >= 0 ? box->indexOf(field.error) : box->count(), note);
    }
    if (!m_previous)
        return field.block;
    const QString id = item.id;
    return m_previous->besideQuestion(m_template, item, field.block,
                                      [this, id](const QJsonValue &value) { copyAnswer(id, value); });
}

void ReviewForm::answerShown(const QString &itemId, bool finished)
{
    m_identity->answerChanged(itemId, m_answers.value(itemId), finished);
    if (m_previous)
        m_previous->answerChanged(itemId, m_answers.value(itemId));
}

void ReviewForm::copyAnswer(const QString &itemId, const QJsonValue &value)
{
    const auto field = m_fields.find(itemId);
    if (field == m_fields.end() || !field->show || m_review.isCompleted())
        return;
    m_loading = true;
    field->show(value);
    m_loading = false;
    edited(itemId, true);
}

bool ReviewForm::exportTo(const QString &path, bool html, QString *error)
{
    if (!saveNow()) {
        *error = tr("the answers could not be saved first");
        return false;
    }
    QByteArray document;
    const Outcome made = ReviewOutput::render(
        *m_store, m_reviewId, html ? ReviewOutput::Format::Html : ReviewOutput::Format::Pdf, std::nullopt, &document,
        AuditLog::Export, !html && m_previous && m_previous->printColumn());
    if (!made.ok()) {
        *error = made.message;
        return false;
    }
    return writeFileAtomically(path, document, error);
}

void ReviewForm::chooseAndExport(bool html)
{
    const QString path = QFileDialog::getSaveFileName(
        this, html ? tr("Save as HTML") : tr("Save as PDF"),
        QStringLiteral("review-%1.%2").arg(m_reviewId).arg(html ? QStringLiteral("html") : QStringLiteral("pdf")),
        html ? tr("HTML (*.html)") : tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    m_saveStatus->setText(exportTo(path, html, &error) ? tr("Saved %1").arg(path) : error);
}

bool ReviewForm::readAnswersFromPdf(const QString &path, QVector<ProposedAnswer> *answers, QString *error)
{
    PdfImportOptions options;
    options.workerPath = defaultImportWorkerPath();
    const FilledPdfAnswers read = readFilledPdf(path, m_template, options);
    if (!read.refusal.isEmpty()) {
        *error = tr("%1: %2. Nothing was saved.").arg(QFileInfo(path).fileName(), read.refusal);
        return false;
    }
    if (!read.problems.isEmpty()) {
        *error = tr("Some answers in %1 do not fit their questions, so nothing was saved:\n%2")
                     .arg(QFileInfo(path).fileName(), read.problems.join(QLatin1Char('\n')));
        return false;
    }
    *answers = read.answers;
    return true;
}

bool ReviewForm::acceptAnswersFromPdf(const QMap<QString, QJsonValue> &answers, QString *error)
{
    if (answers.isEmpty())
        return true;
    if (!saveNow()) {
        *error = tr("the answers typed here could not be saved first");
        return false;
    }
    const Outcome saved = m_store->saveAnswers(m_reviewId, answers, QStringLiteral("a filled PDF form"));
    if (!saved.ok()) {
        *error = saved.message;
        return false;
    }
    m_loading = true;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        m_answers.values.insert(it.key(), it.value());
        const auto field = m_fields.find(it.key());
        if (field != m_fields.end() && field->show)
            field->show(it.value());
    }
    m_loading = false;
    applyShowIf();
    updateProgress();
    m_saveStatus->setText(tr("%n answer(s) from the PDF saved", nullptr, int(answers.size())));
    emit answersSaved();
    return true;
}

void ReviewForm::chooseAndImportPdf()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import answers from a filled PDF form"), {}, tr("PDF forms (*.pdf)"));
    if (path.isEmpty())
        return;
    QVector<ProposedAnswer> proposed;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool read = saveNow() && readAnswersFromPdf(path, &proposed, &error);
    QApplication::restoreOverrideCursor();
    if (!read) {
        QMessageBox::warning(this, tr("Import answers from PDF"),
                             error.isEmpty() ? tr("The answers typed here could not be saved first.") : error);
        return;
    }
    if (proposed.isEmpty()) {
        QMessageBox::information(this, tr("Import answers from PDF"),
                                 tr("Nothing is filled in on %1.").arg(QFileInfo(path).fileName()));
        return;
    }
    PdfAnswersDialog dialog(m_template, m_answers, proposed, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!acceptAnswersFromPdf(dialog.accepted(), &error))
        QMessageBox::warning(this, tr("Import answers from PDF"), tr("Not saved: %1").arg(error));
}

} // namespace coform
