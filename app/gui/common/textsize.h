#pragma once

#include <QObject>

namespace coform {

/// The text size of the whole application (View > Bigger text / Smaller text / Normal text size), remembered in
/// QSettings so that a person sets it once. Applied with QApplication::setFont, so every widget follows it.
class TextSize : public QObject
{
    Q_OBJECT

public:
    /// Reads the remembered size and applies it.
    explicit TextSize(QObject *parent = nullptr);

    double pointSize() const { return m_pointSize; }
    double normalPointSize() const { return m_normalPointSize; }
    bool canGrow() const;
    bool canShrink() const;

    void bigger();
    void smaller();
    void reset();

signals:
    void changed(double pointSize);

private:
    void apply(double pointSize);

    double m_normalPointSize;
    double m_pointSize = 0;
};

} // namespace coform
