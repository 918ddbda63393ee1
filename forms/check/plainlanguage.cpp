#include "check/plainlanguage.h"

#include "model/jsonreader.h"
#include "model/markup.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace coform {

namespace {
bool isVowel(QChar c)
{
    switch (c.toLower().unicode()) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
        return true;
    default:
        return false;
    }
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('\'') || c == QChar(0x2019);
}

/// Words of a text: runs of letters, digits and apostrophes.
QStringList wordsOf(const QString &text)
{
    QStringList words;
    QString current;
    for (const QChar c : text) {
        if (isWordChar(c)) {
            current.append(c);
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        words.append(current);
    // A lone apostrophe is not a word.
    words.removeIf([](const QString &w) {
        return !std::any_of(w.begin(), w.end(), [](QChar c) { return c.isLetterOrNumber(); });
    });
    return words;
}

struct Span
{
    int start;
    int length;
};

/// Sentences: text up to . ! ? (followed by space or the end) or a line break; empty ones are dropped.
QVector<Span> sentenceSpans(const QString &text)
{
    QVector<Span> spans;
    int start = 0;
    auto close = [&](int end) {
        const QString piece = text.mid(start, end - start);
        if (!wordsOf(piece).isEmpty()) {
            int s = start;
            while (s < end && text.at(s).isSpace())
                ++s;
            spans.append({s, end - s});
        }
        start = end;
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            close(i);
            start = i + 1;
        } else if ((c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?'))
                   && (i + 1 == text.size() || text.at(i + 1).isSpace())) {
            close(i + 1);
        }
    }
    if (start < text.size())
        close(int(text.size()));
    return spans;
}
} // namespace

int countSyllables(const QString &word)
{
    const QString w = word.toLower();
    int count = 0;
    bool previousVowel = false;
    for (const QChar c : w) {
        const bool vowel = isVowel(c);
        if (vowel && !previousVowel)
            ++count;
        previousVowel = vowel;
    }
    if (w.size() > 2 && w.endsWith(QLatin1Char('e')) && !w.endsWith(QLatin1String("le")) && !isVowel(w.at(w.size() - 2))
        && count > 1)
        --count;
    return std::max(count, 1);
}

Readability measureReadability(const QString &text)
{
    Readability r;
    r.sentences = int(sentenceSpans(text).size());
    const QStringList words = wordsOf(text);
    r.words = int(words.size());
    for (const QString &w : words) {
        r.syllables += countSyllables(w);
        for (const QChar c : w)
            r.letters += c.isLetterOrNumber() ? 1 : 0;
    }
    if (r.words == 0 || r.sentences == 0)
        return r;
    r.wordsPerSentence = double(r.words) / r.sentences;
    r.lettersPerWord = double(r.letters) / r.words;
    r.fleschReadingEase = 206.835 - 1.015 * r.wordsPerSentence - 84.6 * (double(r.syllables) / r.words);
    return r;
}

QVector<LongSentence> longSentences(const QString &text, int maxWords)
{
    QVector<LongSentence> found;
    for (const Span &s : sentenceSpans(text)) {
        const int words = int(wordsOf(text.mid(s.start, s.length)).size());
        if (words > maxWords)
            found.append({s.start, s.length, words});
    }
    return found;
}

std::optional<JargonList> JargonList::read(const QByteArray &json, const QString &fileName, Problems *problems)
{
    JsonReader r(fileName, problems);
    const std::optional<QJsonObject> root = r.parseObject(json, 4 * 1024 * 1024, 16);
    if (!root)
        return std::nullopt;
    r.checkKeys(*root, QString(), {"format", "language", "terms"});
    const std::optional<QString> format = r.string(*root, QString(), "format", true);
    if (format && *format != QLatin1String("coform-jargon/1"))
        r.error(QStringLiteral("/format"), QStringLiteral("expected \"coform-jargon/1\", found \"%1\"").arg(*format));
    r.string(*root, QString(), "language", true);
    JargonList list;
    if (const auto terms = r.array(*root, QString(), "terms", true)) {
        for (qsizetype i = 0; i < terms->size(); ++i) {
            const QString tp = JsonReader::child(QStringLiteral("/terms"), i);
            const auto o = r.asObject(terms->at(i), tp);
            if (!o)
                continue;
            r.checkKeys(*o, tp, {"term", "variants", "plain"});
            Term term;
            term.term = r.string(*o, tp, "term", true).value_or(QString());
            term.plain = r.string(*o, tp, "plain", true).value_or(QString());
            if (const auto variants = r.array(*o, tp, "variants", false)) {
                for (const QJsonValue &v : *variants) {
                    if (v.isString() && !v.toString().trimmed().isEmpty())
                        term.variants.append(v.toString());
                }
            }
            list.m_terms.append(term);
        }
    }
    if (r.errorCount() > 0)
        return std::nullopt;
    return list;
}

const JargonList &JargonList::bundled(const QString &language)
{
    static const JargonList english = [] {
        QFile file(QStringLiteral(":/coform/jargon/en.json"));
        if (!file.open(QIODevice::ReadOnly))
            return JargonList{};
        return read(file.readAll(), file.fileName(), nullptr).value_or(JargonList{});
    }();
    static const JargonList none;
    return language.startsWith(QLatin1String("en")) ? english : none;
}

QVector<JargonMatch> JargonList::find(const QString &text) const
{
    struct Candidate
    {
        QString phrase;
        const Term *term;
    };
    QVector<Candidate> candidates;
    for (const Term &t : m_terms) {
        candidates.append({t.term, &t});
        for (const QString &v : t.variants)
            candidates.append({v, &t});
    }
    // Longest phrase first, so "NHS Continuing Healthcare" wins over "Continuing Healthcare".
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.phrase.size() > b.phrase.size(); });

    QVector<JargonMatch> matches;
    QVector<bool> taken(text.size(), false);
    for (const Candidate &c : candidates) {
        int from = 0;
        while (true) {
            const int at = int(text.indexOf(c.phrase, from, Qt::CaseInsensitive));
            if (at < 0)
                break;
            from = at + 1;
            const int end = at + int(c.phrase.size());
            const bool wholeWord =
                (at == 0 || !isWordChar(text.at(at - 1))) && (end == text.size() || !text.at(end).isLetterOrNumber());
            if (!wholeWord || std::any_of(taken.begin() + at, taken.begin() + end, [](bool b) { return b; }))
                continue;
            std::fill(taken.begin() + at, taken.begin() + end, true);
            matches.append({at, end - at, c.term->term, text.mid(at, end - at), c.term->plain});
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const JargonMatch &a, const JargonMatch &b) { return a.start < b.start; });
    return matches;
}

Problems plainLanguageProblems(const Template &t, const QString &fileName, const JargonList &jargon)
{
    Problems problems;
    auto checkText = [&](const QString &text, const QString &pointer) {
        if (text.isEmpty())
            return;
        if (hasMarkup(text))
            problems.append({Problem::Severity::Warning, fileName, pointer,
                             QStringLiteral("markup (HTML tags or entities) in a text: people would see the tags on "
                                            "screen and on paper; write it as plain text")});
        for (const JargonMatch &m : jargon.find(text))
            problems.append({Problem::Severity::Warning, fileName, pointer,
                             QStringLiteral("jargon \"%1\": in plain words, \"%2\"").arg(m.found, m.plain)});
        for (const LongSentence &s : longSentences(text))
            problems.append({Problem::Severity::Warning, fileName, pointer,
                             QStringLiteral("a sentence of %1 words (aim for 20 or fewer): \"%2\"")
                                 .arg(s.words)
                                 .arg(text.mid(s.start, s.length))});
    };
    // Easy read is words and pictures together: each question of a template with an easy-read version has a picture,
    // and each picture words that say what it shows.
    const bool easyRead = t.languages.contains(QStringLiteral("en-x-easy"));
    auto checkPicture = [&](const Item &item, const QString &pointer) {
        if (item.picture && item.picture->alt.trimmed().isEmpty())
            problems.append({Problem::Severity::Warning, fileName, pointer + QStringLiteral("/picture/alt"),
                             QStringLiteral("the picture has no words saying what it shows: people who cannot see "
                                            "it hear nothing")});
        else if (!item.picture && easyRead)
            problems.append({Problem::Severity::Warning, fileName, pointer + QStringLiteral("/picture"),
                             QStringLiteral("no picture beside this question in the easy-read version: choose one "
                                            "that carries the same meaning")});
    };
    checkText(t.title, QStringLiteral("/title"));
    for (qsizetype si = 0; si < t.sections.size(); ++si) {
        const Section &s = t.sections.at(si);
        const QString sp = QStringLiteral("/sections/%1").arg(si);
        checkText(s.title, sp + QStringLiteral("/title"));
        checkText(s.help, sp + QStringLiteral("/help"));
        for (qsizetype ii = 0; ii < s.items.size(); ++ii) {
            const Item &item = s.items.at(ii);
            const QString ip = sp + QStringLiteral("/items/%1").arg(ii);
            checkText(item.label, ip + QStringLiteral("/label"));
            checkText(item.help, ip + QStringLiteral("/help"));
            for (qsizetype oi = 0; oi < item.options.size(); ++oi) {
                checkText(item.options.at(oi).label, ip + QStringLiteral("/options/%1/label").arg(oi));
                checkText(item.options.at(oi).description, ip + QStringLiteral("/options/%1/description").arg(oi));
            }
            checkPicture(item, ip);
        }
    }
    return problems;
}

} // namespace coform
