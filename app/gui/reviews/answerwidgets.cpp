#include "reviews/answerwidgets.h"

#include "common/dateedit.h"

#include "model/nhsnumber.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coform {

namespace {

DateEdit *dateEditor(const AnswerWidgets::Context &ctx, const QString &objectName, const QString &name)
{
    auto *edit = new DateEdit(AnswerWidgets::datePurpose(ctx.item), objectName);
    edit->setName(name);
    if (ctx.today)
        edit->setToday(ctx.today);
    QObject::connect(edit, &DateEdit::edited, ctx.block, ctx.changed);
    QObject::connect(edit, &DateEdit::finished, ctx.block, ctx.finished);
    return edit;
}

void showDate(DateEdit *edit, const QJsonValue &value)
{
    edit->setDate(QDate::fromString(value.toString(), Qt::ISODate));
}

} // namespace

AnswerWidgets::Editor AnswerWidgets::build(const Context &ctx)
{
    Editor editor;
    const QString name = QStringLiteral("item-%1").arg(ctx.item.id);
    const int number = ctx.number;
    const auto changed = ctx.changed;
    const auto finished = ctx.finished;
    switch (ctx.item.type) {
    case ItemType::Info:
        break;
    case ItemType::Text: {
        auto *edit = new QLineEdit;
        edit->setObjectName(name);
        ctx.accessible(edit);
        ctx.label->setBuddy(edit);
        ctx.layout->addWidget(edit);
        QObject::connect(edit, &QLineEdit::textChanged, edit, changed);
        QObject::connect(edit, &QLineEdit::editingFinished, ctx.block, finished);
        const QString format = ctx.item.format;
        editor.read = [edit, format] {
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
        editor.show = [edit, format](const QJsonValue &v) {
            edit->setText(format == QLatin1String("nhs-number") ? NhsNumber::formatted(v.toString()) : v.toString());
        };
        break;
    }
    case ItemType::Textarea: {
        auto *edit = new QPlainTextEdit;
        edit->setObjectName(name);
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(110);
        ctx.accessible(edit);
        ctx.label->setBuddy(edit);
        ctx.layout->addWidget(edit);
        QObject::connect(edit, &QPlainTextEdit::textChanged, ctx.block, changed);
        editor.read = [edit] {
            const QString text = edit->toPlainText();
            return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
        };
        editor.show = [edit](const QJsonValue &v) { edit->setPlainText(v.toString()); };
        break;
    }
    case ItemType::YesNo:
    case ItemType::Choice:
    case ItemType::Scale: {
        auto *group = new QButtonGroup(ctx.block);
        auto *box = new QWidget;
        box->setObjectName(name);
        ctx.accessible(box);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(12, 0, 0, 0);
        QVector<QPair<QString, QJsonValue>> choices;
        if (ctx.item.type == ItemType::YesNo) {
            choices = {{QStringLiteral("yes"), true}, {QStringLiteral("no"), false}};
        } else {
            for (const Option &o : ctx.item.options)
                choices.append({o.value, o.value});
        }
        QHash<QAbstractButton *, QJsonValue> values;
        for (const auto &[value, json] : choices) {
            QString text = ctx.item.type == ItemType::YesNo ? (json.toBool() ? QObject::tr("Yes") : QObject::tr("No"))
                                                            : ctx.item.option(value)->label;
            if (ctx.item.type == ItemType::Scale && !ctx.item.option(value)->description.isEmpty())
                text += QStringLiteral(": ") + ctx.item.option(value)->description;
            auto *button = new QRadioButton(text);
            button->setObjectName(QStringLiteral("%1-%2").arg(name, value));
            button->setAccessibleName(QStringLiteral("%1: %2").arg(ctx.label->text(), text));
            group->addButton(button);
            boxLayout->addWidget(button);
            values.insert(button, json);
            QObject::connect(button, &QRadioButton::toggled, ctx.block, [changed](bool on) {
                if (on)
                    changed();
            });
        }
        auto *clear = new QPushButton(QObject::tr("Clear answer"));
        clear->setObjectName(QStringLiteral("%1-clear").arg(name));
        clear->setAccessibleName(QObject::tr("Clear the answer to question %1").arg(number));
        boxLayout->addWidget(clear, 0, Qt::AlignLeft);
        QObject::connect(clear, &QPushButton::clicked, ctx.block, [group, changed] {
            group->setExclusive(false);
            if (group->checkedButton())
                group->checkedButton()->setChecked(false);
            group->setExclusive(true);
            changed();
        });
        ctx.layout->addWidget(box);
        editor.read = [group, values] {
            return group->checkedButton() ? values.value(group->checkedButton()) : QJsonValue(QJsonValue::Null);
        };
        editor.show = [group, values](const QJsonValue &v) {
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
        ctx.accessible(box);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(12, 0, 0, 0);
        QVector<QPair<QCheckBox *, QString>> boxes;
        for (const Option &o : ctx.item.options) {
            auto *check = new QCheckBox(o.label);
            check->setObjectName(QStringLiteral("%1-%2").arg(name, o.value));
            check->setAccessibleName(QStringLiteral("%1: %2").arg(ctx.label->text(), o.label));
            boxLayout->addWidget(check);
            boxes.append({check, o.value});
            QObject::connect(check, &QCheckBox::toggled, ctx.block, changed);
        }
        ctx.layout->addWidget(box);
        editor.read = [boxes] {
            QJsonArray chosen;
            for (const auto &[check, value] : boxes) {
                if (check->isChecked())
                    chosen.append(value);
            }
            return chosen.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(chosen);
        };
        editor.show = [boxes](const QJsonValue &v) {
            const QJsonArray chosen = v.toArray();
            for (const auto &[check, value] : boxes)
                check->setChecked(chosen.contains(value));
        };
        break;
    }
    case ItemType::Date: {
        DateEdit *edit = dateEditor(ctx, name, ctx.label->text());
        ctx.label->setBuddy(edit->lineEdit());
        ctx.layout->addWidget(edit);
        // A date that does not read (or is not yet confirmed) is no answer: problem() says why, beside the box.
        editor.read = [edit] {
            return edit->date().isValid() ? QJsonValue(edit->date().toString(Qt::ISODate))
                                          : QJsonValue(QJsonValue::Null);
        };
        editor.problem = [edit] { return edit->problem(); };
        editor.show = [edit](const QJsonValue &v) { showDate(edit, v); };
        break;
    }
    case ItemType::Number: {
        auto *edit = new QLineEdit;
        edit->setObjectName(name);
        ctx.accessible(edit);
        ctx.label->setBuddy(edit);
        auto *row = new QHBoxLayout;
        row->addWidget(edit);
        if (!ctx.item.unit.isEmpty())
            row->addWidget(new QLabel(ctx.item.unit));
        row->addStretch();
        ctx.layout->addLayout(row);
        QObject::connect(edit, &QLineEdit::textChanged, edit, changed);
        QObject::connect(edit, &QLineEdit::editingFinished, ctx.block, finished);
        editor.read = [edit] {
            const QString text = edit->text().trimmed();
            if (text.isEmpty())
                return QJsonValue(QJsonValue::Null);
            bool ok = false;
            const double d = QLocale().toDouble(text, &ok);
            return ok ? QJsonValue(d) : QJsonValue(text); // text: answerProblem says "expected a number"
        };
        editor.show = [edit](const QJsonValue &v) { edit->setText(QLocale().toString(v.toDouble())); };
        break;
    }
    case ItemType::Table: {
        auto *table = new QTableWidget(0, int(ctx.item.columns.size()));
        table->setObjectName(name);
        ctx.accessible(table);
        ctx.label->setBuddy(table);
        QStringList headers;
        for (const Column &c : ctx.item.columns)
            headers << c.label;
        table->setHorizontalHeaderLabels(headers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->setMinimumHeight(120);
        table->setTabKeyNavigation(false);
        ctx.layout->addWidget(table);
        auto *row = new QHBoxLayout;
        auto *add = new QPushButton(QObject::tr("Add a row"));
        add->setObjectName(QStringLiteral("%1-add").arg(name));
        auto *remove = new QPushButton(QObject::tr("Remove the selected row"));
        remove->setObjectName(QStringLiteral("%1-remove").arg(name));
        row->addWidget(add);
        row->addWidget(remove);
        row->addStretch();
        ctx.layout->addLayout(row);
        const QVector<Column> columns = ctx.item.columns;
        // The new row's first cell, ready to type in: what is typed next goes there (it went nowhere while the focus
        // stayed on the button).
        QObject::connect(add, &QPushButton::clicked, ctx.block, [table] {
            const int r = table->rowCount();
            table->insertRow(r);
            auto *cell = new QTableWidgetItem;
            table->setItem(r, 0, cell);
            table->setCurrentCell(r, 0);
            table->setFocus(Qt::OtherFocusReason);
            table->editItem(cell);
        });
        QObject::connect(remove, &QPushButton::clicked, ctx.block, [table, changed] {
            const int r = table->currentRow() >= 0 ? table->currentRow() : table->rowCount() - 1;
            if (r >= 0)
                table->removeRow(r);
            changed();
        });
        QObject::connect(table, &QTableWidget::itemChanged, ctx.block, changed);
        editor.read = [table, columns] {
            QJsonArray rows;
            for (int r = 0; r < table->rowCount(); ++r) {
                QJsonObject o;
                for (int c = 0; c < columns.size(); ++c) {
                    const QTableWidgetItem *cell = table->item(r, c);
                    if (cell && !cell->text().trimmed().isEmpty())
                        o.insert(columns.at(c).id, cell->text().trimmed());
                }
                if (!o.isEmpty()) // a row with nothing written in it is not an answer
                    rows.append(o);
            }
            return rows.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(rows);
        };
        editor.show = [table, columns](const QJsonValue &v) {
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
        signName->setPlaceholderText(QObject::tr("Type the full name to sign"));
        signName->setAccessibleName(QObject::tr("%1: name").arg(ctx.label->text()));
        DateEdit *date =
            dateEditor(ctx, QStringLiteral("%1-date").arg(name), QObject::tr("%1: date").arg(ctx.label->text()));
        auto *declined = new QLineEdit;
        declined->setObjectName(QStringLiteral("%1-declined").arg(name));
        declined->setPlaceholderText(QObject::tr("Or why it was not signed"));
        declined->setAccessibleName(QObject::tr("%1: why it was not signed").arg(ctx.label->text()));
        ctx.label->setBuddy(signName);
        row->addWidget(signName, 2);
        row->addStretch(1);
        ctx.layout->addLayout(row);
        ctx.layout->addWidget(date);
        ctx.layout->addWidget(declined);
        QObject::connect(signName, &QLineEdit::textChanged, ctx.block, changed);
        QObject::connect(declined, &QLineEdit::textChanged, ctx.block, changed);
        editor.read = [signName, date, declined] {
            QJsonObject o;
            if (!signName->text().trimmed().isEmpty())
                o.insert(QStringLiteral("name"), signName->text().trimmed());
            if (date->date().isValid())
                o.insert(QStringLiteral("date"), date->date().toString(Qt::ISODate));
            if (!declined->text().trimmed().isEmpty())
                o.insert(QStringLiteral("declinedReason"), declined->text().trimmed());
            return o.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(o);
        };
        editor.problem = [date] { return date->problem(); };
        editor.show = [signName, date, declined](const QJsonValue &v) {
            const QJsonObject o = v.toObject();
            signName->setText(o.value(QLatin1String("name")).toString());
            showDate(date, o.value(QLatin1String("date")));
            declined->setText(o.value(QLatin1String("declinedReason")).toString());
        };
        break;
    }
    }
    return editor;
}

UkDate::Purpose AnswerWidgets::datePurpose(const Item &item)
{
    if (item.format == QLatin1String("date-of-birth") || item.id.contains(QLatin1String("date-of-birth")))
        return UkDate::Purpose::Birth;
    if (item.id == QLatin1String("review-date") || item.id == QLatin1String("next-review-date"))
        return UkDate::Purpose::Review;
    return UkDate::Purpose::Any;
}

} // namespace coform
