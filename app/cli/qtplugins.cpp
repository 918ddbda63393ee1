#include "qtplugins.h"

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
    const QString dir = QFileInfo(bin).absolutePath();
    for (const QString &folder : {dir + QStringLiteral("/../lib/qt-plugins"),
                                  dir + QStringLiteral("/../" COFORM_INSTALL_LIBDIR "/coform/qt-plugins")}) {
        // A link to a plugin that is no longer there (Qt moved or removed) is not "there": Qt's own folders are used.
        if (QFileInfo::exists(folder + QStringLiteral("/platforms/libqoffscreen.so"))
            && QFileInfo(folder + QStringLiteral("/imageformats")).isDir()) {
            QCoreApplication::setLibraryPaths({QDir::cleanPath(folder)});
            return;
        }
    }
}

} // namespace coform::cli
