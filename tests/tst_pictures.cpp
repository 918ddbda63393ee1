// Pictures for easy read (docs/formats.md, "Pictures"): the bundled set and the bundled template (a picture beside
// every question), the file format's round trip with bundled and embedded pictures, pictures refused in words (the
// reader, and an edit of a shared draft on SQLite and on PostgreSQL: nothing changed), FHIR export and import, the
// easy-read PDF (each picture drawn, as vectors, in its Figure with its words, in Welsh on a Welsh form) and the HTML
// export, and `coform-cli pictures list`.
#define POINTERHOLDER_TRANSITION 4

#include "taggedpdf.h"
#include "testdatabase.h"

#include "edit/edit.h"
#include "edit/templatejson.h"
#include "format/fhirexport.h"
#include "format/fhirimport.h"
#include "format/pictureformat.h"
#include "format/templateformat.h"
#include "model/picturejson.h"
#include "model/picturelibrary.h"
#include "pdf/formcontent.h"
#include "pdf/htmlwriter.h"
#include "pdf/layout.h"
#include "store/templatestore.h"
#include "store/userstore.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

using namespace coform;
using namespace coform::test;

namespace {

Template bundled()
{
    Problems problems;
    std::optional<Template> t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    if (!t)
        qFatal("the bundled template does not read: %s", qPrintable(problems.value(0).toString()));
    return *t;
}

QByteArray pngBytes()
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(5, 5, 20, 10, Qt::darkBlue);
    painter.end();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

const QByteArray kSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\">"
                        "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#236\"/></svg>";

Picture embedded(const QString &type, const QByteArray &data, const QString &alt)
{
    Picture p;
    p.mediaType = type;
    p.data = data;
    p.alt = alt;
    p.credit = QStringLiteral("Our own drawing");
    return p;
}

/// A small template with a picture of each kind: bundled beside the section, an embedded PNG beside a question, an
/// embedded SVG beside an option, Welsh words for each.
Template pictured()
{
    Template t;
    t.id = QStringLiteral("pictured");
    t.title = QStringLiteral("Pictures");
    t.languages = {QStringLiteral("en"), QStringLiteral("cy")};
    Section s;
    s.id = QStringLiteral("about");
    s.title = QStringLiteral("About you");
    s.picture = Picture{QStringLiteral("mulberry"),
                        QStringLiteral("doctor_1a"),
                        {},
                        {},
                        QStringLiteral("A doctor"),
                        PictureLibrary::credit(QStringLiteral("mulberry"))};
    s.translations[QStringLiteral("cy")].pictureAlt = QStringLiteral("Meddyg");
    Item where;
    where.id = QStringLiteral("where");
    where.type = ItemType::Choice;
    where.label = QStringLiteral("Where do you live?");
    where.picture = embedded(QStringLiteral("image/png"), pngBytes(), QStringLiteral("A blue box"));
    where.options = {{QStringLiteral("home"), QStringLiteral("At home"), {}, std::nullopt},
                     {QStringLiteral("care-home"),
                      QStringLiteral("In a care home"),
                      {},
                      embedded(QStringLiteral("image/svg+xml"), kSvg, QStringLiteral("A circle"))}};
    where.translations[QStringLiteral("cy")].pictureAlt = QStringLiteral("Blwch glas");
    where.translations[QStringLiteral("cy")].optionPictureAlts.insert(QStringLiteral("care-home"),
                                                                      QStringLiteral("Cylch"));
    s.items = {where};
    t.sections = {s};
    return t;
}

/// A template file whose one question has `picture` (as JSON): what the reader says.
QString readerSays(const QJsonObject &picture)
{
    QJsonObject item{{"id", "q"}, {"type", "text"}, {"label", "Your name"}, {"picture", picture}};
    QJsonObject section{{"id", "s"}, {"title", "S"}, {"items", QJsonArray{item}}};
    QJsonObject root{
        {"format", "coform-template/1"},  {"id", "t"}, {"version", 1}, {"title", "T"}, {"languages", QJsonArray{"en"}},
        {"sections", QJsonArray{section}}};
    Problems problems;
    // Files are read up to 16 MiB; these are read whole so that the picture's own check is what speaks.
    ReadLimits limits;
    limits.maxBytes = 64 * 1024 * 1024;
    const std::optional<Template> t =
        readTemplate(QJsonDocument(root).toJson(), QStringLiteral("t.json"), &problems, limits);
    if (t)
        return QStringLiteral("(read)");
    QStringList out;
    for (const Problem &p : problems)
        out << p.toString();
    return out.join(QLatin1Char('\n'));
}

QJsonObject svgPicture(const QByteArray &svg)
{
    return QJsonObject{{"type", "image/svg+xml"}, {"data", QString::fromLatin1(svg.toBase64())}, {"alt", "A picture"}};
}

} // namespace

class TestPictures : public QObject
{
    Q_OBJECT

private slots:
    void bundledTemplateHasAPictureBesideEveryQuestion()
    {
        const PictureLibrary &library = PictureLibrary::bundled();
        QVERIFY2(library.pictures().size() >= 150 && library.pictures().size() <= 300,
                 qPrintable(QString::number(library.pictures().size())));
        const Template t = bundled();
        for (const Section &s : t.sections)
            QVERIFY2(s.picture, qPrintable(s.id));
        for (const Item *item : t.allItems()) {
            QVERIFY2(item->picture, qPrintable(item->id));
            QVERIFY2(library.find(item->picture->set, item->picture->name), qPrintable(item->picture->name));
            QVERIFY2(!item->picture->alt.isEmpty(), qPrintable(item->id));
            QVERIFY2(!localizedPictureAlt(t, *item, QStringLiteral("cy")).isEmpty(), qPrintable(item->id));
            QCOMPARE(item->picture->credit, PictureLibrary::credit(QStringLiteral("mulberry")));
        }
        // The where-and-how questions' answers have pictures too ("At your home" with a house).
        const Item *place = t.findItem(QStringLiteral("review-place"));
        for (const Option &o : place->options)
            QVERIFY2(o.picture && !o.picture->alt.isEmpty(), qPrintable(o.value));
        // No plain-language warning about a missing picture or missing words.
        QVERIFY(!library.search(QStringLiteral("doctor")).isEmpty());
        QCOMPARE(library.search(QStringLiteral("doctor")).first()->words.left(6), QStringLiteral("doctor"));
    }

    void theIndexIsReadAsCsv()
    {
        // Lines with and without quotes (RFC 4180: a comma inside quotes is text, "" is one quote), empty fields
        // kept, short lines and lines without a name left out, and the pictures sorted by name.
        const QByteArray csv = "name,words,category,tags\n"
                               "walk,go for a walk,Actions,outside legs\n"
                               "\"cup\",\"a cup, of tea\",Food,\"drink \"\"hot\"\"\"\n"
                               "bed,,Home,\n"
                               "short,only,three\n"
                               ",no name,Home,x\n"
                               "  bath , a bath ,Home,wash  \n";
        const QVector<LibraryPicture> read = PictureLibrary::readIndex(QStringLiteral("s"), csv);
        QCOMPARE(read.size(), 4);
        QCOMPARE(read.at(0).name, QStringLiteral("bath "));
        QCOMPARE(read.at(0).words, QStringLiteral(" a bath "));
        QCOMPARE(read.at(0).tags, QStringList{QStringLiteral("wash")});
        QCOMPARE(read.at(1).name, QStringLiteral("bed"));
        QCOMPARE(read.at(1).words, QString());
        QCOMPARE(read.at(1).tags, QStringList());
        QCOMPARE(read.at(2).name, QStringLiteral("cup"));
        QCOMPARE(read.at(2).words, QStringLiteral("a cup, of tea"));
        QCOMPARE(read.at(2).category, QStringLiteral("Food"));
        QCOMPARE(read.at(2).tags, (QStringList{QStringLiteral("drink"), QStringLiteral("\"hot\"")}));
        QCOMPARE(read.at(3).name, QStringLiteral("walk"));
        QCOMPARE(read.at(3).words, QStringLiteral("go for a walk"));
        QCOMPARE(read.at(3).tags, (QStringList{QStringLiteral("outside"), QStringLiteral("legs")}));
        for (const LibraryPicture &p : read)
            QCOMPARE(p.set, QStringLiteral("s"));
    }

    void picturesRoundTrip()
    {
        const Template t = pictured();
        const QByteArray written = writeTemplate(t);
        Problems problems;
        const std::optional<Template> back = readTemplate(written, QStringLiteral("pictured.json"), &problems);
        QVERIFY2(back, qPrintable(problems.value(0).toString()));
        QVERIFY(*back == t);
        QCOMPARE(writeTemplate(*back), written);
        // The edit codec (drafts, inserts) carries them too.
        QString error;
        const std::optional<Template> viaEdits = TemplateJson::toTemplate(TemplateJson::fromTemplate(t), &error);
        QVERIFY2(viaEdits, qPrintable(error));
        QVERIFY(*viaEdits == t);
        // A file without pictures reads and writes as before.
        Template plain = t;
        plain.sections[0].picture.reset();
        plain.sections[0].translations.clear();
        plain.sections[0].items[0].picture.reset();
        plain.sections[0].items[0].translations.clear();
        plain.sections[0].items[0].options[1].picture.reset();
        QVERIFY2(!writeTemplate(plain).contains("\"picture\":"), writeTemplate(plain).constData());
        // The bundled template too, with its 276 pictures' references.
        const Template b = bundled();
        const std::optional<Template> again = readTemplate(writeTemplate(b), QStringLiteral("b.json"), &problems);
        QVERIFY(again && *again == b);
    }

    void choosingAPictureIsOneEditToUndo()
    {
        const Template t = pictured();
        Picture doctor{QStringLiteral("mulberry"), QStringLiteral("doctor_1b"), {}, {}, QStringLiteral("Doctor"), {}};
        const Edit e =
            Edit::setItemProperty(t, QStringLiteral("where"), QStringLiteral("picture"), pictureToJson(doctor));
        Template changed = t;
        QVERIFY(e.apply(changed).applied());
        QCOMPARE(changed.findItem(QStringLiteral("where"))->picture->name, QStringLiteral("doctor_1b"));
        QVERIFY(e.inverted().apply(changed).applied());
        QVERIFY(changed == t);
        const std::optional<Edit> fromJson = Edit::fromJson(e.toJson(), nullptr);
        QVERIFY(fromJson && *fromJson == e);
        QVERIFY(e.summary().contains(QStringLiteral("picture")));
    }

    void unsafePicturesAreRefusedInWords_data()
    {
        QTest::addColumn<QByteArray>("svg");
        QTest::addColumn<QString>("words");
        const QByteArray head =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
            "viewBox=\"0 0 10 10\">";
        QTest::newRow("script") << head + "<script>alert(1)</script><rect width=\"5\" height=\"5\"/></svg>"
                                << QStringLiteral("has a script, and a picture may not run anything");
        QTest::newRow("event handler") << head + "<rect width=\"5\" height=\"5\" onclick=\"alert(1)\"/></svg>"
                                       << QStringLiteral("has an event handler (onclick)");
        QTest::newRow("outside reference")
            << head + "<image xlink:href=\"https://example.org/track.png\" width=\"5\" height=\"5\"/></svg>"
            << QStringLiteral("refers to something outside itself (https://example.org/track.png)");
        QTest::newRow("outside style") << head + "<rect style=\"fill:url(https://example.org/a)\"/></svg>"
                                       << QStringLiteral("style refers to something outside itself");
        QTest::newRow("foreign object") << head + "<foreignObject><p>hi</p></foreignObject></svg>"
                                        << QStringLiteral("foreign object");
        QTest::newRow("20 MiB") << head + QByteArray(20 * 1024 * 1024, ' ') + "</svg>"
                                << QStringLiteral("more than the 512 KiB a picture may be");
        QTest::newRow("not a picture") << QByteArray("just some words") << QStringLiteral("cannot be read");
    }

    void unsafePicturesAreRefusedInWords()
    {
        QFETCH(QByteArray, svg);
        QFETCH(QString, words);
        const QString said = readerSays(svgPicture(svg));
        QVERIFY2(said.contains(words), qPrintable(said.left(400)));
        QVERIFY2(said.contains(QStringLiteral("/sections/0/items/0/picture")), qPrintable(said.left(400)));
        QCOMPARE(pictureDataProblem(QStringLiteral("image/svg+xml"), svg).isEmpty(), false);
    }

    void otherRefusals()
    {
        QVERIFY(
            readerSays(QJsonObject{{"set", "mulberry"}, {"name", "no-such-picture"}})
                .contains(QStringLiteral("there is no picture called \"no-such-picture\" in the Mulberry Symbols")));
        QVERIFY(readerSays(QJsonObject{{"type", "image/png"}, {"data", QString::fromLatin1(kSvg.toBase64())}})
                    .contains(QStringLiteral("not a PNG picture")));
        QVERIFY(readerSays(QJsonObject{{"type", "image/gif"}, {"data", "R0lGOD=="}})
                    .contains(QStringLiteral("not a picture type Coform takes")));
        QCOMPARE(readerSays(svgPicture(kSvg)), QStringLiteral("(read)"));
        // Together, a template's own pictures may come to 16 MiB; more is refused.
        Template many = pictured();
        const QByteArray big = kSvg.left(kSvg.size() - 6) + "<!--" + QByteArray(500 * 1024, 'x') + "--></svg>";
        QVERIFY(pictureDataProblem(QStringLiteral("image/svg+xml"), big).isEmpty());
        for (int i = 0; i < 34; ++i) {
            Item q = many.sections[0].items[0];
            q.id = QStringLiteral("q%1").arg(i);
            QByteArray own = big;
            own.replace("<!--", "<!--" + QByteArray::number(i)); // each a picture of its own
            q.picture = embedded(QStringLiteral("image/svg+xml"), own, QStringLiteral("x"));
            many.sections[0].items.append(q);
        }
        Problems problems;
        ReadLimits limits;
        limits.maxBytes = 64 * 1024 * 1024;
        QVERIFY(!readTemplate(writeTemplate(many), QStringLiteral("many.json"), &problems, limits));
        QVERIFY2(problems.value(0).message.contains(QStringLiteral("more than the 16384 KiB a template may carry")),
                 qPrintable(problems.value(0).toString()));
    }

    void aSharedDraftRefusesAnUnsafePicture_data() { addBackendRows(); }
    void aSharedDraftRefusesAnUnsafePicture()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString error;
        const QString location = freshDatabase(backend, dir, &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        std::unique_ptr<Database> db = Database::open(location, &error);
        QVERIFY2(db, qPrintable(error));
        UserStore users(*db);
        const Session ada = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password")).value();
        users.addUser(ada, QStringLiteral("Colin"), Role::Coproducer, QStringLiteral("colin-password"));
        const Session colin = users.signIn(QStringLiteral("Colin"), QStringLiteral("colin-password")).value();
        TemplateStore store(*db, colin);
        QVERIFY(store.addTemplate(bundled()).ok());
        const QString id = QStringLiteral("chc-review");
        const Template before = store.get(id).value();
        const QByteArray script = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><script>x()</script>"
                                  "<rect width=\"4\" height=\"4\"/></svg>";
        const Edit bad = Edit::setItemProperty(
            before, QStringLiteral("full-name"), QStringLiteral("picture"),
            pictureToJson(embedded(QStringLiteral("image/svg+xml"), script, QStringLiteral("A box"))));
        const Result<ChangeRecord> refused = store.applyEdit(id, bad);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().contains(QStringLiteral("has a script"))
                     && refused.message().contains(QStringLiteral("nothing was changed")),
                 qPrintable(refused.message()));
        QVERIFY(store.get(id).value() == before);
        // A good own picture is one edit, and undoing it gives the picture before back.
        const Edit good = Edit::setItemProperty(
            before, QStringLiteral("full-name"), QStringLiteral("picture"),
            pictureToJson(embedded(QStringLiteral("image/png"), pngBytes(), QStringLiteral("A blue box"))));
        QVERIFY2(store.applyEdit(id, good).ok(), qPrintable(store.applyEdit(id, good).message()));
        QCOMPARE(store.get(id).value().findItem(QStringLiteral("full-name"))->picture->mediaType,
                 QStringLiteral("image/png"));
        QVERIFY(store.applyEdit(id, good.inverted()).ok());
        QVERIFY(store.get(id).value() == before);
    }

    void fhirCarriesPicturesBothWays()
    {
        const Template t = pictured();
        const QJsonObject q = questionnaireFromTemplate(t);
        const QByteArray json = fhirJson(q);
        QVERIFY(json.contains("sdc-questionnaire-itemMedia"));
        QVERIFY(json.contains("sdc-questionnaire-itemAnswerMedia"));
        QVERIFY(json.contains("\"title\": \"A blue box\""));
        const ImportResult back = importFhirQuestionnaire(json, QStringLiteral("pictured.fhir.json"));
        QVERIFY2(back.tmpl, qPrintable(back.report.text()));
        QVERIFY2(back.report.notes.isEmpty(), qPrintable(back.report.text()));
        const Item *where = back.tmpl->findItem(QStringLiteral("where"));
        QVERIFY(where && where->picture);
        QCOMPARE(*where->picture, *t.findItem(QStringLiteral("where"))->picture);
        QCOMPARE(where->options.at(1).picture, t.findItem(QStringLiteral("where"))->options.at(1).picture);
        QCOMPARE(back.tmpl->sections.first().picture, t.sections.first().picture);
        QCOMPARE(localizedPictureAlt(*back.tmpl, *where, QStringLiteral("cy")), QStringLiteral("Blwch glas"));
    }

    void easyReadPdfDrawsEveryPictureInItsFigure()
    {
        const Template t = bundled();
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("cy")}) {
            RenderOptions options;
            options.profile = PrintProfile::Easy;
            options.languages = {lang};
            options.produced = QDate(2026, 11, 20);
            QByteArray pdf;
            QString error;
            QVERIFY2(renderPdf(t, nullptr, options, &pdf, &error), qPrintable(error));
            const Tagged tagged = readTagged(pdf);
            QVERIFY2(tagged.error.isEmpty(), qPrintable(tagged.error));
            const QVector<const Node *> figures = tagged.withRole(QStringLiteral("Figure"));
            // Every section, every item (blank: all shown) and every option with a picture.
            int expected = 0;
            for (const Section &s : t.sections)
                expected += (s.picture ? 1 : 0) + int(s.items.size());
            for (const Item *item : t.allItems()) {
                for (const Option &o : item->options)
                    expected += o.picture ? 1 : 0;
            }
            QCOMPARE(figures.size(), expected);
            QSet<QString> alts;
            for (const Section &s : t.sections) {
                alts.insert(localizedPictureAlt(t, s, lang));
                for (const Item &item : s.items) {
                    alts.insert(localizedPictureAlt(t, item, lang));
                    for (const Option &o : item.options)
                        alts.insert(localizedOptionPictureAlt(t, item, o, lang));
                }
            }
            for (const Node *f : figures) {
                QVERIFY2(alts.contains(f->alt), qPrintable(f->alt));
                QVERIFY(!f->mc.isEmpty());
                // Its words say their language: Welsh on the Welsh form.
                QCOMPARE(f->lang, lang == QLatin1String("cy") ? QStringLiteral("cy") : QStringLiteral("en-GB"));
            }
            QVERIFY(!tagged.allText().contains(QStringLiteral("Picture space")));
            // Vectors, not images: no image in the file; and the credit line is printed.
            QTemporaryDir dir;
            const QString file = dir.filePath(QStringLiteral("easy.pdf"));
            {
                QFile out(file);
                QVERIFY(out.open(QIODevice::WriteOnly) && out.write(pdf) == pdf.size());
            }
            QString images;
            QCOMPARE(runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), file}, &images), 0);
            QCOMPARE(images.trimmed().split(QLatin1Char('\n')).size(), 2); // the heading lines, and no image
            const QString text = popplerText(pdf);
            QVERIFY2(simplified(text).contains(
                         simplified(QStringLiteral("Mulberry Symbols (mulberrysymbols.org), CC BY-SA 4.0"))),
                     qPrintable(text.right(300)));
            // The first question's picture is drawn: dark pixels in its square, where a blank slot has none.
            std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
            QVERIFY(doc);
            const QImage page = std::unique_ptr<Poppler::Page>(doc->page(0))->renderToImage(72, 72);
            const Layout layout = layoutForm(t, nullptr, options);
            int dark = 0;
            for (const LayoutBox &b : layout.pages.first().boxes) {
                if (b.role != BoxRole::Figure)
                    continue;
                const QRect r = b.rect.toRect();
                for (int y = r.top(); y < r.bottom(); ++y) {
                    for (int x = r.left(); x < r.right(); ++x)
                        dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
                }
                break;
            }
            QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
        }
    }

    void standardPrintLeavesPicturesOutUnlessAsked()
    {
        Template t = bundled();
        RenderOptions options;
        options.produced = QDate(2026, 11, 20);
        QByteArray pdf;
        QString error;
        QVERIFY(renderPdf(t, nullptr, options, &pdf, &error));
        QVERIFY(readTagged(pdf).withRole(QStringLiteral("Figure")).isEmpty());
        t.picturesInAllProfiles = true;
        QVERIFY(renderPdf(t, nullptr, options, &pdf, &error));
        QVERIFY(readTagged(pdf).withRole(QStringLiteral("Figure")).size() > 100);
    }

    void htmlExportHasEachPictureInsideTheFile()
    {
        const Template t = pictured();
        RenderOptions options;
        options.profile = PrintProfile::Easy;
        const QString html = QString::fromUtf8(HtmlWriter(buildFormContent(t, nullptr, options)).write());
        QCOMPARE(html.count(QStringLiteral("<img ")), 3);
        QVERIFY(html.contains(QStringLiteral("alt=\"A blue box\"")));
        QVERIFY(html.contains(QStringLiteral("src=\"data:image/png;base64,")));
        QVERIFY(html.contains(QStringLiteral("src=\"data:image/svg+xml;base64,")));
        QVERIFY(!html.contains(QStringLiteral("src=\"http")));
    }

    void cliListsTheBundledPictures()
    {
        QProcess cli;
        cli.start(qEnvironmentVariable("COFORM_CLI"), {QStringLiteral("pictures"), QStringLiteral("list"),
                                                       QStringLiteral("--search"), QStringLiteral("doctor")});
        QVERIFY(cli.waitForFinished(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY2(out.contains(QStringLiteral("mulberry\tdoctor_1a\tdoctor 1a\tPeople Profession")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Pictures: Mulberry Symbols (mulberrysymbols.org), CC BY-SA 4.0")));
        cli.start(qEnvironmentVariable("COFORM_CLI"), {QStringLiteral("pictures"), QStringLiteral("list"),
                                                       QStringLiteral("--search"), QStringLiteral("zebra crossing")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 4);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("no picture matches")));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestPictures test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pictures.moc"
