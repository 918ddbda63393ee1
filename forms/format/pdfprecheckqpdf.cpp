// The qpdf half of the PDF precheck: in the PDF passes module (pdf/pdfpasses.h), called through precheckPdf().
#include "format/pdfprecheck.h"

// qpdf 11: use std::shared_ptr, not its old PointerHolder (and say so, or its headers warn).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <QFile>

#include <algorithm>
#include <exception>
#include <map>
#include <set>

namespace coform {

namespace {

constexpr int radioFlag = 1 << 15;

/// Counts the leaves reachable from a node, each path once (as poppler expands the tree), saturating at `cap`.
/// Memoised by object, so a tree of shared kids is counted in time linear in its distinct nodes.
class PathCounter
{
public:
    PathCounter(qint64 cap, int maxDepth)
        : m_cap(cap)
        , m_maxDepth(maxDepth)
    {}

    /// -1 when the tree is not a tree (a loop) or is too deep.
    qint64 count(QPDFObjectHandle node, int depth)
    {
        if (depth > m_maxDepth) {
            m_problem = QStringLiteral("its field tree is more than %1 levels deep").arg(m_maxDepth);
            return -1;
        }
        if (!node.isDictionary())
            return 0;
        const QPDFObjGen og = node.getObjGen();
        const bool indirect = node.isIndirect();
        if (indirect) {
            if (auto it = m_done.find(og); it != m_done.end())
                return it->second;
            if (m_active.count(og)) {
                m_problem =
                    QStringLiteral("its field tree contains a loop (object %1 is its own ancestor)").arg(og.getObj());
                return -1;
            }
            if (++m_nodes > 200000) {
                m_problem = QStringLiteral("its field tree has more than 200000 objects");
                return -1;
            }
            m_active.insert(og);
        }
        qint64 total = 0;
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (!kids.isArray() || kids.getArrayNItems() == 0) {
            total = 1;
        } else {
            const int n = kids.getArrayNItems();
            for (int i = 0; i < n && total < m_cap; ++i) {
                const qint64 c = count(kids.getArrayItem(i), depth + 1);
                if (c < 0)
                    return -1;
                total = std::min(m_cap, total + c);
            }
        }
        if (indirect) {
            m_active.erase(og);
            m_done[og] = total;
        }
        return total;
    }
    QString problem() const { return m_problem; }

private:
    qint64 m_cap;
    int m_maxDepth;
    qint64 m_nodes = 0;
    std::map<QPDFObjGen, qint64> m_done;
    std::set<QPDFObjGen> m_active;
    QString m_problem;
};

QString text(QPDFObjectHandle o)
{
    if (o.isString())
        return QString::fromStdString(o.getUTF8Value());
    if (o.isName())
        return QString::fromStdString(o.getName()).mid(1);
    return {};
}

/// The value of a key on a field or the nearest ancestor that has it (fields inherit /Ff and /Opt), and the fully
/// qualified name from the /T of the node and its ancestors. /Fields may list widgets whose field is their /Parent.
struct Inherited
{
    QString name;
    int flags = 0;
    QPDFObjectHandle opt = QPDFObjectHandle::newNull();
};

Inherited inheritedOf(QPDFObjectHandle node, int maxDepth)
{
    Inherited out;
    bool haveFlags = false;
    std::set<QPDFObjGen> seen;
    for (int level = 0; node.isDictionary() && level < maxDepth; ++level) {
        if (node.isIndirect() && !seen.insert(node.getObjGen()).second)
            break; // a /Parent loop
        const QString partial = text(node.getKey("/T"));
        if (!partial.isEmpty())
            out.name = out.name.isEmpty() ? partial : partial + QLatin1Char('.') + out.name;
        if (!haveFlags && node.getKey("/Ff").isInteger()) {
            out.flags = node.getKey("/Ff").getIntValueAsInt();
            haveFlags = true;
        }
        if (out.opt.isNull() && node.getKey("/Opt").isArray())
            out.opt = node.getKey("/Opt");
        node = node.getKey("/Parent");
    }
    return out;
}

/// Collects hints once the tree is known to be small: the labels of radio buttons, leaf by leaf.
void collectHints(QPDFObjectHandle node, int maxDepth, int depth, PdfPrecheck *out)
{
    if (!node.isDictionary() || depth > maxDepth)
        return;
    QPDFObjectHandle kids = node.getKey("/Kids");
    if (kids.isArray() && kids.getArrayNItems() > 0) {
        for (int i = 0; i < kids.getArrayNItems(); ++i)
            collectHints(kids.getArrayItem(i), maxDepth, depth + 1, out);
        return;
    }
    Inherited field = inheritedOf(node, maxDepth);
    // Required (bit 2 of /Ff) and the longest text (/MaxLen, inherited like /Ff): poppler-qt6 gives neither.
    if (field.flags & 2)
        out->hints[field.name].required = true;
    for (QPDFObjectHandle n = node; n.isDictionary(); n = n.getKey("/Parent")) {
        if (n.getKey("/MaxLen").isInteger()) {
            out->hints[field.name].maxLength = n.getKey("/MaxLen").getIntValueAsInt();
            break;
        }
        if (n.getKey("/T").isString() && n.getKey("/Parent").isNull())
            break;
        if (out->hints.size() > 100000)
            break;
    }
    if (!(field.flags & radioFlag))
        return;
    // A radio button's "on" appearance state names its choice; /Opt, when there, holds the labels by position.
    int index = -1;
    QPDFObjectHandle siblings = node.getKey("/Parent").getKey("/Kids");
    for (int i = 0; siblings.isArray() && i < siblings.getArrayNItems(); ++i) {
        if (siblings.getArrayItem(i).isIndirect() && node.isIndirect()
            && siblings.getArrayItem(i).getObjGen() == node.getObjGen())
            index = i;
    }
    QPDFObjectHandle normal = node.getKey("/AP").getKey("/N");
    if (!normal.isDictionary())
        return;
    QStringList &options = out->hints[field.name].radioOptions;
    for (const std::string &key : normal.getKeys()) {
        if (key == "/Off")
            continue;
        QString label = QString::fromStdString(key).mid(1);
        bool numeric = false;
        const int stateIndex = label.toInt(&numeric);
        // By convention the on-state of a button with /Opt is its index there ("/0", "/1"); else its position.
        const int at = numeric ? stateIndex : index;
        if (field.opt.isArray() && at >= 0 && at < field.opt.getArrayNItems()) {
            QPDFObjectHandle o = field.opt.getArrayItem(at);
            label = text(o.isArray() ? o.getArrayItem(1) : o);
        }
        if (!label.isEmpty() && !options.contains(label))
            options << label;
    }
}

} // namespace

PdfPrecheck precheckPdfWithQpdf(const QString &path, int maxFields, int maxDepth)
{
    PdfPrecheck out;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        try {
            pdf.processFile(QFile::encodeName(path).constData(), "");
        } catch (const QPDFExc &e) {
            out.refused = true;
            out.damaged = e.getErrorCode() != qpdf_e_password;
            out.reason = e.getErrorCode() == qpdf_e_password
                             ? QStringLiteral("the PDF is protected by a password; open it, save an unprotected copy "
                                              "and import that")
                             : damagedReason();
            return out;
        }
        out.encrypted = pdf.isEncrypted();
        QPDFObjectHandle acroForm = pdf.getRoot().getKey("/AcroForm");
        if (!acroForm.isDictionary()) {
            out.refused = true;
            out.reason = noFieldsReason();
            return out;
        }
        out.xfa = acroForm.hasKey("/XFA");
        QPDFObjectHandle fields = acroForm.getKey("/Fields");
        PathCounter counter(qint64(maxFields) + 1, maxDepth);
        qint64 total = 0;
        if (fields.isArray()) {
            for (int i = 0; i < fields.getArrayNItems() && total <= maxFields; ++i) {
                const qint64 c = counter.count(fields.getArrayItem(i), 1);
                if (c < 0) {
                    out.refused = true;
                    out.reason = QStringLiteral("the PDF's form is malformed: %1").arg(counter.problem());
                    return out;
                }
                total += c;
            }
        }
        if (total > maxFields) {
            out.refused = true;
            out.reason = QStringLiteral("the PDF's form is malformed or too large: its field tree expands to more "
                                        "than %1 fields (fields shared between parents)")
                             .arg(maxFields);
            return out;
        }
        out.fieldCount = int(total);
        if (total == 0 && out.xfa) {
            out.refused = true;
            out.reason = QStringLiteral("the PDF is an XFA form (made with LiveCycle Designer), which Coform cannot "
                                        "read; save it as a standard (AcroForm) PDF form and import that");
            return out;
        }
        for (int i = 0; fields.isArray() && i < fields.getArrayNItems(); ++i)
            collectHints(fields.getArrayItem(i), maxDepth, 1, &out);
    } catch (const std::exception &e) {
        // qpdf's messages start with the file name, which the report line already gives.
        QString what = QString::fromUtf8(e.what());
        if (what.startsWith(path + QLatin1String(": ")))
            what = what.mid(path.size() + 2);
        (void)what; // qpdf's own words mean nothing to the person importing; the advice does
        out.refused = true;
        out.damaged = true;
        out.reason = damagedReason();
    } catch (...) {
        out.refused = true;
        out.reason = QStringLiteral("the PDF cannot be read");
    }
    return out;
}

} // namespace coform
