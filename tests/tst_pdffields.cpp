// Fillable blank forms (pdf/pdffields.h) read back with poppler-qt6 and libqpdf, filled as a viewer fills them, and
// read back into answers (format/filledpdfreader.h).
#define POINTERHOLDER_TRANSITION 4
#include "format/filledpdfreader.h"
#include "format/templateformat.h"
#include "pdf/pdffields.h"
#include "pdf/renderer.h"
#include "pdffill.h"

#include <poppler-form.h>
#include <poppler-qt6.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <set>

using namespace coform;
using namespace coform::test;

namespace {

/// One field as poppler lists it (its widgets merged).
struct SeenField
{
    QString kind; ///< text, multiline, checkbox, radio, other
    QString tooltip;
    int widgets = 0;
    QSet<QString> onStates; ///< buttons: the "on" appearance state names
    QSet<int> pages;
};

QMap<QString, SeenField> fieldsOf(const QByteArray &pdf)
{
    QMap<QString, SeenField> out;
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return out;
    for (int i = 0; i < doc->numPages(); ++i) {
        for (const std::unique_ptr<Poppler::FormField> &field : doc->page(i)->formFields()) {
            SeenField &seen = out[field->fullyQualifiedName()];
            ++seen.widgets;
            seen.pages.insert(i);
            if (seen.tooltip.isEmpty())
                seen.tooltip = field->uiName();
            if (field->type() == Poppler::FormField::FormText) {
                const auto &t = static_cast<const Poppler::FormFieldText &>(*field);
                seen.kind = t.textType() == Poppler::FormFieldText::Multiline ? QStringLiteral("multiline")
                                                                              : QStringLiteral("text");
            } else if (field->type() == Poppler::FormField::FormButton) {
                const auto &b = static_cast<const Poppler::FormFieldButton &>(*field);
                seen.kind = b.buttonType() == Poppler::FormFieldButton::Radio      ? QStringLiteral("radio")
                            : b.buttonType() == Poppler::FormFieldButton::CheckBox ? QStringLiteral("checkbox")
                                                                                   : QStringLiteral("push");
                seen.onStates.insert(b.caption());
            } else {
                seen.kind = QStringLiteral("other");
            }
        }
    }
    return out;
}

QString run(const QString &program, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class TestPdfFields : public QObject
{
    Q_OBJECT

    Template m_template;
    QByteArray m_fillable;
    QTemporaryDir m_dir;

    QByteArray render(const Template &t, const RenderOptions &options)
    {
        QByteArray pdf;
        QString error;
        if (!renderPdf(t, nullptr, options, &pdf, &error))
            qWarning("%s", qPrintable(error));
        return pdf;
    }

    QString save(const QByteArray &pdf, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(pdf);
        return path;
    }

    PdfImportOptions workerOptions() const
    {
        PdfImportOptions options;
        options.workerPath = qEnvironmentVariable("COFORM_CLI");
        return options;
    }

    /// A few fields of each kind filled in, and the answers they stand for.
    static Filling goodFilling(QMap<QString, QJsonValue> *expected)
    {
        Filling f;
        f.texts[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
        f.texts[QStringLiteral("nhs-number")] = QStringLiteral("943 476 5919");
        f.texts[QStringLiteral("review-date")] = QStringLiteral("20/11/2026");
        f.texts[QStringLiteral("hospital-stays")] = QStringLiteral("2");
        f.texts[QStringLiteral("going-well")] = QStringLiteral("Walks in the garden every day.\nEnjoys music.");
        f.texts[QStringLiteral("participants.1.name")] = QStringLiteral("Sam Carer");
        f.texts[QStringLiteral("participants.1.role")] = QStringLiteral("Carer");
        f.texts[QStringLiteral("participants.2.name")] = QStringLiteral("Jo Nurse");
        f.texts[QStringLiteral("reviewer-signature.name")] = QStringLiteral("Rita Reviewer");
        f.texts[QStringLiteral("reviewer-signature.date")] = QStringLiteral("21/11/2026");
        f.on = {QStringLiteral("has-phb.no"),           QStringLiteral("consent-review.yes"),
                QStringLiteral("who-took-part.person"), QStringLiteral("who-took-part.family"),
                QStringLiteral("review-type=annual"),   QStringLiteral("breathing-level=moderate")};
        QMap<QString, QJsonValue> &e = *expected;
        e[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
        e[QStringLiteral("nhs-number")] = QStringLiteral("9434765919");
        e[QStringLiteral("review-date")] = QStringLiteral("2026-11-20");
        e[QStringLiteral("hospital-stays")] = 2.0;
        e[QStringLiteral("going-well")] = QStringLiteral("Walks in the garden every day.\nEnjoys music.");
        e[QStringLiteral("participants")] =
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Sam Carer")},
                                   {QStringLiteral("role"), QStringLiteral("Carer")}},
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Jo Nurse")}}};
        e[QStringLiteral("reviewer-signature")] = QJsonObject{{QStringLiteral("name"), QStringLiteral("Rita Reviewer")},
                                                              {QStringLiteral("date"), QStringLiteral("2026-11-21")}};
        e[QStringLiteral("has-phb")] = false;
        e[QStringLiteral("consent-review")] = true;
        e[QStringLiteral("who-took-part")] = QJsonArray{QStringLiteral("person"), QStringLiteral("family")};
        e[QStringLiteral("review-type")] = QStringLiteral("annual");
        e[QStringLiteral("breathing-level")] = QStringLiteral("moderate");
        return f;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Problems problems;
        const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(t);
        m_template = *t;
        RenderOptions options;
        options.fillable = true;
        m_fillable = render(m_template, options);
        QVERIFY(!m_fillable.isEmpty());
    }

    /// One field (or one group of fields) for every question, of the kind its answer needs, named by the item id,
    /// its tooltip the numbered question.
    void everyQuestionHasItsFields()
    {
        const QMap<QString, SeenField> fields = fieldsOf(m_fillable);
        QVERIFY(!fields.isEmpty());
        const QMap<QString, int> numbers = m_template.questionNumbers();
        QSet<QString> expectedNames;
        const auto expect = [&](const QString &name, const QString &kind, const Item &item) {
            expectedNames.insert(name);
            QVERIFY2(fields.contains(name), qPrintable(name));
            QCOMPARE(fields.value(name).kind, kind);
            const QString tooltip = fields.value(name).tooltip;
            QVERIFY2(tooltip.startsWith(QStringLiteral("%1. %2").arg(numbers.value(item.id)).arg(item.label)),
                     qPrintable(name + QLatin1String(": ") + tooltip));
        };
        int answerable = 0;
        for (const Item *item : m_template.allItems()) {
            if (!itemTypeIsAnswerable(item->type))
                continue;
            ++answerable;
            const QString id = item->id;
            switch (item->type) {
            case ItemType::Text:
            case ItemType::Number:
                expect(id, QStringLiteral("text"), *item);
                break;
            case ItemType::Date:
                expect(id, QStringLiteral("text"), *item);
                QVERIFY2(fields.value(id).tooltip.endsWith(QLatin1String("(DD/MM/YYYY)")), qPrintable(id));
                break;
            case ItemType::Textarea:
                expect(id, QStringLiteral("multiline"), *item);
                break;
            case ItemType::YesNo:
                expect(id + QLatin1String(".yes"), QStringLiteral("checkbox"), *item);
                expect(id + QLatin1String(".no"), QStringLiteral("checkbox"), *item);
                break;
            case ItemType::MultiChoice:
                for (const Option &o : item->options)
                    expect(id + QLatin1Char('.') + o.value, QStringLiteral("checkbox"), *item);
                break;
            case ItemType::Choice:
            case ItemType::Scale: {
                expect(id, QStringLiteral("radio"), *item);
                QSet<QString> values;
                for (const Option &o : item->options)
                    values.insert(o.value);
                QCOMPARE(fields.value(id).onStates, values);
                QCOMPARE(fields.value(id).widgets, int(item->options.size()));
                break;
            }
            case ItemType::Table:
                for (int r = 1; r <= 4; ++r) {
                    for (const Column &c : item->columns)
                        expect(QStringLiteral("%1.%2.%3").arg(id).arg(r).arg(c.id), QStringLiteral("text"), *item);
                }
                break;
            case ItemType::Signature:
                expect(id + QLatin1String(".name"), QStringLiteral("text"), *item);
                expect(id + QLatin1String(".date"), QStringLiteral("text"), *item);
                break;
            case ItemType::Info:
                break;
            }
        }
        QVERIFY(answerable > 100);
        // Nothing else: no field that is not an answer place.
        for (auto it = fields.keyBegin(); it != fields.keyEnd(); ++it)
            QVERIFY2(expectedNames.contains(*it), qPrintable(*it));
        QCOMPARE(fields.size(), expectedNames.size());
    }

    /// The AcroForm as libqpdf sees it: appearances everywhere, a fixed text size in an embedded TrueType font,
    /// scrolling text, multi-line long answers, question order in /Annots, the template recorded.
    void acroFormDetails()
    {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("fillable.pdf", m_fillable.constData(), size_t(m_fillable.size()));
        QPDFObjectHandle acroForm = pdf.getRoot().getKey("/AcroForm");
        QVERIFY(acroForm.isDictionary());
        QVERIFY(acroForm.getKey("/NeedAppearances").isBool());
        QVERIFY(!acroForm.getKey("/NeedAppearances").getBoolValue());
        QPDFObjectHandle font = acroForm.getKey("/DR").getKey("/Font").getKey("/CoSans");
        QVERIFY(font.isDictionary());
        QCOMPARE(QString::fromStdString(font.getKey("/Subtype").getName()), QStringLiteral("/TrueType"));
        QCOMPARE(QString::fromStdString(font.getKey("/Encoding").getName()), QStringLiteral("/WinAnsiEncoding"));
        QVERIFY(font.getKey("/FontDescriptor").getKey("/FontFile2").isStream());

        QPDFAcroFormDocumentHelper forms(pdf);
        int text = 0, multiline = 0, buttons = 0;
        std::set<std::string> seen;
        for (QPDFFormFieldObjectHelper &field : forms.getFormFields()) {
            if (!seen.insert(field.getFullyQualifiedName()).second)
                continue; // one entry a widget
            const std::string type = field.getFieldType();
            if (type == "/Tx") {
                ++text;
                const QString da = QString::fromStdString(field.getDefaultAppearance());
                QVERIFY2(da.contains(QLatin1String("/CoSans 12.00 Tf")), qPrintable(da));
                const int flags = field.getFlags();
                QVERIFY((flags & (1 << 23)) == 0); // scrolls: no DoNotScroll
                multiline += (flags & (1 << 12)) ? 1 : 0;
            } else if (type == "/Btn") {
                ++buttons;
            }
        }
        QCOMPARE(multiline, 30); // the template's long text questions
        QVERIFY(text > 70);
        QVERIFY(buttons > 90);
        int widgets = 0;
        for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            std::vector<QPDFAnnotationObjectHelper> annots = forms.getWidgetAnnotationsForPage(page);
            if (annots.empty())
                continue;
            QCOMPARE(QString::fromStdString(page.getObjectHandle().getKey("/Tabs").getName()), QStringLiteral("/S"));
            qreal lastTop = 1e9;
            for (QPDFAnnotationObjectHelper &a : annots) {
                ++widgets;
                QVERIFY(a.getAppearanceDictionary().isDictionary());
                QVERIFY(a.getAppearanceDictionary().getKey("/N").isInitialized());
                // /Annots in question order: each widget starts no higher than the question before it ends.
                const QPDFObjectHandle::Rectangle r = a.getRect();
                QVERIFY(r.ury <= lastTop + 1);
                lastTop = r.ury;
            }
        }
        QVERIFY(widgets >= 250);
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(m_fillable);
        QVERIFY(doc);
        QCOMPARE(doc->info(QStringLiteral("CoformTemplate")), QStringLiteral("chc-review"));
        QCOMPARE(doc->info(QStringLiteral("CoformVersion")), QString::number(m_template.version));
        QCOMPARE(doc->formType(), Poppler::Document::AcroForm);
    }

    /// Every font is embedded, the form field font included; pdfinfo sees an AcroForm; qpdf finds nothing wrong
    /// (standard, large print bilingual PDF/A, easy read).
    void fontsEmbeddedAndQpdfClean()
    {
        const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
        const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        QVERIFY2(!qpdf.isEmpty() && !pdfinfo.isEmpty(), "qpdf and pdfinfo are needed (scripts/deps.sh)");
        RenderOptions large;
        large.fillable = true;
        large.profile = PrintProfile::Large;
        large.pdfA = true;
        large.languages = {QStringLiteral("en"), QStringLiteral("cy")};
        RenderOptions easy;
        easy.fillable = true;
        easy.profile = PrintProfile::Easy;
        const QVector<QByteArray> forms = {m_fillable, render(m_template, large), render(m_template, easy)};
        const int fieldCount = int(fieldsOf(m_fillable).size());
        int n = 0;
        for (const QByteArray &pdf : forms) {
            QVERIFY(!pdf.isEmpty());
            QCOMPARE(int(fieldsOf(pdf).size()), fieldCount);
            std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
            QVERIFY(doc);
            bool fieldFont = false;
            for (const Poppler::FontInfo &font : doc->fonts()) {
                QVERIFY2(font.isEmbedded(), qPrintable(font.name()));
                fieldFont = fieldFont || font.type() == Poppler::FontInfo::TrueType;
            }
            QVERIFY2(fieldFont, "the form field font (simple TrueType) is not listed");
            const QString path = save(pdf, QStringLiteral("checked%1.pdf").arg(n++));
            int code = -1;
            const QString checked = run(qpdf, {QStringLiteral("--check"), path}, &code);
            QVERIFY2(code == 0 && checked.contains(QLatin1String("No syntax or stream encoding errors"))
                         && !checked.contains(QLatin1String("WARNING")),
                     qPrintable(checked));
            const QString info = run(pdfinfo, {path}, &code);
            QVERIFY2(code == 0 && info.contains(QRegularExpression(QStringLiteral("Form:\\s+AcroForm"))),
                     qPrintable(info));
        }
    }

    void fillableFormsAreBlank()
    {
        Answers answers;
        answers.templateId = m_template.id;
        answers.values[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
        RenderOptions options;
        options.fillable = true;
        QByteArray pdf;
        QString error;
        QVERIFY(!renderPdf(m_template, &answers, options, &pdf, &error));
        QVERIFY2(error.contains(QLatin1String("blank form")), qPrintable(error));
    }

    /// Filled with poppler as a viewer fills a form, saved, and read back (through the worker process, as the
    /// command line does): exactly the answers filled in.
    void filledCopyReadsBack()
    {
        QMap<QString, QJsonValue> expected;
        const QString path = m_dir.filePath(QStringLiteral("filled.pdf"));
        const QStringList missing = fillPdf(m_fillable, goodFilling(&expected), path);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
        for (const PdfImportOptions &options : {PdfImportOptions{}, workerOptions()}) {
            const FilledPdfAnswers read = readFilledPdf(path, m_template, options);
            QVERIFY2(read.refusal.isEmpty(), qPrintable(read.refusal));
            QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(u"; ")));
            QCOMPARE(read.templateId, m_template.id);
            QMap<QString, QJsonValue> got;
            int lastNumber = 0;
            for (const ProposedAnswer &a : read.answers) {
                got.insert(a.itemId, a.value);
                QVERIFY(a.number > lastNumber); // question order
                lastNumber = a.number;
                QCOMPARE(a.label, m_template.findItem(a.itemId)->label);
            }
            QCOMPARE(got.keys(), expected.keys());
            for (auto it = expected.begin(); it != expected.end(); ++it)
                QVERIFY2(got.value(it.key()) == it.value(), qPrintable(it.key()));
        }
        // The unfilled form proposes nothing.
        const FilledPdfAnswers blank = readFilledPdf(save(m_fillable, QStringLiteral("blank.pdf")), m_template);
        QVERIFY(blank.ok());
        QVERIFY(blank.answers.isEmpty());
    }

    /// Answers that do not fit their questions are refused in words, with the question's number and label.
    void badValuesAreRefusedInWords()
    {
        Filling f;
        f.texts[QStringLiteral("nhs-number")] = QStringLiteral("943 476 5918");
        f.texts[QStringLiteral("review-date")] = QStringLiteral("31/02/2026");
        f.texts[QStringLiteral("hospital-stays")] = QStringLiteral("a few");
        f.texts[QStringLiteral("full-name")] = QStringLiteral("Alex Example");
        f.on = {QStringLiteral("has-phb.yes"), QStringLiteral("has-phb.no")};
        const QString path = m_dir.filePath(QStringLiteral("bad.pdf"));
        QVERIFY(fillPdf(m_fillable, f, path).isEmpty());
        const FilledPdfAnswers read = readFilledPdf(path, m_template, workerOptions());
        QVERIFY(read.refusal.isEmpty());
        QVERIFY(!read.ok());
        const QMap<QString, int> numbers = m_template.questionNumbers();
        const QString all = read.problems.join(QLatin1Char('\n'));
        QCOMPARE(read.problems.size(), 4);
        for (const char *id : {"nhs-number", "review-date", "hospital-stays", "has-phb"}) {
            const Item *item = m_template.findItem(QLatin1String(id));
            QVERIFY2(all.contains(QStringLiteral("question %1 (\"%2\")").arg(numbers.value(item->id)).arg(item->label)),
                     qPrintable(all));
        }
        QVERIFY2(all.contains(QLatin1String("not a valid NHS number")), qPrintable(all));
        // The message names the question, never the answer (it may be personal data).
        QVERIFY2(all.contains(QLatin1String("the answer is not a date")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("31/02/2026")) && !all.contains(QLatin1String("a few")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("both Yes and No")), qPrintable(all));
    }

    /// A form of another template or version, and a PDF that is not a Coform fillable form, are refused.
    void otherFormsAreRefused()
    {
        Template next = m_template;
        next.version = m_template.version + 1;
        RenderOptions options;
        options.fillable = true;
        const FilledPdfAnswers otherVersion =
            readFilledPdf(save(render(next, options), QStringLiteral("v2.pdf")), m_template, workerOptions());
        QVERIFY2(otherVersion.refusal.contains(QStringLiteral("version %1").arg(next.version)),
                 qPrintable(otherVersion.refusal));
        Template other = m_template;
        other.id = QStringLiteral("another-form");
        const FilledPdfAnswers otherTemplate =
            readFilledPdf(save(render(other, options), QStringLiteral("other.pdf")), m_template, workerOptions());
        QVERIFY2(otherTemplate.refusal.contains(QLatin1String("\"another-form\"")), qPrintable(otherTemplate.refusal));

        const FilledPdfAnswers plain = readFilledPdf(
            save(render(m_template, RenderOptions{}), QStringLiteral("plain.pdf")), m_template, workerOptions());
        QVERIFY2(plain.refusal.contains(QLatin1String("fillable Coform form")), qPrintable(plain.refusal));
        const FilledPdfAnswers notPdf =
            readFilledPdf(save("this is not a PDF", QStringLiteral("text.pdf")), m_template, workerOptions());
        QVERIFY(!notPdf.refusal.isEmpty());
        QVERIFY(notPdf.answers.isEmpty());
    }

    void answersInWords()
    {
        const Item *date = m_template.findItem(QStringLiteral("review-date"));
        QCOMPARE(answerInWords(*date, QStringLiteral("2026-11-20")), QStringLiteral("20/11/2026"));
        QCOMPARE(answerInWords(*date, QJsonValue()), QStringLiteral("not answered"));
        const Item *nhs = m_template.findItem(QStringLiteral("nhs-number"));
        QCOMPARE(answerInWords(*nhs, QStringLiteral("9434765919")), QStringLiteral("943 476 5919"));
        const Item *type = m_template.findItem(QStringLiteral("review-type"));
        QCOMPARE(answerInWords(*type, QStringLiteral("annual")), type->option(QStringLiteral("annual"))->label);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfFields test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdffields.moc"
