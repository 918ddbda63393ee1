#pragma once

#include "model/picture.h"

#include <QPixmap>

namespace coform {

/// A picture (bundled or embedded) drawn on white in a square of `size` pixels, for a screen of `ratio` device pixels
/// per pixel; the details panel, the meeting view and the review form show pictures with it.
QPixmap picturePixmap(const Picture &picture, int size, qreal ratio);

} // namespace coform
