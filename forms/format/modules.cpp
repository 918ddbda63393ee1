#include "format/modules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLibrary>
#include <QMutex>

namespace coform {

QStringList coformLibraryFolders(const QString &programDir)
{
    return {programDir + QStringLiteral("/../lib"),
            programDir + QStringLiteral("/../" COFORM_INSTALL_LIBDIR "/coform")};
}

QFunctionPointer coformModuleFunction(const char *name, const char *symbol, const QString &what, QString *why)
{
    struct Found
    {
        QFunctionPointer function = nullptr;
        QString failure;
    };
    static QMutex mutex;
    static QHash<QByteArray, Found> found; // by module and symbol: each is looked for once
    const QMutexLocker lock(&mutex);
    const QByteArray key = QByteArray(name) + ' ' + symbol;
    auto it = found.find(key);
    if (it == found.end()) {
        Found f;
        // Before a Q(Core)Application is made (coform-cli's main()), from what Linux says the program is.
        const QString programDir = QCoreApplication::instance()
                                       ? QCoreApplication::applicationDirPath()
                                       : QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
        const QStringList dirs = coformLibraryFolders(programDir);
        const QString file = QStringLiteral("lib%1.so").arg(QLatin1String(name));
        QStringList errors;
        for (const QString &dir : dirs) {
            const QString path = QDir::cleanPath(dir + QLatin1Char('/') + file);
            if (!QFileInfo::exists(path))
                continue;
            QLibrary library(path); // stays loaded: QLibrary unloads only on unload()
            if (!library.load()) {
                errors << library.errorString();
                continue;
            }
            f.function = library.resolve(symbol);
            if (f.function)
                break;
            errors << QStringLiteral("%1 is not %2").arg(file, what);
        }
        if (!f.function) {
            f.failure = QStringLiteral("%1 (%2) is missing; reinstall Coform").arg(what, file);
            if (!errors.isEmpty())
                f.failure += QStringLiteral(" (%1)").arg(errors.join(QStringLiteral("; ")));
        }
        it = found.insert(key, f);
    }
    if (why)
        *why = it->failure;
    return it->function;
}

} // namespace coform
