#include "check/answervalidation.h"
#include "check/coverage.h"
#include "format/templateformat.h"
#include "model/requirementset.h"

#include <QtTest>

using namespace coform;

namespace {
Template bundled()
{
    Problems problems;
    return readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems).value_or(Template{});
}

Answers answersFor(const Template &t)
{
    Answers a;
    a.templateId = t.id;
    a.version = t.version;
    return a;
}

bool hasProblem(const Problems &problems, const QString &pointer, const QString &fragment,
                Problem::Severity severity = Problem::Severity::Error)
{
    for (const Problem &p : problems) {
        if (p.pointer == pointer && p.message.contains(fragment) && p.severity == severity)
            return true;
    }
    for (const Problem &p : problems)
        qWarning("%s", qPrintable(p.toString()));
    return false;
}
} // namespace

/// Requirement coverage, translations and answer validation.
class TestCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bundledRequirementSetHasTheFrameworkRequirements()
    {
        const std::optional<RequirementSet> set = bundledRequirementSet(QStringLiteral("chc-national-framework"));
        QVERIFY(set);
        QCOMPARE(set->requirements.size(), 18);
        for (const char *id :
             {"FR-REVIEW-TIMING", "FR-REVIEW-PURPOSE", "FR-NEEDS-CHANGE", "FR-REASSESS-TRIGGER", "FR-INVOLVE",
              "FR-REPRESENTATIVE", "FR-CONSENT", "FR-CAPACITY", "FR-ADVOCACY", "FR-REVIEWER", "FR-EVIDENCE",
              "FR-OUTCOME", "FR-COMMUNICATE", "FR-PHB", "FR-AIS", "FR-NHSNUMBER", "FR-DATAPROT", "FR-SAFETY"})
            QVERIFY2(set->find(QLatin1String(id)), id);
        QVERIFY(!bundledRequirementSet(QStringLiteral("no-such-set")));
    }

    void bundledTemplateCoversEveryRequirement()
    {
        const Template t = bundled();
        const std::optional<RequirementSet> set = bundledRequirementSet(t.requirementSet);
        QVERIFY(set);
        const Coverage coverage = computeCoverage(t, *set);
        QVERIFY2(coverage.uncovered.isEmpty(), qPrintable(coverage.uncovered.join(u", ")));
        QVERIFY(coverage.unknownTags.isEmpty());
        QVERIFY(
            coverage.itemsByRequirement.value(QStringLiteral("FR-NHSNUMBER")).contains(QStringLiteral("nhs-number")));
    }

    void removingAnItemUncoversItsRequirement()
    {
        Template t = bundled();
        // Take the advocacy question out, and tag another question with a requirement that does not exist.
        for (Section &s : t.sections)
            s.items.removeIf([](const Item &i) { return i.requirements.contains(QStringLiteral("FR-ADVOCACY")); });
        t.sections.first().items.first().requirements.append(QStringLiteral("FR-MADE-UP"));
        const Coverage coverage = computeCoverage(t, *bundledRequirementSet(t.requirementSet));
        QCOMPARE(coverage.uncovered, QStringList{QStringLiteral("FR-ADVOCACY")});
        QCOMPARE(coverage.unknownTags.value(t.sections.first().items.first().id),
                 QStringList{QStringLiteral("FR-MADE-UP")});
        const Problems problems = coverageProblems(t, coverage, QStringLiteral("t.json"));
        QCOMPARE(problems.size(), 2);
        QVERIFY(hasProblem(problems, QStringLiteral("/sections/0/items/0/requirements"), QStringLiteral("FR-MADE-UP"),
                           Problem::Severity::Warning));
    }

    void missingTranslations()
    {
        Template t = bundled();
        QVERIFY(t.languages.contains(QStringLiteral("cy")));
        // The first section is fully translated into Welsh; dropping one label is noticed at its pointer.
        const int before = missingTranslationCounts(t).value(QStringLiteral("cy"));
        t.sections[0].items[1].translations[QStringLiteral("cy")].label.clear();
        QCOMPARE(missingTranslationCounts(t).value(QStringLiteral("cy")), before + 1);
        QVERIFY(hasProblem(translationProblems(t, QStringLiteral("t.json")),
                           QStringLiteral("/sections/0/items/1/label"), QStringLiteral("no \"cy\" translation"),
                           Problem::Severity::Warning));
    }

    void answerValidation_data()
    {
        QTest::addColumn<QString>("item");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("fragment"); // empty: valid
        QTest::newRow("valid choice") << "review-type" << QJsonValue(QStringLiteral("first")) << QString();
        // Messages name the question elsewhere, never repeat the answer (it can be personal data).
        QTest::newRow("unknown option") << "review-type" << QJsonValue(QStringLiteral("monthly"))
                                        << QStringLiteral("the answer is not one of the options");
        QTest::newRow("choice as number") << "review-type" << QJsonValue(3) << QStringLiteral("expected one of");
        QTest::newRow("valid NHS number") << "nhs-number" << QJsonValue(QStringLiteral("943 476 5919")) << QString();
        QTest::newRow("bad NHS number") << "nhs-number" << QJsonValue(QStringLiteral("943 476 5918"))
                                        << QStringLiteral("not a valid NHS number");
        QTest::newRow("yes/no as text") << "consent-review" << QJsonValue(QStringLiteral("yes"))
                                        << QStringLiteral("expected true (yes) or false (no)");
        QTest::newRow("bad date") << "review-date" << QJsonValue(QStringLiteral("2026-02-30"))
                                  << QStringLiteral("not a real date");
        QTest::newRow("date with a line break after it")
            << "review-date" << QJsonValue(QStringLiteral("2026-11-20\n")) << QStringLiteral("not a real date");
        QTest::newRow("date in another shape")
            << "review-date" << QJsonValue(QStringLiteral("20/11/2026")) << QStringLiteral("not a real date");
        QTest::newRow("number too big") << "hospital-stays" << QJsonValue(1000) << QStringLiteral("more than");
        QTest::newRow("number below min") << "hospital-stays" << QJsonValue(-1) << QStringLiteral("less than");
        QTest::newRow("multichoice valid")
            << "info-format" << QJsonValue(QJsonArray{QStringLiteral("large-print")}) << QString();
        QTest::newRow("multichoice unknown") << "info-format" << QJsonValue(QJsonArray{QStringLiteral("smoke-signals")})
                                             << QStringLiteral("a chosen value is not one of the options");
        QTest::newRow("longest free text") << "going-well" << QJsonValue(QString(20000, QLatin1Char('x'))) << QString();
        QTest::newRow("free text too long") << "going-well" << QJsonValue(QString(20005, QLatin1Char('x')))
                                            << QStringLiteral("is 20,005 characters long: 5 over the limit of 20,000");
        QTest::newRow("line breaks in long text")
            << "going-well" << QJsonValue(QStringLiteral("One.\nTwo.\tThree.")) << QString();
        QTest::newRow("terminal escape in long text")
            << "going-well" << QJsonValue(QStringLiteral("One\x1b[2J")) << QStringLiteral("holds a control character");
        QTest::newRow("line break in one-line text")
            << "full-name" << QJsonValue(QStringLiteral("Jane\nForged")) << QStringLiteral("must be one line");
        QTest::newRow("table unknown column")
            << "participants" << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("shoe-size"), QStringLiteral("9")}}})
            << QStringLiteral("column \"shoe-size\"");
        QTest::newRow("signature without name or reason")
            << "reviewer-signature" << QJsonValue(QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-11-20")}})
            << QStringLiteral("needs a name");
        QTest::newRow("signature declined")
            << "reviewer-signature"
            << QJsonValue(QJsonObject{{QStringLiteral("declinedReason"), QStringLiteral("Not able to sign today")}})
            << QString();
        QTest::newRow("unknown question") << "shoe-size" << QJsonValue(9) << QStringLiteral("no question");
    }
    void answerValidation()
    {
        QFETCH(QString, item);
        QFETCH(QJsonValue, value);
        QFETCH(QString, fragment);
        const Template t = bundled();
        Answers a = answersFor(t);
        a.values.insert(item, value);
        const Problems problems = validateAnswers(t, a, QStringLiteral("a.json"));
        if (fragment.isEmpty())
            QVERIFY(!hasErrors(problems));
        else
            QVERIFY(hasProblem(problems, QStringLiteral("/answers/") + item, fragment));
        // No message repeats a text answer.
        const QString text = value.isArray() ? value.toArray().first().toString() : value.toString();
        for (const Problem &p : problems)
            QVERIFY2(text.size() < 6 || !p.message.contains(text), qPrintable(p.message));
    }

    void personIsChecked()
    {
        const Template t = bundled();
        Answers a = answersFor(t);
        a.person.nhsNumber = QStringLiteral("9991234560");
        QVERIFY(hasProblem(validateAnswers(t, a, QStringLiteral("a.json")), QStringLiteral("/person/nhsNumber"),
                           QStringLiteral("not a valid NHS number")));
    }

    void showIfHidesAndRequiredNeedsAnswers()
    {
        const Template t = bundled();
        const Section *phb = t.findSection(QStringLiteral("phb"));
        QVERIFY(phb && phb->showIf);
        Answers a = answersFor(t);
        QVERIFY(!isShown(t, *phb, a));
        a.values.insert(QStringLiteral("has-phb"), true);
        QVERIFY(isShown(t, *phb, a));
        a.values.insert(QStringLiteral("has-phb"), false);
        QVERIFY(!isShown(t, *phb, a));

        // Completing: required questions that apply must be answered; those hidden by showIf need not be.
        Problems problems = validateAnswers(t, a, QStringLiteral("a.json"), RequiredAnswers::MustBePresent);
        QVERIFY(hasProblem(problems, QStringLiteral("/answers/review-date"), QStringLiteral("needs an answer")));
        for (const Item &item : phb->items) {
            for (const Problem &p : problems)
                QVERIFY2(p.pointer != QStringLiteral("/answers/") + item.id, qPrintable(p.toString()));
        }
        QVERIFY(!hasErrors(validateAnswers(t, a, QStringLiteral("a.json"), RequiredAnswers::MayBeMissing)));
    }
};

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
