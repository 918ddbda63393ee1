// The names of the print profiles (pdf/renderer.h), without Qt Gui: coform-cli reads them before it knows whether it
// needs Qt Gui.
#include "pdf/renderer.h"

namespace coform {

std::optional<PrintProfile> printProfileFromName(const QString &name)
{
    if (name == QLatin1String("standard"))
        return PrintProfile::Standard;
    if (name == QLatin1String("large"))
        return PrintProfile::Large;
    if (name == QLatin1String("easy"))
        return PrintProfile::Easy;
    return std::nullopt;
}

QString printProfileName(PrintProfile profile)
{
    switch (profile) {
    case PrintProfile::Standard:
        return QStringLiteral("standard");
    case PrintProfile::Large:
        return QStringLiteral("large");
    case PrintProfile::Easy:
        return QStringLiteral("easy");
    }
    return {};
}

} // namespace coform
