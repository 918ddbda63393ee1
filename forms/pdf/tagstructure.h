#pragma once

#include "pdf/pdfwriter.h"

#include <QByteArray>
#include <QHash>
#include <QRectF>
#include <QString>
#include <QVector>

#include <utility>
#include <vector>

namespace coform {

/// The structure tree of a tagged PDF, planned from the draw log before the page content is read (see tagPdf()).
namespace Tagging {

/// What a drawn thing that is not content is marked as: layout, or pagination (running header, footer, repeated
/// table header).
enum class Artifact { None, Layout, Header, Footer, Pagination };

/// What one drawn box becomes: content of a structure element, an artifact, or nothing (empty text).
struct Mark
{
    int elem = -1;
    Artifact artifact = Artifact::None;
};

struct Kid
{
    int elem = -1;  ///< a child element
    int page = -1;  ///< a marked-content reference on this page
    int mcid = -1;  ///<   with this id
    int annot = -1; ///< an object reference to this widget annotation (an index the tagging pass keeps)
};

struct Elem
{
    QByteArray type;
    int parent = -1;
    std::vector<Kid> kids;
    QString alt;
    QString altLang; ///< Figure: the language of `alt` (a BCP 47 tag)
    QString lang;    ///< of all its text, when the same
    bool hasText = false;
    bool mixedLang = false;
    int bboxPage = -1;
    QRectF bbox; ///< Figure: the picture slot (points, origin top-left)
};

/// Builds the structure tree: Document, H1 title, Sect per section, Div per item, and the elements inside them (see
/// docs/pdf.md), from the roles and item ids of the drawn boxes.
class Structure
{
public:
    explicit Structure(const QString &docLang);

    std::vector<Elem> elems;
    QHash<QString, int> divs; ///< item id -> the item's group element

    /// Adds an element of `type` as the last child of `parent` (-1: the root); returns its index.
    int add(const QByteArray &type, int parent);
    /// The language tag to write for a box's text: empty when it is the document's.
    QString langOf(const DrawnBox &b) const;
    /// Adds marked content `mcid` of `page` to `elem`, in language `lang` (empty: the document's).
    void addContent(int elem, int page, int mcid, const QString &lang);
    /// Decides for every box of the log what it becomes.
    QVector<QVector<Mark>> plan(const QVector<PageDrawLog> &log);

private:
    int container(const QString &itemId);
    int paragraph(const DrawnBox &b, int parent, const QByteArray &type);
    void startItem(const QString &itemId);
    Mark planBox(const DrawnBox &b, int page);

    QString m_docLang;
    int m_doc = -1;
    int m_sect = -1;
    QString m_sectId;
    QHash<QString, int> m_headings, m_lists, m_tables; // index + 1, 0 when none yet
    int m_li = -1, m_lbl = -1, m_lbody = -1;
    QString m_liItem;
    int m_tr = -1, m_cell = -1, m_rowPage = -1;
    qreal m_rowTop = 0;
    QString m_rowItem;
    int m_last = -1;
    BoxRole m_lastRole = BoxRole::Decoration;
    QString m_lastItem, m_lastLang;
    bool m_lastContinued = false;
};

/// The picture a path or image drawn within `bounds` (points, origin top-left) belongs to: a Figure whose box holds
/// it (a picture is many paths, each marked as part of its Figure). -1 when none does.
int figureAt(const PageDrawLog &boxes, const QRectF &bounds);

/// The operator that opens the marked content of artifact `a` (a layout artifact when None).
const char *artifactOpen(Artifact a);

} // namespace Tagging
} // namespace coform
