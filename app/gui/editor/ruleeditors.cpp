#include "editor/ruleeditors.h"

#include "common/flowlayout.h"
#include "common/templatewords.h"
#include "edit/templatejson.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace coform {

namespace {

bool canBeAConditionFor(const Item &item)
{
    return item.type == ItemType::YesNo || itemTypeHasOptions(item.type);
}

/// The answers an item's condition can name: (words, JSON value).
QVector<QPair<QString, QJsonValue>> answerChoices(const Item &item)
{
    QVector<QPair<QString, QJsonValue>> choices;
    if (item.type == ItemType::YesNo) {
        choices.append({QCoreApplication::translate("ShowIfEditor", "Yes"), QJsonValue(true)});
        choices.append({QCoreApplication::translate("ShowIfEditor", "No"), QJsonValue(false)});
    } else {
        for (const Option &option : item.options)
            choices.append({option.label, QJsonValue(option.value)});
    }
    return choices;
}

QLineEdit *numberBox(const QString &name, const QString &accessibleName, const QString &tip, QWidget *parent)
{
    auto *box = new QLineEdit(parent);
    box->setObjectName(name);
    box->setAccessibleName(accessibleName);
    box->setToolTip(tip);
    box->setPlaceholderText(QCoreApplication::translate("NumberRangeEditor", "no limit"));
    auto *validator = new QDoubleValidator(box);
    validator->setNotation(QDoubleValidator::StandardNotation);
    box->setValidator(validator);
    return box;
}

} // namespace

QVector<QPair<QString, QString>> textFormatChoices()
{
    return {{QCoreApplication::translate("PropertiesPanel", "Any text"), QString()},
            {TemplateWords::textFormatDescription(QStringLiteral("nhs-number")), QStringLiteral("nhs-number")},
            {TemplateWords::textFormatDescription(QStringLiteral("email")), QStringLiteral("email")},
            {TemplateWords::textFormatDescription(QStringLiteral("phone")), QStringLiteral("phone")},
            {TemplateWords::textFormatDescription(QStringLiteral("postcode")), QStringLiteral("postcode")}};
}

ShowIfEditor::ShowIfEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("propertyShowIfEditor"));
    m_question = new QComboBox(this);
    m_question->setObjectName(QStringLiteral("propertyShowIfQuestion"));
    m_question->setAccessibleName(tr("Asked only after the answer to"));
    m_question->setToolTip(tr("Choose an earlier question whose answer decides whether this one is asked"));
    m_answer = new QComboBox(this);
    m_answer->setObjectName(QStringLiteral("propertyShowIfAnswer"));
    m_answer->setAccessibleName(tr("Answer that makes it asked"));
    m_answer->setToolTip(tr("This is asked only when the earlier question has this answer"));
    auto *isLabel = new QLabel(tr("is"), this);
    isLabel->setBuddy(m_answer);
    m_words = new QLabel(this);
    m_words->setObjectName(QStringLiteral("propertyShowIfWords"));
    m_words->setWordWrap(true);
    m_words->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *row = new FlowLayout; // wraps with large text
    row->addWidget(m_question);
    row->addWidget(isLabel);
    row->addWidget(m_answer);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_words);

    connect(m_question, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        const Item *item = m_template.findItem(m_question->currentData().toString());
        m_filling = true;
        fillAnswers(item);
        m_filling = false;
        emitChange();
    });
    connect(m_answer, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            emitChange();
    });
}

void ShowIfEditor::setTarget(const Template &t, const QString &ownId, const std::optional<ShowIf> &showIf)
{
    m_filling = true;
    m_template = t;
    m_showIf = showIf;
    m_question->clear();
    m_question->addItem(tr("Always asked"), QString());
    // Only questions before this one (or before this section) can decide whether it is asked.
    const QMap<QString, int> numbers = t.questionNumbers();
    bool reached = false;
    for (const Section &section : t.sections) {
        if (section.id == ownId)
            break;
        for (const Item &item : section.items) {
            if (item.id == ownId) {
                reached = true;
                break;
            }
            if (canBeAConditionFor(item))
                m_question->addItem(TemplateWords::itemHeading(item, numbers.value(item.id)), item.id);
        }
        if (reached)
            break;
    }
    const Item *condition = showIf ? t.findItem(showIf->item) : nullptr;
    if (showIf && m_question->findData(showIf->item) < 0) // points nowhere (a draft): keep it visible
        m_question->addItem(tr("A question that is not before this one (%1)").arg(showIf->item), showIf->item);
    m_question->setCurrentIndex(showIf ? m_question->findData(showIf->item) : 0);
    fillAnswers(condition);
    if (showIf && showIf->kind == ShowIf::Kind::Equals) {
        for (int i = 0; i < m_answer->count(); ++i) {
            if (m_answer->itemData(i).toJsonValue() == showIf->equals)
                m_answer->setCurrentIndex(i);
        }
    } else if (showIf) {
        m_answer->insertItem(0, tr("One of several answers (as below)"), QVariant());
        m_answer->setCurrentIndex(0);
    }
    m_words->setText(TemplateWords::showIfDescription(t, showIf));
    m_filling = false;
}

void ShowIfEditor::fillAnswers(const Item *item)
{
    m_answer->clear();
    m_answer->setEnabled(item != nullptr);
    if (!item)
        return;
    for (const auto &[words, value] : answerChoices(*item))
        m_answer->addItem(words, value.toVariant());
}

void ShowIfEditor::emitChange()
{
    const QString itemId = m_question->currentData().toString();
    if (itemId.isEmpty()) {
        emit showIfEdited(QJsonValue(QJsonValue::Null));
        return;
    }
    const QVariant answer = m_answer->currentData();
    if (!answer.isValid())
        return; // "one of several": nothing new chosen yet
    ShowIf showIf;
    showIf.item = itemId;
    showIf.kind = ShowIf::Kind::Equals;
    showIf.equals = QJsonValue::fromVariant(answer);
    emit showIfEdited(TemplateJson::fromShowIf(showIf));
}

NumberRangeEditor::NumberRangeEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("propertyNumberRange"));
    m_min = numberBox(QStringLiteral("propertyMin"), tr("Smallest number allowed"),
                      tr("Leave empty for no smallest number"), this);
    m_max = numberBox(QStringLiteral("propertyMax"), tr("Largest number allowed"),
                      tr("Leave empty for no largest number"), this);
    m_unit = new QLineEdit(this);
    m_unit->setObjectName(QStringLiteral("propertyUnit"));
    m_unit->setAccessibleName(tr("Unit"));
    m_unit->setToolTip(tr("What the number counts, for example hours a week"));
    m_unit->setPlaceholderText(tr("for example hours a week"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto addLabelled = [this, layout](const QString &text, QLineEdit *box) {
        auto *label = new QLabel(text, this);
        label->setBuddy(box);
        layout->addWidget(label);
        layout->addWidget(box, 1);
    };
    addLabelled(tr("At &least"), m_min);
    addLabelled(tr("At &most"), m_max);
    addLabelled(tr("&Unit"), m_unit);
    connect(m_min, &QLineEdit::editingFinished, this, [this] { finished(m_min, QStringLiteral("min")); });
    connect(m_max, &QLineEdit::editingFinished, this, [this] { finished(m_max, QStringLiteral("max")); });
    connect(m_unit, &QLineEdit::editingFinished, this, [this] { finished(m_unit, QStringLiteral("unit")); });
}

void NumberRangeEditor::setItem(const Item &item)
{
    m_item = item;
    const QLocale locale;
    auto show = [&locale](QLineEdit *box, const std::optional<double> &n) {
        const QString text = n ? locale.toString(*n, 'g', 15) : QString();
        if (box->text() != text)
            box->setText(text);
    };
    show(m_min, item.min);
    show(m_max, item.max);
    if (m_unit->text() != item.unit)
        m_unit->setText(item.unit);
}

void NumberRangeEditor::finished(QLineEdit *box, const QString &property)
{
    if (property == QLatin1String("unit")) {
        if (box->text().trimmed() != m_item.unit)
            emit propertyEdited(property, box->text().trimmed());
        return;
    }
    const std::optional<double> &was = property == QLatin1String("min") ? m_item.min : m_item.max;
    const QString text = box->text().trimmed();
    if (text.isEmpty()) {
        if (was)
            emit propertyEdited(property, QJsonValue(QJsonValue::Null));
        return;
    }
    bool ok = false;
    const double value = QLocale().toDouble(text, &ok);
    if (ok && (!was || *was != value))
        emit propertyEdited(property, value);
}

RequirementPicker::RequirementPicker(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("propertyRequirementPicker"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("propertyRequirementList"));
    m_list->setAccessibleName(tr("Requirements it helps meet"));
    m_list->setToolTip(tr("Tick the framework requirements this question helps meet (Space ticks)"));
    m_list->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        QStringList ids;
        for (int row = 0; row < m_list->count(); ++row) {
            if (m_list->item(row)->checkState() == Qt::Checked)
                ids.append(m_list->item(row)->data(Qt::UserRole).toString());
        }
        emit requirementsEdited(ids);
    });
}

void RequirementPicker::setRequirements(const std::optional<RequirementSet> &set, const QStringList &chosen)
{
    m_filling = true;
    const int current = m_list->currentRow();
    m_list->clear();
    auto add = [this, &chosen](const QString &id, const QString &text, const QString &tip) {
        auto *entry = new QListWidgetItem(text, m_list);
        entry->setData(Qt::UserRole, id);
        entry->setToolTip(tip);
        entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        entry->setCheckState(chosen.contains(id) ? Qt::Checked : Qt::Unchecked);
    };
    if (set) {
        for (const Requirement &r : set->requirements)
            add(r.id, QStringLiteral("%1: %2").arg(r.id, r.title), r.mustContain);
    }
    for (const QString &id : chosen) {
        if (!set || !set->find(id))
            add(id, tr("%1 (not in the requirement set)").arg(id), QString());
    }
    if (current >= 0 && current < m_list->count())
        m_list->setCurrentRow(current);
    // As tall as its rows, up to a screenful: the panel scrolls, not the list.
    int height = 2 * m_list->frameWidth() + 2;
    for (int row = 0; row < m_list->count(); ++row)
        height += m_list->sizeHintForRow(row);
    m_list->setFixedHeight(qMin(height, 480));
    m_filling = false;
}

} // namespace coform
