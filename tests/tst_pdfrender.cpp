#include "check/answervalidation.h"
#include "format/templateformat.h"
#include "model/nhsnumber.h"
#include "pdf/layout.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"
#include "pdf/renderer.h"

#include <poppler-qt6.h>

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace coform;

namespace {

const QString tick = QStringLiteral("\u2713");

QString bundledPath()
{
    return QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
}

QString longAnswersPath()
{
    return QStringLiteral(COFORM_TEST_DATA_DIR "/pdf/chc-review-long-answers.json");
}

/// Text with every white-space character removed: lines may wrap anywhere, words must still come in order.
QString squeezed(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

/// A rendered PDF read back with poppler.
struct ReadBack
{
    std::unique_ptr<Poppler::Document> doc;
    QStringList pageTexts; ///< each page's words in poppler's reading order (as pdftotext reads them)
    QVector<QVector<QPair<QString, QRectF>>> words; ///< each page's words and their boxes (points)
    QVector<QSizeF> pageSizes;

    int pages() const { return int(pageTexts.size()); }
    QString all() const { return pageTexts.join(QLatin1Char('\n')); }
};

ReadBack readBack(const QByteArray &pdf)
{
    ReadBack r;
    r.doc = Poppler::Document::loadFromData(pdf);
    if (!r.doc || r.doc->isLocked())
        return r;
    for (int i = 0; i < r.doc->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = r.doc->page(i);
        QStringList texts;
        QVector<QPair<QString, QRectF>> boxes;
        for (const std::unique_ptr<Poppler::TextBox> &box : page->textList()) {
            texts << box->text();
            boxes.append({box->text(), box->boundingBox()});
        }
        r.pageTexts << texts.join(QLatin1Char(' '));
        r.words.append(boxes);
        r.pageSizes.append(page->pageSizeF());
    }
    return r;
}

/// Marks an expected text that must be there, after the texts before it, but in any order with the texts after it
/// (table cells: poppler may read a table by rows or by columns).
const QString anyOrder = QStringLiteral("\u0001");

/// Looks for each expected text, word by word and in order, in the text of a document; returns the first one missing
/// or out of order. Within one expected text the words may be parted only by a little (a page's footer and the next
/// page's header and "continued" label), never by another answer.
/// Where the words of one expected text end in `hay` when they start at or after `from`, each following the one
/// before within `maxGap` characters; -1 when they are not there like that.
qsizetype findWords(const QString &hay, const QStringList &words, qsizetype from, qsizetype maxGap = 500)
{
    if (words.isEmpty())
        return from;
    const QString first = squeezed(words.first());
    for (qsizetype start = hay.indexOf(first, from); start >= 0; start = hay.indexOf(first, start + 1)) {
        qsizetype end = start + first.size();
        bool ok = true;
        for (int i = 1; i < words.size() && ok; ++i) {
            const QString needle = squeezed(words.at(i));
            const qsizetype found = hay.indexOf(needle, end);
            ok = found >= 0 && found - end <= maxGap;
            end = found + needle.size();
        }
        if (ok)
            return end;
    }
    return -1;
}

/// Looks for each expected text, word by word and in order, in the text of a document; returns the first one missing
/// or out of order. Within one expected text the words may be parted only by a little (a page's footer and the next
/// page's header and "continued" label), never by another answer.
QString firstOutOfOrder(const QString &text, const QStringList &expected)
{
    const QString hay = squeezed(text);
    qsizetype pos = 0;
    qsizetype anyOrderFrom = -1;
    for (const QString &entry : expected) {
        const bool unordered = entry.startsWith(anyOrder);
        if (unordered && anyOrderFrom < 0)
            anyOrderFrom = pos;
        if (!unordered)
            anyOrderFrom = -1;
        const QStringList words = (unordered ? entry.mid(1) : entry).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const qsizetype end = findWords(hay, words, unordered ? anyOrderFrom : pos);
        if (end < 0)
            return entry;
        pos = unordered ? qMax(pos, end) : end;
    }
    return {};
}

QString englishDate(const QString &iso)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(QDate::fromString(iso, Qt::ISODate), QStringLiteral("d MMMM yyyy"));
}

/// What a reader must find, in this order: section titles, question numbers and labels in every language, and for a
/// filled form each answer (chosen options after a tick, "Not answered" where there is none).
QStringList expectedSequence(const Template &t, const Answers *answers, const QStringList &langs, bool easy)
{
    const auto textLang = [&](const QString &l) {
        return easy && l == QLatin1String("en") && t.languages.contains(QStringLiteral("en-x-easy"))
                   ? QStringLiteral("en-x-easy")
                   : l;
    };
    const QMap<QString, int> numbers = t.questionNumbers();
    QStringList out;
    for (const Section &s : t.sections) {
        if (answers && !isShown(t, s, *answers))
            continue;
        out << localizedTitle(t, s, textLang(langs.first()));
        for (const Item &item : s.items) {
            if (answers && !isShown(t, item, *answers))
                continue;
            if (item.type != ItemType::Info)
                out << QStringLiteral("%1.").arg(numbers.value(item.id));
            QStringList labels;
            for (const QString &l : langs)
                labels << localizedLabel(t, item, textLang(l));
            labels.removeDuplicates();
            out << labels;
            if (!answers || item.type == ItemType::Info)
                continue;
            const QJsonValue v = answers->value(item.id);
            const bool empty = v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())
                               || (v.isArray() && v.toArray().isEmpty());
            if (empty) {
                out << QStringLiteral("Not answered");
                continue;
            }
            switch (item.type) {
            case ItemType::Info:
                break;
            case ItemType::Text:
                out << (item.format == QLatin1String("nhs-number") ? NhsNumber::formatted(v.toString()) : v.toString());
                break;
            case ItemType::Textarea:
                out << v.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                break;
            case ItemType::Date:
                out << englishDate(v.toString());
                break;
            case ItemType::Number:
                out << QString::number(v.toDouble()) + (item.unit.isEmpty() ? QString() : QLatin1Char(' ') + item.unit);
                break;
            case ItemType::YesNo:
                out << tick + (v.toBool() ? QStringLiteral("Yes") : QStringLiteral("No"));
                break;
            case ItemType::Choice:
            case ItemType::Scale:
                out << tick + localizedOptionLabel(t, item, *item.option(v.toString()), textLang(langs.first()));
                break;
            case ItemType::MultiChoice:
                for (const Option &o : item.options) {
                    if (v.toArray().contains(QJsonValue(o.value)))
                        out << tick + localizedOptionLabel(t, item, o, textLang(langs.first()));
                }
                break;
            case ItemType::Table:
                for (const QJsonValue &row : v.toArray()) {
                    for (const Column &c : item.columns)
                        out << anyOrder + row.toObject().value(c.id).toString();
                }
                break;
            case ItemType::Signature:
                out << v.toObject().value(QLatin1String("name")).toString();
                break;
            }
        }
    }
    return out;
}

/// A template of one section with the given items, for the flow tests.
Template smallTemplate(const QVector<Item> &items)
{
    Template t;
    t.id = QStringLiteral("flow-test");
    t.version = 3;
    t.title = QStringLiteral("Flow test form");
    Section s;
    s.id = QStringLiteral("main");
    s.title = QStringLiteral("The only section");
    s.items = items;
    t.sections = {s};
    return t;
}

} // namespace

/// The PDFs Coform writes, read back with poppler as a reader's tools would read them.
class TestPdfRender : public QObject
{
    Q_OBJECT

    Template m_template;
    Answers m_answers;
    QDate m_produced{2026, 11, 20};

    QByteArray render(const Answers *answers, const RenderOptions &options)
    {
        QByteArray pdf;
        QString error;
        if (!renderPdf(m_template, answers, options, &pdf, &error))
            qWarning("%s", qPrintable(error));
        return pdf;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(bundledPath(), &problems);
        QVERIFY2(t, problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        m_template = *t;
        const std::optional<Answers> a = readAnswersFile(longAnswersPath(), &problems);
        QVERIFY2(a, problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        m_answers = *a;
        QVERIFY(!hasErrors(validateAnswers(m_template, m_answers, longAnswersPath())));
    }

    void bundledTemplate_data()
    {
        QTest::addColumn<bool>("filled");
        QTest::addColumn<int>("profile");
        QTest::addColumn<QStringList>("langs");
        QTest::addColumn<qreal>("minSize");
        for (const bool filled : {false, true}) {
            const char *kind = filled ? "filled" : "blank";
            QTest::addRow("%s standard", kind) << filled << int(PrintProfile::Standard) << QStringList{"en"} << 12.0;
            QTest::addRow("%s large", kind) << filled << int(PrintProfile::Large) << QStringList{"en"} << 16.0;
            QTest::addRow("%s easy", kind) << filled << int(PrintProfile::Easy) << QStringList{"en"} << 14.0;
            QTest::addRow("%s en+cy", kind) << filled << int(PrintProfile::Standard) << QStringList{"en", "cy"} << 12.0;
        }
    }

    /// Must show 1 and 2: every page has the header and footer, every font is embedded, no text leaves the page,
    /// body text is at least the profile's size, and every label and answer is there in reading order.
    void bundledTemplate()
    {
        QFETCH(bool, filled);
        QFETCH(int, profile);
        QFETCH(QStringList, langs);
        QFETCH(qreal, minSize);
        RenderOptions options;
        options.profile = PrintProfile(profile);
        options.languages = langs;
        options.produced = m_produced;
        const Answers *answers = filled ? &m_answers : nullptr;
        const QByteArray pdf = render(answers, options);
        QVERIFY(pdf.startsWith("%PDF-"));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.doc);
        QVERIFY(r.pages() >= 5);

        const QList<Poppler::FontInfo> fonts = r.doc->fonts();
        QVERIFY(!fonts.isEmpty());
        for (const Poppler::FontInfo &f : fonts)
            QVERIFY2(f.isEmbedded(), qPrintable(f.name()));

        const bool easy = options.profile == PrintProfile::Easy;
        const QString title = localizedTitle(m_template, easy ? QStringLiteral("en-x-easy") : QStringLiteral("en"));
        QVERIFY2(squeezed(r.pageTexts.first()).contains(squeezed(QStringLiteral("available in other formats"))),
                 qPrintable(r.pageTexts.first()));
        for (int i = 0; i < r.pages(); ++i) {
            const QString page = squeezed(r.pageTexts.at(i));
            const QString where = QStringLiteral("page %1").arg(i + 1);
            QVERIFY2(page.contains(squeezed(QStringLiteral("Page %1 of %2").arg(i + 1).arg(r.pages()))),
                     qPrintable(where));
            QVERIFY2(page.contains(squeezed(QStringLiteral("chc-review version 1"))), qPrintable(where));
            QVERIFY2(page.contains(squeezed(QStringLiteral("Produced 20 November 2026"))), qPrintable(where));
            QVERIFY2(page.contains(squeezed(title)), qPrintable(where));
            if (langs.contains(QStringLiteral("cy"))) {
                QVERIFY2(page.contains(squeezed(QStringLiteral("Tudalen %1 o %2").arg(i + 1).arg(r.pages()))),
                         qPrintable(where));
                QVERIFY2(page.contains(squeezed(localizedTitle(m_template, QStringLiteral("cy")))), qPrintable(where));
            }
            if (filled) {
                QVERIFY2(page.contains(QStringLiteral("OFFICIAL-SENSITIVE:PERSONAL")), qPrintable(where));
                QVERIFY2(page.contains(QStringLiteral("AlexExample")), qPrintable(where));
                QVERIFY2(page.contains(QStringLiteral("9434765919")), qPrintable(where)); // "943 476 5919"
                QVERIFY2(r.pageTexts.at(i).contains(QStringLiteral("943 476 5919")), qPrintable(where));
            } else {
                QVERIFY(!page.contains(QStringLiteral("OFFICIAL-SENSITIVE")));
            }

            // Every word inside the page, and no smaller than the profile's minimum. Poppler's word boxes are as high
            // as the font's ascent plus descent: 1.117 em for Liberation Sans, more for DejaVu Sans.
            const QRectF pageRect(QPointF(0, 0), r.pageSizes.at(i));
            for (const auto &[text, b] : r.words.at(i)) {
                QVERIFY2(pageRect.contains(b),
                         qPrintable(QStringLiteral("%1: \"%2\" leaves the page").arg(where, text)));
                const qreal size = b.height() / 1.117;
                QVERIFY2(size >= minSize - 0.05,
                         qPrintable(QStringLiteral("%1: \"%2\" is %3pt").arg(where, text).arg(size)));
            }
        }

        const QStringList expected = expectedSequence(m_template, answers, langs, easy);
        const QString missing = firstOutOfOrder(r.all(), expected);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing or out of order: \"%1\"").arg(missing)));
    }

    /// The same question numbers on the blank and the filled form.
    void sameNumbersBlankAndFilled()
    {
        RenderOptions options;
        options.produced = m_produced;
        const ReadBack blank = readBack(render(nullptr, options));
        const ReadBack filled = readBack(render(&m_answers, options));
        const QMap<QString, int> numbers = m_template.questionNumbers();
        for (const Item *item : m_template.allItems()) {
            if (item->type == ItemType::Info || !isShown(m_template, *item, m_answers))
                continue;
            const QString numbered = squeezed(QStringLiteral("%1.%2").arg(numbers.value(item->id)).arg(item->label));
            QVERIFY2(squeezed(blank.all()).contains(numbered), qPrintable(item->id));
            QVERIFY2(squeezed(filled.all()).contains(numbered), qPrintable(item->id));
        }
    }

    /// Items hidden by showIf are left out of a filled form; a blank form says in words when they apply.
    void conditionalQuestions()
    {
        Answers noBudget = m_answers;
        noBudget.values.insert(QStringLiteral("has-phb"), false);
        noBudget.values.insert(QStringLiteral("has-supporter"), false);
        for (const QString &id :
             {QStringLiteral("phb-managed"), QStringLiteral("phb-goals"), QStringLiteral("phb-goals-notes"),
              QStringLiteral("phb-enough"), QStringLiteral("phb-shortfall"), QStringLiteral("dp-checks"),
              QStringLiteral("dp-first-date"), QStringLiteral("supporter-name"), QStringLiteral("supporter-phone"),
              QStringLiteral("supporter-email")})
            noBudget.values.remove(id);
        RenderOptions options;
        options.produced = m_produced;
        const QString filled = squeezed(readBack(render(&noBudget, options)).all());
        const Section *phb = m_template.findSection(QStringLiteral("phb"));
        QVERIFY(phb);
        for (const Item &item : phb->items)
            QVERIFY2(!filled.contains(squeezed(item.label)), qPrintable(item.id));
        QVERIFY(!filled.contains(squeezed(m_template.findItem(QStringLiteral("supporter-name"))->label)));

        const QString blank = squeezed(readBack(render(nullptr, options)).all());
        QVERIFY(blank.contains(squeezed(phb->title)));
        const QMap<QString, int> numbers = m_template.questionNumbers();
        QVERIFY(blank.contains(squeezed(QStringLiteral("Fill in this section if you said Yes to question %1.")
                                            .arg(numbers.value(QStringLiteral("has-phb"))))));
        QVERIFY(blank.contains(squeezed(QStringLiteral("Answer this if you said Yes to question %1.")
                                            .arg(numbers.value(QStringLiteral("has-supporter"))))));
        QVERIFY(blank.contains(squeezed(QStringLiteral("Answer this if you chose")))); // choice-based showIf
    }

    /// A 200-paragraph answer flows across pages, marked "continued", with nothing lost.
    void longAnswerFlowsAcrossPages()
    {
        Item story;
        story.id = QStringLiteral("story");
        story.type = ItemType::Textarea;
        story.label = QStringLiteral("Tell us your story");
        const Template t = smallTemplate({story});
        QStringList paragraphs;
        for (int i = 1; i <= 200; ++i)
            paragraphs << QStringLiteral("Paragraph %1 begins here. The carers came on time and we talked about the "
                                         "garden, the weather and the grandchildren; paragraph %1 ends here.")
                              .arg(i);
        Answers a;
        a.templateId = t.id;
        a.person.name = QStringLiteral("Alex Example");
        a.person.nhsNumber = QStringLiteral("9434765919");
        a.values.insert(story.id, paragraphs.join(QStringLiteral("\n\n")));
        for (const PrintProfile profile : {PrintProfile::Standard, PrintProfile::Large}) {
            RenderOptions options;
            options.profile = profile;
            QByteArray pdf;
            QString error;
            QVERIFY2(renderPdf(t, &a, options, &pdf, &error), qPrintable(error));
            const ReadBack r = readBack(pdf);
            QVERIFY(r.pages() >= 8);
            QCOMPARE(firstOutOfOrder(r.all(), paragraphs), QString());
            for (int i = 1; i < r.pages(); ++i)
                QVERIFY2(r.pageTexts.at(i).contains(QStringLiteral("Tell us your story (continued)")),
                         qPrintable(QString::number(i + 1)));
            QVERIFY(!r.pageTexts.first().contains(QStringLiteral("(continued)")));
        }
    }

    /// Even a question label longer than a page is printed whole, over several pages, and never off the page.
    void labelLongerThanAPage()
    {
        Item huge;
        huge.id = QStringLiteral("huge");
        huge.type = ItemType::Textarea;
        QStringList words;
        for (int i = 0; i < 2000; ++i)
            words << QStringLiteral("w%1").arg(i);
        huge.label = words.join(QLatin1Char(' '));
        const Template t = smallTemplate({huge});
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(t, nullptr, RenderOptions{}, &pdf, &error), qPrintable(error));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.pages() >= 3);
        QCOMPARE(firstOutOfOrder(r.all(), words), QString());
        for (int i = 0; i < r.pages(); ++i) {
            for (const auto &[text, box] : r.words.at(i))
                QVERIFY2(QRectF(QPointF(0, 0), r.pageSizes.at(i)).contains(box), qPrintable(text));
        }
    }

    /// A table answer of 60 rows repeats its header row on every page it reaches.
    void tableRepeatsHeaderRow()
    {
        Item table;
        table.id = QStringLiteral("visits");
        table.type = ItemType::Table;
        table.label = QStringLiteral("Visits this year");
        table.columns = {{QStringLiteral("when"), QStringLiteral("Visit date")},
                         {QStringLiteral("who"), QStringLiteral("Visitor name")},
                         {QStringLiteral("why"), QStringLiteral("Purpose")}};
        const Template t = smallTemplate({table});
        QJsonArray rows;
        QStringList cells;
        for (int i = 1; i <= 60; ++i) {
            rows.append(QJsonObject{{QStringLiteral("when"), QStringLiteral("Day %1").arg(i)},
                                    {QStringLiteral("who"), QStringLiteral("Visitor %1").arg(i)},
                                    {QStringLiteral("why"), QStringLiteral("Check number %1").arg(i)}});
            cells << QStringLiteral("Day %1").arg(i) << QStringLiteral("Visitor %1").arg(i)
                  << QStringLiteral("Check number %1").arg(i);
        }
        Answers a;
        a.templateId = t.id;
        a.values.insert(table.id, rows);
        RenderOptions options;
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(t, &a, options, &pdf, &error), qPrintable(error));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.pages() >= 2);
        QCOMPARE(firstOutOfOrder(r.all(), cells), QString());
        for (int i = 0; i < r.pages(); ++i) {
            const QString page = r.pageTexts.at(i);
            if (!page.contains(QStringLiteral("Visitor ")))
                continue;
            QCOMPARE(firstOutOfOrder(page, {QStringLiteral("Visit date"), QStringLiteral("Visitor name"),
                                            QStringLiteral("Purpose"), QStringLiteral("Visitor ")}),
                     QString());
        }
    }

    /// Options are tick boxes, the chosen ones ticked; scale levels show their descriptions.
    void ticksAndScales()
    {
        RenderOptions options;
        const QString filled = squeezed(readBack(render(&m_answers, options)).all());
        const Item *breathing = m_template.findItem(QStringLiteral("breathing-level"));
        QVERIFY(breathing);
        const QString chosen = m_answers.value(breathing->id).toString();
        QVERIFY(filled.contains(squeezed(tick + breathing->option(chosen)->label)));
        // Each level's description is there word by word (in a row of levels, a reader may take the columns' lines
        // side by side).
        for (const Option &o : breathing->options)
            QCOMPARE(firstOutOfOrder(filled, {o.description}), QString());
        const QString blank = squeezed(readBack(render(nullptr, options)).all());
        QVERIFY(!blank.contains(tick));
    }

    void paperAndPdfA()
    {
        RenderOptions options;
        options.paper = PaperSize::Letter;
        options.pdfA = true;
        const QByteArray pdf = render(&m_answers, options);
        QVERIFY(pdf.contains("pdfaid:part"));
        QVERIFY(pdf.contains("/Lang (en-GB)"));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.doc);
        std::unique_ptr<Poppler::Page> page = r.doc->page(0);
        QCOMPARE(page->pageSizeF().toSize(), QSize(612, 792));

        options = {};
        options.languages = {QStringLiteral("cy")};
        const QByteArray welsh = render(nullptr, options);
        QVERIFY(welsh.contains("/Lang (cy)"));
        QVERIFY(readBack(welsh).all().contains(QStringLiteral("Tudalen 1 o")));
    }

    /// qpdf finds nothing wrong in any of the forms.
    void qpdfCheck()
    {
        const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
        QVERIFY2(!qpdf.isEmpty(), "qpdf is not installed: run scripts/deps.sh");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct Case
        {
            bool filled;
            PrintProfile profile;
            bool bilingual;
            bool pdfA;
        };
        const Case cases[] = {{false, PrintProfile::Standard, true, true}, {false, PrintProfile::Large, false, false},
                              {false, PrintProfile::Easy, false, true},    {true, PrintProfile::Standard, false, true},
                              {true, PrintProfile::Large, true, false},    {true, PrintProfile::Easy, true, true}};
        int n = 0;
        for (const Case &c : cases) {
            RenderOptions options;
            options.profile = c.profile;
            options.pdfA = c.pdfA;
            if (c.bilingual)
                options.languages = {QStringLiteral("en"), QStringLiteral("cy")};
            const QString path = dir.filePath(QStringLiteral("form%1.pdf").arg(n++));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(render(c.filled ? &m_answers : nullptr, options));
            f.close();
            QProcess p;
            p.start(qpdf, {QStringLiteral("--check"), path});
            QVERIFY(p.waitForFinished(60000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QVERIFY2(p.exitCode() == 0, qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("No syntax or stream encoding errors")), qPrintable(out));
            QVERIFY2(!out.contains(QStringLiteral("WARNING")), qPrintable(out));
        }
    }

    /// The writer reports, page by page, what it drew where; header and footer on every page.
    void drawLog()
    {
        RenderOptions options;
        const Layout layout = layoutForm(m_template, &m_answers, options);
        const PrintStyle style(options.profile, options.paper);
        PdfWriter writer(style);
        QVector<PageDrawLog> log;
        writer.setDrawLog(&log);
        QByteArray pdf;
        QString error;
        QVERIFY2(writer.write(layout, &pdf, &error), qPrintable(error));
        QCOMPARE(log.size(), layout.pages.size());
        QCOMPARE(readBack(pdf).pages(), int(log.size()));
        for (const PageDrawLog &page : log) {
            bool header = false, footer = false;
            for (const DrawnBox &b : page) {
                header = header || b.role == BoxRole::Header;
                footer = footer || b.role == BoxRole::Footer;
                QVERIFY2(QRectF(QPointF(0, 0), layout.pageSize).contains(b.rect),
                         qPrintable(QStringLiteral("%1 %2 %3,%4 %5x%6")
                                        .arg(boxRoleName(b.role), b.itemId)
                                        .arg(b.rect.x())
                                        .arg(b.rect.y())
                                        .arg(b.rect.width())
                                        .arg(b.rect.height())));
            }
            QVERIFY(header && footer);
        }
        bool sawAnswer = false;
        for (const DrawnBox &b : log.first())
            sawAnswer = sawAnswer || (b.role == BoxRole::Answer && b.itemId == QLatin1String("funding-agreed-date"));
        QVERIFY(sawAnswer);
    }

    void html()
    {
        RenderOptions options;
        options.languages = {QStringLiteral("en"), QStringLiteral("cy")};
        QByteArray bytes;
        QString error;
        QVERIFY(renderHtml(m_template, &m_answers, options, &bytes, &error));
        const QString html = QString::fromUtf8(bytes);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en-GB\">")));
        QVERIFY(html.contains(QStringLiteral("lang=\"cy\"")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        QVERIFY(html.contains(QStringLiteral("OFFICIAL-SENSITIVE: PERSONAL")));
        QVERIFY(html.contains(QStringLiteral("943 476 5919")));
        for (const Item *item : m_template.allItems()) {
            if (isShown(m_template, *item, m_answers))
                QVERIFY2(html.contains(item->label.toHtmlEscaped()), qPrintable(item->id));
        }
        const QString going = m_answers.value(QStringLiteral("going-well")).toString();
        QVERIFY(html.contains(going.split(QLatin1Char('\n')).first().toHtmlEscaped()));
        QVERIFY(html.contains(QStringLiteral("<th scope=\"col\">")));
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfRender test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdfrender.moc"
