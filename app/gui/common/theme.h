#pragma once

#include <QObject>
#include <QPalette>

namespace coform {

/// The colours of the whole application: the system's, or high contrast (white and yellow on black), chosen in
/// View > High contrast colours and remembered in QSettings. Colour never carries meaning on its own in Coform, so
/// either theme shows everything.
class Theme : public QObject
{
    Q_OBJECT

public:
    /// Reads the remembered choice and applies it.
    explicit Theme(QObject *parent = nullptr);

    bool isHighContrast() const { return m_highContrast; }
    void setHighContrast(bool on);

    /// The high-contrast palette (also for tests).
    static QPalette highContrastPalette();

signals:
    void changed(bool highContrast);

private:
    bool m_highContrast = false;
};

} // namespace coform
