#pragma once

#include "edit/edit.h"
#include "model/picture.h"
#include "model/template.h"

#include <QString>

#include <optional>

namespace coform {

/// Why the bytes of an embedded picture may not be used, in words; empty when they may. An SVG must be well-formed,
/// render with QtSvg, and have no script, no event handler, no foreign object and no reference outside itself; a PNG
/// or JPEG must be one; either at most kMaxPictureBytes.
QString pictureDataProblem(const QString &mediaType, const QByteArray &data);

/// Why a picture may not be used, in words (an unknown bundled picture, or pictureDataProblem()); empty when it may.
QString pictureProblem(const Picture &picture);

/// Why the pictures an edit brought into a template may not be used (pictureProblem() of each picture `after` has
/// and `before` had not, or too many bytes together); empty when they may, or when `edit` cannot bring pictures.
QString editedPicturesProblem(const Edit &edit, const Template &before, const Template &after);

/// The embedded pictures of a template together are more than kMaxTemplatePictureBytes: the problem in words.
QString templatePicturesProblem(const Template &t);

} // namespace coform
