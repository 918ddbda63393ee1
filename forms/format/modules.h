#pragma once

#include <QFunctionPointer>
#include <QString>
#include <QStringList>

namespace coform {

/// Coform's own modules: parts that link a large library (poppler, libqpdf) are shared objects of their own, loaded
/// the first time they are needed, so that a process that never needs them does not pay for loading that library.
/// Returns the function `symbol` of module `name` (lib`name`.so), loaded once from beside the program: `lib/` of the
/// build tree or `LIBDIR/coform` of an installation. Null, with the reason in `why` (naming the module as `what`, say
/// "Coform's PDF reader"), when it is missing or is not Coform's.
QFunctionPointer coformModuleFunction(const char *name, const char *symbol, const QString &what, QString *why);

/// The folders that hold Coform's own files beside a program in `programDir`, in the order they are looked in: `lib/`
/// of the build tree, then `LIBDIR/coform` of an installation.
QStringList coformLibraryFolders(const QString &programDir);

} // namespace coform
