#include "importreport.h"

#include <QMap>

#include <algorithm>

namespace coform {

namespace {

QString topicTitle(ImportNote::Topic topic)
{
    switch (topic) {
    case ImportNote::Topic::Answers:
        return QStringLiteral("Answer lists and answers");
    case ImportNote::Topic::Conditions:
        return QStringLiteral("Conditions for showing a question");
    case ImportNote::Topic::Limits:
        return QStringLiteral("Limits on answers");
    case ImportNote::Topic::Kinds:
        return QStringLiteral("Kinds of question");
    case ImportNote::Topic::Texts:
        return QStringLiteral("Texts and pictures");
    case ImportNote::Topic::Structure:
        return QStringLiteral("Groups, tables and hidden items");
    case ImportNote::Topic::Codes:
        return QStringLiteral("Codes (technical)");
    case ImportNote::Topic::Extensions:
        return QStringLiteral("Extensions (technical)");
    case ImportNote::Topic::DisplayHints:
        return QStringLiteral("Display hints (technical)");
    case ImportNote::Topic::Other:
        break;
    }
    return QStringLiteral("Other");
}

/// Question numbers in their order ("2" before "10"), then other places as they came.
bool naturalLess(const QString &a, const QString &b)
{
    bool aNumber = false;
    bool bNumber = false;
    const int x = a.toInt(&aNumber);
    const int y = b.toInt(&bNumber);
    if (aNumber && bNumber)
        return x < y;
    return aNumber && !bNumber;
}

bool isTechnical(ImportNote::Topic topic)
{
    return topic == ImportNote::Topic::Codes || topic == ImportNote::Topic::Extensions
           || topic == ImportNote::Topic::DisplayHints;
}

/// "a, b, c" with at most `shown` names, then "and N more".
QString listOf(const QStringList &names, int shown)
{
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(names.mid(0, shown).join(QStringLiteral(", ")))
        .arg(names.size() - shown);
}

} // namespace

QString ImportNote::toString() const
{
    QString kindText;
    switch (kind) {
    case Kind::Lost:
        kindText = QStringLiteral("not carried over");
        break;
    case Kind::Skipped:
        kindText = QStringLiteral("skipped");
        break;
    case Kind::Remark:
        kindText = QStringLiteral("note");
        break;
    }
    QString where = place;
    if (!itemId.isEmpty() && itemId != place)
        where += QStringLiteral(" (item %1)").arg(itemId);
    return where.isEmpty() ? QStringLiteral("%1: %2").arg(kindText, message)
                           : QStringLiteral("%1: %2: %3").arg(where, kindText, message);
}

void ImportReport::add(ImportNote::Kind kind, const QString &place, const QString &message, const QString &itemId)
{
    ImportNote note;
    note.kind = kind;
    note.place = place;
    note.itemId = itemId;
    note.message = message;
    notes.append(note);
}

void ImportReport::refuse(const QString &why)
{
    refused = true;
    reason = why;
}

QVector<ImportNote> ImportReport::important() const
{
    QVector<ImportNote> out;
    for (const ImportNote &n : notes) {
        if (!n.gist.isEmpty())
            out.append(n);
    }
    return out;
}

QStringList ImportReport::summaryLines() const
{
    if (refused)
        return {QStringLiteral("%1: refused: %2").arg(file, reason)};
    QStringList out;
    QString head = QStringLiteral("%1: imported from a %2").arg(file, sourceKind);
    if (sourceQuestionCount >= 0)
        head += QStringLiteral(": %1 of its %2 questions came over").arg(questionCount).arg(sourceQuestionCount);
    else
        head += QStringLiteral(": %1 questions").arg(questionCount);
    if (addedQuestionCount > 0)
        head += QStringLiteral(", with %1 added for answers typed under 'Other'").arg(addedQuestionCount);
    head += QStringLiteral(" (%1 items in all).").arg(itemCount);
    out << head;
    // One line a gist, in the order each first appeared, naming the places it touched.
    QStringList order;
    QHash<QString, QStringList> places;
    QHash<QString, QString> whys;
    for (const ImportNote &n : notes) {
        if (n.gist.isEmpty())
            continue;
        if (!places.contains(n.gist))
            order << n.gist;
        QString name = itemNames.value(n.itemId);
        if (name.isEmpty())
            name = n.place.isEmpty() ? QStringLiteral("the whole form") : n.place;
        if (!places[n.gist].contains(name))
            places[n.gist] << name;
        if (!n.why.isEmpty() && !whys.value(n.gist).contains(n.why))
            whys[n.gist] = whys.value(n.gist).isEmpty() ? n.why : whys.value(n.gist) + QStringLiteral("; ") + n.why;
    }
    for (auto it = places.begin(); it != places.end(); ++it)
        std::stable_sort(it->begin(), it->end(), naturalLess);
    if (order.isEmpty()) {
        out << QStringLiteral("Nothing that a person sees or may answer was lost.");
        return out;
    }
    out << QStringLiteral("What changed for the person filling it in (numbers are questions in the new template):");
    for (const QString &gist : order) {
        const QStringList &at = places.value(gist);
        const QString words =
            at.size() == 1 ? gist.section(QLatin1Char('|'), 0, 0) : gist.section(QLatin1Char('|'), -1);
        QString line = QStringLiteral("- %1 %2: %3").arg(at.size()).arg(words, listOf(at, 12));
        if (!whys.value(gist).isEmpty())
            line += QStringLiteral("; ") + whys.value(gist).left(160);
        out << line;
    }
    return out;
}

QStringList ImportReport::lines() const
{
    QStringList out = summaryLines();
    if (refused || notes.isEmpty())
        return out;
    out << QString()
        << (notes.size() == 1 ? QStringLiteral("Details for template authors (1 note):")
                              : QStringLiteral("Details for template authors (%1 notes):").arg(notes.size()));
    QMap<int, QVector<ImportNote>> byTopic;
    for (const ImportNote &n : notes)
        byTopic[int(n.topic)].append(n);
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        const auto topic = ImportNote::Topic(it.key());
        out << QStringLiteral("%1 (%2):").arg(topicTitle(topic)).arg(it.value().size());
        // One line a kind of note; a note found in several places is said once, with the places and their number.
        QStringList order;
        QHash<QString, QStringList> places;
        for (const ImportNote &n : it.value()) {
            ImportNote bare = n;
            bare.place.clear();
            bare.itemId.clear();
            const QString key = bare.toString();
            if (!places.contains(key))
                order << key;
            QString where = n.place.isEmpty() ? QStringLiteral("the whole form") : n.place;
            if (!itemNames.value(n.itemId).isEmpty())
                where += QStringLiteral(" (question %1)").arg(itemNames.value(n.itemId));
            places[key] << where;
        }
        for (const QString &key : order) {
            const QStringList &at = places.value(key);
            if (at.size() == 1)
                out << QStringLiteral("  %1: %2").arg(at.first(), key);
            else
                out << QStringLiteral("  %1, %2 times: %3")
                           .arg(key)
                           .arg(at.size())
                           .arg(listOf(at, isTechnical(topic) ? 8 : 40));
        }
    }
    return out;
}

} // namespace coform
