// "About this form": a package's provenance on one A4 page in plain words, read back with poppler and libqpdf as a
// reader's tools read it, and the same words as a section of the form's HTML export.
#define POINTERHOLDER_TRANSITION 4

#include "taggedpdf.h"

#include "pdf/aboutformpdf.h"

#include <QGuiApplication>
#include <QtTest>

using namespace coform;
using namespace coform::test;

namespace {

Provenance sample()
{
    Provenance p;
    p.organisationName = QStringLiteral("Riverside Care Trust");
    p.organisationCode = QStringLiteral("RXC");
    p.templateId = QStringLiteral("chc-review");
    p.version = 3;
    p.title = QStringLiteral("Continuing care review");
    p.publishedAt = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    p.approvals = {{Role::Coproducer, QDate(2026, 3, 3), {}}, {Role::Reviewer, QDate(2026, 3, 4), {}}};
    p.requirementSetId = QStringLiteral("nhs-chc-2022");
    p.requirementsTotal = 12;
    p.requirementsCovered = 12;
    p.questions = 24;
    p.readingEase = 71.4;
    p.wordsPerSentence = 11.25;
    p.longSentences = 2;
    p.jargonWords = 1;
    p.history = {{1, QDate(2025, 6, 1), {}, {}},
                 {2,
                  QDate(2025, 11, 2),
                  {QStringLiteral("Question 3 reworded: \u201cWhen would you like your next review?\u201d")},
                  {QStringLiteral("Asked to drop question 9; it is needed by the framework.")}},
                 {3, QDate(2026, 3, 10), {QStringLiteral("Question 10 added: \u201cWho helps you most?\u201d")}, {}}};
    return p;
}

int pageCount(const QByteArray &pdf)
{
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    return doc ? doc->numPages() : 0;
}

QByteArray pdfOf(const Provenance &p)
{
    QByteArray pdf;
    QString error;
    if (!writeAboutFormPdf(p, QDate(2026, 3, 12), &pdf, &error))
        qWarning("%s", qPrintable(error));
    return pdf;
}

} // namespace

class TestAboutForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// One page a board can read: who made it, who approved it, what it covers, how plain, what changed; tagged with
    /// a title and the language, every word in the structure.
    void onePageInPlainWords()
    {
        const QByteArray pdf = pdfOf(sample());
        QVERIFY(!pdf.isEmpty());
        QCOMPARE(pageCount(pdf), 1);
        const QString text = simplified(popplerText(pdf));
        for (const QString &words :
             {QStringLiteral("About this form"), QStringLiteral("Continuing care review, version 3"),
              QStringLiteral("Made by Riverside Care Trust (RXC)."), QStringLiteral("Published 10 March 2026."),
              QStringLiteral("Approved by a person with lived experience (co-producer) on 3 March 2026."),
              QStringLiteral("Approved by a member of staff (reviewer) on 4 March 2026."),
              QStringLiteral("Covers 12 of the 12 framework requirements."),
              QStringLiteral("The form has 24 questions."), QStringLiteral("Reading ease: 71 out of 100."),
              QStringLiteral("Sentences have 11.3 words on average."), QStringLiteral("2 sentences are longer than 20"),
              QStringLiteral("1 jargon word found"),
              QStringLiteral("What changed in version 3 (published 10 March 2026)"),
              QStringLiteral("Question 10 added"),
              QStringLiteral("Not changed, and why: Asked to drop question 9; it is needed by the framework."),
              QStringLiteral("chc-review version 3. Produced 12 March 2026.")})
            QVERIFY2(text.contains(words), qPrintable(words + QStringLiteral(" not in: ") + text));
        QVERIFY(!text.contains(QStringLiteral("Adapted from")));
        QVERIFY(!text.contains(QStringLiteral("Not covered")));

        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(str(t.info.getKey("/Title")), QStringLiteral("About this form: Continuing care review, version 3"));
        QCOMPARE(str(t.catalogue.getKey("/Lang")), QStringLiteral("en-GB"));
        QCOMPARE(t.withRole(QStringLiteral("H1")).size(), 1);
        QCOMPARE(t.withRole(QStringLiteral("H1")).first()->text(), QStringLiteral("About this form"));
        const QString structure = simplified(t.allText());
        QVERIFY(structure.contains(QStringLiteral("Covers 12 of the 12 framework requirements.")));
        QVERIFY(structure.contains(QStringLiteral("Who approved it")));
        QVERIFY(!structure.contains(QStringLiteral("Produced 12 March"))); // the footer is an artifact
        QCOMPARE(t.textOutside.at(0), 0);
        // Body text is 13pt: the approvals line's words are as tall as 13pt text.
        bool found = false;
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        for (const std::unique_ptr<Poppler::TextBox> &box : doc->page(0)->textList()) {
            if (box->text() == QLatin1String("lived")) {
                found = true;
                const qreal height = box->boundingBox().height();
                QVERIFY2(height > 11 && height < 17, qPrintable(QString::number(height)));
            }
        }
        QVERIFY(found);
    }

    /// Requirements not covered are named with the publisher's reason; an adapted form says where it came from.
    void uncoveredAndAdapted()
    {
        Provenance p = sample();
        p.requirementsCovered = 10;
        p.uncovered = {QStringLiteral("R7 Review of the care plan"), QStringLiteral("R9 Carers' views")};
        p.coverageReason = QStringLiteral("Our local review covers these in a separate meeting.");
        p.adaptedFromOrganisation = QStringLiteral("Hillside Health");
        p.adaptedFromTemplateId = QStringLiteral("hh-review");
        p.adaptedFromVersion = 4;
        p.approvals.first().name = QStringLiteral("Colin Jones");
        const QString text = simplified(popplerText(pdfOf(p)));
        for (const QString &words :
             {QStringLiteral("Covers 10 of the 12 framework requirements."),
              QStringLiteral("Not covered: R7 Review of the care plan; R9 Carers' views."),
              QStringLiteral("Why it was published like this: Our local review covers these in a separate meeting."),
              QStringLiteral("Adapted from Hillside Health's form \u201chh-review\u201d, version 4."),
              QStringLiteral(
                  "Approved by Colin Jones, a person with lived experience (co-producer), on 3 March 2026.")})
            QVERIFY2(text.contains(words), qPrintable(words + QStringLiteral(" not in: ") + text));
    }

    /// A long history still fits one page: the newest versions in full, the oldest summed up in one line.
    void longHistorySummedUp()
    {
        Provenance p = sample();
        p.history.clear();
        for (int v = 1; v <= 30; ++v) {
            ProvenanceVersion version{v, QDate(2020, 1, 1).addMonths(v), {}, {}};
            for (int c = 0; c < 6; ++c)
                version.changes
                    << QStringLiteral("Question %1 reworded in version %2 to say it more plainly.").arg(c + 1).arg(v);
            p.history.append(version);
        }
        p.version = 30;
        const QByteArray pdf = pdfOf(p);
        QCOMPARE(pageCount(pdf), 1);
        const QString text = simplified(popplerText(pdf));
        QVERIFY2(text.contains(QStringLiteral("What changed in version 30")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("What changed in version 1 ")));
        QVERIFY2(text.contains(QStringLiteral("earlier versions (versions 1 to")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("changes in all.")));
        QVERIFY(text.contains(QStringLiteral("Made by Riverside Care Trust (RXC).")));
    }

    /// The form's HTML export has the section when the caller gives the provenance, and not otherwise.
    void htmlHasTheSection()
    {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(bundledPath(), &problems);
        QVERIFY(t);
        RenderOptions options;
        QByteArray plain;
        QString error;
        QVERIFY(renderHtml(*t, nullptr, options, &plain, &error));
        QVERIFY(!plain.contains("about-this-form"));
        options.about = sample();
        QByteArray html;
        QVERIFY(renderHtml(*t, nullptr, options, &html, &error));
        const QString s = QString::fromUtf8(html);
        const qsizetype section = s.indexOf(QStringLiteral("<section aria-labelledby=\"about-this-form\""));
        QVERIFY(section > 0);
        QVERIFY(section < s.indexOf(QStringLiteral("</main>")));
        QVERIFY(s.contains(QStringLiteral("<h2 id=\"about-this-form\">About this form</h2>")));
        QVERIFY(s.contains(QStringLiteral("Made by Riverside Care Trust (RXC).")));
        QVERIFY(
            s.contains(QStringLiteral("Approved by a person with lived experience (co-producer) on 3 March 2026.")));
        QVERIFY(s.contains(QStringLiteral("Question 10 added: \u201cWho helps you most?\u201d").toHtmlEscaped()));
    }
};

// Rendering needs fonts, so Qt Gui (offscreen; no display).
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestAboutForm test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_aboutform.moc"
