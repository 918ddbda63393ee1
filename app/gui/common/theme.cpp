#include "common/theme.h"

#include <QApplication>
#include <QEvent>
#include <QSettings>
#include <QWidget>

namespace coform {

namespace {
const QString kSettingsKey = QStringLiteral("appearance/highContrast");

/// The system's colours when Coform started (a later window must not take high contrast for them).
const QPalette &systemPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}
} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
{
    systemPalette();
    if (QSettings().value(kSettingsKey, false).toBool())
        setHighContrast(true);
}

QPalette Theme::highContrastPalette()
{
    const QColor black(Qt::black), white(Qt::white), yellow(255, 255, 0), grey(190, 190, 190);
    QPalette p;
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const QColor text = group == QPalette::Disabled ? grey : white;
        p.setColor(group, QPalette::Window, black);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, black);
        p.setColor(group, QPalette::AlternateBase, QColor(30, 30, 30));
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::PlaceholderText, grey);
        p.setColor(group, QPalette::Button, black);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, yellow);
        p.setColor(group, QPalette::Highlight, yellow);
        p.setColor(group, QPalette::HighlightedText, black);
        p.setColor(group, QPalette::Link, yellow);
        p.setColor(group, QPalette::LinkVisited, yellow);
        p.setColor(group, QPalette::ToolTipBase, black);
        p.setColor(group, QPalette::ToolTipText, white);
        p.setColor(group, QPalette::Light, white);
        p.setColor(group, QPalette::Midlight, grey);
        p.setColor(group, QPalette::Mid, grey);
        p.setColor(group, QPalette::Dark, QColor(60, 60, 60));
        p.setColor(group, QPalette::Shadow, white);
    }
    return p;
}

void Theme::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    QApplication::setPalette(on ? highContrastPalette() : systemPalette());
    // Fusion draws boxes in a shade of the window colour, which vanishes on black: draw them in white, and the one
    // with the keyboard in yellow.
    qApp->setStyleSheet(on ? QStringLiteral("QLineEdit, QTextEdit, QAbstractItemView { border: 2px solid white; }"
                                            "QLineEdit:focus, QTextEdit:focus, QAbstractItemView:focus"
                                            " { border: 3px solid yellow; }")
                           : QString());
    // Windows that exist already take the new colours now, and their children follow them.
    for (QWidget *window : QApplication::topLevelWidgets()) {
        QEvent event(QEvent::ApplicationPaletteChange);
        QApplication::sendEvent(window, &event);
    }
    QSettings settings;
    if (on)
        settings.setValue(kSettingsKey, true);
    else
        settings.remove(kSettingsKey);
    emit changed(on);
}

} // namespace coform
