// Tagged PDF: the structure tree, marked content and artifacts of the PDFs Coform writes, read back with libqpdf
// (poppler-qt6 does not show the structure tree) and with poppler for the text a reader's tools extract.
#define POINTERHOLDER_TRANSITION 4

#include "check/answervalidation.h"
#include "edit/templatediff.h"
#include "format/templateformat.h"
#include "pdf/layout.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"
#include "pdf/renderer.h"
#include "pdf/whatchangedpdf.h"

#include <poppler-qt6.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <QGuiApplication>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using namespace coform;

namespace {

QString bundledPath()
{
    return QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
}

QString longAnswersPath()
{
    return QStringLiteral(COFORM_TEST_DATA_DIR "/pdf/chc-review-long-answers.json");
}

QString str(QPDFObjectHandle o)
{
    return o.isString() ? QString::fromStdString(o.getUTF8Value()) : QString();
}

/// One marked-content sequence of a page: its tag and properties.
struct Marked
{
    QString tag;
    int mcid = -1;
    QString actualText;
    QString lang;
    QString artifactType; ///< Artifact: /Type (Pagination, Layout, ...) and /Subtype, e.g. "Pagination/Header"
};

/// Reads the marked-content operators of a page's content.
class MarkedContentReader : public QPDFObjectHandle::ParserCallbacks
{
public:
    QVector<Marked> sequences;
    int textObjects = 0;
    int textOutsideMarkedContent = 0;

    void handleObject(QPDFObjectHandle obj) override
    {
        if (!obj.isOperator()) {
            m_operands.push_back(obj);
            return;
        }
        const std::string op = obj.getOperatorValue();
        if (op == "BDC" || op == "BMC") {
            Marked m;
            m.tag = m_operands.empty() ? QString() : QString::fromStdString(m_operands.front().getName()).mid(1);
            if (op == "BDC" && m_operands.size() >= 2 && m_operands[1].isDictionary()) {
                QPDFObjectHandle d = m_operands[1];
                if (d.getKey("/MCID").isInteger())
                    m.mcid = d.getKey("/MCID").getIntValueAsInt();
                m.actualText = str(d.getKey("/ActualText"));
                m.lang = str(d.getKey("/Lang"));
                if (d.getKey("/Type").isName())
                    m.artifactType = QString::fromStdString(d.getKey("/Type").getName()).mid(1);
                if (d.getKey("/Subtype").isName())
                    m.artifactType += QLatin1Char('/') + QString::fromStdString(d.getKey("/Subtype").getName()).mid(1);
            }
            sequences.append(m);
            ++m_depth;
        } else if (op == "EMC") {
            --m_depth;
        } else if (op == "BT") {
            ++textObjects;
            if (m_depth <= 0)
                ++textOutsideMarkedContent;
        }
        m_operands.clear();
    }
    void handleEOF() override {}

private:
    std::vector<QPDFObjectHandle> m_operands;
    int m_depth = 0;
};

/// A structure element read back: its role, depth, attributes and the text of its marked content.
struct Node
{
    QString role;
    int depth = 0;
    int parent = -1;
    QString alt;
    QString lang;
    QStringList texts;           ///< /ActualText of its marked content, in order
    QStringList langs;           ///< /Lang of each of its marked-content sequences ("" when none)
    QVector<QPair<int, int>> mc; ///< (page, MCID)
    mutable QVector<QPDFObjectHandle> widgets;
    QPDFObjGen objgen;

    QString text() const { return texts.join(QLatin1Char(' ')); }
};

/// The structure tree and the marked content of a PDF.
struct Tagged
{
    QByteArray bytes;           ///< the PDF, which qpdf reads from
    std::shared_ptr<QPDF> qpdf; ///< kept open for the handles below
    QString error;
    mutable QPDFObjectHandle catalogue; // libqpdf's handles are not const-correct
    mutable QPDFObjectHandle info;
    QVector<Node> nodes;                                  ///< in reading order (depth first)
    QVector<QVector<Marked>> pages;                       ///< each page's marked-content sequences
    QVector<int> textOutside;                             ///< each page's text objects outside any marked content
    std::map<std::pair<int, int>, QPDFObjGen> parentTree; ///< (page, MCID) -> element, from /ParentTree
    std::map<int, QPDFObjGen> annotParents;               ///< /StructParent key -> element
    QVector<int> structParents;                           ///< each page's /StructParents
    QVector<QString> tabs;

    QVector<const Node *> withRole(const QString &role) const
    {
        QVector<const Node *> out;
        for (const Node &n : nodes) {
            if (n.role == role)
                out.append(&n);
        }
        return out;
    }
    QStringList roles() const
    {
        QStringList out;
        for (const Node &n : nodes)
            out << n.role;
        return out;
    }
    /// Every text of the structure tree, in reading order.
    QString allText() const
    {
        QStringList out;
        for (const Node &n : nodes)
            out << n.texts;
        return out.join(QLatin1Char(' '));
    }
    /// The nodes inside nodes[index] (all depths).
    QVector<int> descendants(int index) const
    {
        QVector<int> out;
        for (int i = index + 1; i < nodes.size() && nodes.at(i).depth > nodes.at(index).depth; ++i)
            out.append(i);
        return out;
    }
};

Tagged readTagged(const QByteArray &pdf)
{
    Tagged t;
    try {
        t.bytes = pdf;
        t.qpdf = QPDF::create();
        QPDF &q = *t.qpdf;
        q.setSuppressWarnings(true);
        q.processMemoryFile("test.pdf", t.bytes.constData(), size_t(t.bytes.size()));
        t.catalogue = q.getRoot();
        t.info = q.getTrailer().getKey("/Info");
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
        QHash<QString, int> pageIndex;
        for (size_t i = 0; i < pages.size(); ++i) {
            const QPDFObjGen og = pages[i].getObjectHandle().getObjGen();
            pageIndex.insert(QString::fromStdString(og.unparse()), int(i));
            MarkedContentReader reader;
            pages[i].parseContents(&reader);
            t.pages.append(reader.sequences);
            t.textOutside.append(reader.textOutsideMarkedContent);
            QPDFObjectHandle sp = pages[i].getObjectHandle().getKey("/StructParents");
            t.structParents.append(sp.isInteger() ? sp.getIntValueAsInt() : -1);
            QPDFObjectHandle tabs = pages[i].getObjectHandle().getKey("/Tabs");
            t.tabs.append(tabs.isName() ? QString::fromStdString(tabs.getName()) : QString());
        }
        const auto pageOf = [&](QPDFObjectHandle pg) {
            return pg.isDictionary() ? pageIndex.value(QString::fromStdString(pg.getObjGen().unparse()), -1) : -1;
        };
        QPDFObjectHandle root = t.catalogue.getKey("/StructTreeRoot");
        if (!root.isDictionary()) {
            t.error = QStringLiteral("no StructTreeRoot");
            return t;
        }
        // Marked content by page and MCID.
        QVector<QHash<int, Marked>> byMcid(t.pages.size());
        for (int p = 0; p < t.pages.size(); ++p) {
            for (const Marked &m : t.pages.at(p)) {
                if (m.mcid >= 0)
                    byMcid[p].insert(m.mcid, m);
            }
        }
        std::function<void(QPDFObjectHandle, int, int)> walk = [&](QPDFObjectHandle elem, int depth, int parent) {
            Node n;
            n.role = QString::fromStdString(elem.getKey("/S").getName()).mid(1);
            n.depth = depth;
            n.parent = parent;
            n.alt = str(elem.getKey("/Alt"));
            n.lang = str(elem.getKey("/Lang"));
            n.objgen = elem.getObjGen();
            const int page = pageOf(elem.getKey("/Pg"));
            const int index = int(t.nodes.size());
            t.nodes.append(n);
            QPDFObjectHandle k = elem.getKey("/K");
            std::vector<QPDFObjectHandle> kids;
            if (k.isArray())
                kids = k.getArrayAsVector();
            else if (!k.isNull())
                kids.push_back(k);
            const auto addMc = [&](int pg, int mcid) {
                Node &self = t.nodes[index];
                self.mc.append({pg, mcid});
                const Marked m = pg >= 0 ? byMcid.value(pg).value(mcid) : Marked{};
                self.texts << m.actualText;
                self.langs << m.lang;
            };
            for (QPDFObjectHandle kid : kids) {
                if (kid.isInteger()) {
                    addMc(page, kid.getIntValueAsInt());
                } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
                    addMc(pageOf(kid.getKey("/Pg")), kid.getKey("/MCID").getIntValueAsInt());
                } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
                    t.nodes[index].widgets.append(kid.getKey("/Obj"));
                } else if (kid.isDictionary()) {
                    walk(kid, depth + 1, index);
                }
            }
        };
        QPDFObjectHandle top = root.getKey("/K");
        if (top.isArray()) {
            for (QPDFObjectHandle kid : top.getArrayAsVector())
                walk(kid, 0, -1);
        } else {
            walk(top, 0, -1);
        }
        QPDFObjectHandle nums = root.getKey("/ParentTree").getKey("/Nums");
        for (int i = 0; nums.isArray() && i + 1 < nums.getArrayNItems(); i += 2) {
            const int key = nums.getArrayItem(i).getIntValueAsInt();
            QPDFObjectHandle value = nums.getArrayItem(i + 1);
            const int page = int(t.structParents.indexOf(key));
            if (value.isArray() && page >= 0) {
                for (int m = 0; m < value.getArrayNItems(); ++m)
                    t.parentTree[{page, m}] = value.getArrayItem(m).getObjGen();
            } else if (value.isDictionary()) {
                t.annotParents[key] = value.getObjGen();
            }
        }
    } catch (const std::exception &e) {
        t.error = QString::fromLocal8Bit(e.what());
    }
    return t;
}

/// Poppler's text of every page (what a reader's copy and search see).
QString popplerText(const QByteArray &pdf)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return {};
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += doc->page(i)->text(QRectF()) + QLatin1Char('\n');
    return text;
}

QString simplified(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.simplified();
}

/// Runs a checking tool; returns its exit code and output (stdout and stderr), or -2 when it is not installed.
int runTool(const QString &program, const QStringList &args, QString *output)
{
    if (QStandardPaths::findExecutable(program).isEmpty())
        return -2;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return -1;
    *output = QString::fromLocal8Bit(p.readAll());
    return p.exitCode();
}

} // namespace

class TestPdfTags : public QObject
{
    Q_OBJECT

    Template m_template;
    Answers m_answers;

    QByteArray render(const Answers *answers, const RenderOptions &options)
    {
        QByteArray pdf;
        QString error;
        if (!renderPdf(m_template, answers, options, &pdf, &error))
            qWarning("%s", qPrintable(error));
        return pdf;
    }

    static RenderOptions optionsFor(int profile, const QStringList &langs)
    {
        RenderOptions options;
        options.profile = PrintProfile(profile);
        options.languages = langs;
        options.produced = QDate(2026, 11, 20);
        return options;
    }

    /// The questions a reader meets, in order: "N." and the label in every printed language.
    QVector<QPair<QString, QStringList>> expectedQuestions(const Answers *answers, const QStringList &langs,
                                                           bool easy) const
    {
        const QMap<QString, int> numbers = m_template.questionNumbers();
        QVector<QPair<QString, QStringList>> out;
        for (const Section &s : m_template.sections) {
            if (answers && !isShown(m_template, s, *answers))
                continue;
            for (const Item &item : s.items) {
                if (item.type == ItemType::Info || (answers && !isShown(m_template, item, *answers)))
                    continue;
                QStringList labels;
                for (const QString &l : langs) {
                    const QString lang =
                        easy && l == QLatin1String("en") && m_template.languages.contains(QStringLiteral("en-x-easy"))
                            ? QStringLiteral("en-x-easy")
                            : l;
                    labels << localizedLabel(m_template, item, lang);
                }
                out.append({QStringLiteral("%1.").arg(numbers.value(item.id)), labels});
            }
        }
        return out;
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

    /// Easy read: every picture slot is a Figure with alternative text naming its question.
    void easyReadFigures()
    {
        const RenderOptions options = optionsFor(int(PrintProfile::Easy), {"en"});
        const Layout layout = layoutForm(m_template, &m_answers, options);
        int pictureSlots = 0;
        for (const LayoutPage &page : layout.pages) {
            for (const LayoutBox &b : page.boxes)
                pictureSlots += b.role == BoxRole::Figure ? 1 : 0;
        }
        QVERIFY(pictureSlots > 10);
        const Tagged t = readTagged(render(&m_answers, options));
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        const QVector<const Node *> figures = t.withRole(QStringLiteral("Figure"));
        QCOMPARE(figures.size(), pictureSlots);
        int numbered = 0;
        for (const Node *f : figures) {
            QVERIFY2(f->alt.startsWith(QStringLiteral("Picture space")), qPrintable(f->alt));
            QCOMPARE(f->mc.size(), 1); // the dashed square is the figure's content
            // In a question's group, the alt text names the question's number.
            const int div = f->parent;
            const int heading = div + 1;
            if (heading < t.nodes.size() && t.nodes.at(heading).role == QLatin1String("H2")) {
                const QString number = t.nodes.at(heading).texts.first();
                QCOMPARE(f->alt, QStringLiteral("Picture space for question %1").arg(number.chopped(1)));
                ++numbered;
            }
        }
        QVERIFY(numbered > 10);
    }

    /// The catalogue says the PDF is tagged, in which language, and to show the title; pages tab in structure
    /// order; /Info and the XMP metadata have the title.
    void catalogueAndMetadata()
    {
        const QByteArray pdf = render(&m_answers, optionsFor(int(PrintProfile::Standard), {"en"}));
        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QVERIFY(t.catalogue.getKey("/MarkInfo").getKey("/Marked").isBool());
        QVERIFY(t.catalogue.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
        QCOMPARE(str(t.catalogue.getKey("/Lang")), QStringLiteral("en-GB"));
        QVERIFY(t.catalogue.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
        const QString title = localizedTitle(m_template, QStringLiteral("en"));
        QCOMPARE(str(t.info.getKey("/Title")), title);
        QPDFObjectHandle meta = t.catalogue.getKey("/Metadata");
        QVERIFY(meta.isStream());
        const std::shared_ptr<Buffer> xmp = meta.getStreamData();
        const QString xml =
            QString::fromUtf8(reinterpret_cast<const char *>(xmp->getBuffer()), qsizetype(xmp->getSize()));
        QVERIFY2(xml.contains(QStringLiteral("<dc:title>")) && xml.contains(title), qPrintable(xml));
        for (int p = 0; p < t.pages.size(); ++p) {
            QCOMPARE(t.tabs.at(p), QStringLiteral("/S"));
            QCOMPARE(t.structParents.at(p), p);
        }
        QCOMPARE(t.catalogue.getKey("/StructTreeRoot").getKey("/ParentTreeNextKey").getIntValueAsInt(),
                 int(t.pages.size()));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->title(), title);
    }

    /// Poppler (copy, search, pdftotext) still reads the labels with their spaces.
    void textExtractionKeepsSpaces()
    {
        for (const QStringList &langs : {QStringList{"en"}, QStringList{"en", "cy"}}) {
            const QByteArray pdf = render(nullptr, optionsFor(int(PrintProfile::Standard), langs));
            const QString text = simplified(popplerText(pdf));
            for (const auto &q : expectedQuestions(nullptr, langs, false)) {
                for (const QString &label : q.second)
                    QVERIFY2(text.contains(simplified(label)), qPrintable(label));
            }
            QVERIFY(text.contains(QStringLiteral("Page 1 of")));
        }
    }

    /// qpdf finds nothing wrong and pdfinfo calls each PDF tagged; PDF/A keeps Qt's metadata, with the title.
    void checkingToolsAgree()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct Case
        {
            const char *name;
            bool filled;
            int profile;
            QStringList langs;
            bool pdfA;
        };
        const Case cases[] = {{"blank", false, 0, {"en"}, false},          {"filled", true, 0, {"en"}, false},
                              {"large", true, 1, {"en"}, false},           {"easy", true, 2, {"en"}, false},
                              {"bilingual", true, 0, {"en", "cy"}, false}, {"pdfa", true, 0, {"en"}, true}};
        for (const Case &c : cases) {
            RenderOptions options = optionsFor(c.profile, c.langs);
            options.pdfA = c.pdfA;
            const QByteArray pdf = render(c.filled ? &m_answers : nullptr, options);
            const QString path = dir.filePath(QString::fromLatin1(c.name) + QStringLiteral(".pdf"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(pdf);
            f.close();
            QString out;
            const int check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), path}, &out);
            QVERIFY2(check != -2, "qpdf is not installed: run scripts/deps.sh");
            QVERIFY2(check == 0 && !out.contains(QStringLiteral("WARNING")), qPrintable(c.name + out));
            const int info = runTool(QStringLiteral("pdfinfo"), {path}, &out);
            QVERIFY2(info != -2, "pdfinfo is not installed: run scripts/deps.sh (it installs poppler-utils)");
            QVERIFY2(info == 0 && out.contains(QRegularExpression(QStringLiteral("Tagged:\\s+yes"))),
                     qPrintable(c.name + out));
            QVERIFY(pdf.startsWith(c.pdfA ? "%PDF-1.4" : "%PDF-1.5")); // marked content with /ActualText: 1.5
            if (c.pdfA) {
                const Tagged t = readTagged(pdf);
                const std::shared_ptr<Buffer> xmp = t.catalogue.getKey("/Metadata").getStreamData();
                const QString xml =
                    QString::fromUtf8(reinterpret_cast<const char *>(xmp->getBuffer()), qsizetype(xmp->getSize()));
                QVERIFY(xml.contains(QStringLiteral("pdfaid:part=\"1\"")));
                QVERIFY(xml.contains(QStringLiteral("<dc:title>")));
                QVERIFY(xml.contains(str(t.info.getKey("/Title"))));
                QVERIFY(!t.catalogue.getKey("/Metadata").getDict().hasKey("/Filter")); // PDF/A-1: not filtered
            }
        }
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

    /// The What changed PDF is tagged too: its title, a heading for each change, the footer an artifact.
    void whatChangedTagged()
    {
        TemplateDiff d;
        d.templateId = QStringLiteral("chc-review");
        d.title = QStringLiteral("NHS Continuing Healthcare review");
        d.fromVersion = 1;
        d.toVersion = 2;
        for (int i = 0; i < 12; ++i) {
            ItemDiff item;
            item.itemId = QStringLiteral("q-%1").arg(i);
            item.labelAfter = QStringLiteral("What is going well with your care, part %1?").arg(i);
            item.changes = {ItemDiff::Change::Reworded};
            item.details = {QStringLiteral("Label: \u201cOld words\u201d became \u201cWhat is going well with your "
                                           "care?\u201d, which is long enough a line to wrap onto a second line")};
            item.authors = {QStringLiteral("Colin")};
            item.notes = {{DiffNote::Kind::Comment, QStringLiteral("Rita"),
                           QDateTime(QDate(2026, 11, 19), QTime(10, 0)),
                           QStringLiteral("People told us this sounded like a test.")}};
            d.items.append(item);
        }
        QByteArray pdf;
        QString error;
        QVERIFY2(writeWhatChangedPdf(d, {QDate(2026, 11, 26)}, &pdf, &error), qPrintable(error));
        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QVERIFY(t.pages.size() >= 2);
        QCOMPARE(str(t.catalogue.getKey("/Lang")), QStringLiteral("en-GB"));
        QCOMPARE(t.withRole(QStringLiteral("H1")).size(), 1);
        QCOMPARE(t.withRole(QStringLiteral("H1")).first()->text(), QStringLiteral("What changed"));
        const QVector<const Node *> h2 = t.withRole(QStringLiteral("H2"));
        QCOMPARE(h2.size(), 12);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(h2.at(i)->text(), QStringLiteral("What is going well with your care, part %1?").arg(i));
        // A wrapped paragraph is one P, its lines in order.
        bool wrapped = false;
        for (const Node &n : t.nodes)
            wrapped = wrapped
                      || (n.role == QLatin1String("P") && n.texts.size() >= 2
                          && n.text().startsWith(QStringLiteral("Label: \u201cOld words\u201d")));
        QVERIFY(wrapped);
        const QString structText = simplified(t.allText());
        QVERIFY(structText.contains(QStringLiteral("People told us this sounded like a test.")));
        QVERIFY(!structText.contains(QStringLiteral("Page 1 of")));
        QVERIFY(simplified(popplerText(pdf)).contains(QStringLiteral("Page 1 of")));
        for (int p = 0; p < t.pages.size(); ++p)
            QCOMPARE(t.textOutside.at(p), 0);
    }

    /// What cannot be tagged is an error in words naming the document, never a crash.
    void errorsNameTheDocument()
    {
        QByteArray notPdf("this is not a PDF");
        QString error;
        QVERIFY(!runPdfPasses(&notPdf, {}, QStringLiteral("the test file"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("the test file: ")), qPrintable(error));

        const RenderOptions options = optionsFor(int(PrintProfile::Standard), {"en"});
        const Layout layout = layoutForm(m_template, nullptr, options);
        const PrintStyle style(options.profile, options.paper);
        QByteArray pdf;
        QVERIFY(PdfWriter(style).write(layout, &pdf, &error));
        const QVector<PageDrawLog> tooShort(1);
        const TagOptions tags{layout.title, layout.language, false};
        error.clear();
        QVERIFY(!runPdfPasses(&pdf, {[&](QPDF &q, QString *e) { return tagPdf(q, tooShort, tags, e); }},
                              QStringLiteral("the test form"), &error));
        QVERIFY2(error.contains(QStringLiteral("the test form")) && error.contains(QStringLiteral("pages")),
                 qPrintable(error));

        // Content that cannot be read: an unclosed text object.
        QPDF q;
        q.emptyPDF();
        QPDFObjectHandle page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 200] >>");
        page.replaceKey("/Contents", q.newStream("BT /F1 12 Tf 10 10 Td (x) Tj"));
        page.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
        QPDFPageDocumentHelper(q).addPage(QPDFPageObjectHelper(q.makeIndirectObject(page)), false);
        QVERIFY(!tagPdf(q, QVector<PageDrawLog>(1), tags, &error));
        QVERIFY2(error.startsWith(QStringLiteral("page 1: ")), qPrintable(error));
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
