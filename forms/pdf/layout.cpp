#include "pdf/layout.h"

namespace coform {

QString boxRoleName(BoxRole role)
{
    switch (role) {
    case BoxRole::Header:
        return QStringLiteral("header");
    case BoxRole::Footer:
        return QStringLiteral("footer");
    case BoxRole::Title:
        return QStringLiteral("title");
    case BoxRole::Notice:
        return QStringLiteral("notice");
    case BoxRole::Heading:
        return QStringLiteral("heading");
    case BoxRole::SectionHelp:
        return QStringLiteral("section-help");
    case BoxRole::Condition:
        return QStringLiteral("condition");
    case BoxRole::QuestionNumber:
        return QStringLiteral("question-number");
    case BoxRole::Label:
        return QStringLiteral("label");
    case BoxRole::Help:
        return QStringLiteral("help");
    case BoxRole::Info:
        return QStringLiteral("info");
    case BoxRole::Answer:
        return QStringLiteral("answer");
    case BoxRole::NotAnswered:
        return QStringLiteral("not-answered");
    case BoxRole::TickBox:
        return QStringLiteral("tickbox");
    case BoxRole::OptionLabel:
        return QStringLiteral("option-label");
    case BoxRole::WriteIn:
        return QStringLiteral("writein");
    case BoxRole::TableHeader:
        return QStringLiteral("table-header");
    case BoxRole::TableCell:
        return QStringLiteral("table-cell");
    case BoxRole::Signature:
        return QStringLiteral("signature");
    case BoxRole::Figure:
        return QStringLiteral("figure");
    case BoxRole::Decoration:
        return QStringLiteral("decoration");
    }
    return {};
}

} // namespace coform
