// A program that only links: the whole core library (coform_core) without Qt Gui (forms/CMakeLists.txt). It gives
// the core what a program without Qt Gui must give it: a picture decoder (format/picturedecode.h), here one that
// decodes nothing.
#include "format/picturedecode.h"

namespace coform {

QString pictureDecodeProblem(const QString &, const QByteArray &)
{
    return QStringLiteral("this program cannot decode pictures");
}

} // namespace coform

int main()
{
    return 0;
}
