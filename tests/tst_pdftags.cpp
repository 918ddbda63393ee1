// Tagged PDF: the structure tree, marked content and artifacts of the PDFs Coform writes, read back with libqpdf
// (poppler-qt6 does not show the structure tree) and with poppler for the text a reader's tools extract.
#define POINTERHOLDER_TRANSITION 4

#include "taggedpdf.h"

#include "pdf/layout.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace coform;
using namespace coform::test;

/// The structure tree of rendered forms: reading order, languages, pictures, tables across pages, form fields.
class TestPdfTags : public PdfTagsFixture
{
    Q_OBJECT

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
    }

    void structureInReadingOrder_data()
    {
        QTest::addColumn<bool>("filled");
        QTest::addColumn<int>("profile");
        QTest::addColumn<QStringList>("langs");
        for (const bool filled : {false, true}) {
            const char *kind = filled ? "filled" : "blank";
            QTest::addRow("%s standard", kind) << filled << int(PrintProfile::Standard) << QStringList{"en"};
            QTest::addRow("%s large", kind) << filled << int(PrintProfile::Large) << QStringList{"en"};
            QTest::addRow("%s easy", kind) << filled << int(PrintProfile::Easy) << QStringList{"en"};
            QTest::addRow("%s en+cy", kind) << filled << int(PrintProfile::Standard) << QStringList{"en", "cy"};
        }
    }

    /// The structure tree reads like the form: the title and each section as H1, each question as H2 (number and
    /// label) followed by its help and answer, no running header or footer; every piece of content is in it once,
    /// and the parent tree agrees with it.
    void structureInReadingOrder()
    {
        QFETCH(bool, filled);
        QFETCH(int, profile);
        QFETCH(QStringList, langs);
        const Answers *answers = filled ? &m_answers : nullptr;
        const QByteArray pdf = render(answers, optionsFor(profile, langs));
        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QVERIFY(!t.nodes.isEmpty());
        QCOMPARE(t.nodes.first().role, QStringLiteral("Document"));

        // H1: the title, then the sections in order.
        const QVector<const Node *> h1 = t.withRole(QStringLiteral("H1"));
        QVERIFY(h1.size() >= 2);
        const bool easy = profile == int(PrintProfile::Easy);
        const QString titleLang = easy && m_template.languages.contains(QStringLiteral("en-x-easy"))
                                      ? QStringLiteral("en-x-easy")
                                      : langs.first();
        QVERIFY2(h1.first()->text().startsWith(localizedTitle(m_template, titleLang)), qPrintable(h1.first()->text()));
        int section = 0;
        for (const Section &s : m_template.sections) {
            if (answers && !isShown(m_template, s, *answers))
                continue;
            ++section;
            QVERIFY2(section < h1.size(), qPrintable(s.id));
            QVERIFY2(h1.at(section)->text().contains(localizedTitle(m_template, s, QStringLiteral("cy")))
                         || langs.size() == 1,
                     qPrintable(h1.at(section)->text()));
            QCOMPARE(t.nodes.at(h1.at(section)->parent).role, QStringLiteral("Sect"));
        }
        QCOMPARE(h1.size(), section + 1);

        // H2: every question, in order, with its number and its label in every language.
        const QVector<const Node *> h2 = t.withRole(QStringLiteral("H2"));
        const auto expected = expectedQuestions(answers, langs, easy);
        QCOMPARE(h2.size(), expected.size());
        for (int i = 0; i < h2.size(); ++i) {
            const QString text = h2.at(i)->text();
            QVERIFY2(text.startsWith(expected.at(i).first + QLatin1Char(' ')), qPrintable(text));
            for (const QString &label : expected.at(i).second)
                QVERIFY2(simplified(text).contains(simplified(label)),
                         qPrintable(text + QStringLiteral(" / ") + label));
            // The heading opens its item's group; what follows in the group is help and answers.
            const Node &div = t.nodes.at(h2.at(i)->parent);
            QCOMPARE(div.role, QStringLiteral("Div"));
            const int divIndex = int(h2.at(i) - t.nodes.constData()) - 1;
            QCOMPARE(&t.nodes.at(divIndex + 1), h2.at(i));
            for (int d : t.descendants(divIndex)) {
                const QString role = t.nodes.at(d).role;
                QVERIFY2(QStringList({"H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure"})
                             .contains(role),
                         qPrintable(role));
            }
        }

        // Roles in reading order: a section's H1, then a question's H2, then its P / L / Table.
        const QStringList roles = t.roles();
        const int firstSect = int(roles.indexOf(QStringLiteral("Sect")));
        QVERIFY(firstSect > 0);
        QCOMPARE(roles.at(firstSect + 1), QStringLiteral("H1"));
        const int firstH2 = int(roles.indexOf(QStringLiteral("H2"), firstSect));
        QVERIFY(firstH2 > firstSect);
        QVERIFY(roles.indexOf(QStringLiteral("L"), firstH2) > firstH2);
        QVERIFY(roles.contains(QStringLiteral("LI")) && roles.contains(QStringLiteral("LBody")));
        QVERIFY(roles.contains(QStringLiteral("Table")) && roles.contains(QStringLiteral("TH")));
        if (filled) {
            QVERIFY(roles.contains(QStringLiteral("Lbl"))); // the ticks of chosen options
            QVERIFY(roles.contains(QStringLiteral("TD")));
            // An answer is a paragraph in its question's group.
            const Item *name = m_template.findItem(QStringLiteral("full-name"));
            if (name) {
                const QString answer = m_answers.value(name->id).toString();
                bool found = false;
                for (const Node &n : t.nodes)
                    found = found || (n.role == QLatin1String("P") && n.text() == answer);
                QVERIFY2(found, qPrintable(answer));
            }
            for (const Node *lbl : t.withRole(QStringLiteral("Lbl")))
                QCOMPARE(lbl->text(), QStringLiteral("\u2713"));
        }

        // The running header and footer are artifacts, not content.
        const QString structText = simplified(t.allText());
        const QString pageText = simplified(popplerText(pdf));
        QVERIFY(pageText.contains(QStringLiteral("Page 1 of")));
        QVERIFY(!structText.contains(QStringLiteral("Page 1 of")));
        QVERIFY(!structText.contains(QStringLiteral("chc-review version")));
        if (filled) {
            QVERIFY(pageText.contains(QStringLiteral("OFFICIAL-SENSITIVE")));
            QVERIFY(!structText.contains(QStringLiteral("OFFICIAL-SENSITIVE")));
        }
        for (int p = 0; p < t.pages.size(); ++p) {
            QCOMPARE(t.textOutside.at(p), 0); // every text object is content or an artifact
            int header = 0, footer = 0;
            for (const Marked &m : t.pages.at(p)) {
                header += m.artifactType == QLatin1String("Pagination/Header") ? 1 : 0;
                footer += m.artifactType == QLatin1String("Pagination/Footer") ? 1 : 0;
            }
            QVERIFY2(header > 0 && footer > 0, qPrintable(QString::number(p + 1)));
        }

        // Each marked-content sequence belongs to exactly one element, and the parent tree says which.
        QHash<QString, int> owners;
        for (const Node &n : t.nodes) {
            for (const auto &[page, mcid] : n.mc) {
                const QString key = QStringLiteral("%1/%2").arg(page).arg(mcid);
                QVERIFY2(!owners.contains(key), qPrintable(key));
                owners.insert(key, 1);
                const auto it = t.parentTree.find({page, mcid});
                QVERIFY2(it != t.parentTree.end(), qPrintable(key));
                QVERIFY(it->second == n.objgen);
            }
        }
        int mcids = 0;
        for (const QVector<Marked> &page : t.pages) {
            for (const Marked &m : page)
                mcids += m.mcid >= 0 ? 1 : 0;
        }
        QCOMPARE(owners.size(), mcids);
        QCOMPARE(int(t.parentTree.size()), mcids);
    }

    /// A bilingual form marks its Welsh text with Lang cy; the document's language is the first one.
    void bilingualLanguages()
    {
        const QByteArray pdf = render(&m_answers, optionsFor(int(PrintProfile::Standard), {"en", "cy"}));
        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(str(t.catalogue.getKey("/Lang")), QStringLiteral("en-GB"));
        int welshHeadings = 0, welshParagraphs = 0;
        for (const Node &n : t.nodes) {
            if (n.role == QLatin1String("H2")) {
                // "N." and the English label carry no Lang (the document's); the Welsh label, when the template
                // has one (else the English one is printed once), says cy.
                QCOMPARE(n.langs.first(), QString());
                if (n.texts.size() < 3)
                    continue;
                QCOMPARE(n.langs.at(1), QString());
                QCOMPARE(n.langs.last(), QStringLiteral("cy"));
                welshHeadings++;
            }
            if (n.role == QLatin1String("P") && n.lang == QLatin1String("cy")) {
                for (const QString &l : n.langs)
                    QCOMPARE(l, QStringLiteral("cy"));
                welshParagraphs++;
            }
            if (n.role == QLatin1String("P") && n.lang.isEmpty()) {
                for (const QString &l : n.langs)
                    QCOMPARE(l, QString());
            }
        }
        QVERIFY(welshHeadings > 10);
        QVERIFY(welshParagraphs > 10);
        // Welsh only: the document is cy, so only English text (where the template has no Welsh yet, the English
        // text is printed) needs its own Lang.
        const Tagged cy = readTagged(render(nullptr, optionsFor(int(PrintProfile::Standard), {"cy"})));
        QCOMPARE(str(cy.catalogue.getKey("/Lang")), QStringLiteral("cy"));
        int english = 0;
        for (const Node &n : cy.nodes) {
            QVERIFY2(n.lang.isEmpty() || n.lang == QLatin1String("en-GB"), qPrintable(n.lang));
            english += n.lang.isEmpty() ? 0 : 1;
        }
        QVERIFY(english > 0 && english < cy.nodes.size());
        const QString welshTitle = localizedTitle(m_template, m_template.sections.first(), QStringLiteral("cy"));
        bool found = false;
        for (const Node &n : cy.nodes)
            found = found || (n.role == QLatin1String("H1") && n.text() == welshTitle && n.lang.isEmpty());
        QVERIFY2(found, qPrintable(welshTitle));
    }

    /// Easy read: every picture (beside a question, a heading or an option) is a Figure whose alternative text is
    /// its picture's words, and whose content is the picture's drawing; nothing says "Picture space".
    void easyReadFigures()
    {
        const RenderOptions options = optionsFor(int(PrintProfile::Easy), {"en"});
        const Layout layout = layoutForm(m_template, &m_answers, options);
        int pictureSlots = 0;
        for (const LayoutPage &page : layout.pages) {
            for (const LayoutBox &b : page.boxes)
                pictureSlots += b.role == BoxRole::Figure ? 1 : 0;
        }
        QVERIFY(pictureSlots > 60);
        const Tagged t = readTagged(render(&m_answers, options));
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        const QVector<const Node *> figures = t.withRole(QStringLiteral("Figure"));
        QCOMPARE(figures.size(), pictureSlots);
        QSet<QString> alts;
        for (const Picture *p : allPictures(m_template))
            alts.insert(p->alt);
        const QMap<QString, int> numbers = m_template.questionNumbers();
        int numbered = 0;
        for (const Node *f : figures) {
            QVERIFY2(alts.contains(f->alt), qPrintable(f->alt));
            QVERIFY2(!f->mc.isEmpty(), qPrintable(f->alt)); // the picture's paths are the figure's content
            // In a question's group, the alt text is that question's picture's.
            const int heading = f->parent + 1;
            if (t.nodes.at(f->parent).role == QLatin1String("Div") && heading < t.nodes.size()
                && t.nodes.at(heading).role == QLatin1String("H2")) {
                const int number = t.nodes.at(heading).texts.first().chopped(1).toInt();
                const QString id = numbers.key(number);
                QVERIFY2(!id.isEmpty(), qPrintable(t.nodes.at(heading).texts.first()));
                QCOMPARE(f->alt, m_template.findItem(id)->picture->alt);
                ++numbered;
            }
        }
        QVERIFY(numbered > 40);
        QVERIFY(!t.allText().contains(QStringLiteral("Picture space")));
    }

    /// A table is one Table: its header row once (repeated header rows on later pages are artifacts), then a TR
    /// of TD cells for each row, in order.
    void tableAcrossPages()
    {
        Item table;
        table.id = QStringLiteral("visits");
        table.type = ItemType::Table;
        table.label = QStringLiteral("Visits this year");
        table.columns = {{QStringLiteral("when"), QStringLiteral("Visit date")},
                         {QStringLiteral("who"), QStringLiteral("Visitor name")},
                         {QStringLiteral("why"), QStringLiteral("Purpose")}};
        Template t;
        t.id = QStringLiteral("table-test");
        t.version = 1;
        t.title = QStringLiteral("Table test form");
        Section s;
        s.id = QStringLiteral("main");
        s.title = QStringLiteral("The only section");
        s.items = {table};
        t.sections = {s};
        QJsonArray rows;
        for (int i = 1; i <= 60; ++i) {
            rows.append(QJsonObject{{QStringLiteral("when"), QStringLiteral("Day %1").arg(i)},
                                    {QStringLiteral("who"), QStringLiteral("Visitor %1").arg(i)},
                                    {QStringLiteral("why"), QStringLiteral("Check number %1").arg(i)}});
        }
        Answers a;
        a.templateId = t.id;
        a.values.insert(table.id, rows);
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(t, &a, RenderOptions{}, &pdf, &error), qPrintable(error));
        const Tagged tagged = readTagged(pdf);
        QVERIFY2(tagged.error.isEmpty(), qPrintable(tagged.error));
        QVERIFY(tagged.pages.size() >= 2);
        QCOMPARE(tagged.withRole(QStringLiteral("Table")).size(), 1);
        QCOMPARE(tagged.withRole(QStringLiteral("TR")).size(), 61);
        const QVector<const Node *> th = tagged.withRole(QStringLiteral("TH"));
        QCOMPARE(th.size(), 3);
        QCOMPARE(th.at(0)->text(), QStringLiteral("Visit date"));
        const QVector<const Node *> td = tagged.withRole(QStringLiteral("TD"));
        QCOMPARE(td.size(), 180);
        for (int i = 0; i < 60; ++i) {
            QCOMPARE(td.at(3 * i)->text(), QStringLiteral("Day %1").arg(i + 1));
            QCOMPARE(td.at(3 * i + 2)->text(), QStringLiteral("Check number %1").arg(i + 1));
        }
        int repeated = 0;
        for (const QVector<Marked> &page : tagged.pages) {
            for (const Marked &m : page)
                repeated += m.artifactType == QLatin1String("Pagination") ? 1 : 0;
        }
        QVERIFY(repeated >= 3 * (tagged.pages.size() - 1));
        // The "(continued)" label at the top of a later page stays in the table's group.
        bool continued = false;
        for (const Node &n : tagged.nodes) {
            if (n.text().contains(QStringLiteral("(continued)"))) {
                QCOMPARE(n.role, QStringLiteral("P"));
                QCOMPARE(tagged.nodes.at(n.parent).role, QStringLiteral("Div"));
                QCOMPARE(tagged.nodes.at(n.parent + 1).text(), QStringLiteral("1. Visits this year"));
                continued = true;
            }
        }
        QVERIFY(continued);
    }

    /// A form field's widget (added by a pass before tagging) becomes a Form element in its question's group.
    void widgetBecomesFormElement()
    {
        const Item *target = nullptr;
        for (const Section &s : m_template.sections) {
            for (const Item &i : s.items) {
                if (!target && i.type == ItemType::Text)
                    target = m_template.findItem(i.id);
            }
        }
        QVERIFY(target);
        const RenderOptions options = optionsFor(int(PrintProfile::Standard), {"en"});
        const Layout layout = layoutForm(m_template, nullptr, options);
        const PrintStyle style(options.profile, options.paper);
        PdfWriter writer(style);
        QVector<PageDrawLog> drawn;
        writer.setDrawLog(&drawn);
        QByteArray pdf;
        QString error;
        QVERIFY2(writer.write(layout, &pdf, &error), qPrintable(error));
        int page = -1;
        QRectF rect;
        for (int p = 0; p < drawn.size() && page < 0; ++p) {
            for (const DrawnBox &b : drawn.at(p)) {
                if (b.itemId == target->id && b.role == BoxRole::WriteIn) {
                    page = p;
                    rect = b.rect;
                    break;
                }
            }
        }
        QVERIFY(page >= 0);
        const PdfPass addField = [&](QPDF &q, QString *) {
            QPDFPageObjectHelper pageHelper = QPDFPageDocumentHelper(q).getAllPages().at(size_t(page));
            const double top = pageHelper.getMediaBox().getArrayItem(3).getNumericValue();
            QPDFObjectHandle widget = q.makeIndirectObject(QPDFObjectHandle::parse(
                QStringLiteral("<< /Type /Annot /Subtype /Widget /FT /Tx /F 4 /T (%1) /TU (%2) /Rect [%3 %4 %5 %6] >>")
                    .arg(target->id, target->label)
                    .arg(rect.left())
                    .arg(top - rect.bottom())
                    .arg(rect.right())
                    .arg(top - rect.top())
                    .toStdString()));
            widget.replaceKey("/P", pageHelper.getObjectHandle());
            QPDFObjectHandle annots = QPDFObjectHandle::newArray();
            annots.appendItem(widget);
            pageHelper.getObjectHandle().replaceKey("/Annots", annots);
            QPDFObjectHandle form = QPDFObjectHandle::newDictionary();
            QPDFObjectHandle fields = QPDFObjectHandle::newArray();
            fields.appendItem(widget);
            form.replaceKey("/Fields", fields);
            q.getRoot().replaceKey("/AcroForm", form);
            return true;
        };
        const TagOptions tags{layout.title, layout.language, false};
        const PdfPass tag = [&](QPDF &q, QString *e) { return tagPdf(q, drawn, tags, e); };
        QVERIFY2(runPdfPasses(&pdf, {addField, tag}, QStringLiteral("test form"), &error), qPrintable(error));

        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        const QVector<const Node *> forms = t.withRole(QStringLiteral("Form"));
        QCOMPARE(forms.size(), 1);
        QCOMPARE(forms.first()->widgets.size(), 1);
        const Node &div = t.nodes.at(forms.first()->parent);
        QCOMPARE(div.role, QStringLiteral("Div"));
        QVERIFY2(t.nodes.at(forms.first()->parent + 1).text().contains(target->label),
                 qPrintable(t.nodes.at(forms.first()->parent + 1).text()));
        QPDFObjectHandle widget = forms.first()->widgets.first();
        QVERIFY(widget.getKey("/StructParent").isInteger());
        const int key = widget.getKey("/StructParent").getIntValueAsInt();
        QCOMPARE(key, int(t.pages.size()));
        QVERIFY(t.annotParents.count(key) == 1);
        QVERIFY(t.annotParents.at(key) == forms.first()->objgen);
        QCOMPARE(t.catalogue.getKey("/StructTreeRoot").getKey("/ParentTreeNextKey").getIntValueAsInt(), key + 1);
    }
};

// Rendering needs fonts, so Qt Gui (offscreen; no display).
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfTags test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_pdftags.moc"
