// coform-cli: the command line. A PDF that needs no Qt Gui (pdf/plainrender.h) it writes itself, without loading Qt
// Gui and what Qt Gui loads (22 libraries, a platform plugin, fontconfig): that start-up was about a fifth of such a
// render's time and a third of its memory. Everything else runs in the commands module (commandsmodule.cpp,
// libcoform-cli-commands.so), loaded here.
#include "command.h"
#include "renderwithoutgui.h"

#include "format/modules.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include <unistd.h>
#include <zlib.h>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <sys/mman.h>
#endif

using namespace coform::cli;

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

/// Ends the process after a PDF written here: the file is on the disk (synced before its name appears), and only
/// memory is left, which the process gives back anyway as it ends. Not under the sanitizers (their leak check runs as
/// a process exits normally).
static int endRender(int code)
{
#if !defined(__SANITIZE_ADDRESS__)
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(code);
#endif
    return code;
}

/// What zlib's "default" level means on this thread now: the commands module's answer (pdf/pdfwriter.h), once it is
/// loaded; zlib's own default before.
static int (*moduleDeflateLevel)() = nullptr;

/// Qt Gui and libqpdf compress with zlib at its default level, which Coform's PDF writer makes the fastest, or none
/// while it stores streams to compress them once at the end (pdf/pdfwriter.cpp). It does so by defining deflateInit()
/// for the process: a program's definition comes before zlib's for every library. That file is in the commands
/// module, where its definition reaches only the module's own calls; so coform-cli defines it, and asks the module.
extern "C" int deflateInit_(z_streamp stream, int level, const char *version, int streamSize)
{
    constexpr int defaultMemLevel = 8; // zlib's own default (deflateInit() is deflateInit2() with these)
    if (level == Z_DEFAULT_COMPRESSION && moduleDeflateLevel)
        level = moduleDeflateLevel();
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, defaultMemLevel, Z_DEFAULT_STRATEGY, version,
                         streamSize);
}

int main(int argc, char **argv)
{
    prepareMemoryForOneCommand();
    if (argc > 1 && std::strcmp(argv[1], "render") == 0) {
        QStringList args;
        for (int i = 2; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        if (const std::optional<int> code = renderWithoutGui(args))
            return endRender(*code);
    }
    using CommandsMain = int (*)(int *argc, char **argv);
    QString why;
    const auto commandsMain = reinterpret_cast<CommandsMain>(coform::coformModuleFunction(
        "coform-cli-commands", "coform_cliMain", QStringLiteral("Coform's command module"), &why));
    if (!commandsMain) {
        printError(why);
        return NotFound;
    }
    moduleDeflateLevel = reinterpret_cast<int (*)()>(coform::coformModuleFunction(
        "coform-cli-commands", "coform_defaultDeflateLevel", QStringLiteral("Coform's command module"), &why));
    return commandsMain(&argc, argv);
}
