#include "pdf/htmlwriter.h"

#include "model/picturelibrary.h"
#include "pdf/phrases.h"

namespace coform {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString langAttr(const QString &lang)
{
    return QStringLiteral(" lang=\"%1\"").arg(esc(documentLanguageTag(lang)));
}

/// Each language's text as its own element, e.g. <span lang="en">..</span><span lang="cy">..</span>.
QString texts(const Texts &t, const QString &element, const QString &cls = {})
{
    QString out;
    const QString classAttr = cls.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cls);
    for (const LangText &l : t)
        out += QStringLiteral("<%1%2%3>%4</%1>").arg(element, classAttr, langAttr(l.lang), esc(l.text));
    return out;
}

QString inlineTexts(const Texts &t)
{
    QStringList parts;
    for (const LangText &l : t)
        parts << QStringLiteral("<span%1>%2</span>").arg(langAttr(l.lang), esc(l.text));
    return parts.join(QStringLiteral(" / "));
}

QString paragraphs(const QString &text, const QString &lang)
{
    QString out;
    for (const QString &p : text.split(QLatin1Char('\n'))) {
        if (!p.trimmed().isEmpty())
            out += QStringLiteral("<p%1>%2</p>").arg(langAttr(lang), esc(p));
    }
    return out;
}

QString bodySize(PrintProfile profile)
{
    switch (profile) {
    case PrintProfile::Standard:
        return QStringLiteral("12pt");
    case PrintProfile::Large:
        return QStringLiteral("16pt");
    case PrintProfile::Easy:
        return QStringLiteral("14pt");
    }
    return QStringLiteral("12pt");
}

/// A picture as an <img> with its alternative text, the file inside the page (one self-contained file).
QString pictureImg(const FormContent &c, const std::optional<ContentPicture> &picture, const QString &cls)
{
    if (!picture)
        return {};
    const auto it = c.pictures.constFind(picture->key);
    if (it == c.pictures.constEnd())
        return {};
    const QString alt = picture->alt.isEmpty() ? QString() : picture->alt.first().text;
    const QString lang = picture->alt.isEmpty() ? QString() : picture->alt.first().lang;
    return QStringLiteral("<img class=\"%1\" src=\"data:%2;base64,%3\" alt=\"%4\"%5>")
        .arg(cls, pictureFileType(*it), QString::fromLatin1(pictureFileBytes(*it).toBase64()), esc(alt),
             langAttr(lang));
}

} // namespace

HtmlWriter::HtmlWriter(const FormContent &content)
    : m_content(content)
{}

QByteArray HtmlWriter::write() const
{
    const FormContent &c = m_content;
    const QString docLang = documentLanguageTag(c.languages.isEmpty() ? QString() : c.languages.first());
    QString h;
    h.reserve(64 * 1024);
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n").arg(esc(docLang));
    h += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h += QStringLiteral("<title>%1</title>\n").arg(esc(c.title.isEmpty() ? QString() : c.title.first().text));
    h += QStringLiteral("<style>\n"
                        "body{font-family:'Liberation Sans',Arial,sans-serif;font-size:%1;line-height:1.5;"
                        "max-width:44em;margin:1em auto;padding:0 1em;color:#000;background:#fff}\n"
                        "h1{font-size:1.8em}h2{font-size:1.35em;border-top:4px solid #000;padding-top:.3em}\n"
                        "h3{font-size:1em;margin-bottom:.2em}.num{margin-right:.4em}\n"
                        ".help{color:#303030;margin:.2em 0}.condition{font-weight:bold}\n"
                        ".answer{border-left:4px solid #969696;padding-left:.8em;margin:.3em 0}\n"
                        ".answer p{margin:.3em 0}.notice{border:1px solid #000;padding:.5em}\n"
                        ".marking{font-weight:bold}.info{background:#f0f0f0;border-left:4px solid #000;"
                        "padding:.5em}\n"
                        "ul.options{list-style:none;padding-left:0}ul.options li{margin:.2em 0}\n"
                        ".chosen{font-weight:bold}table{border-collapse:collapse;width:100%}"
                        "th,td{border:1px solid #000;padding:.3em;text-align:left;vertical-align:top}"
                        "th{background:#e4e4e4}\n"
                        ".writein{border:1px solid #000;min-height:2em}\n"
                        ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
                        "clip:rect(0 0 0 0)}\n"
                        "img.picture{float:left;width:5em;height:5em;margin:0 1em .5em 0}"
                        ".question,.info,section{clear:both}img.option-picture{width:2.5em;height:2.5em;"
                        "vertical-align:middle;margin:0 .4em}\n"
                        "</style>\n</head>\n<body>\n")
             .arg(bodySize(c.profile));

    h += QStringLiteral("<header>\n");
    if (c.filled) {
        for (const LangText &l : c.phrase(Phrase::Marking)) {
            h += QStringLiteral("<p class=\"marking\"%1>%2</p>\n").arg(langAttr(l.lang), esc(l.text));
            break;
        }
        const QString lang = c.languages.first();
        h += QStringLiteral("<p%1>%2<br>%3")
                 .arg(langAttr(lang), esc(phrase(Phrase::PersonName, lang).arg(c.person.name)),
                      esc(phrase(Phrase::NhsNumber, lang).arg(c.nhsNumberFormatted)));
        if (c.person.dateOfBirth.isValid())
            h += QStringLiteral("<br>%1").arg(
                esc(phrase(Phrase::DateOfBirth, lang).arg(longDate(c.person.dateOfBirth, lang))));
        h += QStringLiteral("</p>\n");
    }
    h += QStringLiteral("</header>\n<main>\n");
    h += texts(c.title, QStringLiteral("h1")) + QLatin1Char('\n');
    h += QStringLiteral("<div class=\"notice\">") + texts(c.phrase(Phrase::OtherFormats), QStringLiteral("p"))
         + QStringLiteral("</div>\n");

    for (const ContentSection &s : c.sections) {
        h += QStringLiteral("<section aria-labelledby=\"s-%1\">\n<h2 id=\"s-%1\">%2</h2>\n")
                 .arg(esc(s.id), inlineTexts(s.title));
        h += pictureImg(c, s.picture, QStringLiteral("picture"));
        h += texts(s.help, QStringLiteral("p"), QStringLiteral("help"));
        h += texts(s.condition, QStringLiteral("p"), QStringLiteral("condition"));
        for (const ContentItem &item : s.items) {
            if (item.type == ItemType::Info) {
                h += QStringLiteral("<div class=\"info\" id=\"q-%1\">").arg(esc(item.id))
                     + pictureImg(c, item.picture, QStringLiteral("picture")) + texts(item.label, QStringLiteral("p"))
                     + texts(item.help, QStringLiteral("p")) + QStringLiteral("</div>\n");
                continue;
            }
            h += QStringLiteral("<div class=\"question\" id=\"q-%1\">\n").arg(esc(item.id));
            h += pictureImg(c, item.picture, QStringLiteral("picture")) + QStringLiteral("<h3>");
            if (item.number > 0)
                h += QStringLiteral("<span class=\"num\">%1.</span>").arg(item.number);
            h += inlineTexts(item.label) + QStringLiteral("</h3>\n");
            h += texts(item.help, QStringLiteral("p"), QStringLiteral("help"));
            h += texts(item.condition, QStringLiteral("p"), QStringLiteral("condition"));
            if (c.filled && !item.answered) {
                h += QStringLiteral("<div class=\"answer\">")
                     + texts(c.phrase(Phrase::NotAnswered), QStringLiteral("p")) + QStringLiteral("</div>\n</div>\n");
                continue;
            }
            switch (item.type) {
            case ItemType::Info:
                break;
            case ItemType::Text:
            case ItemType::Textarea:
            case ItemType::Date:
            case ItemType::Number:
                if (c.filled)
                    h += QStringLiteral("<div class=\"answer\">") + paragraphs(item.answerText, item.answerLang)
                         + QStringLiteral("</div>\n");
                else
                    h += QStringLiteral("<div class=\"writein\"></div>\n");
                break;
            case ItemType::YesNo:
            case ItemType::Choice:
            case ItemType::MultiChoice:
            case ItemType::Scale:
                h += QStringLiteral("<ul class=\"options\">\n");
                for (const ContentOption &o : item.options) {
                    const QString mark = o.chosen ? QStringLiteral("\u2611") : QStringLiteral("\u2610");
                    h += QStringLiteral("<li%1><span aria-hidden=\"true\">%2</span>%3 %4")
                             .arg(o.chosen ? QStringLiteral(" class=\"chosen\"") : QString(), mark,
                                  pictureImg(c, o.picture, QStringLiteral("option-picture")), inlineTexts(o.label));
                    if (!o.description.isEmpty())
                        h += QStringLiteral(": ") + inlineTexts(o.description);
                    if (o.chosen) {
                        const QString lang = c.languages.first();
                        h += QStringLiteral(" <span class=\"visually-hidden\"%1>%2</span>")
                                 .arg(langAttr(lang), esc(phrase(Phrase::Chosen, lang)));
                    }
                    h += QStringLiteral("</li>\n");
                }
                h += QStringLiteral("</ul>\n");
                break;
            case ItemType::Table:
                h += QStringLiteral("<table>\n<thead><tr>");
                for (const Texts &col : item.columns)
                    h += QStringLiteral("<th scope=\"col\">%1</th>").arg(inlineTexts(col));
                h += QStringLiteral("</tr></thead>\n<tbody>\n");
                for (const QStringList &row : item.rows) {
                    h += QStringLiteral("<tr>");
                    for (const QString &cell : row)
                        h += QStringLiteral("<td%1>%2</td>").arg(langAttr(item.answerLang), esc(cell));
                    h += QStringLiteral("</tr>\n");
                }
                h += QStringLiteral("</tbody>\n</table>\n");
                break;
            case ItemType::Signature: {
                const QString lang = c.languages.first();
                h += QStringLiteral("<div class=\"answer\">");
                if (!item.declinedReason.isEmpty())
                    h += QStringLiteral("<p%1>%2</p>")
                             .arg(langAttr(lang), esc(phrase(Phrase::NotSigned, lang).arg(item.declinedReason)));
                if (!item.signedName.isEmpty())
                    h += QStringLiteral("<p%1>%2: %3</p>")
                             .arg(langAttr(lang), esc(phrase(Phrase::SignName, lang)), esc(item.signedName));
                if (!item.signedDate.isEmpty())
                    h += QStringLiteral("<p%1>%2: %3</p>")
                             .arg(langAttr(lang), esc(phrase(Phrase::SignDate, lang)), esc(item.signedDate));
                h += QStringLiteral("</div>\n");
                break;
            }
            }
            h += QStringLiteral("</div>\n");
        }
        h += QStringLiteral("</section>\n");
    }
    h += QStringLiteral("</main>\n<footer>\n");
    for (const QString &credit : c.pictureCredits) {
        const QString lang = c.languages.first();
        h += QStringLiteral("<p%1>%2: %3</p>\n").arg(langAttr(lang), esc(phrase(Phrase::Pictures, lang)), esc(credit));
    }
    for (const QString &lang : c.languages) {
        h += QStringLiteral("<p%1>%2 \u00b7 %3</p>\n")
                 .arg(langAttr(lang), esc(phrase(Phrase::TemplateVersion, lang).arg(c.templateId).arg(c.version)),
                      esc(phrase(Phrase::Produced, lang).arg(longDate(c.produced, lang))));
    }
    h += QStringLiteral("</footer>\n</body>\n</html>\n");
    return h.toUtf8();
}

} // namespace coform
