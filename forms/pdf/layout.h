#pragma once

#include "model/picture.h"
#include "pdf/glyphrun.h"

#include <QMap>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

namespace coform {

/// What a box on a page is. Writers draw by `BoxKind`; tagging and form fields read the role.
enum class BoxRole {
    Header,         ///< running header (title, person, marking): an artifact, not content
    Footer,         ///< running footer (page N of M, template id and version, date)
    Title,          ///< the form's title on the first page
    Notice,         ///< "available in other formats"
    Heading,        ///< a section heading
    SectionHelp,    ///< a section's introduction
    Condition,      ///< when a question or section applies, in words (blank forms)
    QuestionNumber, ///< "12"
    Label,          ///< a question's label (also the "continued" label at the top of a page)
    Help,           ///< a question's help text
    Info,           ///< an info item's text
    Answer,         ///< a written answer (text, date, number, signature name/date)
    NotAnswered,    ///< "Not answered"
    TickBox,        ///< an option's box, ticked when chosen
    OptionLabel,    ///< an option's label (and a scale level's description)
    WriteIn,        ///< a space to write in by hand (blank forms)
    TableHeader,    ///< a table's header cell (repeated on each page)
    TableCell,      ///< a table's body cell
    Signature,      ///< the signature box
    Figure,         ///< a picture beside a question, heading or option (easy read)
    Decoration,     ///< rules and frames that carry no meaning
};
QString boxRoleName(BoxRole role);

/// How a box is drawn.
enum class BoxKind {
    Text,    ///< one line of text, drawn at `baseline` below the top of `rect`
    Frame,   ///< a stroked rectangle
    Fill,    ///< a filled rectangle (background band)
    Rule,    ///< a horizontal line along the bottom of `rect`
    Tick,    ///< a tick box: a square, with a tick when `checked`
    Picture, ///< a picture (`picture` names it in Layout::pictures), or an empty slot to draw in: a dashed square
};

/// Text styles; a print profile gives each a font and colour.
enum class TextStyle { Title, Heading, Label, Body, BodyBold, Help, Header, HeaderBold, Footer, Number, Tick };

/// One positioned box on a page. `rect` is in points, origin at the page's top-left corner, y downwards.
struct LayoutBox
{
    BoxRole role = BoxRole::Decoration;
    BoxKind kind = BoxKind::Text;
    TextStyle style = TextStyle::Body;
    QRectF rect;
    QString text;           ///< Text: the line; Picture: its alternative text
    QString picture;        ///< Picture: the key of the picture in Layout::pictures; empty for an empty slot
    qreal baseline = 0;     ///< Text: from rect.top()
    QString itemId;         ///< the item (or section) the box belongs to; empty for page furniture
    QString lang;           ///< language of the text (BCP 47, "en", "cy")
    bool checked = false;   ///< Tick: ticked; Frame: the chosen scale level
    bool continued = false; ///< repeated at the top of a page because the item continues there
    qreal lineWidth = 0.75; ///< Frame, Rule, Tick
    int grey = 0;           ///< Fill: grey level, 0 black to 255 white
    /// Text: the line as the layout shaped it, glyph positions from the start of its baseline, so that drawing does
    /// not shape it again (a quarter of a render's time). Empty: drawn from `text`.
    QList<GlyphRun> glyphs;
};

struct LayoutPage
{
    QVector<LayoutBox> boxes; ///< in drawing and reading order
};

/// A form laid out on pages.
struct Layout
{
    QSizeF pageSize;  ///< points
    QString title;    ///< document title
    QString language; ///< document language (BCP 47)
    QVector<LayoutPage> pages;
    QMap<QString, Picture> pictures; ///< the pictures the pages draw, by key (pictureKey())
    /// Text was left out: it needs Qt to lay it out (TextFallback), and this layout was made without.
    bool needsQt = false;
};

} // namespace coform
