#include "edit/propertywords.h"

#include <QCoreApplication>
#include <QMap>

namespace coform {

QString propertyWords(const QString &property)
{
    static const QMap<QString, const char *> names{
        {QStringLiteral("label"), QT_TRANSLATE_NOOP("coform::PanelWords", "words")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("coform::PanelWords", "title")},
        {QStringLiteral("help"), QT_TRANSLATE_NOOP("coform::PanelWords", "help text")},
        {QStringLiteral("options"), QT_TRANSLATE_NOOP("coform::PanelWords", "choices")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("coform::PanelWords", "kind of answer")},
        {QStringLiteral("required"), QT_TRANSLATE_NOOP("coform::PanelWords", "whether it must be answered")},
        {QStringLiteral("columns"), QT_TRANSLATE_NOOP("coform::PanelWords", "table columns")},
        {QStringLiteral("showIf"), QT_TRANSLATE_NOOP("coform::PanelWords", "when it is asked")},
        {QStringLiteral("requirements"), QT_TRANSLATE_NOOP("coform::PanelWords", "requirements it meets")},
        {QStringLiteral("unit"), QT_TRANSLATE_NOOP("coform::PanelWords", "unit")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("coform::PanelWords", "note for authors")},
        {QStringLiteral("prefill"), QT_TRANSLATE_NOOP("coform::PanelWords", "filled from the person's record")},
        {QStringLiteral("carryForward"), QT_TRANSLATE_NOOP("coform::PanelWords", "taken over from the last review")},
        {QStringLiteral("picture"), QT_TRANSLATE_NOOP("coform::PanelWords", "picture")},
        {QStringLiteral("pictures"), QT_TRANSLATE_NOOP("coform::PanelWords", "where pictures are printed")},
        {QStringLiteral("pictureAlt"), QT_TRANSLATE_NOOP("coform::PanelWords", "words for the picture")},
    };
    const auto it = names.constFind(property);
    return it == names.cend() ? property : QCoreApplication::translate("coform::PanelWords", it.value());
}

} // namespace coform
