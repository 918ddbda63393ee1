#include "check/plainlanguage.h"
#include "format/templateformat.h"

#include <QtTest>

using namespace coform;

/// Reading ease, long sentences and jargon, on sentences whose figures were worked out by hand.
class TestPlainLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syllables_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("syllables");
        QTest::newRow("cat") << "cat" << 1;
        QTest::newRow("care: silent e") << "care" << 1;
        QTest::newRow("table: -le is sounded") << "table" << 2;
        QTest::newRow("the: one vowel") << "the" << 1;
        QTest::newRow("assessment") << "assessment" << 3;
        QTest::newRow("eligibility") << "eligibility" << 6;
        QTest::newRow("continuing") << "continuing" << 3;
        QTest::newRow("healthcare") << "Healthcare" << 2;
        QTest::newRow("rhythm: y is a vowel") << "rhythm" << 1;
        QTest::newRow("no vowels counts one") << "NHS" << 1;
    }
    void syllables()
    {
        QFETCH(QString, word);
        QFETCH(int, syllables);
        QCOMPARE(countSyllables(word), syllables);
    }

    void readingEase()
    {
        // 1 sentence, 6 words, 6 syllables: 206.835 - 1.015*6 - 84.6*1 = 116.145
        Readability r = measureReadability(QStringLiteral("The cat sat on the mat."));
        QCOMPARE(r.sentences, 1);
        QCOMPARE(r.words, 6);
        QCOMPARE(r.syllables, 6);
        QVERIFY(qAbs(r.fleschReadingEase - 116.145) < 0.001);

        // 2 sentences, 11 words, 13 syllables: 206.835 - 1.015*5.5 - 84.6*13/11 = 101.2707
        r = measureReadability(QStringLiteral("We will check your care. It is not a new assessment."));
        QCOMPARE(r.sentences, 2);
        QCOMPARE(r.words, 11);
        QCOMPARE(r.syllables, 13);
        QCOMPARE(r.wordsPerSentence, 5.5);
        QVERIFY(qAbs(r.fleschReadingEase - 101.2707) < 0.001);

        // Jargon reads hard: 1 sentence, 9 words, 20 syllables: 206.835 - 9.135 - 188 = 9.7
        r = measureReadability(QStringLiteral("Continuing Healthcare eligibility depends on a primary health need."));
        QCOMPARE(r.words, 9);
        QCOMPARE(r.syllables, 20);
        QVERIFY(qAbs(r.fleschReadingEase - 9.7) < 0.001);

        QCOMPARE(measureReadability(QString()).words, 0);
        QCOMPARE(measureReadability(QStringLiteral("  ... ")).fleschReadingEase, 0.0);
    }

    void longSentencesAreFound()
    {
        const QString twenty = QStringLiteral("one two three four five six seven eight nine ten eleven twelve "
                                              "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.");
        QVERIFY(longSentences(twenty).isEmpty());
        const QString text = QStringLiteral("Short one. ") + twenty.chopped(1) + QStringLiteral(" more. Done.");
        const QVector<LongSentence> found = longSentences(text);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().words, 21);
        QCOMPARE(text.mid(found.first().start, 3), QStringLiteral("one"));
    }

    void jargonIsFoundWithItsPlainWords()
    {
        const JargonList &jargon = JargonList::bundled();
        QVERIFY(jargon.terms().size() >= 35);
        const QString text =
            QStringLiteral("Continuing Healthcare eligibility depends on a primary health need, says the ICB.");
        const QVector<JargonMatch> matches = jargon.find(text);
        QStringList terms;
        for (const JargonMatch &m : matches)
            terms.append(m.term);
        QCOMPARE(terms, (QStringList{QStringLiteral("Continuing Healthcare"), QStringLiteral("eligibility"),
                                     QStringLiteral("primary health need"), QStringLiteral("ICB")}));
        QCOMPARE(matches.first().plain, QStringLiteral("care fully paid for by the NHS"));
        QCOMPARE(text.mid(matches.at(3).start, matches.at(3).length), QStringLiteral("ICB"));
        // The longest phrase wins, variants count, any case; parts of words never match.
        const QVector<JargonMatch> nhs = jargon.find(QStringLiteral("Your nhs continuing healthcare and CHC."));
        QCOMPARE(nhs.size(), 2);
        QCOMPARE(nhs.first().found, QStringLiteral("nhs continuing healthcare"));
        QCOMPARE(nhs.at(1).found, QStringLiteral("CHC"));
        QVERIFY(jargon.find(QStringLiteral("We look after your skin.")).isEmpty());
        QVERIFY(jargon.find(QStringLiteral("ICBs")).isEmpty()
                || jargon.find(QStringLiteral("ICBs")).first().found != QStringLiteral("ICB"));
    }

    void templateWarnings()
    {
        Problems problems;
        std::optional<Template> t = readTemplate(
            R"({"format": "coform-template/1", "id": "t", "version": 1, "title": "Review", "sections": [{"id": "s", "title": "About",
                "items": [{"id": "a", "type": "yesno", "label": "Has the ICB told you about your eligibility?",
                "help": "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one."}]}]})",
            QStringLiteral("t.json"), &problems);
        QVERIFY(t);
        const Problems warnings = plainLanguageProblems(*t, QStringLiteral("t.json"));
        QCOMPARE(warnings.size(), 3);
        QCOMPARE(warnings.at(0).pointer, QStringLiteral("/sections/0/items/0/label"));
        QVERIFY(
            warnings.at(0).message.contains(QLatin1String("\"ICB\": in plain words, \"your local NHS organisation")));
        QVERIFY(warnings.at(1).message.contains(QLatin1String("\"eligibility\"")));
        QCOMPARE(warnings.at(2).pointer, QStringLiteral("/sections/0/items/0/help"));
        QVERIFY(warnings.at(2).message.contains(QLatin1String("a sentence of 22 words")));
    }

    /// Easy read is words and pictures together: in a template with an easy-read version, a question with no picture,
    /// and a picture with no words, are each warned about.
    void easyReadQuestionsWantPicturesWithWords()
    {
        Problems problems;
        std::optional<Template> t = readTemplate(
            R"({"format": "coform-template/1", "id": "t", "version": 1, "title": "Review",
                "languages": ["en", "en-x-easy"], "sections": [{"id": "s", "title": "About", "items": [
                {"id": "a", "type": "text", "label": "Your name", "picture": {"set": "mulberry", "name": "letter",
                 "alt": "A letter"}},
                {"id": "b", "type": "text", "label": "Your doctor", "picture": {"set": "mulberry", "name": "doctor_1a"}},
                {"id": "c", "type": "text", "label": "Your home"}]}]})",
            QStringLiteral("t.json"), &problems);
        QVERIFY2(t, qPrintable(problems.value(0).toString()));
        const Problems warnings = plainLanguageProblems(*t, QStringLiteral("t.json"));
        QCOMPARE(warnings.size(), 2);
        QCOMPARE(warnings.at(0).pointer, QStringLiteral("/sections/0/items/1/picture/alt"));
        QVERIFY(warnings.at(0).message.contains(QLatin1String("no words saying what it shows")));
        QCOMPARE(warnings.at(1).pointer, QStringLiteral("/sections/0/items/2/picture"));
        QVERIFY(warnings.at(1).message.contains(QLatin1String("no picture beside this question")));
        // Without an easy-read version, a question needs no picture.
        t->languages = {QStringLiteral("en")};
        QCOMPARE(plainLanguageProblems(*t, QStringLiteral("t.json")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPlainLanguage)
#include "tst_plainlanguage.moc"
