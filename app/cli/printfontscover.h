#pragma once

#include <QByteArrayView>
#include <QList>

namespace coform::cli {

/// Whether the print fonts have every character of every string in the JSON texts `files` (JsonReader
/// ::everyCharacter), line breaks aside: then printing what they hold needs no other font.
bool printFontsCover(const QList<QByteArrayView> &files);

} // namespace coform::cli
