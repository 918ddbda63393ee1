#include "qtplugins.h"

#include "format/modules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace coform::cli {

void lookForQtPluginsOnlyInCoformsFolder()
{
    if (qgetenv("QT_QPA_PLATFORM") != "offscreen" || !qEnvironmentVariableIsEmpty("QT_PLUGIN_PATH")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM_PLUGIN_PATH"))
        return;
    // No QCoreApplication yet to say where the program is (applicationDirPath()); Linux says it.
    const QString bin = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    if (bin.isEmpty())
        return;
    for (const QString &library : coformLibraryFolders(QFileInfo(bin).absolutePath())) {
        const QString folder = library + QStringLiteral("/qt-plugins");
        // A link to a plugin that is no longer there (Qt moved or removed) is not "there": Qt's own folders are used.
        if (QFileInfo::exists(folder + QStringLiteral("/platforms/libqoffscreen.so"))
            && QFileInfo(folder + QStringLiteral("/imageformats")).isDir()) {
            QCoreApplication::setLibraryPaths({QDir::cleanPath(folder)});
            return;
        }
    }
}

} // namespace coform::cli
