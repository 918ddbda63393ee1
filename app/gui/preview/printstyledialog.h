#pragma once

#include "pdf/renderer.h"

#include <QDialog>

#include <optional>

class QButtonGroup;

namespace coform {

/// Asks which print style a review's PDF is saved in: standard, large print or easy read, the person's preferred one
/// first and chosen ("large print (the person's preferred format)").
class PrintStyleDialog : public QDialog
{
    Q_OBJECT
public:
    PrintStyleDialog(PrintProfile preferred, QWidget *parent = nullptr);
    PrintProfile chosen() const;

    /// Asks; std::nullopt when cancelled.
    static std::optional<PrintProfile> ask(PrintProfile preferred, QWidget *parent);
    /// "large print", "British Sign Language"... for a person's recorded preferred format; "not recorded".
    static QString formatName(const QString &format);

private:
    QButtonGroup *m_group = nullptr;
};

} // namespace coform
