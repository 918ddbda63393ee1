#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <QString>

class QPDF;

namespace coform {

/// The font of a fillable form's fields: the whole TrueType file at `path` embedded as /FontFile2, a simple font with
/// /WinAnsiEncoding and its widths (the file is read once a process). Sets *font to the font dictionary (an indirect
/// object of `pdf`); false with the reason in `error` when the file cannot be read as a font.
bool makeFieldFont(QPDF &pdf, const QString &path, QPDFObjectHandle *font, QString *error);

} // namespace coform
