#include "common/filedialogs.h"

#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QRegularExpression>

namespace coform {

namespace {

/// Icons and type names from the file name only: never opens a file to look inside it.
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }
    QIcon icon(const QFileInfo &info) const override
    {
        return QFileIconProvider::icon(info.isDir() ? QAbstractFileIconProvider::Folder
                                                    : QAbstractFileIconProvider::File);
    }
    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileDialog::tr("Folder");
        const QMimeType mime = m_mimes.mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
        return mime.isDefault() ? QFileDialog::tr("File") : mime.comment();
    }

private:
    QMimeDatabase m_mimes;
};

QString run(QFileDialog &dialog, QWidget *parent)
{
    while (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
        const QString path = dialog.selectedFiles().constFirst();
        const QString name = QFileInfo(path).fileName();
        // A name of spaces (a stray key) is no name: the file would be hard to find, and "Saved" would name nothing.
        if (name.trimmed().isEmpty() || QFileInfo(name.trimmed()).completeBaseName().trimmed().isEmpty()) {
            QMessageBox::information(parent, dialog.windowTitle(),
                                     QFileDialog::tr("The file needs a name: spaces alone are not one. Type a name."));
            continue;
        }
        if (!FileDialogs::isDatabaseFile(path))
            return path;
        QMessageBox::information(parent, dialog.windowTitle(),
                                 QFileDialog::tr("\u201c%1\u201d is a file of Coform's database, not a form: choose "
                                                 "another file.")
                                     .arg(name));
    }
    return {};
}

} // namespace

bool FileDialogs::isDatabaseFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    for (const char *ending : {".sqlite", ".sqlite3", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".sqlite3-wal",
                               ".sqlite3-shm", ".sqlite3-journal", ".db-wal", ".db-shm", ".db-journal"}) {
        if (name.endsWith(QLatin1String(ending)))
            return true;
    }
    return false;
}

QString FileDialogs::openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    NameOnlyIconProvider icons; // outlives the dialog
    QFileDialog dialog(parent, caption);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    dialog.setNameFilter(filter);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    if (!folder.isEmpty())
        dialog.setDirectory(folder);
    return run(dialog, parent);
}

QString FileDialogs::saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                  const QString &filter)
{
    NameOnlyIconProvider icons; // outlives the dialog
    QFileDialog dialog(parent, caption);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    dialog.setNameFilter(filter);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    // A name typed without its ending gets the one of the kind of file chosen ("review" -> "review.pdf").
    const QRegularExpressionMatch ending = QRegularExpression(QStringLiteral("\\*\\.([A-Za-z0-9]+)")).match(filter);
    if (ending.hasMatch())
        dialog.setDefaultSuffix(ending.captured(1));
    const QFileInfo info(suggested);
    if (!suggested.isEmpty() && info.isDir()) {
        dialog.setDirectory(suggested);
    } else if (!suggested.isEmpty()) {
        dialog.setDirectory(info.absolutePath());
        dialog.selectFile(info.fileName());
    }
    return run(dialog, parent);
}

} // namespace coform
