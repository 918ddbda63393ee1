// Shared by the tagged PDF tests: reads a PDF's structure tree and marked content back with libqpdf, and renders
// the bundled template with its long answers.
#pragma once

#include "check/answervalidation.h"
#include "format/templateformat.h"
#include "pdf/renderer.h"

#include <poppler-qt6.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>

#include <functional>
#include <map>
#include <memory>

namespace coform::test {

inline QString bundledPath()
{
    return QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
}

inline QString longAnswersPath()
{
    return QStringLiteral(COFORM_TEST_DATA_DIR "/pdf/chc-review-long-answers.json");
}

inline QString str(QPDFObjectHandle o)
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

inline Tagged readTagged(const QByteArray &pdf)
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
inline QString popplerText(const QByteArray &pdf)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    if (!doc)
        return {};
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += doc->page(i)->text(QRectF()) + QLatin1Char('\n');
    return text;
}

inline QString simplified(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.simplified();
}

/// Runs a checking tool; returns its exit code and output (stdout and stderr), or -2 when it is not installed.
inline int runTool(const QString &program, const QStringList &args, QString *output)
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

/// The bundled template and its long answers, rendered as the tests ask.
class PdfTagsFixture : public QObject
{
protected:
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
};

} // namespace coform::test
