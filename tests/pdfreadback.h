// Shared by the PDF rendering tests: the PDFs Coform writes, read back with poppler as a reader's tools would read
// them, and what a reader must find in them.
#pragma once

#include "check/answervalidation.h"
#include "format/templateformat.h"
#include "model/nhsnumber.h"
#include "pdf/renderer.h"

#include <poppler-qt6.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QObject>

#include <memory>

namespace coform::test {

inline const QString tick = QStringLiteral("\u2713");

inline QString bundledPath()
{
    return QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");
}

inline QString longAnswersPath()
{
    return QStringLiteral(COFORM_TEST_DATA_DIR "/pdf/chc-review-long-answers.json");
}

/// Text with every white-space character removed: lines may wrap anywhere, words must still come in order.
inline QString squeezed(const QString &s)
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

inline ReadBack readBack(const QByteArray &pdf)
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
inline const QString anyOrder = QStringLiteral("\u0001");

/// Looks for each expected text, word by word and in order, in the text of a document; returns the first one missing
/// or out of order. Within one expected text the words may be parted only by a little (a page's footer and the next
/// page's header and "continued" label), never by another answer.
/// Where the words of one expected text end in `hay` when they start at or after `from`, each following the one
/// before within `maxGap` characters; -1 when they are not there like that.
inline qsizetype findWords(const QString &hay, const QStringList &words, qsizetype from, qsizetype maxGap = 500)
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
inline QString firstOutOfOrder(const QString &text, const QStringList &expected)
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

inline QString englishDate(const QString &iso)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(QDate::fromString(iso, Qt::ISODate), QStringLiteral("d MMMM yyyy"));
}

/// What a reader must find, in this order: section titles, question numbers and labels in every language, and for a
/// filled form each answer (chosen options after a tick, "Not answered" where there is none).
inline QStringList expectedSequence(const Template &t, const Answers *answers, const QStringList &langs, bool easy)
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
inline Template smallTemplate(const QVector<Item> &items)
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

/// The bundled template and its long answers, rendered as the tests ask.
class PdfRenderFixture : public QObject
{
protected:
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
};

} // namespace coform::test
