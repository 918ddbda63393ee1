// The poppler half of a PDF form import, built as a module of its own (coform-pdfreader) that Coform loads only
// when a PDF is imported: poppler and what it links (NSS, lcms, openjpeg...) cost a process about 25 ms of start-up,
// which every render and every command would otherwise pay (docs/architecture.md).

#include <poppler-form.h>
#include <poppler-link.h>
#include <poppler-qt6.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coform {

namespace {

void quiet(const QString &, const QVariant &) {}

/// Text fields whose format action is Acrobat's date formatter are dates in disguise.
bool formatsAsDate(const Poppler::FormField &field)
{
    const std::unique_ptr<Poppler::Link> action = field.additionalAction(Poppler::FormField::FormatField);
    if (!action || action->linkType() != Poppler::Link::JavaScript)
        return false;
    return static_cast<const Poppler::LinkJavaScript &>(*action).script().contains(QLatin1String("AFDate_"));
}

QJsonObject describe(const Poppler::FormField &field, int page)
{
    QJsonObject f;
    f.insert(QLatin1String("page"), page);
    f.insert(QLatin1String("name"), field.fullyQualifiedName());
    f.insert(QLatin1String("tooltip"), field.uiName());
    f.insert(QLatin1String("readOnly"), field.isReadOnly());
    f.insert(QLatin1String("visible"), field.isVisible());
    QString kind;
    switch (field.type()) {
    case Poppler::FormField::FormButton: {
        const auto &b = static_cast<const Poppler::FormFieldButton &>(field);
        switch (b.buttonType()) {
        case Poppler::FormFieldButton::Push:
            kind = QStringLiteral("push");
            break;
        case Poppler::FormFieldButton::CheckBox:
            kind = QStringLiteral("checkbox");
            f.insert(QLatin1String("filled"), b.state());
            break;
        case Poppler::FormFieldButton::Radio:
            kind = QStringLiteral("radio");
            f.insert(QLatin1String("filled"), b.state());
            break;
        }
        // The name of the button's "on" appearance state (Coform's forms name it by the option value).
        if (b.buttonType() != Poppler::FormFieldButton::Push)
            f.insert(QLatin1String("onState"), b.caption());
        break;
    }
    case Poppler::FormField::FormText: {
        const auto &t = static_cast<const Poppler::FormFieldText &>(field);
        kind = t.textType() == Poppler::FormFieldText::Multiline    ? QStringLiteral("multiline")
               : t.textType() == Poppler::FormFieldText::FileSelect ? QStringLiteral("file")
               : t.isPassword()                                     ? QStringLiteral("password")
                                                                    : QStringLiteral("text");
        f.insert(QLatin1String("filled"), !t.text().isEmpty());
        f.insert(QLatin1String("value"), t.text());
        f.insert(QLatin1String("date"), formatsAsDate(field));
        break;
    }
    case Poppler::FormField::FormChoice: {
        const auto &c = static_cast<const Poppler::FormFieldChoice &>(field);
        kind = c.choiceType() == Poppler::FormFieldChoice::ComboBox ? QStringLiteral("combo") : QStringLiteral("list");
        f.insert(QLatin1String("choices"), QJsonArray::fromStringList(c.choices()));
        f.insert(QLatin1String("multiSelect"), c.multiSelect());
        f.insert(QLatin1String("editable"), c.isEditable());
        f.insert(QLatin1String("filled"), !c.currentChoices().isEmpty() || !c.editChoice().isEmpty());
        QJsonArray selected;
        for (const int i : c.currentChoices()) {
            if (i >= 0 && i < c.choices().size())
                selected.append(c.choices().at(i));
        }
        if (c.isEditable() && !c.editChoice().isEmpty())
            selected.append(c.editChoice());
        f.insert(QLatin1String("selected"), selected);
        break;
    }
    case Poppler::FormField::FormSignature:
        kind = QStringLiteral("signature");
        break;
    }
    f.insert(QLatin1String("kind"), kind);
    return f;
}

QByteArray readFields(const QString &path, QString *error)
{
    Poppler::setDebugErrorFunction(quiet, {});
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
    if (!doc) {
        *error = QStringLiteral("poppler cannot open the PDF (damaged or not a PDF)");
        return {};
    }
    if (doc->isLocked()) {
        *error = QStringLiteral("the PDF is protected by a password; open it, save an unprotected copy and import "
                                "that");
        return {};
    }
    QJsonObject out;
    out.insert(QLatin1String("pages"), doc->numPages());
    out.insert(QLatin1String("title"), doc->info(QStringLiteral("Title")));
    // Forms Coform made fillable say which template version they ask (pdf/pdffields.h).
    out.insert(QLatin1String("coformTemplate"), doc->info(QStringLiteral("CoformTemplate")));
    out.insert(QLatin1String("coformVersion"), doc->info(QStringLiteral("CoformVersion")));
    out.insert(QLatin1String("encrypted"), doc->isEncrypted());
    out.insert(QLatin1String("xfa"), doc->formType() == Poppler::Document::XfaForm);
    QJsonArray fields;
    for (int i = 0; i < doc->numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page)
            continue;
        for (const std::unique_ptr<Poppler::FormField> &field : page->formFields()) {
            if (field)
                fields.append(describe(*field, i + 1));
        }
    }
    out.insert(QLatin1String("fields"), fields);
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace

} // namespace coform

/// The one entry point of the module (format/pdffieldreader.cpp loads it): readPdfFieldsWithPoppler().
extern "C" Q_DECL_EXPORT bool coform_readPdfFields(const QString &path, QByteArray *fields, QString *error)
{
    *fields = coform::readFields(path, error);
    return error->isEmpty();
}
