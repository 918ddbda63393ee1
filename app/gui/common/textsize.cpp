#include "common/textsize.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QSettings>
#include <QWidget>

#include <algorithm>
#include <array>

namespace coform {

namespace {
const QString kSettingsKey = QStringLiteral("appearance/textPointSize");
// Steps grow with the size, as large-print guidance does (12, 14, 16, 18, then 20 and more).
constexpr std::array<double, 13> kSizes = {8, 9, 10, 11, 12, 14, 16, 18, 20, 24, 28, 32, 40};
constexpr double kSmallestNormal = 11; // the system's default is often too small for our readers

/// The system's text size when Coform started (later windows must not take a changed size for the normal one).
double normalPointSizeOfThisSystem()
{
    static const double normal = std::max(QApplication::font().pointSizeF(), kSmallestNormal);
    return normal;
}
} // namespace

TextSize::TextSize(QObject *parent)
    : QObject(parent)
    , m_normalPointSize(normalPointSizeOfThisSystem())
{
    const double remembered = QSettings().value(kSettingsKey, m_normalPointSize).toDouble();
    apply(std::clamp(remembered, kSizes.front(), kSizes.back()));
}

bool TextSize::canGrow() const
{
    return m_pointSize < kSizes.back();
}

bool TextSize::canShrink() const
{
    return m_pointSize > kSizes.front();
}

void TextSize::bigger()
{
    const auto next = std::upper_bound(kSizes.begin(), kSizes.end(), m_pointSize);
    if (next != kSizes.end())
        apply(*next);
}

void TextSize::smaller()
{
    auto previous = std::lower_bound(kSizes.begin(), kSizes.end(), m_pointSize);
    if (previous != kSizes.begin())
        apply(*(previous - 1));
}

void TextSize::reset()
{
    apply(m_normalPointSize);
}

void TextSize::apply(double pointSize)
{
    if (pointSize == m_pointSize)
        return;
    m_pointSize = pointSize;
    QFont font = QApplication::font();
    font.setPointSizeF(pointSize);
    QApplication::setFont(font);
    // Windows made before this (the main window creates this object) resolve their fonts again; their children
    // follow them.
    for (QWidget *window : QApplication::topLevelWidgets()) {
        QEvent event(QEvent::ApplicationFontChange);
        QApplication::sendEvent(window, &event);
    }
    QSettings settings;
    if (pointSize == m_normalPointSize)
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, pointSize);
    emit changed(pointSize);
}

} // namespace coform
