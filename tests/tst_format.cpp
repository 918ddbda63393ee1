#include "format/templateformat.h"
#include "model/jsonreader.h"
#include "model/translationstamps.h"

#include <QtTest>

using namespace coform;

namespace {
QByteArray minimalTemplate(const QString &itemsJson, const QString &extraTop = QString())
{
    return QStringLiteral(R"({"format": "coform-template/1", "id": "t", "version": 1, "title": "T", %1
        "sections": [{"id": "s", "title": "S", "items": [%2]}]})")
        .arg(extraTop, itemsJson)
        .toUtf8();
}

/// A random JSON value `levels` deep at most: objects, arrays (empty ones too), and strings holding brackets, quotation
/// marks and backslashes, which a reader that counts brackets must step over.
QByteArray randomValue(QRandomGenerator &random, int levels)
{
    static const QByteArray strings[] = {"\"a\"", "\"[{\"", "\"}]\\\"]\"", "\"\\\\\"", "\"\"", "\"x\\\"{\""};
    static const QByteArray scalars[] = {"1", "-2.5e3", "true", "false", "null"};
    const int kind = levels > 0 ? random.bounded(4) : random.bounded(2);
    if (kind == 0)
        return strings[random.bounded(int(std::size(strings)))];
    if (kind == 1)
        return scalars[random.bounded(int(std::size(scalars)))];
    QByteArray out = kind == 2 ? "[" : "{";
    const int count = random.bounded(3);
    const int firstKey = random.bounded(int(std::size(strings)));
    for (int i = 0; i < count; ++i) {
        if (i)
            out += random.bounded(2) ? ", " : ",\n";
        if (kind == 3) // keys differ: of two members with one key, the document keeps one
            out += strings[(firstKey + i) % int(std::size(strings))] + " : ";
        out += randomValue(random, levels - 1);
    }
    return out + (kind == 2 ? "]" : "}");
}

/// How deep the deepest value of `value` lies, the top-level container's members being 1 deep (as the limit counts).
int depthOf(const QJsonValue &value, int depth = 0)
{
    int deepest = depth;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            deepest = std::max(deepest, depthOf(it.value(), depth + 1));
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            deepest = std::max(deepest, depthOf(v, depth + 1));
    }
    return deepest;
}

Problems readProblems(const QByteArray &json)
{
    Problems problems;
    const std::optional<Template> t = readTemplate(json, QStringLiteral("test.json"), &problems);
    if (t)
        return {};
    return problems;
}
} // namespace

/// coform-template/1 and coform-answers/1: exactly as DESIGN.md states, lossless, with precise errors.
class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bundledTemplateReads()
    {
        const QStringList paths = bundledTemplatePaths();
        QVERIFY(paths.contains(QStringLiteral(":/coform/templates/chc-review.json")));
        Problems problems;
        const std::optional<Template> t = readTemplateFile(paths.first(), &problems);
        for (const Problem &p : problems)
            qWarning("%s", qPrintable(p.toString()));
        QVERIFY(t);
        QCOMPARE(t->id, QStringLiteral("chc-review"));
        QCOMPARE(t->sections.size(), 10);
        QVERIFY(t->allItems().size() > 60);
        // The plain file in the source tree is the same template as the compiled-in one.
        const std::optional<Template> plain =
            readTemplateFile(QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json"), &problems);
        QVERIFY(plain);
        QCOMPARE(*plain, *t);
    }

    void bundledTemplateRoundTrip()
    {
        Problems problems;
        const std::optional<Template> t =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(t);
        const QByteArray written = writeTemplate(*t);
        const std::optional<Template> again = readTemplate(written, QStringLiteral("written.json"), &problems);
        QVERIFY2(again, qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));
        QCOMPARE(*again, *t);
        QCOMPARE(writeTemplate(*again), written);
        // Every text survives, including the Welsh and easy-read ones and the scale descriptions.
        const Item *name = t->findItem(QStringLiteral("full-name"));
        QVERIFY(name);
        QVERIFY(!name->translations.value(QStringLiteral("cy")).label.isEmpty());
        QCOMPARE(again->findItem(QStringLiteral("full-name"))->translations, name->translations);
        // Keys a person reads first stay first.
        QVERIFY(written.startsWith("{\n  \"format\": \"coform-template/1\",\n  \"id\": \"chc-review\""));
    }

    void everyItemTypeRoundTrips()
    {
        const QByteArray json =
            minimalTemplate(QStringLiteral(R"(
            {"id": "i", "type": "info", "label": "Info text"},
            {"id": "a", "type": "text", "label": "NHS number", "format": "nhs-number", "required": true},
            {"id": "b", "type": "textarea", "label": "Long", "help": "Why we ask"},
            {"id": "c", "type": "yesno", "label": "Yes or no", "requirements": ["FR-CONSENT", "FR-INVOLVE"]},
            {"id": "d", "type": "choice", "label": "One", "options": [{"value": "x", "label": "X"}],
             "showIf": {"item": "c", "equals": true}},
            {"id": "e", "type": "multichoice", "label": "Many", "options": [{"value": "x", "label": "X"},
             {"value": "y", "label": "Y"}], "showIf": {"item": "d", "in": ["x"]}},
            {"id": "f", "type": "date", "label": "When"},
            {"id": "g", "type": "number", "label": "How many", "min": 0, "max": 10.5, "unit": "days"},
            {"id": "h", "type": "scale", "label": "Level", "options": [{"value": "low", "label": "Low",
             "description": "A little help"}]},
            {"id": "j", "type": "table", "label": "People", "columns": [{"id": "name", "label": "Name"}]},
            {"id": "k", "type": "signature", "label": "Sign", "note": "imported"})"),
                            QStringLiteral(R"("languages": ["en", "cy"], "requirementSet": "chc-national-framework",
                "translations": {"cy": {"title": "Teitl"}},)"));
        Problems problems;
        const std::optional<Template> t = readTemplate(json, QStringLiteral("all.json"), &problems);
        QVERIFY2(t, qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));
        QCOMPARE(t->sections.first().items.size(), 11);
        const Item *g = t->findItem(QStringLiteral("g"));
        QCOMPARE(g->max.value_or(0), 10.5);
        QCOMPARE(g->unit, QStringLiteral("days"));
        QCOMPARE(t->findItem(QStringLiteral("e"))->showIf->kind, ShowIf::Kind::In);
        QCOMPARE(t->findItem(QStringLiteral("h"))->options.first().description, QStringLiteral("A little help"));
        QCOMPARE(t->translations.value(QStringLiteral("cy")).title, QStringLiteral("Teitl"));
        const std::optional<Template> again = readTemplate(writeTemplate(*t), QStringLiteral("again.json"), &problems);
        QVERIFY(again);
        QCOMPARE(*again, *t);
    }

    void prefillAndCarryForwardAreReadAndWritten()
    {
        const QByteArray json = minimalTemplate(QStringLiteral(
            R"({"id": "n", "type": "text", "label": "NHS number", "format": "nhs-number", "prefill": "person.nhsNumber"},
               {"id": "d", "type": "date", "label": "Born", "prefill": "person.dateOfBirth"},
               {"id": "c", "type": "yesno", "label": "Agree?", "carryForward": false},
               {"id": "o", "type": "text", "label": "Other"})"));
        Problems problems;
        const std::optional<Template> t = readTemplate(json, QStringLiteral("p.json"), &problems);
        QVERIFY2(t, qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));
        QCOMPARE(t->findItem(QStringLiteral("n"))->prefill, QStringLiteral("person.nhsNumber"));
        QCOMPARE(t->findItem(QStringLiteral("d"))->prefill, QStringLiteral("person.dateOfBirth"));
        QVERIFY(!t->findItem(QStringLiteral("c"))->carryForward);
        QVERIFY(t->findItem(QStringLiteral("o"))->prefill.isEmpty());
        QVERIFY(t->findItem(QStringLiteral("o"))->carryForward);
        const QByteArray written = writeTemplate(*t);
        QVERIFY(written.contains("\"prefill\": \"person.nhsNumber\""));
        QVERIFY(written.contains("\"carryForward\": false"));
        QCOMPARE(written.count("\"prefill\""), 2);
        QCOMPARE(written.count("\"carryForward\""), 1);
        QCOMPARE(*readTemplate(written, QStringLiteral("again.json"), &problems), *t);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("message");
        QTest::newRow("misspelt property")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "lable": "A"})"))
            << QStringLiteral("/sections/0/items/0/lable") << QStringLiteral("unknown property 'lable'");
        QTest::newRow("missing label") << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text"})"))
                                       << QStringLiteral("/sections/0/items/0")
                                       << QStringLiteral("missing property 'label'");
        QTest::newRow("bad id") << minimalTemplate(QStringLiteral(R"({"id": "Bad Id", "type": "text", "label": "A"})"))
                                << QStringLiteral("/sections/0/items/0/id") << QStringLiteral("not a valid id");
        // The whole text is the id: a line break after it is refused, and the message shows it as \n (one line).
        QTest::newRow("id with a line break after it")
            << minimalTemplate(QStringLiteral(R"({"id": "a\n", "type": "text", "label": "A"})"))
            << QStringLiteral("/sections/0/items/0/id") << QStringLiteral(R"("a\n" is not a valid id)");
        QTest::newRow("language with a line break after it")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "label": "A"})"),
                               QStringLiteral(R"("languages": ["en", "cy\n"],)"))
            << QStringLiteral("/languages/1") << QStringLiteral("expected a language tag");
        QTest::newRow("duplicate id") << minimalTemplate(
            QStringLiteral(R"({"id": "a", "type": "text", "label": "A"}, {"id": "a", "type": "text", "label": "B"})"))
                                      << QStringLiteral("/sections/0/items/1/id")
                                      << QStringLiteral("duplicate id \"a\"");
        QTest::newRow("section and item share an id")
            << minimalTemplate(QStringLiteral(R"({"id": "s", "type": "text", "label": "A"})"))
            << QStringLiteral("/sections/0/items/0/id") << QStringLiteral("duplicate id \"s\"");
        QTest::newRow("unknown prefill") << minimalTemplate(
            QStringLiteral(R"({"id": "a", "type": "text", "label": "A", "prefill": "person.age"})"))
                                         << QStringLiteral("/sections/0/items/0/prefill")
                                         << QStringLiteral("unknown prefill \"person.age\"");
        QTest::newRow("date of birth on a text item")
            << minimalTemplate(
                   QStringLiteral(R"({"id": "a", "type": "text", "label": "A", "prefill": "person.dateOfBirth"})"))
            << QStringLiteral("/sections/0/items/0/prefill") << QStringLiteral("fills a date item only");
        QTest::newRow("carryForward not a boolean")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "label": "A", "carryForward": "no"})"))
            << QStringLiteral("/sections/0/items/0/carryForward") << QStringLiteral("expected");
        QTest::newRow("unknown type") << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "txt", "label": "A"})"))
                                      << QStringLiteral("/sections/0/items/0/type")
                                      << QStringLiteral("unknown type \"txt\"");
        QTest::newRow("wrong JSON type") << minimalTemplate(
            QStringLiteral(R"({"id": "a", "type": "text", "label": "A", "required": "yes"})"))
                                         << QStringLiteral("/sections/0/items/0/required")
                                         << QStringLiteral("expected true or false");
        QTest::newRow("showIf to a missing item")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "label": "A",
                                                  "showIf": {"item": "nothing", "equals": "x"}})"))
            << QStringLiteral("/sections/0/items/0/showIf/item") << QStringLiteral("no item with id \"nothing\"");
        QTest::newRow("showIf to a later item")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "label": "A",
                                                  "showIf": {"item": "b", "equals": true}},
                                                 {"id": "b", "type": "yesno", "label": "B"})"))
            << QStringLiteral("/sections/0/items/0/showIf/item") << QStringLiteral("comes later");
        QTest::newRow("showIf to itself")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "yesno", "label": "A",
                                                  "showIf": {"item": "a", "equals": true}})"))
            << QStringLiteral("/sections/0/items/0/showIf/item") << QStringLiteral("comes later");
        QTest::newRow("showIf value not an option")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "choice", "label": "A",
                                                  "options": [{"value": "x", "label": "X"}]},
                                                 {"id": "b", "type": "text", "label": "B",
                                                  "showIf": {"item": "a", "equals": "y"}})"))
            << QStringLiteral("/sections/0/items/1/showIf/equals") << QStringLiteral("\"y\" is not an option value");
        QTest::newRow("duplicate option")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "choice", "label": "A",
                "options": [{"value": "x", "label": "X"}, {"value": "x", "label": "Y"}]})"))
            << QStringLiteral("/sections/0/items/0/options/1/value") << QStringLiteral("duplicate option value");
        QTest::newRow("choice without options")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "choice", "label": "A"})"))
            << QStringLiteral("/sections/0/items/0") << QStringLiteral("needs options");
        QTest::newRow("options on a text item")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "label": "A",
                                                  "options": [{"value": "x", "label": "X"}]})"))
            << QStringLiteral("/sections/0/items/0/options") << QStringLiteral("has no options");
        QTest::newRow("translation of an unknown option")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "choice", "label": "A",
                    "options": [{"value": "x", "label": "X"}],
                    "translations": {"cy": {"options": {"z": "Z"}}}})"),
                               QStringLiteral(R"("languages": ["en", "cy"],)"))
            << QStringLiteral("/sections/0/items/0/translations/cy/options/z") << QStringLiteral("no option");
        QTest::newRow("translation into an undeclared language")
            << minimalTemplate(QStringLiteral(R"({"id": "a", "type": "text", "label": "A",
                                                  "translations": {"fr": {"label": "B"}}})"))
            << QStringLiteral("/sections/0/items/0/translations/fr") << QStringLiteral("not one of the template's");
        QTest::newRow("max below min") << minimalTemplate(
            QStringLiteral(R"({"id": "a", "type": "number", "label": "A", "min": 5, "max": 1})"))
                                       << QStringLiteral("/sections/0/items/0/max") << QStringLiteral("less than min");
        QTest::newRow("wrong format") << QByteArray(
            R"({"format": "coform-template/2", "id": "t", "title": "T", "sections": []})")
                                      << QStringLiteral("/format") << QStringLiteral("expected \"coform-template/1\"");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \n  \"coform-template/1\",,}") << QString()
                                  << QStringLiteral("line 2");
        QTest::newRow("too deep")
            << QByteArray(QByteArray(100, '[') + QByteArray(100, ']')).prepend("{\"a\":").append("}") << QString()
            << QStringLiteral("nested more than");
    }
    /// The nesting limit counts as the document's structure does, whatever its strings hold: a document exactly as
    /// deep as the limit is read, one level deeper is refused.
    void nestingLimitCountsTheStructure()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        for (int run = 0; run < 400; ++run) {
            QByteArray json = "{\"top\": " + randomValue(random, random.bounded(1, 9)) + "}";
            Problems problems;
            JsonReader reader(QStringLiteral("test.json"), &problems);
            const std::optional<QJsonObject> root = reader.parseObject(json, 1 << 20, 64);
            QVERIFY2(root, json.constData());
            const int depth = depthOf(*root);
            QVERIFY2(JsonReader(QStringLiteral("test.json"), &problems).parseObject(json, 1 << 20, depth),
                     qPrintable(QStringLiteral("seed %1: %2 (%3 deep) refused").arg(seed).arg(json).arg(depth)));
            QVERIFY2(!JsonReader(QStringLiteral("test.json"), &problems).parseObject(json, 1 << 20, depth - 1),
                     qPrintable(QStringLiteral("seed %1: %2 (%3 deep) read").arg(seed).arg(json).arg(depth)));
        }
    }

    /// Ids, language tags and translation stamps are read as the whole text, as a regular expression anchored at
    /// both ends reads them (which "^...$" is not: it also takes a line break at the end), on random text made of the
    /// characters that matter.
    void idsAndTagsAreTheWholeText()
    {
        const auto whole = [](const char *pattern) {
            return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
        };
        const QRegularExpression id = whole("[a-z0-9][a-z0-9-]*"), tag = whole("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*"),
                                 stamp = whole("[0-9a-f]{8,64}");
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        // Every fourth text is long and mostly of hexadecimal digits, for the stamps.
        const QString letters = QStringLiteral("az09-AZfgx\n _\u00e9\u0131"), hex = QStringLiteral("0a9f0a9f0a9fg\n");
        int ids = 0, tags = 0, stamps = 0;
        for (int run = 0; run < 20000; ++run) {
            const QString &from = run % 4 == 3 ? hex : letters;
            QString text;
            const int length = run % 4 == 3 ? random.bounded(6, 70) : random.bounded(0, 14);
            for (int i = 0; i < length; ++i)
                text += from.at(random.bounded(int(from.size())));
            const QString why = QStringLiteral("seed %1: \"%2\"").arg(seed).arg(JsonReader::shown(text));
            QVERIFY2(JsonReader::isValidId(text) == id.match(text).hasMatch(), qPrintable(why));
            QVERIFY2(JsonReader::isValidLanguage(text) == tag.match(text).hasMatch(), qPrintable(why));
            QVERIFY2(TranslationStamps::isValidStamp(text) == stamp.match(text).hasMatch(), qPrintable(why));
            ids += JsonReader::isValidId(text);
            tags += JsonReader::isValidLanguage(text);
            stamps += TranslationStamps::isValidStamp(text);
        }
        QVERIFY(ids > 100 && tags > 20 && stamps > 100); // the random text reached the accepting side of each
        for (const char *text : {"intro\n", "intro\r", "-intro", "Intro", ""})
            QVERIFY(!JsonReader::isValidId(QLatin1String(text)));
        QVERIFY(JsonReader::isValidId(QString(200, u'a')));
        QVERIFY(!JsonReader::isValidId(QString(201, u'a')));
        for (const char *text : {"en\n", "en-", "en--x", "e", "english", "EN", "en-x-easyeasy1"})
            QVERIFY(!JsonReader::isValidLanguage(QLatin1String(text)));
        for (const char *text : {"en", "cy", "en-x-easy", "en-GB", "haw-x-12345678"})
            QVERIFY(JsonReader::isValidLanguage(QLatin1String(text)));
        QVERIFY(TranslationStamps::isValidStamp(QStringLiteral("0123abcd")));
        QVERIFY(!TranslationStamps::isValidStamp(QStringLiteral("0123abcd\n")));
        QCOMPARE(JsonReader::shown(QStringLiteral("a\nb\tc\u001b[2J\u202e")),
                 QStringLiteral(R"(a\nb\tc\u001b[2J\u202e)"));
    }

    /// JsonReader::everyCharacter() reads the characters of a JSON text's strings and keys as QJsonDocument does:
    /// raw UTF-8, one-letter escapes, backslash u escapes in either case, and two of them for a character beyond the
    /// first 65,536. A character is seen exactly when the parsed document has it in a key or a string.
    void everyCharacterReadsStringsAsJsonDoes()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        // Only characters that compact JSON holds nowhere but in strings are looked for (not letters or brackets).
        const QList<char32_t> sought = {u'\n',     u'\t',     u'\b',         u'\f',        u'\r',
                                        0x1,       u'\u00e9', u'\u0175',     u'\u0645',    u'\u4e2d',
                                        u'\u2028', u'\u00a0', U'\U0001f600', U'\U00010348'};
        const QList<char32_t> alphabet = sought + QList<char32_t>{u'a', u'"', u'\\', u'/', u' ', u'{', u'5'};
        const auto randomText = [&] {
            QString text;
            for (int i = random.bounded(0, 6); i > 0; --i)
                text += QString::fromUcs4(&alphabet[random.bounded(int(alphabet.size()))], 1);
            return text;
        };
        int found = 0, missing = 0;
        for (int run = 0; run < 2000; ++run) {
            QJsonObject object;
            QJsonArray array;
            for (int i = random.bounded(0, 4); i > 0; --i)
                array.append(randomText());
            object.insert(randomText(), array);
            object.insert(randomText(), randomText());
            const QByteArray compact = QJsonDocument(object).toJson(QJsonDocument::Compact);
            // Qt writes the characters beyond ASCII as they are: some are written here as escapes instead, in lower
            // or upper case, and some slashes as backslash slash.
            QString escaped;
            const QString text = QString::fromUtf8(compact);
            for (qsizetype i = 0; i < text.size(); ++i) {
                const QChar c = text.at(i);
                const qsizetype units = c.isHighSurrogate() ? 2 : 1; // both halves of a pair, or neither
                if (c.unicode() >= 0x80 && random.bounded(2)) {
                    for (const QChar half : QStringView(text).mid(i, units)) {
                        const QString unit = QStringLiteral("\\u%1").arg(half.unicode(), 4, 16, QLatin1Char('0'));
                        escaped += random.bounded(2) ? unit : unit.left(2) + unit.mid(2).toUpper();
                    }
                } else if (c == u'/' && random.bounded(2)) {
                    escaped += QStringLiteral("\\/");
                } else {
                    escaped += QStringView(text).mid(i, units);
                }
                i += units - 1;
            }
            const QByteArray json = escaped.toUtf8();
            const QJsonDocument parsed = QJsonDocument::fromJson(json);
            QVERIFY2(parsed.object() == object, json.constData()); // the escaped text says the same
            QString strings;
            for (auto it = object.begin(); it != object.end(); ++it) {
                strings += it.key();
                const QJsonValue value = it.value();
                for (const QJsonValue &v : value.isArray() ? value.toArray() : QJsonArray{value})
                    strings += v.toString();
            }
            const QList<uint> held = strings.toUcs4();
            for (const char32_t c : sought) {
                const bool has = held.contains(uint(c));
                const bool seen = !JsonReader::everyCharacter(json, [c](char32_t x) { return x != c; });
                QVERIFY2(seen == has, qPrintable(QStringLiteral("seed %1, U+%2: %3")
                                                     .arg(seed)
                                                     .arg(uint(c), 4, 16, QLatin1Char('0'))
                                                     .arg(QString::fromUtf8(json))));
                (has ? found : missing)++;
            }
        }
        QVERIFY(found > 1000 && missing > 1000);
        // A backslash that starts no escape, or a backslash u without four hex digits, ends the reading.
        for (const char *json : {"{\"a\": \"\\x\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"\\u12g4\"}", "\"\\"})
            QVERIFY2(!JsonReader::everyCharacter(json, [](char32_t) { return true; }), json);
        QVERIFY(JsonReader::everyCharacter("{\"a\\\"\": \"\\\\\\/\"}", [](char32_t c) { return c < 0x80; }));
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QFETCH(QString, message);
        const Problems problems = readProblems(json);
        QVERIFY2(!problems.isEmpty(), "the reader accepted a broken template");
        bool found = false;
        for (const Problem &p : problems) {
            QCOMPARE(p.file, QStringLiteral("test.json"));
            QVERIFY(!p.toString().contains(QLatin1Char('\n')));
            if (p.pointer == pointer && p.message.contains(message))
                found = true;
        }
        if (!found) {
            for (const Problem &p : problems)
                qWarning("%s", qPrintable(p.toString()));
        }
        QVERIFY(found);
    }

    void everyProblemIsReported()
    {
        // Three independent mistakes: all three are reported, not just the first.
        const Problems problems = readProblems(minimalTemplate(QStringLiteral(
            R"({"id": "a", "type": "text", "lable": "A"}, {"id": "a", "type": "yesno", "label": "B", "help": 3})")));
        QCOMPARE(problems.size(), 4); // misspelt, missing label, duplicate id, help not a string
    }

    void answersRoundTrip()
    {
        const QByteArray json = R"({"format": "coform-answers/1", "template": "chc-review", "version": 1,
            "person": {"name": "Alex Example", "nhsNumber": "9434765919", "dateOfBirth": "1941-03-02"},
            "answers": {"review-type": "first", "review-date": "2026-11-20", "consent-review": true,
                        "participants": [{"name": "Sam", "role": "Carer"}],
                        "reviewer-signature": {"name": "Jo Nurse", "date": "2026-11-20"}}})";
        Problems problems;
        const std::optional<Answers> a = readAnswers(json, QStringLiteral("a.json"), &problems);
        QVERIFY(a);
        QCOMPARE(a->person.name, QStringLiteral("Alex Example"));
        QCOMPARE(a->person.dateOfBirth, QDate(1941, 3, 2));
        QCOMPARE(a->values.size(), 5);
        const std::optional<Answers> again = readAnswers(writeAnswers(*a), QStringLiteral("b.json"), &problems);
        QVERIFY(again);
        QCOMPARE(*again, *a);
    }

    void answersErrors()
    {
        Problems problems;
        QVERIFY(!readAnswers(R"({"format": "coform-answers/1", "template": "t", "version": 1,
                                 "person": {"name": "A", "dob": "1941-03-02"}, "answers": {}})",
                             QStringLiteral("a.json"), &problems));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().pointer, QStringLiteral("/person/dob"));
        problems.clear();
        QVERIFY(!readAnswers(R"({"format": "coform-answers/1", "template": "t", "version": 1,
                                 "person": {"dateOfBirth": "1941-02-30"}, "answers": {}})",
                             QStringLiteral("a.json"), &problems));
        QCOMPARE(problems.first().pointer, QStringLiteral("/person/dateOfBirth"));
    }

    void changingACopyLeavesTheOriginal()
    {
        Problems problems;
        const Template original =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems).value();
        Template copy = original;
        copy.findItem(QStringLiteral("full-name"))->label = QStringLiteral("Changed");
        QCOMPARE(copy.findItem(QStringLiteral("full-name"))->label, QStringLiteral("Changed"));
        QVERIFY(original.findItem(QStringLiteral("full-name"))->label != QStringLiteral("Changed"));
    }

    void atomicWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        Problems problems;
        const std::optional<Template> t =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QString error;
        QVERIFY(writeTemplateFile(*t, path, &error));
        QCOMPARE(readTemplateFile(path, &problems).value_or(Template{}), *t);
        // A folder that does not exist: a clear error naming the file, and nothing left behind.
        const QString bad = dir.filePath(QStringLiteral("missing/t.json"));
        QVERIFY(!writeTemplateFile(*t, bad, &error));
        QVERIFY(error.contains(bad));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("t.json")});
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
