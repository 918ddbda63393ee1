#include <QtTest>

/// `coform-cli check`, run as a person or another tool runs it: exit codes and one line per problem.
class TestCliCheck : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QStringList errLines;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("COFORM_CLI"), args);
        if (!p.waitForFinished(60000))
            return {};
        Run r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.errLines = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return r;
    }

    static QString data(const char *name)
    {
        return QStringLiteral(COFORM_TEST_DATA_DIR "/format/") + QLatin1String(name);
    }
    static QString bundled() { return QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json"); }

private Q_SLOTS:
    void bundledTemplateIsValidAndCovered()
    {
        const Run r = run({QStringLiteral("check"), bundled()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Requirement coverage (chc-national-framework): 18 of 18 covered")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("MISSING")));
        QVERIFY(r.out.contains(QLatin1String("Valid")));
    }

    void brokenTemplates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("pointers");
        QTest::newRow("broken showIf") << data("broken-showif.json")
                                       << QStringList{QStringLiteral("/sections/0/items/0/showIf/item"),
                                                      QStringLiteral("/sections/0/items/2/showIf/item")};
        QTest::newRow("duplicate id") << data("duplicate-id.json")
                                      << QStringList{QStringLiteral("/sections/1/items/0/id")};
        QTest::newRow("wrong type") << data("wrong-type.json")
                                    << QStringList{QStringLiteral("/version"),
                                                   QStringLiteral("/sections/0/items/0/required"),
                                                   QStringLiteral("/sections/0/items/1/type")};
        QTest::newRow("misspelt property")
            << data("misspelt-property.json") << QStringList{QStringLiteral("/sections/0/items/0/hepl")};
    }
    void brokenTemplates()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, pointers);
        const Run r = run({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 2);
        // One line per problem, each naming the file and the JSON pointer, then a summary line.
        QStringList problemLines = r.errLines.filter(QLatin1String(": error: "));
        QCOMPARE(problemLines.size(), pointers.size());
        for (int i = 0; i < pointers.size(); ++i)
            QVERIFY2(problemLines.at(i).contains(file + QLatin1Char(':') + pointers.at(i) + QLatin1String(": error: ")),
                     qPrintable(problemLines.at(i)));
    }

    void badAnswers()
    {
        const Run r = run({QStringLiteral("check"), bundled(), QStringLiteral("--answers"), data("bad-answers.json")});
        QCOMPARE(r.exitCode, 2);
        const QStringList problems = r.errLines.filter(QLatin1String(": error: "));
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.filter(QLatin1String("/person/nhsNumber: error: This is not a valid NHS number")).size() == 1);
        QVERIFY(problems.filter(QLatin1String("/answers/nhs-number: error: This is not a valid NHS number")).size()
                == 1);
        QVERIFY(
            problems.filter(QLatin1String("/answers/review-type: error: the answer is not one of the options")).size()
            == 1);
        QVERIFY(r.errLines.filter(QLatin1String("monthly")).isEmpty()); // the answer is never repeated
    }

    void goodAnswers()
    {
        const Run r = run({QStringLiteral("check"), bundled(), QStringLiteral("--answers"), data("good-answers.json")});
        QCOMPARE(r.exitCode, 0);
        // Completing needs every required answer: the same answers are then refused, naming what is missing.
        const Run complete = run({QStringLiteral("check"), bundled(), QStringLiteral("--answers"),
                                  data("good-answers.json"), QStringLiteral("--complete")});
        QCOMPARE(complete.exitCode, 2);
        QVERIFY(!complete.errLines.filter(QLatin1String("/answers/review-outcome: error:")).isEmpty());
    }

    void usageAndMissingFile()
    {
        QCOMPARE(run({QStringLiteral("check")}).exitCode, 1);
        const Run r = run({QStringLiteral("check"), QStringLiteral("/nonexistent/t.json")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.errLines.first().contains(QLatin1String("/nonexistent/t.json")));
    }
};

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"
