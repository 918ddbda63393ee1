#pragma once

#include "pdf/renderer.h"

class QPrinter;

namespace coform {

/// Prints a blank form on paper: the same laid-out pages as the PDF (print profile, languages, paper size from the
/// options), painted straight onto the printer, one point a unit.
class FormPrinter
{
public:
    /// Prints every page of `t` (blank) to `printer`; false, with why in words, when it cannot.
    static bool print(const Template &t, const RenderOptions &options, QPrinter *printer, QString *error);
};

} // namespace coform
