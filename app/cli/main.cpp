#include "command.h"
#include "fontconfiguration.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QSqlDatabase>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <unistd.h>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <sys/mman.h>
#endif

using namespace coform::cli;

static void printUsage()
{
    printLine(QStringLiteral("usage: coform-cli COMMAND [ARGS...]\n\ncommands:"));
    for (const RegisteredCommand &c : registeredCommands())
        printLine(QStringLiteral("  %1").arg(c.synopsis));
    printLine(QStringLiteral("\nExit codes: 0 done, 1 bad usage, 2 invalid input, 3 conflict, 4 not found, "
                             "5 not permitted."));
}

/// Keeps the terminal for what the person asked: Qt's notes about the desktop session are not theirs to read.
static void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    // A platform plugin without fonts: the command that needs them says so itself, once (PrintStyle::fontsProblem()).
    if (message == QLatin1String("This plugin does not support application fonts"))
        return;
    const QByteArray line = qFormatLogMessage(type, context, message).toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
/// The block prepareMemoryForOneCommand() takes and never uses (volatile: so that the compiler keeps it).
static void *volatile skippedHeapHead = nullptr;
#endif

/// A command runs once and exits, so its memory is set up for that: big buffers (a font, a page's content, the PDF)
/// come from the heap and are reused when freed instead of being mapped afresh and given back each time, and the
/// heap is one reserve of address space (memory only when used) that the kernel may back with 2 MiB pages where it
/// allows that (transparent huge pages, "madvise"). Every new page of memory costs a trap into the kernel; rendering
/// the filled review touched about 1,100 heap pages one by one, and about 250 even so before the heap's first 2 MiB
/// boundary. Nothing changes what a command does.
static void prepareMemoryForOneCommand()
{
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    constexpr int reserve = 64 << 20;
    constexpr std::uintptr_t huge = 2 << 20;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 2 * reserve);
    mallopt(M_TOP_PAD, reserve);
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    constexpr std::size_t growSize = 1 << 20, probeSize = 256 << 10;
    void *volatile grow = malloc(growSize); // more than the heap has left: it grows once, by the reserve
    const auto grown = reinterpret_cast<std::uintptr_t>(grow);
    free(grow);
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (before == std::uintptr_t(-1) || after <= before)
        return;
    // Where new memory will come from: the free end of the heap (a block that size comes from there and goes back).
    void *probe = malloc(probeSize);
    const auto freeEnd = reinterpret_cast<std::uintptr_t>(probe);
    free(probe);
    // Each of the two blocks wrote the free end's bookkeeping just past itself: a page written there before the
    // hint below is a small page, and then so is every page of its 2 MiB (about 500 traps, in six runs of ten when
    // that page fell past the first boundary). Everything up to the first boundary past those writes can only have
    // small pages: it is taken once by a block never used, so that what a command allocates lies where whole 2 MiB
    // pages can back it.
    constexpr std::uintptr_t header = 64; // a block's own bookkeeping, and the next one's
    const std::uintptr_t written = qMax(grown + growSize, freeEnd + probeSize) + header;
    const std::uintptr_t from = (written + huge - 1) / huge * huge, to = after / huge * huge;
    if (probe && from > freeEnd + header && from < to)
        skippedHeapHead = malloc(from - freeEnd - header); // its own bookkeeping, and the next one's, stay below
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE); // a hint: refused or ignored is fine
#endif
}

/// Ends the process once a command is done. What it wrote is on the disk (a file is synced before its name appears)
/// and what it printed is flushed here; what is left is only giving back memory that the process loses anyway as it
/// ends (the fonts, the font configuration, the platform plugin): 1 to 2 ms of a 60 ms render, and a megabyte at the
/// end. Not while a database connection is still open (it is closed properly, as the return from main() does), nor
/// under the sanitizers (their leak check runs as a process exits normally).
static int endCommand(int code)
{
#if !defined(__SANITIZE_ADDRESS__)
    if (QSqlDatabase::connectionNames().isEmpty()) {
        std::fflush(stdout);
        std::fflush(stderr);
        _exit(code);
    }
#endif
    return code;
}

int main(int argc, char **argv)
{
    prepareMemoryForOneCommand();
    const QString commandName = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const auto command = std::find_if(registeredCommands().begin(), registeredCommands().end(),
                                      [&commandName](const RegisteredCommand &c) { return c.name == commandName; });
    const bool known = command != registeredCommands().end();
    if (!known || command->fonts == FontConfiguration::System)
        loadSystemFontConfiguration();
    qInstallMessageHandler(messageHandler);
    // Rendering PDFs needs fonts (Qt Gui); no window is ever shown, so no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (known && command->plugins == QtPlugins::RenderingOnly)
        lookForQtPluginsOnlyInCoformsFolder();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coform"));
    QCoreApplication::setOrganizationName(QStringLiteral("coform"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COFORM_VERSION));

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        printUsage();
        return args.isEmpty() ? BadUsage : Done;
    }
    if (args.first() == QLatin1String("--version")) {
        printLine(QStringLiteral("coform-cli %1").arg(QCoreApplication::applicationVersion()));
        return Done;
    }
    const QString name = args.takeFirst();
    for (const RegisteredCommand &c : registeredCommands()) {
        if (c.name == name)
            return endCommand(c.run(args));
    }
    printError(QStringLiteral("unknown command '%1' (see coform-cli --help)").arg(name));
    return BadUsage;
}
