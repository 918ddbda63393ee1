#pragma once

#include <QStringList>

#include <optional>

namespace coform::cli {

/// `coform-cli render` for the PDFs that need no Qt Gui (pdf/plainrender.h): a standard or large print form whose
/// every text the print fonts shape alone, without pictures, form fields or PDF/A. Writes it and returns the exit
/// code, or returns one after printing a mistake in the arguments or files (as cmd_render.cpp would); returns nullopt,
/// having printed and written nothing, when the render needs Qt Gui: then the commands module renders it.
std::optional<int> renderWithoutGui(const QStringList &args);

} // namespace coform::cli
