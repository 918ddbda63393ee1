#pragma once

#include "model/problem.h"
#include "model/template.h"

#include <QString>
#include <QVector>

#include <optional>

namespace coform {

/// Figures for how easy a text is to read.
struct Readability
{
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    int letters = 0;
    /// Flesch reading ease: 206.835 - 1.015 * words/sentences - 84.6 * syllables/words. 60-70 is plain English;
    /// higher is easier. 0 words give 0.
    double fleschReadingEase = 0;
    double wordsPerSentence = 0;
    double lettersPerWord = 0;
};

/// Counts sentences, words and syllables of English text. Syllables are vowel groups (a e i o u y) in a word, less a
/// silent final "e" (but not "-le" as in "table"), and at least one a word. Sentences end at . ! ? or a line break.
Readability measureReadability(const QString &text);

/// Syllables of one English word (the rule above).
int countSyllables(const QString &word);

/// A sentence that is too long, with its place in the text.
struct LongSentence
{
    int start = 0;
    int length = 0;
    int words = 0;
};

/// Sentences of more than `maxWords` words.
QVector<LongSentence> longSentences(const QString &text, int maxWords = 20);

/// A jargon word found in a text, with its plain alternative.
struct JargonMatch
{
    int start = 0;
    int length = 0;
    QString term;  ///< the list's headword ("Continuing Healthcare")
    QString found; ///< the words as written in the text ("CHC")
    QString plain; ///< "care fully paid for by the NHS"
};

/// A list of jargon terms with their plain alternatives (`coform-jargon/1`, e.g. forms/resources/jargon/en.json).
class JargonList
{
public:
    struct Term
    {
        QString term;
        QStringList variants;
        QString plain;
    };

    static std::optional<JargonList> read(const QByteArray &json, const QString &fileName, Problems *problems);
    /// The list bundled for a language ("en"); an empty list when there is none.
    static const JargonList &bundled(const QString &language = QStringLiteral("en"));

    /// Every jargon word or phrase in the text: whole words, any case, the longest phrase first where they overlap.
    QVector<JargonMatch> find(const QString &text) const;
    const QVector<Term> &terms() const { return m_terms; }

private:
    QVector<Term> m_terms;
};

/// Plain-language warnings for a template's source-language texts (labels, help, option labels and section titles):
/// each jargon word with its plain alternative, each sentence over 20 words, and markup (HTML tags) in a text.
Problems plainLanguageProblems(const Template &t, const QString &fileName,
                               const JargonList &jargon = JargonList::bundled());

} // namespace coform
