#include "model/markup.h"

#include <QRegularExpression>

namespace coform {

bool hasMarkup(const QString &text)
{
    // Known tags only, so that "a <b and c> d" in a plain text stays as it is.
    static const QRegularExpression markup(
        QStringLiteral("</?(a|abbr|b|big|blockquote|br|center|code|div|em|font|h[1-6]|hr|i|img|label|li|ol|p|pre|s|"
                       "small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)(\\s[^<>]*)?/?>|&(#[0-9]+|#x["
                       "0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp|ndash|mdash|rsquo|lsquo|rdquo|ldquo|hellip|copy|reg|deg|"
                       "pound|euro|bull|middot);"),
        QRegularExpression::CaseInsensitiveOption);
    return markup.match(text).hasMatch();
}

} // namespace coform
