#define POINTERHOLDER_TRANSITION 4
#include "pdf/pdffields.h"

#include "pdf/fieldfont.h"
#include "pdf/phrases.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <QHash>
#include <QMap>

#include <algorithm>
#include <exception>
#include <string>

namespace coform {

namespace {

using Handle = QPDFObjectHandle;

constexpr const char *FontResource = "/CoSans";
constexpr int FlagMultiline = 1 << 12;
constexpr int FlagNoToggleToOff = 1 << 14;
constexpr int FlagRadio = 1 << 15;
constexpr int AnnotPrint = 4;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

Handle name(const char *n)
{
    return Handle::newName(n);
}

/// "/n" as qpdf spells a name or a dictionary key. (Built by QString: GCC 12 warns, wrongly, about "/" + std::string.)
std::string nameKey(const QString &n)
{
    return utf8(QLatin1Char('/') + n);
}

Handle text(const QString &s)
{
    return Handle::newUnicodeString(utf8(s));
}

Handle real(qreal v)
{
    return Handle::newReal(double(v), 2, true);
}

QString number(qreal v)
{
    return QString::number(v, 'f', 2);
}

/// Where an answer goes on a page: a box PdfWriter drew, with its position in the page's drawing order.
struct Place
{
    int page = 0;
    int order = 0; ///< index in the page's draw log
    QRectF rect;   ///< points, top-left origin
    BoxKind kind = BoxKind::Frame;
    QString value; ///< tick boxes: the option value
};

/// A widget annotation to list in a page's /Annots.
struct PlacedWidget
{
    int order = 0;
    Handle widget;
};

class FieldBuilder
{
public:
    FieldBuilder(QPDF &pdf, std::vector<QPDFPageObjectHelper> pages, Handle font, const FieldOptions &o)
        : m_pdf(pdf)
        , m_pages(std::move(pages))
        , m_font(font)
    {
        m_da = utf8(QStringLiteral("/CoSans %1 Tf 0 g").arg(number(o.fontSize)));
        m_fontResources = Handle::newDictionary();
        Handle fonts = Handle::newDictionary();
        fonts.replaceKey(FontResource, m_font);
        m_fontResources.replaceKey("/Font", fonts);
    }

    Handle fields() const { return m_fields; }
    const QMap<int, QVector<PlacedWidget>> &widgets() const { return m_widgets; }
    QString defaultAppearance() const { return QString::fromStdString(m_da); }

    /// A top-level field (appended to /AcroForm /Fields).
    void addTopLevel(Handle field) { m_fields.appendItem(field); }

    /// A dictionary for a field; `parent` null for a top-level one.
    Handle field(const QString &partialName, const QString &tooltip, Handle parent)
    {
        Handle f = Handle::newDictionary();
        f.replaceKey("/T", text(partialName));
        if (!tooltip.isEmpty())
            f.replaceKey("/TU", text(tooltip));
        if (parent.isInitialized()) {
            f.replaceKey("/Parent", parent);
            Handle kids = parent.getKey("/Kids");
            if (!kids.isArray()) {
                kids = Handle::newArray();
                parent.replaceKey("/Kids", kids);
            }
        }
        return f;
    }

    /// Makes `dict` indirect and, when it has a parent, lists it among the parent's kids.
    Handle commit(Handle dict)
    {
        Handle made = m_pdf.makeIndirectObject(dict);
        if (made.hasKey("/Parent"))
            made.getKey("/Parent").getKey("/Kids").appendItem(made);
        return made;
    }

    /// Adds widget entries (rectangle, page, print flag) to `dict` for a place.
    void makeWidget(Handle dict, const Place &place)
    {
        dict.replaceKey("/Type", name("/Annot"));
        dict.replaceKey("/Subtype", name("/Widget"));
        dict.replaceKey("/F", Handle::newInteger(AnnotPrint));
        dict.replaceKey("/P", m_pages.at(size_t(place.page)).getObjectHandle());
        const qreal h = pageHeight(place.page);
        Handle rect = Handle::newArray();
        rect.appendItem(real(place.rect.left()));
        rect.appendItem(real(h - place.rect.bottom()));
        rect.appendItem(real(place.rect.right()));
        rect.appendItem(real(h - place.rect.top()));
        dict.replaceKey("/Rect", rect);
    }

    void listWidget(Handle widget, const Place &place) { m_widgets[place.page].append({place.order, widget}); }

    /// A text field (terminal). With one place its widget is merged into it; with several each is a kid widget.
    void textField(const QString &partialName, const QString &tooltip, Handle parent, const QVector<Place> &places,
                   bool multiline)
    {
        Handle f = field(partialName, tooltip, parent);
        f.replaceKey("/FT", name("/Tx"));
        f.replaceKey("/DA", Handle::newString(m_da));
        f.replaceKey("/Ff", Handle::newInteger(multiline ? FlagMultiline : 0));
        if (places.size() == 1) {
            makeWidget(f, places.first());
            f.replaceKey("/AP", textAppearance(places.first().rect.size()));
            Handle made = commit(f);
            listWidget(made, places.first());
            if (!parent.isInitialized())
                addTopLevel(made);
            return;
        }
        Handle madeField = commit(f);
        if (!parent.isInitialized())
            addTopLevel(madeField);
        Handle kids = Handle::newArray();
        for (const Place &p : places) {
            Handle w = Handle::newDictionary();
            makeWidget(w, p);
            w.replaceKey("/Parent", madeField);
            if (!tooltip.isEmpty())
                w.replaceKey("/TU", text(tooltip)); // for viewers that read a widget's own tooltip
            w.replaceKey("/AP", textAppearance(p.rect.size()));
            Handle made = m_pdf.makeIndirectObject(w);
            kids.appendItem(made);
            listWidget(made, p);
        }
        madeField.replaceKey("/Kids", kids);
    }

    /// A check box (terminal field merged with its widget) whose "on" state is named `onState`.
    void checkBox(const QString &partialName, const QString &tooltip, Handle parent, const Place &place,
                  const QString &onState)
    {
        Handle f = field(partialName, tooltip, parent);
        f.replaceKey("/FT", name("/Btn"));
        f.replaceKey("/Ff", Handle::newInteger(0));
        f.replaceKey("/V", name("/Off"));
        makeWidget(f, place);
        f.replaceKey("/AS", name("/Off"));
        f.replaceKey("/AP", buttonAppearance(place.rect.size(), onState));
        Handle made = commit(f);
        listWidget(made, place);
        if (!parent.isInitialized())
            addTopLevel(made);
    }

    /// A radio button group: one field, a kid widget for each place, "on" states named by the places' values.
    void radioGroup(const QString &partialName, const QString &tooltip, const QVector<Place> &places,
                    const QStringList &buttonTooltips)
    {
        Handle f = field(partialName, tooltip, Handle());
        f.replaceKey("/FT", name("/Btn"));
        f.replaceKey("/Ff", Handle::newInteger(FlagRadio | FlagNoToggleToOff));
        f.replaceKey("/V", name("/Off"));
        Handle madeField = commit(f);
        addTopLevel(madeField);
        Handle kids = Handle::newArray();
        for (const Place &p : places) {
            Handle w = Handle::newDictionary();
            makeWidget(w, p);
            w.replaceKey("/Parent", madeField);
            w.replaceKey("/AS", name("/Off"));
            w.replaceKey("/AP", buttonAppearance(p.rect.size(), p.value));
            // Each button says which answer it is (read by viewers that announce a widget's own tooltip).
            if (int(kids.getArrayNItems()) < buttonTooltips.size())
                w.replaceKey("/TU", text(buttonTooltips.at(kids.getArrayNItems())));
            Handle made = m_pdf.makeIndirectObject(w);
            kids.appendItem(made);
            listWidget(made, p);
        }
        madeField.replaceKey("/Kids", kids);
    }

    /// A non-terminal field that groups others (check boxes of one question, table rows, signature parts).
    Handle group(const QString &partialName, const QString &tooltip, Handle parent)
    {
        Handle f = field(partialName, tooltip, parent);
        f.replaceKey("/Kids", Handle::newArray());
        Handle made = commit(f);
        if (!parent.isInitialized())
            addTopLevel(made);
        return made;
    }

private:
    qreal pageHeight(int page) const
    {
        Handle box = m_pages.at(size_t(page)).getMediaBox();
        if (box.isRectangle()) {
            const QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
            return qreal(r.ury - r.lly);
        }
        return 841.89;
    }

    Handle formXObject(const QSizeF &size, const std::string &content, bool withFont)
    {
        Handle s = Handle::newStream(&m_pdf, content);
        Handle d = s.getDict();
        d.replaceKey("/Type", name("/XObject"));
        d.replaceKey("/Subtype", name("/Form"));
        Handle bbox = Handle::newArray();
        bbox.appendItem(Handle::newInteger(0));
        bbox.appendItem(Handle::newInteger(0));
        bbox.appendItem(real(size.width()));
        bbox.appendItem(real(size.height()));
        d.replaceKey("/BBox", bbox);
        d.replaceKey("/Resources", withFont ? m_fontResources : Handle::newDictionary());
        return s;
    }

    /// An empty text field's appearance: nothing drawn yet, the font ready for whoever fills it.
    Handle textAppearance(const QSizeF &size)
    {
        Handle ap = Handle::newDictionary();
        ap.replaceKey("/N", formXObject(size, "/Tx BMC\nEMC\n", true));
        return ap;
    }

    /// A tick (drawn as lines, so no font is needed) for the "on" state; nothing for "Off", so the printed box
    /// shows through.
    Handle buttonAppearance(const QSizeF &size, const QString &onState)
    {
        const qreal w = size.width();
        const qreal h = size.height();
        const std::string tick = utf8(QStringLiteral("q 0 G %1 w 1 J 1 j %2 %3 m %4 %5 l %6 %7 l S Q\n")
                                          .arg(number(qMax<qreal>(1.2, w * 0.11)), number(w * 0.2), number(h * 0.52),
                                               number(w * 0.42), number(h * 0.26), number(w * 0.82), number(h * 0.8)));
        Handle normal = Handle::newDictionary();
        normal.replaceKey(nameKey(onState), formXObject(size, tick, false));
        normal.replaceKey("/Off", formXObject(size, "", false));
        Handle ap = Handle::newDictionary();
        ap.replaceKey("/N", normal);
        return ap;
    }

    QPDF &m_pdf;
    mutable std::vector<QPDFPageObjectHelper> m_pages;
    Handle m_font;
    std::string m_da;
    Handle m_fontResources;
    Handle m_fields = Handle::newArray();
    QMap<int, QVector<PlacedWidget>> m_widgets;
};

QString tooltipOf(const Template &t, const Item &item, int number, const QStringList &languages)
{
    QStringList labels;
    for (const QString &lang : languages.isEmpty() ? QStringList{t.sourceLanguage()} : languages)
        labels << localizedLabel(t, item, lang).simplified();
    labels.removeDuplicates();
    const QString label = labels.join(QStringLiteral(" / "));
    return number > 0 ? QStringLiteral("%1. %2").arg(number).arg(label) : label;
}

QString joinedPhrase(Phrase p, const QStringList &languages)
{
    QStringList parts;
    for (const QString &lang : languages.isEmpty() ? QStringList{QStringLiteral("en")} : languages)
        parts << phrase(p, lang);
    parts.removeDuplicates();
    return parts.join(QStringLiteral(" / "));
}

QString optionLabelOf(const Template &t, const Item &item, const QString &value, const QStringList &languages)
{
    const Option *option = item.option(value);
    if (!option)
        return value;
    QStringList labels;
    for (const QString &lang : languages.isEmpty() ? QStringList{t.sourceLanguage()} : languages)
        labels << localizedOptionLabel(t, item, *option, lang).simplified();
    labels.removeDuplicates();
    return labels.join(QStringLiteral(" / "));
}

/// The places of one page grouped into one rectangle a page (the lines of a long answer).
QVector<Place> unitedByPage(const QVector<Place> &places)
{
    QVector<Place> out;
    for (const Place &p : places) {
        if (!out.isEmpty() && out.last().page == p.page)
            out.last().rect = out.last().rect.united(p.rect);
        else
            out.append(p);
    }
    return out;
}

bool build(QPDF &pdf, const QVector<PageDrawLog> &log, const Template &t, const FieldOptions &o, QString *error)
{
    QPDFPageDocumentHelper pageHelper(pdf);
    std::vector<QPDFPageObjectHelper> pages = pageHelper.getAllPages();
    if (pages.size() != size_t(log.size())) {
        *error = QStringLiteral("the PDF has %1 pages but %2 were drawn").arg(pages.size()).arg(log.size());
        return false;
    }
    Handle font;
    if (!makeFieldFont(pdf, o.fontFile, &font, error))
        return false;

    // Answer places of each item, in drawing order.
    QHash<QString, QVector<Place>> places;
    QHash<QString, QVector<Place>> tableCells; ///< tables without write-in cells: their cells
    for (int p = 0; p < log.size(); ++p) {
        const PageDrawLog &page = log.at(p);
        for (int i = 0; i < page.size(); ++i) {
            const DrawnBox &b = page.at(i);
            if (b.itemId.isEmpty())
                continue;
            const Place place{p, i, b.rect, b.kind, b.text};
            if (b.role == BoxRole::WriteIn || (b.role == BoxRole::TickBox && b.kind == BoxKind::Tick))
                places[b.itemId].append(place);
            else if (b.role == BoxRole::TableCell && b.kind == BoxKind::Frame)
                tableCells[b.itemId].append(place);
        }
    }

    FieldBuilder fb(pdf, pages, font, o);
    const QMap<QString, int> numbers = t.questionNumbers();
    for (const Item *itemPtr : t.allItems()) {
        const Item &item = *itemPtr;
        if (!itemTypeIsAnswerable(item.type))
            continue;
        const QVector<Place> at = places.value(item.id);
        const QString tooltip = tooltipOf(t, item, numbers.value(item.id), o.languages);
        switch (item.type) {
        case ItemType::Info:
            break;
        case ItemType::Text:
        case ItemType::Number:
            if (!at.isEmpty())
                fb.textField(item.id, tooltip, Handle(), {at.first()}, false);
            break;
        case ItemType::Date:
            if (!at.isEmpty())
                fb.textField(item.id, QStringLiteral("%1 (DD/MM/YYYY)").arg(tooltip), Handle(), {at.first()}, false);
            break;
        case ItemType::Textarea:
            if (!at.isEmpty())
                fb.textField(item.id, tooltip, Handle(), unitedByPage(at), true);
            break;
        case ItemType::YesNo:
        case ItemType::MultiChoice: {
            if (at.isEmpty())
                break;
            Handle parent = fb.group(item.id, tooltip, Handle());
            for (const Place &p : at) {
                QString optionLabel;
                if (item.type == ItemType::YesNo) {
                    optionLabel = joinedPhrase(p.value == QLatin1String("yes") ? Phrase::Yes : Phrase::No, o.languages);
                } else {
                    optionLabel = optionLabelOf(t, item, p.value, o.languages);
                }
                fb.checkBox(p.value, QStringLiteral("%1: %2").arg(tooltip, optionLabel), parent, p, p.value);
            }
            break;
        }
        case ItemType::Choice:
        case ItemType::Scale:
            if (!at.isEmpty()) {
                QStringList buttonTooltips;
                for (const Place &p : at)
                    buttonTooltips << QStringLiteral("%1: %2").arg(tooltip,
                                                                   optionLabelOf(t, item, p.value, o.languages));
                fb.radioGroup(item.id, tooltip, at, buttonTooltips);
            }
            break;
        case ItemType::Table: {
            const int columns = qMax(1, int(item.columns.size()));
            if (at.isEmpty()) {
                const QVector<Place> cells = tableCells.value(item.id);
                if (!cells.isEmpty())
                    fb.textField(item.id, tooltip, Handle(), unitedByPage(cells), true);
                break;
            }
            Handle parent = fb.group(item.id, tooltip, Handle());
            Handle row;
            for (int i = 0; i < at.size(); ++i) {
                const int r = i / columns + 1;
                const int c = i % columns;
                if (c == 0)
                    row = fb.group(QString::number(r), {}, parent);
                const QString columnId = c < item.columns.size() ? item.columns.at(c).id : QStringLiteral("text");
                const QString columnLabel =
                    c < item.columns.size() ? localizedColumnLabel(
                        t, item, item.columns.at(c), o.languages.isEmpty() ? t.sourceLanguage() : o.languages.first())
                                            : QString();
                fb.textField(columnId, QStringLiteral("%1, row %2: %3").arg(tooltip).arg(r).arg(columnLabel), row,
                             {at.at(i)}, false);
            }
            break;
        }
        case ItemType::Signature: {
            if (at.isEmpty())
                break;
            Handle parent = fb.group(item.id, tooltip, Handle());
            fb.textField(QStringLiteral("name"),
                         QStringLiteral("%1: %2").arg(tooltip, joinedPhrase(Phrase::SignName, o.languages)), parent,
                         {at.first()}, false);
            if (at.size() > 1)
                fb.textField(
                    QStringLiteral("date"),
                    QStringLiteral("%1: %2 (DD/MM/YYYY)").arg(tooltip, joinedPhrase(Phrase::SignDate, o.languages)),
                    parent, {at.at(1)}, false);
            break;
        }
        }
    }

    // Widgets in each page's /Annots in drawing (question) order; tab order follows the structure (or that order).
    for (auto it = fb.widgets().begin(); it != fb.widgets().end(); ++it) {
        QVector<PlacedWidget> widgets = it.value();
        std::stable_sort(widgets.begin(), widgets.end(),
                         [](const PlacedWidget &a, const PlacedWidget &b) { return a.order < b.order; });
        Handle page = pages.at(size_t(it.key())).getObjectHandle();
        Handle annots = page.getKey("/Annots");
        if (!annots.isArray()) {
            annots = Handle::newArray();
            page.replaceKey("/Annots", annots);
        }
        for (const PlacedWidget &w : widgets)
            annots.appendItem(w.widget);
        page.replaceKey("/Tabs", name("/S"));
    }

    Handle fontDict = Handle::newDictionary();
    fontDict.replaceKey(FontResource, font);
    Handle dr = Handle::newDictionary();
    dr.replaceKey("/Font", fontDict);
    Handle acroForm = Handle::newDictionary();
    acroForm.replaceKey("/Fields", fb.fields());
    acroForm.replaceKey("/DR", dr);
    acroForm.replaceKey("/DA", Handle::newString(fb.defaultAppearance().toStdString()));
    acroForm.replaceKey("/NeedAppearances", Handle::newBool(false));
    pdf.getRoot().replaceKey("/AcroForm", pdf.makeIndirectObject(acroForm));

    Handle trailer = pdf.getTrailer();
    Handle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(Handle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey(nameKey(QLatin1String(InfoTemplateKey)), text(t.id));
    info.replaceKey(nameKey(QLatin1String(InfoVersionKey)), text(QString::number(t.version)));
    return true;
}

} // namespace

bool addFormFields(QPDF &pdf, const QVector<PageDrawLog> &log, const Template &t, const FieldOptions &o, QString *error)
{
    QString message;
    try {
        if (build(pdf, log, t, o, &message))
            return true;
    } catch (const std::exception &e) {
        message = QStringLiteral("adding form fields failed: %1").arg(QString::fromStdString(e.what()));
    }
    if (error)
        *error = message;
    return false;
}

} // namespace coform
