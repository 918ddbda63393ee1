// The Coform desktop application: assembles the application object and the main window.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A coform-template/1 file to open."),
                                 QStringLiteral("[FILE.json]"));
    parser.process(app);

    coform::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openTemplateFile(parser.positionalArguments().constFirst());
    return app.exec();
}
