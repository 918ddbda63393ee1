#pragma once

#include <QString>

class QWidget;

namespace coform {

/// The file dialogs of Coform: Qt's own dialog, which never opens the files it lists.
///
/// Qt's dialog asks a file icon provider for each file's type, and the default one reads the first bytes of every file
/// in the folder to guess it. In the folder that holds a SQLite database that means opening and closing the database
/// file (and its -wal and -shm files); closing any descriptor of a file drops every POSIX lock the process holds on it,
/// so the window would silently lose its locks and another program could delete the write-ahead log under it. These
/// dialogs name types from the file name alone, and refuse to hand back a SQLite database's own files.
class FileDialogs
{
public:
    /// As QFileDialog::getOpenFileName(); empty when cancelled.
    static QString openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter);
    /// As QFileDialog::getSaveFileName() (asks before replacing a file); `suggested` is a folder or a file path.
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                const QString &filter);
    /// True for the files of a SQLite database (".sqlite", "-wal", "-shm", "-journal"): never opened as a document.
    static bool isDatabaseFile(const QString &path);
};

} // namespace coform
