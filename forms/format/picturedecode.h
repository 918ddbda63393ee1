#pragma once

#include <QByteArray>
#include <QString>

namespace coform {

/// The part of pictureDataProblem() (format/pictureformat.h) that decodes the picture: an SVG must draw with QtSvg
/// and have a size; a PNG or JPEG must be one, at most 8000 pixels across. Called with bytes that passed every other
/// check (type, size, an SVG's content). Empty when it decodes, else why not, in words.
///
/// Decoding needs Qt Gui, so this is defined where Qt Gui is: format/picturedecode.cpp in the library with Qt Gui
/// (coform_forms). A program without Qt Gui (coform-cli, app/cli/main.cpp) defines its own instead, which cannot
/// decode and must say so to its caller: the core library (coform_core) does not define it, and links only with one
/// of the two.
QString pictureDecodeProblem(const QString &mediaType, const QByteArray &data);

} // namespace coform
