#pragma once

#include "pdf/renderer.h"

namespace coform {

/// What renderPdfWithoutQt() did.
enum class PlainRender {
    Done,    ///< the PDF is written
    NeedsQt, ///< not written: renderPdf() must write it (with Qt Gui)
    Refused, ///< not written, and renderPdf() would refuse it too: the error says why
};

/// Whether renderPdfWithoutQt() may write a PDF with these options at all: standard or large print, not fillable, not
/// PDF/A. Whether it does depends on the form's text too.
bool mayRenderWithoutQt(const RenderOptions &options);

/// Renders as renderPdf() does, byte for byte, without Qt Gui, when it can: a standard or large print form, blank or
/// filled, whose every text the print fonts shape alone (WordWrap), with no pictures, not fillable and not PDF/A.
/// Anything else is NeedsQt (tst_layoutwithoutqt compares the two).
PlainRender renderPdfWithoutQt(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *pdf,
                               QString *error);

} // namespace coform
