#include <poppler-form.h>
#include <poppler-qt6.h>

#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/// `coform-cli render`, run as a person or another tool runs it: exit codes, one line a problem, nothing
/// half-written, PDF and HTML output.
class TestPdfCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
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
        r.errLines = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return r;
    }

    static QString data(const char *name) { return QStringLiteral(COFORM_TEST_DATA_DIR "/pdf/") + QLatin1String(name); }
    static QString bundled() { return QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json"); }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QString pdfText(const QByteArray &pdf)
    {
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        if (!doc)
            return {};
        QString text;
        for (int i = 0; i < doc->numPages(); ++i)
            text += doc->page(i)->text(QRectF()) + QLatin1Char('\n');
        return text;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFileInfo::exists(qEnvironmentVariable("COFORM_CLI"))); }

    void blankAndFilledPdf()
    {
        QTemporaryDir dir;
        const QString blank = dir.filePath(QStringLiteral("blank.pdf"));
        Run r = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("-o"), blank});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.errLines.isEmpty());
        QString text = pdfText(readAll(blank));
        QVERIFY(text.contains(QLatin1String("What is your name?")));
        QVERIFY(text.contains(QLatin1String("Answer this if you said No to question 2.")));
        QVERIFY(text.contains(QLatin1String("Page 1 of 1")));
        QVERIFY(text.contains(QLatin1String("small-form version 2")));
        QVERIFY(!text.contains(QLatin1String("OFFICIAL-SENSITIVE")));

        const QString filled = dir.filePath(QStringLiteral("filled.pdf"));
        r = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--answers"),
                 data("small-answers.json"), QStringLiteral("--print"), QStringLiteral("large"),
                 QStringLiteral("--paper"), QStringLiteral("letter"), QStringLiteral("--pdfa"), QStringLiteral("-o"),
                 filled});
        QCOMPARE(r.exitCode, 0);
        const QByteArray pdf = readAll(filled);
        QVERIFY(pdf.contains("pdfaid:part"));
        text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("OFFICIAL-SENSITIVE: PERSONAL")));
        QVERIFY(text.contains(QLatin1String("943 476 5919")));
        QVERIFY(text.contains(QLatin1String("The lunch visit is often late.")));
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QCOMPARE(doc->page(0)->pageSizeF().toSize(), QSize(612, 792));
    }

    void bilingualBundledHtml()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("form.html"));
        const Run r = run({QStringLiteral("render"), bundled(), QStringLiteral("--answers"),
                           data("chc-review-long-answers.json"), QStringLiteral("--lang"), QStringLiteral("en+cy"),
                           QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        const QString html = QString::fromUtf8(readAll(out));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(html.contains(QLatin1String("<html lang=\"en-GB\">")));
        QVERIFY(html.contains(QLatin1String("lang=\"cy\"")));
        QVERIFY(html.contains(QLatin1String("Alex Example")));
    }

    void invalidAnswersWriteNothing()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        const Run r = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--answers"),
                           data("small-answers-invalid.json"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines.size(), 2);
        QVERIFY(r.errLines.at(0).contains(QLatin1String("small-answers-invalid.json:/person/nhsNumber: error:")));
        QVERIFY(r.errLines.at(1).contains(QLatin1String("small-answers-invalid.json:/answers/happy: error:")));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    /// `--fillable`: a blank form with form fields (tst_pdffields checks them closely); refused with answers or HTML.
    void fillableBlankForm()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("fillable.pdf"));
        Run r = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--fillable"),
                     QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.errLines.isEmpty());
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(readAll(out));
        QVERIFY(doc);
        QCOMPARE(doc->formType(), Poppler::Document::AcroForm);
        QCOMPARE(doc->info(QStringLiteral("CoformTemplate")), QStringLiteral("small-form"));
        QCOMPARE(doc->info(QStringLiteral("CoformVersion")), QStringLiteral("2"));
        int fields = 0;
        for (int i = 0; i < doc->numPages(); ++i)
            fields += int(doc->page(i)->formFields().size());
        QVERIFY(fields > 0);
        QVERIFY(pdfText(readAll(out)).contains(QLatin1String("What is your name?")));

        const QString refused = dir.filePath(QStringLiteral("refused.pdf"));
        r = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--answers"),
                 data("small-answers.json"), QStringLiteral("--fillable"), QStringLiteral("-o"), refused});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.errLines.first().contains(QLatin1String("--fillable")));
        r = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--format"),
                 QStringLiteral("html"), QStringLiteral("--fillable"), QStringLiteral("-o"), refused});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFileInfo::exists(refused));
    }

    /// Qt Gui (the commands module, app/cli/main.cpp) and libqpdf (pdf/pdfpasses.h) are loaded only for a render that
    /// needs them: a copy of coform-cli without Coform's modules beside it still renders a standard form, tagged, and
    /// refuses a fillable one in words that say what is missing, writing nothing; with each module beside it in turn,
    /// the next is missing, and then the fillable form is made.
    void modulesOnlyWhenTheRenderNeedsThem()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bin")));
        const QString cli = dir.filePath(QStringLiteral("bin/coform-cli"));
        QVERIFY(QFile::copy(qEnvironmentVariable("COFORM_CLI"), cli));
        const auto runCopy = [&cli](const QStringList &args) {
            QProcess p;
            p.start(cli, args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
        };
        const QString standard = dir.filePath(QStringLiteral("standard.pdf"));
        auto [code, err] = runCopy({QStringLiteral("render"), bundled(), QStringLiteral("-o"), standard});
        QCOMPARE(code, 0); // coform-cli writes it alone: no module beside it yet
        const QByteArray pdf = readAll(standard);
        QVERIFY(pdf.contains("/StructTreeRoot") && pdf.contains("/MarkInfo <</Marked true>>"));
        QVERIFY(pdfText(pdf).contains(QLatin1String("NHS Continuing Healthcare review")));

        // A fillable form needs the commands module (Qt Gui), then libqpdf's: each missing one is named.
        const QString libDir = QFileInfo(qEnvironmentVariable("COFORM_CLI")).dir().filePath(QStringLiteral("../lib/"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("lib")));
        const QString fillable = dir.filePath(QStringLiteral("fillable.pdf"));
        for (const char *module : {"libcoform-cli-commands.so", "libcoform-pdfpasses.so"}) {
            std::tie(code, err) = runCopy(
                {QStringLiteral("render"), bundled(), QStringLiteral("--fillable"), QStringLiteral("-o"), fillable});
            QVERIFY(code != 0);
            QVERIFY2(err.contains(QLatin1String(module)) && err.contains(QLatin1String("reinstall")), qPrintable(err));
            QVERIFY(!QFileInfo::exists(fillable));
            QVERIFY(QFile::copy(libDir + QLatin1String(module), dir.filePath(QStringLiteral("lib/") + module)));
        }
        std::tie(code, err) = runCopy(
            {QStringLiteral("render"), bundled(), QStringLiteral("--fillable"), QStringLiteral("-o"), fillable});
        QCOMPARE(code, 0);
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(readAll(fillable));
        QVERIFY(doc);
        QCOMPARE(doc->formType(), Poppler::Document::AcroForm);
    }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }

    /// The small test form with `picture` on its first item.
    static QByteArray smallTemplateWithPicture(const QJsonObject &picture)
    {
        QJsonObject form = QJsonDocument::fromJson(readAll(data("small-template.json"))).object();
        QJsonArray sections = form.value(QStringLiteral("sections")).toArray();
        QJsonObject section = sections.first().toObject();
        QJsonArray items = section.value(QStringLiteral("items")).toArray();
        QJsonObject item = items.first().toObject();
        item.insert(QStringLiteral("picture"), picture);
        items.replace(0, item);
        section.insert(QStringLiteral("items"), items);
        sections.replace(0, section);
        form.insert(QStringLiteral("sections"), sections);
        return QJsonDocument(form).toJson();
    }

    /// The PDF without what changes from one second to the next: its dates and its /ID.
    static QByteArray withoutDates(QByteArray pdf)
    {
        static const QRegularExpression dates(
            QStringLiteral(R"(/(CreationDate|ModDate) *\(D:[^)]*\)|/ID *\[[^\]]*\])"));
        return QString::fromLatin1(pdf).replace(dates, QString()).toLatin1();
    }

    void aNameInAnotherScriptIsDrawnInASystemFont_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        const QByteArray arabic = QStringLiteral("\u0645\u062b\u0627\u0644").toUtf8();
        QTest::newRow("a name in the answers")
            << "small-answers.json" << QByteArray("\"Alex Example\"") << "\"Alex " + arabic + "\"";
        QTest::newRow("a name in the answers, as JSON escapes")
            << "small-answers.json" << QByteArray("\"Alex Example\"")
            << QByteArray(R"("Alex \u0645\u062B\u0627\u0644")");
        QTest::newRow("a label in the template, as JSON escapes")
            << "small-template.json" << QByteArray("\"What is your name?\"")
            << QByteArray(R"("What is your name? \u0645\u062b\u0627\u0644")");
    }

    // coform-cli gives fontconfig the system's configuration when the form has a character the print fonts lack
    // (app/cli/fontconfiguration.h), however the file writes it: it is still drawn, in a system font found through
    // that configuration.
    void aNameInAnotherScriptIsDrawnInASystemFont()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QTemporaryDir dir;
        QString paths[] = {data("small-template.json"), data("small-answers.json")};
        QString &changed = file == QLatin1String("small-template.json") ? paths[0] : paths[1];
        QByteArray json = readAll(changed);
        QVERIFY(json.contains(from));
        json.replace(from, to);
        changed = dir.filePath(file);
        writeFile(changed, json);
        const QString out = dir.filePath(QStringLiteral("arabic.pdf"));
        const Run r =
            run({QStringLiteral("render"), paths[0], QStringLiteral("--answers"), paths[1], QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.errLines.isEmpty(), qPrintable(r.errLines.join(u'\n')));
        const QByteArray pdf = readAll(out);
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QStringList others;
        for (const Poppler::FontInfo &font : doc->fonts()) {
            if (!font.name().contains(QLatin1String("Coform")))
                others << font.name();
        }
        QVERIFY2(!others.isEmpty(), "the Arabic letters were not drawn in a font that has them");
        const QString text = pdfText(pdf);
        const bool arabic = std::any_of(text.begin(), text.end(), [](QChar c) {
            return (c.unicode() >= 0x0600 && c.unicode() <= 0x06FF) || (c.unicode() >= 0xFE70 && c.unicode() <= 0xFEFF);
        });
        QVERIFY2(arabic, qPrintable(text.left(300)));
    }

    /// A form whose every character the print fonts have is printed without Qt Gui and without the system's font
    /// configuration (app/cli/renderwithoutgui.h), and the PDF is the one Qt Gui and that configuration make: here the
    /// filled review in English, made once from the bundled form and once from a copy with Arabic in a Welsh label,
    /// which is not printed but makes coform-cli render it with Qt Gui and the system's configuration.
    void thePrintFontsAloneGiveTheSamePdf()
    {
        QTemporaryDir dir;
        QByteArray json = readAll(bundled());
        const QByteArray welsh = "\"Pa fath o adolygiad yw hwn?\"";
        QVERIFY(json.contains(welsh));
        json.replace(welsh, R"("Pa fath o adolygiad yw hwn? \u0645\u062b\u0627\u0644")");
        const QString withArabic = dir.filePath(QStringLiteral("chc-review.json"));
        writeFile(withArabic, json);
        QByteArray pdfs[2];
        const QString forms[] = {bundled(), withArabic};
        for (int attempt = 0; attempt < 2; ++attempt) { // again once, should the day change between the two
            for (int i = 0; i < 2; ++i) {
                const QString out = dir.filePath(QStringLiteral("review-%1.pdf").arg(i));
                const Run r = run({QStringLiteral("render"), forms[i], QStringLiteral("--answers"),
                                   data("chc-review-long-answers.json"), QStringLiteral("--lang"), QStringLiteral("en"),
                                   QStringLiteral("-o"), out});
                QCOMPARE(r.exitCode, 0);
                pdfs[i] = readAll(out);
            }
            if (withoutDates(pdfs[0]) == withoutDates(pdfs[1]))
                break;
        }
        QVERIFY(pdfs[0].size() > 10000);
        QVERIFY2(withoutDates(pdfs[0]) == withoutDates(pdfs[1]), "the two PDFs differ");
        for (const Poppler::FontInfo &font : Poppler::Document::loadFromData(pdfs[0])->fonts())
            QVERIFY2(font.name().contains(QLatin1String("Coform")), qPrintable(font.name()));
    }

    /// A template and answers given through pipes (as a shell's "<(...)" gives them) are read to their end, and a
    /// character the print fonts lack is drawn in a system font: the fonts are chosen from what was read.
    void filesThroughPipes()
    {
        QTemporaryDir dir;
        const QString pipes[] = {dir.filePath(QStringLiteral("template")), dir.filePath(QStringLiteral("answers"))};
        for (const QString &pipe : pipes)
            QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        QByteArray form = readAll(data("small-template.json"));
        QVERIFY(form.contains("\"What is your name?\""));
        form.replace("\"What is your name?\"", R"("What is your name? \u0645\u062b\u0627\u0644")");
        const QByteArray contents[] = {form, readAll(data("small-answers.json"))};
        const QString out = dir.filePath(QStringLiteral("piped.pdf"));
        QProcess p;
        p.start(qEnvironmentVariable("COFORM_CLI"),
                {QStringLiteral("render"), pipes[0], QStringLiteral("--answers"), pipes[1], QStringLiteral("-o"), out});
        for (int i = 0; i < 2; ++i) { // the template is read first, to its end, then the answers
            int fd = -1;
            QDeadlineTimer deadline(60000);
            while (fd < 0 && !deadline.hasExpired() && p.state() != QProcess::NotRunning) {
                fd = ::open(QFile::encodeName(pipes[i]).constData(), O_WRONLY | O_NONBLOCK); // fails until it reads
                if (fd < 0)
                    QTest::qWait(5);
            }
            QVERIFY2(fd >= 0, qPrintable(QStringLiteral("coform-cli did not open %1 (%2)")
                                             .arg(pipes[i], QString::fromUtf8(p.readAllStandardError()))));
            QCOMPARE(::fcntl(fd, F_SETFL, 0), 0);
            QCOMPARE(::write(fd, contents[i].constData(), size_t(contents[i].size())), ssize_t(contents[i].size()));
            ::close(fd);
        }
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QByteArray pdf = readAll(out);
        QVERIFY(pdfText(pdf).contains(QLatin1String("What is your name?")));
        QStringList others;
        for (const Poppler::FontInfo &font : Poppler::Document::loadFromData(pdf)->fonts()) {
            if (!font.name().contains(QLatin1String("Coform")))
                others << font.name();
        }
        QVERIFY2(!others.isEmpty(), "the Arabic letters were not drawn in a font that has them");
    }

    /// Where Qt's platform plugin loads no fonts at all (QT_QPA_PLATFORM=minimal) there is nothing for Qt to draw text
    /// with: coform-cli says so in one line and writes nothing. It used to crash. (Easy read: a standard form is
    /// written without Qt Gui, from the print fonts' files, whatever the platform plugin.)
    void noFontsToPrintWith()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("minimal"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("COFORM_CLI"),
                {QStringLiteral("render"), data("small-template.json"), QStringLiteral("--print"),
                 QStringLiteral("easy"), QStringLiteral("-o"), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QStringList lines = QString::fromUtf8(p.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QLatin1String("there are no fonts to print with")), qPrintable(lines.first()));
        QVERIFY(!QFileInfo::exists(out));
    }

    // coform-cli render looks for Qt's plugins only in its own folder of the two kinds it uses (cli/qtplugins.h): it
    // reads no other platform plugin's description, and a JPEG picture still reaches the PDF through Qt's image
    // formats.
    void qtPluginsFromCoformsOwnFolder()
    {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(QColor(30, 90, 200));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "JPG"));
        QTemporaryDir dir;
        const QString templ = dir.filePath(QStringLiteral("with-a-jpeg.json")),
                      out = dir.filePath(QStringLiteral("out.pdf"));
        writeFile(templ,
                  smallTemplateWithPicture(QJsonObject{
                      {"type", "image/jpeg"}, {"data", QString::fromLatin1(jpeg.toBase64())}, {"alt", "A blue box"}}));

        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1")); // Qt says each plugin it reads
        env.remove(QStringLiteral("QT_PLUGIN_PATH"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM_PLUGIN_PATH"));
        p.setProcessEnvironment(env);
        // Pictures are printed in easy read.
        p.start(qEnvironmentVariable("COFORM_CLI"), {QStringLiteral("render"), templ, QStringLiteral("--print"),
                                                     QStringLiteral("easy"), QStringLiteral("-o"), out});
        QVERIFY(p.waitForFinished(60000));
        const QString said = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("libqoffscreen.so")), qPrintable(said));
        for (const char *other : {"libqminimal.so", "libqxcb.so", "libqlinuxfb.so", "libqvnc.so"})
            QVERIFY2(!said.contains(QLatin1String(other)), other);
        QVERIFY2(said.contains(QLatin1String("libqjpeg.so")), qPrintable(said));
        const QByteArray pdf = readAll(out);
        QVERIFY(pdfText(pdf).contains(QLatin1String("What is your name?")));
        // The picture is there to see: the first page, drawn, has its blue.
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc && doc->numPages() > 0);
        const QImage page = doc->page(0)->renderToImage(72, 72);
        bool blue = false;
        for (int y = 0; y < page.height() && !blue; ++y) {
            for (int x = 0; x < page.width() && !blue; ++x) {
                const QColor c = page.pixelColor(x, y);
                blue = qAbs(c.red() - 30) < 25 && qAbs(c.green() - 90) < 25 && qAbs(c.blue() - 200) < 25;
            }
        }
        QVERIFY2(blue, "the JPEG picture is not drawn on the first page");
    }

    /// What the dynamic loader says it loaded for a render (LD_DEBUG=libs), and how the render ended.
    static std::pair<int, QString> loadedFor(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("COFORM_CLI"), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
            return {-1, {}};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }

    /// The filled review in standard print is written by coform-cli without loading Qt Gui (nor its commands module);
    /// easy read, whose pictures Qt draws, loads both. The PDF is checked by thePrintFontsAloneGiveTheSamePdf().
    void aPlainPdfLoadsNoQtGui()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("review.pdf"));
        const QStringList filled{QStringLiteral("render"),    bundled(),
                                 QStringLiteral("--answers"), data("chc-review-long-answers.json"),
                                 QStringLiteral("-o"),        out};
        auto [code, loaded] = loadedFor(filled);
        QCOMPARE(code, 0);
        QVERIFY2(loaded.contains(QLatin1String("libQt6Core.so")), "LD_DEBUG said nothing of what was loaded");
        QVERIFY2(!loaded.contains(QLatin1String("libQt6Gui.so")), "the plain render loaded Qt Gui");
        QVERIFY(!loaded.contains(QLatin1String("libcoform-cli-commands.so")));
        QVERIFY(pdfText(readAll(out)).contains(QLatin1String("NHS Continuing Healthcare review")));
        QVERIFY(QFile::remove(out));

        std::tie(code, loaded) = loadedFor(filled + QStringList{QStringLiteral("--print"), QStringLiteral("easy")});
        QCOMPARE(code, 0);
        QVERIFY(loaded.contains(QLatin1String("libcoform-cli-commands.so")));
        QVERIFY(loaded.contains(QLatin1String("libQt6Gui.so")));
        QVERIFY(pdfText(readAll(out)).contains(QLatin1String("Review of your NHS care"))); // easy read's own title
    }

    /// Qt Gui compresses at zlib's fastest level, as Coform's PDF writer sets it for the process (pdf/pdfwriter.cpp;
    /// coform-cli passes it on to the libraries its commands module loads, app/cli/main.cpp): every zlib stream of
    /// an easy read form has the header of the fastest level (78 01), none zlib's own default (78 9c), at which the
    /// render of the filled review in easy read took about a third longer.
    void qtCompressesAtTheFastestLevel()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("easy.pdf"));
        const Run r = run({QStringLiteral("render"), bundled(), QStringLiteral("--print"), QStringLiteral("easy"),
                           QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 0);
        const QByteArray pdf = readAll(out);
        static const QRegularExpression stream(QStringLiteral("stream\\r?\\n(x.)"),
                                               QRegularExpression::DotMatchesEverythingOption);
        int fastest = 0;
        for (const QRegularExpressionMatch &m : stream.globalMatch(QString::fromLatin1(pdf))) {
            const QString header = m.captured(1);
            QVERIFY2(header == QLatin1String("x\x01"),
                     qPrintable(QStringLiteral("a stream begins 78 %1").arg(header.at(1).unicode(), 2, 16)));
            ++fastest;
        }
        QVERIFY2(fastest > 0, "no zlib stream found");
    }

    /// A picture is decoded only with Qt Gui: a standard form with an embedded picture that is not what it says is
    /// refused as before, once, in the words of the picture check, and nothing is written.
    void aPictureThatIsNotOneIsRefused()
    {
        QTemporaryDir dir;
        const QString templ = dir.filePath(QStringLiteral("broken-picture.json")),
                      out = dir.filePath(QStringLiteral("out.pdf"));
        writeFile(templ, smallTemplateWithPicture(
                             QJsonObject{{"type", "image/png"},
                                         {"data", QString::fromLatin1(QByteArray("not a picture at all").toBase64())},
                                         {"alt", "A broken picture"}}));
        const Run r = run({QStringLiteral("render"), templ, QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines.size(), 1);
        QVERIFY2(r.errLines.first().contains(QLatin1String("the file is not a PNG picture")),
                 qPrintable(r.errLines.first()));
        QVERIFY(!QFileInfo::exists(out));
    }

    void badUsage()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        QCOMPARE(run({QStringLiteral("render"), data("small-template.json")}).exitCode, 1); // no -o
        QCOMPARE(run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--print"),
                      QStringLiteral("huge"), QStringLiteral("-o"), out})
                     .exitCode,
                 1);
        QCOMPARE(run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--format"),
                      QStringLiteral("docx"), QStringLiteral("-o"), out})
                     .exitCode,
                 1);
        const Run welsh = run({QStringLiteral("render"), data("small-template.json"), QStringLiteral("--lang"),
                               QStringLiteral("cy"), QStringLiteral("-o"), out});
        QCOMPARE(welsh.exitCode, 2);
        QVERIFY(welsh.errLines.first().contains(QLatin1String("small-template.json:/languages")));
        QCOMPARE(run({QStringLiteral("render"), data("no-such-template.json"), QStringLiteral("-o"), out}).exitCode, 4);
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestPdfCli)
#include "tst_pdfcli.moc"
