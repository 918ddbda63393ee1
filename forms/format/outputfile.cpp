#include "format/outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace coform {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    return QStringLiteral("not a regular file");
}

} // namespace

QString OutputFile::pathProblem(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat link
    {
    };
    if (::lstat(native.constData(), &link) != 0)
        return {}; // a new path
    struct stat target
    {
    };
    if (::stat(native.constData(), &target) != 0)
        return QStringLiteral("%1: is a link to nothing; nothing was written").arg(path);
    if (S_ISREG(target.st_mode))
        return {};
    const QString kind = kindOf(target.st_mode);
    if (S_ISLNK(link.st_mode))
        return QStringLiteral("%1: is a link to %2, not a regular file; nothing was written").arg(path, kind);
    return QStringLiteral("%1: is %2, not a regular file; nothing was written").arg(path, kind);
}

bool OutputFile::makePrivateFolder(const QString &path, QString *error)
{
    if (!QDir().mkpath(path)) {
        if (error)
            *error = QStringLiteral("%1: cannot create the folder").arg(path);
        return false;
    }
    if (::chmod(QFile::encodeName(path).constData(), S_IRWXU) != 0) {
        if (error)
            *error = QStringLiteral("%1: cannot make the folder private: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool OutputFile::makePrivate(const QString &path)
{
    return ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) == 0;
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    if (const QString problem = OutputFile::pathProblem(path); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    auto why = [&](const QSaveFile &file) {
        // A full disk must say so: Qt's own text for a failed flush can be "Unknown error".
        const QStorageInfo storage(QFileInfo(path).absolutePath());
        if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < data.size() + 4096)
            return QStringLiteral("%1: cannot write: the disk is full (%2 bytes free, %3 needed); nothing was written")
                .arg(path)
                .arg(storage.bytesAvailable())
                .arg(data.size());
        QString text = file.errorString();
        if (text.isEmpty() || text == QLatin1String("Unknown error"))
            text = errno != 0 ? QString::fromLocal8Bit(std::strerror(errno))
                              : QStringLiteral("the file system refused the data");
        return QStringLiteral("%1: cannot write: %2; nothing was written").arg(path, text);
    };
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = why(file);
        return false;
    }
    // The temporary file is made private before any byte is written to it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = why(file);
        file.cancelWriting();
        return false;
    }
    OutputFile::makePrivate(path);
    return true;
}

} // namespace coform
