// Shared by the fillable form tests: fills a PDF form the way a viewer does, with poppler-qt6, and saves the copy.
#pragma once

#include <poppler-form.h>
#include <poppler-qt6.h>

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

namespace coform::test {

/// What to fill in: text fields by fully qualified name; buttons to switch on, a check box by its name
/// ("has-phb.yes") and a radio button by its group's name and its "on" state ("review-type=annual").
struct Filling
{
    QMap<QString, QString> texts;
    QSet<QString> on;
};

/// Fills `pdf` (FormFieldText::setText, FormFieldButton::setState) and saves it with its changes to `path`.
/// Returns the names of the fillings it found no field for (empty when everything was filled), or "!" plus a
/// reason when the PDF could not be read or saved.
inline QStringList fillPdf(const QByteArray &pdf, const Filling &filling, const QString &path)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return {QStringLiteral("!poppler cannot read the form")};
    QSet<QString> done;
    for (int i = 0; i < doc->numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        for (const std::unique_ptr<Poppler::FormField> &field : page->formFields()) {
            const QString name = field->fullyQualifiedName();
            if (field->type() == Poppler::FormField::FormText) {
                if (filling.texts.contains(name)) {
                    static_cast<Poppler::FormFieldText &>(*field).setText(filling.texts.value(name));
                    done.insert(name);
                }
            } else if (field->type() == Poppler::FormField::FormButton) {
                auto &button = static_cast<Poppler::FormFieldButton &>(*field);
                const QString key = button.buttonType() == Poppler::FormFieldButton::Radio
                                        ? name + QLatin1Char('=') + button.caption()
                                        : name;
                if (filling.on.contains(key)) {
                    button.setState(true);
                    done.insert(key);
                }
            }
        }
    }
    std::unique_ptr<Poppler::PDFConverter> converter = doc->pdfConverter();
    converter->setOutputFileName(path);
    converter->setPDFOptions(Poppler::PDFConverter::WithChanges);
    if (!converter->convert())
        return {QStringLiteral("!poppler cannot save the filled form")};
    QStringList missing;
    for (auto it = filling.texts.keyBegin(); it != filling.texts.keyEnd(); ++it) {
        if (!done.contains(*it))
            missing << *it;
    }
    for (const QString &key : filling.on) {
        if (!done.contains(key))
            missing << key;
    }
    return missing;
}

} // namespace coform::test
