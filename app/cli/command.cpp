#include "command.h"

#include <QTextStream>

#include <cstdio>

namespace coform::cli {

static QList<RegisteredCommand> &commandTable()
{
    static QList<RegisteredCommand> table;
    return table;
}

CommandRegistration::CommandRegistration(const char *name, const char *synopsis, CommandFunction run,
                                         FontConfiguration fonts, QtPlugins plugins)
{
    commandTable().append({QString::fromUtf8(name), QString::fromUtf8(synopsis), run, fonts, plugins});
    std::sort(commandTable().begin(), commandTable().end(),
              [](const RegisteredCommand &a, const RegisteredCommand &b) { return a.name < b.name; });
}

const QList<RegisteredCommand> &registeredCommands()
{
    return commandTable();
}

void printError(const QString &message)
{
    const QByteArray line = QStringLiteral("coform-cli: %1\n").arg(message).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

void printLine(const QString &line)
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

} // namespace coform::cli
