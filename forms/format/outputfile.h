#pragma once

#include <QByteArray>
#include <QString>

namespace coform {

/// Files Coform writes for people: exports, recovery copies, the data folder. What they hold can be personal data,
/// so files are readable and writable by their owner only (0600) and folders only openable by their owner (0700).
namespace OutputFile {

/// Why `path` cannot be an output file, in words; empty when it is a regular file or a new path. A device, a FIFO,
/// a socket, a folder or a link to any of them (or a link to nothing) is refused and left untouched.
QString pathProblem(const QString &path);

/// Creates the folder (and its parents) when missing and makes it 0700; false (and why in *error) when it cannot.
bool makePrivateFolder(const QString &path, QString *error);

/// Makes an existing file 0600; false when it cannot.
bool makePrivate(const QString &path);

} // namespace OutputFile

/// Writes bytes atomically to path (QSaveFile: a temporary file, then rename), readable by its owner only (0600);
/// refuses a path that is not a regular file or a new path (OutputFile::pathProblem). On failure fills error with a
/// message naming the file and saying why (a full disk says so).
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace coform
