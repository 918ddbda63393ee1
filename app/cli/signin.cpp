#include "signin.h"

namespace coform::cli {

std::optional<CommandWords> takeCommand(CliSession &cli, const QStringList &arguments, const char *usage)
{
    CommandWords words{{}, arguments};
    if (!cli.takeOptions(words.args))
        return std::nullopt;
    if (words.args.isEmpty()) {
        usageError(usage);
        return std::nullopt;
    }
    words.sub = words.args.takeFirst();
    return words;
}

int usageError(const char *usage, const QString &message)
{
    printError(message.isEmpty() ? QString::fromLatin1(usage) : message);
    return BadUsage;
}

} // namespace coform::cli
