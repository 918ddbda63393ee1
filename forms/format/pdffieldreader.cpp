#include "format/pdffieldreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <mutex>

namespace coform {

namespace {

using ReadFields = bool (*)(const QString &path, QByteArray *fields, QString *error);

constexpr auto moduleName = "coform-pdfreader";

/// Loads the poppler module once, from beside the program: `lib/` of the build tree or `LIBDIR/coform` of an
/// installation. Null, with the reason in `why`, when it is missing or not a Coform module.
ReadFields loadReader(QString *why)
{
    static ReadFields reader = nullptr;
    static QString failure;
    static std::once_flag once;
    std::call_once(once, [] {
        const QString bin = QCoreApplication::applicationDirPath();
        const QStringList dirs = {bin + QStringLiteral("/../lib"),
                                  bin + QStringLiteral("/../") + QStringLiteral(COFORM_INSTALL_LIBDIR "/coform")};
        QStringList errors;
        for (const QString &dir : dirs) {
            const QString path = QDir::cleanPath(dir + QStringLiteral("/lib%1.so").arg(QLatin1String(moduleName)));
            if (!QFileInfo::exists(path))
                continue;
            QLibrary library(path);
            if (!library.load()) {
                errors << library.errorString();
                continue;
            }
            reader = reinterpret_cast<ReadFields>(library.resolve("coform_readPdfFields"));
            if (reader)
                return;
            errors << QStringLiteral("%1 is not Coform's PDF reader").arg(QFileInfo(path).fileName());
        }
        failure = QStringLiteral("Coform's PDF reader (lib%1.so) is missing; reinstall Coform")
                      .arg(QLatin1String(moduleName));
        if (!errors.isEmpty())
            failure += QStringLiteral(" (%1)").arg(errors.join(QStringLiteral("; ")));
    });
    *why = failure;
    return reader;
}

} // namespace

QByteArray readPdfFieldsWithPoppler(const QString &path, QString *error)
{
    error->clear();
    QString why;
    const ReadFields read = loadReader(&why);
    if (!read) {
        *error = why;
        return {};
    }
    QByteArray fields;
    if (!read(path, &fields, error))
        return {};
    return fields;
}

} // namespace coform
