#include "format/filledpdfreader.h"

#include "model/answerrules.h"
#include "model/nhsnumber.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace coform {

namespace {

/// What the fields of one form hold, by fully qualified field name.
struct FieldValues
{
    QHash<QString, QString> texts;        ///< text fields (the first widget with text wins)
    QSet<QString> ticked;                 ///< check boxes that are on
    QHash<QString, QStringList> onStates; ///< radio groups: the "on" state names of the buttons that are on
    QHash<QString, QStringList> selected; ///< combo and list boxes
};

FieldValues valuesOf(const QJsonArray &fields)
{
    FieldValues v;
    for (const QJsonValue &entry : fields) {
        const QJsonObject f = entry.toObject();
        const QString name = f.value(QLatin1String("name")).toString();
        const QString kind = f.value(QLatin1String("kind")).toString();
        if (name.isEmpty())
            continue;
        if (kind == QLatin1String("text") || kind == QLatin1String("multiline")) {
            const QString text = f.value(QLatin1String("value")).toString();
            if (!text.trimmed().isEmpty() && v.texts.value(name).trimmed().isEmpty())
                v.texts.insert(name, text);
        } else if (kind == QLatin1String("checkbox") && f.value(QLatin1String("filled")).toBool()) {
            v.ticked.insert(name);
        } else if (kind == QLatin1String("radio") && f.value(QLatin1String("filled")).toBool()) {
            QStringList &on = v.onStates[name];
            const QString state = f.value(QLatin1String("onState")).toString();
            if (!on.contains(state))
                on.append(state);
        } else if (kind == QLatin1String("combo") || kind == QLatin1String("list")) {
            for (const QJsonValue &s : f.value(QLatin1String("selected")).toArray())
                v.selected[name].append(s.toString());
        }
    }
    return v;
}

/// A date as people write it on a form: DD/MM/YYYY (also with - or . between, or YYYY-MM-DD). Null when it is not.
QDate parseDate(const QString &text)
{
    static const QRegularExpression dmy(QStringLiteral("^(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})$"));
    static const QRegularExpression ymd(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QString t = text.trimmed();
    if (const QRegularExpressionMatch m = dmy.match(t); m.hasMatch())
        return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    if (const QRegularExpressionMatch m = ymd.match(t); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}

QString dateProblem(const QString &text)
{
    Q_UNUSED(text); // never repeated: it can be personal data
    return QStringLiteral("the answer is not a date written as DD/MM/YYYY (like 20/11/2026)");
}

/// The option a chosen value or label names (Coform's own forms give values; other tools may give labels).
const Option *optionNamed(const Item &item, const QString &chosen)
{
    if (const Option *o = item.option(chosen))
        return o;
    for (const Option &o : item.options) {
        if (o.label.compare(chosen.trimmed(), Qt::CaseInsensitive) == 0)
            return &o;
    }
    return nullptr;
}

/// The answer to one item from the fields; an undefined value when nothing was filled in. `problem` gets what is
/// wrong with what was filled in, in words.
QJsonValue answerOf(const Item &item, const FieldValues &v, QString *problem)
{
    const QString id = item.id;
    switch (item.type) {
    case ItemType::Info:
        return QJsonValue(QJsonValue::Undefined);
    case ItemType::Text: {
        const QString text = v.texts.value(id).trimmed();
        if (text.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        if (item.format == QLatin1String("nhs-number")) {
            if (const std::optional<QString> digits = NhsNumber::normalize(text))
                return *digits;
        }
        return text;
    }
    case ItemType::Textarea: {
        QString text = v.texts.value(id);
        text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
        text = text.trimmed();
        return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
    }
    case ItemType::Date: {
        const QString text = v.texts.value(id).trimmed();
        if (text.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        const QDate d = parseDate(text);
        if (!d.isValid()) {
            *problem = dateProblem(text);
            return QJsonValue(QJsonValue::Undefined);
        }
        return d.toString(Qt::ISODate);
    }
    case ItemType::Number: {
        QString text = v.texts.value(id).trimmed();
        if (text.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        if (!item.unit.isEmpty() && text.endsWith(item.unit, Qt::CaseInsensitive))
            text = text.chopped(item.unit.size()).trimmed();
        bool ok = false;
        const double d = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(d)) {
            *problem = QStringLiteral("the answer is not a number");
            return QJsonValue(QJsonValue::Undefined);
        }
        return d;
    }
    case ItemType::YesNo: {
        const bool yes = v.ticked.contains(id + QLatin1String(".yes"));
        const bool no = v.ticked.contains(id + QLatin1String(".no"));
        if (yes && no) {
            *problem = QStringLiteral("both Yes and No are ticked; tick one");
            return QJsonValue(QJsonValue::Undefined);
        }
        return yes || no ? QJsonValue(yes) : QJsonValue(QJsonValue::Undefined);
    }
    case ItemType::MultiChoice: {
        QJsonArray chosen;
        for (const Option &o : item.options) {
            if (v.ticked.contains(id + QLatin1Char('.') + o.value))
                chosen.append(o.value);
        }
        for (const QString &s : v.selected.value(id)) {
            if (const Option *o = optionNamed(item, s); o && !chosen.contains(o->value))
                chosen.append(o->value);
        }
        return chosen.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(chosen);
    }
    case ItemType::Choice:
    case ItemType::Scale: {
        QStringList on = v.onStates.value(id);
        on += v.selected.value(id);
        on.removeDuplicates();
        if (on.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        if (on.size() > 1) {
            *problem = QStringLiteral("more than one answer is chosen; choose one");
            return QJsonValue(QJsonValue::Undefined);
        }
        const Option *o = optionNamed(item, on.first());
        return o ? QJsonValue(o->value) : QJsonValue(on.first()); // an unknown value is reported by validation
    }
    case ItemType::Table: {
        QJsonArray rows;
        // Rows are numbered from 1; a blank form has a few, so stop at the first row with no field at all.
        for (int r = 1;; ++r) {
            QJsonObject row;
            bool anyField = false;
            for (const Column &c : item.columns) {
                const QString name = QStringLiteral("%1.%2.%3").arg(id).arg(r).arg(c.id);
                anyField = anyField || v.texts.contains(name);
                const QString text = v.texts.value(name).trimmed();
                if (!text.isEmpty())
                    row.insert(c.id, text);
            }
            if (!anyField)
                break;
            if (!row.isEmpty())
                rows.append(row);
        }
        // A table printed without write-in cells has one multi-line field: its text goes in the first column.
        const QString whole = v.texts.value(id).trimmed();
        if (!whole.isEmpty() && !item.columns.isEmpty())
            rows.append(QJsonObject{{item.columns.first().id, whole}});
        return rows.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(rows);
    }
    case ItemType::Signature: {
        const QString name = v.texts.value(id + QLatin1String(".name")).trimmed();
        const QString dateText = v.texts.value(id + QLatin1String(".date")).trimmed();
        if (name.isEmpty() && dateText.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        QJsonObject signature;
        if (!name.isEmpty())
            signature.insert(QLatin1String("name"), name);
        if (!dateText.isEmpty()) {
            const QDate d = parseDate(dateText);
            if (!d.isValid()) {
                *problem = QStringLiteral("the date signed: %1").arg(dateProblem(dateText));
                return QJsonValue(QJsonValue::Undefined);
            }
            signature.insert(QLatin1String("date"), d.toString(Qt::ISODate));
        }
        return signature;
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString optionLabel(const Item &item, const QString &value)
{
    const Option *o = item.option(value);
    return o ? o->label : value;
}

} // namespace

FilledPdfAnswers answersFromPdfFields(const QByteArray &fieldsJson, const Template &t)
{
    FilledPdfAnswers result;
    const QJsonDocument doc = QJsonDocument::fromJson(fieldsJson);
    if (!doc.isObject()) {
        result.refusal = QStringLiteral("the PDF reader's output could not be understood");
        return result;
    }
    const QJsonObject root = doc.object();
    result.templateId = root.value(QLatin1String("coformTemplate")).toString().trimmed();
    bool versionOk = false;
    result.version = root.value(QLatin1String("coformVersion")).toString().toInt(&versionOk);
    if (result.templateId.isEmpty() || !versionOk) {
        result.refusal = QStringLiteral("this is not a fillable Coform form (it does not say which Coform template "
                                        "it was made from); print one with coform-cli render --fillable");
        return result;
    }
    if (result.templateId != t.id || result.version != t.version) {
        result.refusal =
            QStringLiteral("this is a form of template \"%1\" version %2, not of \"%3\" version %4")
                .arg(result.templateId.left(100), QString::number(result.version), t.id, QString::number(t.version));
        return result;
    }
    const FieldValues values = valuesOf(root.value(QLatin1String("fields")).toArray());
    const QMap<QString, int> numbers = t.questionNumbers();
    for (const Item *item : t.allItems()) {
        if (!itemTypeIsAnswerable(item->type))
            continue;
        QString problem;
        const QJsonValue value = answerOf(*item, values, &problem);
        if (problem.isEmpty() && !value.isUndefined())
            problem = answerProblem(*item, value);
        const int number = numbers.value(item->id);
        if (!problem.isEmpty()) {
            result.problems << QStringLiteral("question %1 (\"%2\"): %3").arg(number).arg(item->label, problem);
            continue;
        }
        if (!value.isUndefined())
            result.answers.append({item->id, number, item->label, value});
    }
    return result;
}

FilledPdfAnswers readFilledPdf(const QString &path, const Template &t, const PdfImportOptions &options)
{
    PdfPrecheck precheck;
    QString error;
    const QByteArray fields = readPdfFormFields(path, options, &precheck, &error);
    if (!error.isEmpty()) {
        FilledPdfAnswers refused;
        refused.refusal = QStringLiteral("it cannot be read as a fillable Coform form: %1").arg(error);
        return refused;
    }
    return answersFromPdfFields(fields, t);
}

QString answerInWords(const Item &item, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("not answered");
    switch (item.type) {
    case ItemType::Info:
        return {};
    case ItemType::Text:
        if (item.format == QLatin1String("nhs-number"))
            return NhsNumber::formatted(value.toString());
        return value.toString();
    case ItemType::Textarea:
        return value.toString().split(QLatin1Char('\n')).join(QStringLiteral(" / "));
    case ItemType::YesNo:
        return value.toBool() ? QStringLiteral("Yes") : QStringLiteral("No");
    case ItemType::Choice:
    case ItemType::Scale:
        return optionLabel(item, value.toString());
    case ItemType::MultiChoice: {
        QStringList labels;
        for (const QJsonValue &v : value.toArray())
            labels << optionLabel(item, v.toString());
        return labels.join(QStringLiteral("; "));
    }
    case ItemType::Date: {
        const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
        return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : value.toString();
    }
    case ItemType::Number: {
        const QString n = QLocale::c().toString(value.toDouble(), 'g', 12);
        return item.unit.isEmpty() ? n : n + QLatin1Char(' ') + item.unit;
    }
    case ItemType::Table: {
        QStringList rows;
        const QJsonArray array = value.toArray();
        for (qsizetype r = 0; r < array.size(); ++r) {
            QStringList cells;
            const QJsonObject row = array.at(r).toObject();
            for (const Column &c : item.columns) {
                if (row.contains(c.id))
                    cells << QStringLiteral("%1 = %2").arg(c.label, row.value(c.id).toString());
            }
            rows << QStringLiteral("row %1: %2").arg(r + 1).arg(cells.join(QStringLiteral(", ")));
        }
        return rows.join(QStringLiteral("; "));
    }
    case ItemType::Signature: {
        const QJsonObject o = value.toObject();
        QStringList parts;
        if (o.contains(QLatin1String("name")))
            parts << o.value(QLatin1String("name")).toString();
        if (o.contains(QLatin1String("date"))) {
            Item date;
            date.type = ItemType::Date;
            parts << answerInWords(date, o.value(QLatin1String("date")));
        }
        if (o.contains(QLatin1String("declinedReason")))
            parts << QStringLiteral("not signed: %1").arg(o.value(QLatin1String("declinedReason")).toString());
        return parts.join(QStringLiteral(", "));
    }
    }
    return {};
}

} // namespace coform
