#pragma once

namespace coform::cli {

/// Loads the system's font configuration into fontconfig as its own start-up does (the same file, the same conf.d
/// rules, the same caches), without the pass that start-up adds over the description of every configuration the system
/// could enable (conf.avail, what fc-conflist lists), which no font match reads. Qt then finds this configuration
/// current and uses it. Must run before anything asks fontconfig for fonts; when the configuration cannot be read,
/// fontconfig is left to start as it would have (with its fallbacks).
void loadSystemFontConfiguration();

/// Gives fontconfig an empty configuration: no system fonts at all, only the print fonts Coform loads itself
/// (pdf/printstyle.h). Reading the system's configuration is about a fifteenth of rendering the filled review, and a
/// PDF whose every character the print fonts have never uses it: the PDF is the same byte for byte. Must run before
/// anything asks fontconfig for fonts.
void useOnlyThePrintFonts();

} // namespace coform::cli
