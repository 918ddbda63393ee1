// coform-cli pictures: the pictures bundled with Coform for easy read (names, words, kinds), to put in templates.
#include "command.h"

#include "model/picturelibrary.h"

using namespace coform;
using namespace coform::cli;

namespace {

int runPictures(const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("list")) {
        printError(QStringLiteral("usage: coform-cli pictures list [--search WORDS] [--kind KIND]"));
        return BadUsage;
    }
    QString words;
    QString kind;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--search") && i + 1 < args.size()) {
            words = args[++i];
        } else if (args[i] == QLatin1String("--kind") && i + 1 < args.size()) {
            kind = args[++i];
        } else {
            printError(QStringLiteral("usage: coform-cli pictures list [--search WORDS] [--kind KIND]"));
            return BadUsage;
        }
    }
    const PictureLibrary &library = PictureLibrary::bundled();
    if (!kind.isEmpty() && !library.categories().contains(kind)) {
        printError(QStringLiteral("there is no kind of picture called \"%1\" (there are: %2)")
                       .arg(kind, library.categories().join(u", ")));
        return NotFound;
    }
    const QVector<const LibraryPicture *> found = library.search(words, kind);
    if (found.isEmpty()) {
        printError(QStringLiteral("no picture matches \"%1\"").arg(words));
        return NotFound;
    }
    // One picture a line, tab-separated: set, name (as a template's "picture" names it), words, kind.
    for (const LibraryPicture *p : found)
        printLine(QStringLiteral("%1\t%2\t%3\t%4").arg(p->set, p->name, p->words, p->category));
    QStringList sets;
    for (const LibraryPicture *p : found) {
        if (!sets.contains(p->set))
            sets.append(p->set);
    }
    for (const QString &set : sets)
        printLine(QStringLiteral("Pictures: %1").arg(PictureLibrary::credit(set)));
    return Done;
}

const CommandRegistration registration("pictures", "pictures list [--search WORDS] [--kind KIND]", runPictures);

} // namespace
