#pragma once

#include "model/template.h"
#include "pdf/renderer.h"

class QWidget;

namespace coform {

/// The printed form leaving Coform: File > Print and File > Save the printed form as PDF, each with its dialog and
/// what happened said in the window's status bar.
class FormOutput
{
public:
    /// Prints the blank form as the preview shows it (its print style and language), after the print dialog.
    static void print(QWidget *window, const Template &t, const RenderOptions &options);
    /// Saves the preview's PDF (`pdf`, empty while it is being made) as a file the person chooses.
    static void savePdf(QWidget *window, const QString &templateId, const QByteArray &pdf);
};

} // namespace coform
