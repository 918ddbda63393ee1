// The Coform desktop application: assembles the application object, the shared database and the main window.
#include "editor/importexportactions.h"
#include "mainwindow.h"
#include "shared/sessionlock.h"
#include "shared/sharedworkspace.h"
#include "shared/signindialog.h"

#include "format/outputfile.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>

namespace {
/// COFORM_DB, or coform.sqlite in the user's data folder (made if missing).
QString defaultDatabase()
{
    const QString fromEnvironment = qEnvironmentVariable("COFORM_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    coform::OutputFile::makePrivateFolder(folder, nullptr); // 0700: it holds the database and recovery copies
    return QDir(folder).filePath(QStringLiteral("coform.sqlite"));
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("coform"));
    QApplication::setOrganizationName(QStringLiteral("coform"));
    QApplication::setApplicationDisplayName(QStringLiteral("Coform"));
    QApplication::setDesktopFileName(QStringLiteral("org.coform.Coform"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write, check and print NHS Continuing Healthcare review forms."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("The shared database: a SQLite file or a postgresql:// URL."),
                                      QStringLiteral("PATH-or-URL"));
    const QCommandLineOption filesOnlyOption(QStringLiteral("files-only"),
                                             QStringLiteral("Work on template files only, without signing in."));
    const QCommandLineOption meetingOption(QStringLiteral("meeting"),
                                           QStringLiteral("Start in the meeting view (big, for a shared screen)."));
    parser.addOptions({dbOption, filesOnlyOption, meetingOption});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A coform-template/1 file to open."),
                                 QStringLiteral("[FILE.json]"));
    parser.process(app);

    // The database and the session outlive the window that uses them.
    std::unique_ptr<coform::Database> db;
    if (!parser.isSet(filesOnlyOption)) {
        QString error;
        db = coform::Database::open(parser.isSet(dbOption) ? parser.value(dbOption) : defaultDatabase(), &error);
        if (!db)
            QMessageBox::warning(
                nullptr, QObject::tr("Coform"),
                QObject::tr("The shared database cannot be opened, so you can work on files only.\n\n%1").arg(error));
    }
    bool first = true;
    int code = 0;
    // Signing out closes the windows and asks for a sign-in again, for the next person.
    while (first || coform::SessionLock::signOutRequested()) {
        coform::SessionLock::clearSignOutRequest();
        std::optional<coform::Session> session;
        if (db)
            session = coform::SignInDialog::signIn(*db); // cancelled: files only
        if (!first && !session)
            break;
        coform::MainWindow window;
        new coform::ImportExportActions(&window);
        std::unique_ptr<coform::SharedWorkspace> workspace; // destroyed before the window
        if (db && session)
            workspace = std::make_unique<coform::SharedWorkspace>(&window, *db, *session);
        window.show();
        window.offerRecovery();
        if (workspace)
            workspace->showStartPage(); // "What needs you": a coproducer sees it first
        if (first && !parser.positionalArguments().isEmpty())
            window.openTemplateFile(parser.positionalArguments().constFirst());
        if (first && parser.isSet(meetingOption))
            window.showMeetingView();
        first = false;
        code = app.exec();
    }
    return code;
}
