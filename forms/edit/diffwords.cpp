#include "edit/templatediff.h"

namespace coform {

DiffWords diffWords(const TemplateDiff &diff, bool withNames)
{
    DiffWords out;
    for (const QString &line : diff.templateDetails)
        out.changes << QStringLiteral("template: %1").arg(line);
    for (const SectionDiff &s : diff.sections) {
        QStringList words;
        for (SectionDiff::Change c : s.changes)
            words.append(TemplateDiff::changeName(c));
        out.changes << QStringLiteral("section %1: %2").arg(s.sectionId, words.join(QStringLiteral(", ")));
    }
    for (const ItemDiff &d : diff.items) {
        QStringList words;
        for (ItemDiff::Change c : d.changes)
            words.append(TemplateDiff::changeName(c));
        QString line = QStringLiteral("item %1: %2").arg(d.itemId, words.join(QStringLiteral(", ")));
        if (withNames && !d.authors.isEmpty())
            line += QStringLiteral(" (by %1)").arg(d.authors.join(QStringLiteral(", ")));
        out.changes << line;
        for (const QString &detail : d.details)
            out.changes << QStringLiteral("  %1").arg(detail);
        for (const DiffNote &n : d.notes) {
            const QString kind = n.kind == DiffNote::Kind::Comment ? QStringLiteral("comment") : QStringLiteral("note");
            out.changes << (withNames ? QStringLiteral("  %1 by %2: %3").arg(kind, n.author, n.text)
                                      : QStringLiteral("  %1: %2").arg(kind, n.text));
        }
    }
    for (const NotChangedNote &n : diff.notChanged) {
        const QString what = n.itemId.isEmpty() ? QStringLiteral("the whole template") : n.itemId;
        out.notChanged
            << (withNames ? QStringLiteral("not changed: %1: \u201c%2\u201d (%3); why: %4 (%5)")
                                .arg(what, n.comment, n.author, n.reason, n.reasonBy)
                          : QStringLiteral("not changed: %1: \u201c%2\u201d; why: %3").arg(what, n.comment, n.reason));
    }
    for (const TranslationsNotUpdated &n : diff.translationsNotUpdated) {
        out.notChanged
            << (withNames
                    ? QStringLiteral("not changed: version %1: %2 (%3)").arg(n.version).arg(n.sentence(), n.reasonBy)
                    : QStringLiteral("not changed: version %1: %2").arg(n.version).arg(n.sentence()));
    }
    return out;
}

} // namespace coform
