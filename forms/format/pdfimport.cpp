#include "pdfimport.h"

#include "format/importids.h"
#include "format/pdffieldreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>

#include <sys/resource.h>
#include <unistd.h>

namespace coform {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool underAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool underAddressSanitizer = true;
#else
constexpr bool underAddressSanitizer = false;
#endif
#else
constexpr bool underAddressSanitizer = false;
#endif

/// Processor time (user + system) the process `pid` has used so far, in milliseconds; -1 where the system does not
/// say (then the caller falls back to the time on the clock).
qint64 cpuMsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The program name (field 2) is in brackets and may hold spaces: count fields after the last ')'.
    const int close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // After the name: state is field 3, utime field 14 and stime field 15, i.e. indexes 11 and 12 here.
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    if (ticks <= 0)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000 / ticks;
}

/// Runs the worker with a time-out and, outside AddressSanitizer builds (whose shadow memory alone is terabytes of
/// address space), an address-space limit. The child is killed and reaped on time-out: no thread or memory of it
/// outlives the call. The time-out counts the worker's own processor time, so a good file is not refused because the
/// machine is busy with other work; a worker that waits without working is stopped at four times the time-out on the
/// clock.
QByteArray runWorker(const QString &path, const PdfImportOptions &options, QString *error)
{
    QProcess process;
    process.setProgram(options.workerPath);
    process.setArguments({QStringLiteral("import"), QStringLiteral("--pdf-worker"), path});
    const qint64 memory = options.memoryLimitBytes;
    const int cpuSeconds = options.timeoutMs / 1000 + 2;
    process.setChildProcessModifier([memory, cpuSeconds] {
        // Between fork and exec: only async-signal-safe calls.
        if (!underAddressSanitizer && memory > 0) {
            struct rlimit as = {rlim_t(memory), rlim_t(memory)};
            setrlimit(RLIMIT_AS, &as);
        }
        struct rlimit cpu = {rlim_t(cpuSeconds), rlim_t(cpuSeconds)};
        setrlimit(RLIMIT_CPU, &cpu);
    });
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start();
    if (!process.waitForStarted(options.timeoutMs)) {
        *error =
            QStringLiteral("the PDF reader (%1) could not be started").arg(QFileInfo(options.workerPath).fileName());
        return {};
    }
    QByteArray out;
    const qint64 maxOutput = 32LL * 1024 * 1024;
    const qint64 pid = process.processId();
    const qint64 clockCeilingMs = 4LL * options.timeoutMs;
    while (process.state() != QProcess::NotRunning) {
        const qint64 cpuMs = cpuMsOf(pid);
        const qint64 worked = cpuMs >= 0 ? cpuMs : timer.elapsed();
        if (worked >= options.timeoutMs || timer.elapsed() >= clockCeilingMs)
            break;
        process.waitForReadyRead(int(std::clamp<qint64>(options.timeoutMs - worked, 1, 100)));
        out += process.readAllStandardOutput();
        if (out.size() > maxOutput) {
            process.kill();
            process.waitForFinished(2000);
            *error = QStringLiteral("the PDF's form is too large to read");
            return {};
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
        *error = timer.elapsed() >= clockCeilingMs
                     ? QStringLiteral("the PDF reader did not finish within %1 seconds; nothing was read")
                           .arg(clockCeilingMs / 1000.0)
                     : QStringLiteral("reading the PDF's form took longer than %1 seconds of work; the file is "
                                      "probably malformed")
                           .arg(options.timeoutMs / 1000.0);
        return {};
    }
    out += process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString said = QString::fromUtf8(process.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
        // The worker prints "coform-cli: REASON" for files it refuses; anything else is a crash or a limit.
        if (process.exitStatus() == QProcess::NormalExit && said.startsWith(QLatin1String("coform-cli: ")))
            *error = said.mid(12);
        else
            *error = QStringLiteral("the PDF reader stopped on this file (it ran out of memory or time, or crashed); "
                                    "the file is probably malformed");
        return {};
    }
    return out;
}

QString fieldLabel(const QJsonObject &field)
{
    const QString tooltip = field.value(QLatin1String("tooltip")).toString().simplified();
    if (!tooltip.isEmpty())
        return tooltip;
    const QString readable = readableName(field.value(QLatin1String("name")).toString());
    return readable.isEmpty() ? QStringLiteral("Unnamed field") : readable;
}

} // namespace

ImportResult templateFromPdfFields(const QByteArray &fieldsJson, const PdfPrecheck &precheck, const QString &fileName,
                                   int maxFields)
{
    ImportResult result;
    ImportReport &report = result.report;
    report.file = fileName;
    report.sourceKind = QStringLiteral("PDF form (AcroForm)");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fieldsJson, &parseError);
    if (!doc.isObject()) {
        report.refuse(QStringLiteral("the PDF reader's output could not be understood"));
        return result;
    }
    const QJsonObject root = doc.object();
    const QJsonArray fields = root.value(QLatin1String("fields")).toArray();
    if (fields.size() > maxFields) {
        report.refuse(QStringLiteral("the PDF has more than %1 form fields").arg(maxFields));
        return result;
    }
    if (fields.isEmpty()) {
        report.refuse(root.value(QLatin1String("xfa")).toBool()
                          ? QStringLiteral("the PDF is an XFA form (made with LiveCycle Designer), which Coform cannot "
                                           "read; save it as a standard (AcroForm) PDF form and import that")
                          : noFieldsReason());
        return result;
    }
    Template t;
    const QString base = QFileInfo(fileName).completeBaseName();
    t.id = ImportIds::sanitize(base).isEmpty() ? QStringLiteral("imported-pdf") : ImportIds::sanitize(base);
    t.title = root.value(QLatin1String("title")).toString().simplified();
    if (t.title.isEmpty())
        t.title = readableName(base).isEmpty() ? QStringLiteral("Imported PDF form") : readableName(base);
    if (root.value(QLatin1String("xfa")).toBool())
        report.add(ImportNote::Kind::Remark, {},
                   QStringLiteral("the PDF also holds an XFA form; its AcroForm fields "
                                  "were read and the XFA part ignored"));
    if (root.value(QLatin1String("encrypted")).toBool())
        report.add(ImportNote::Kind::Remark, {}, QStringLiteral("the PDF is encrypted without a password to open it"));

    ImportIds ids;
    QHash<QString, QPair<int, int>> placed; ///< field name -> (section index, item index): widgets of one field
    QHash<QString, int> radioWidgets;
    int filled = 0;
    int index = 0;
    for (const QJsonValue &v : fields) {
        const QJsonObject f = v.toObject();
        ++index;
        QString name = f.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = QStringLiteral("(unnamed field %1)").arg(index); // each unnamed widget on its own
        const QString kind = f.value(QLatin1String("kind")).toString();
        const int page = f.value(QLatin1String("page")).toInt();
        const QString place = name;
        if (f.value(QLatin1String("filled")).toBool())
            ++filled;
        if (placed.contains(name)) {
            if (kind == QLatin1String("radio"))
                ++radioWidgets[name];
            continue; // another widget of a field already placed
        }
        if (kind == QLatin1String("push")) {
            report.add(ImportNote::Kind::Skipped, place, QStringLiteral("a push button (it asks nothing)"));
            report.notes.last().topic = ImportNote::Topic::Structure;
            placed.insert(name, {-1, -1});
            continue;
        }
        if (kind == QLatin1String("signature")) {
            report.add(ImportNote::Kind::Skipped, place,
                       QStringLiteral("a digital signature field (add a Coform signature question if one is needed)"));
            report.notes.last().topic = ImportNote::Topic::Kinds;
            report.notes.last().gist = QStringLiteral("signature field was left out|signature fields were left out");
            report.notes.last().why = QStringLiteral("add a signature question if one is needed");
            placed.insert(name, {-1, -1});
            continue;
        }
        if (kind == QLatin1String("file")) {
            report.add(ImportNote::Kind::Skipped, place, QStringLiteral("a file upload field"));
            report.notes.last().topic = ImportNote::Topic::Kinds;
            report.notes.last().gist =
                QStringLiteral("file upload field was left out|file upload fields were left out");
            placed.insert(name, {-1, -1});
            continue;
        }
        if (!f.value(QLatin1String("visible")).toBool(true)) {
            report.add(ImportNote::Kind::Skipped, place, QStringLiteral("a hidden field"));
            report.notes.last().topic = ImportNote::Topic::Structure;
            placed.insert(name, {-1, -1});
            continue;
        }
        Item item;
        item.label = fieldLabel(f);
        item.id = ids.allocate(
            item.label == f.value(QLatin1String("tooltip")).toString().simplified() ? readableName(name) : item.label,
            QStringLiteral("field"));
        QStringList notes;
        notes << QStringLiteral("PDF field: %1").arg(name);
        if (kind == QLatin1String("text") || kind == QLatin1String("password")) {
            item.type = f.value(QLatin1String("date")).toBool() ? ItemType::Date : ItemType::Text;
            if (item.type == ItemType::Date)
                notes << QStringLiteral("The PDF formatted this field as a date, so it asks for a date");
            if (kind == QLatin1String("password"))
                notes << QStringLiteral("Not carried over from the PDF: the answer was hidden as it was typed");
        } else if (kind == QLatin1String("multiline")) {
            item.type = ItemType::Textarea;
        } else if (kind == QLatin1String("checkbox")) {
            item.type = ItemType::YesNo;
        } else if (kind == QLatin1String("radio")) {
            item.type = ItemType::Choice;
            radioWidgets[name] = 1;
        } else if (kind == QLatin1String("combo") || kind == QLatin1String("list")) {
            item.type = f.value(QLatin1String("multiSelect")).toBool() ? ItemType::MultiChoice : ItemType::Choice;
            ImportIds values;
            for (const QJsonValue &c : f.value(QLatin1String("choices")).toArray()) {
                const QString label = c.toString().simplified();
                if (label.isEmpty())
                    continue;
                item.options.append({values.allocate(label, QStringLiteral("option")), label, {}, {}});
            }
            if (item.options.isEmpty()) {
                item.type = ItemType::Text;
                notes << QStringLiteral("Not carried over from the PDF: the list had no choices, so it is a text "
                                        "question");
                report.add(ImportNote::Kind::Lost, place,
                           QStringLiteral("a list without choices became a text "
                                          "question"),
                           item.id);
                report.notes.last().topic = ImportNote::Topic::Answers;
                report.notes.last().gist =
                    QStringLiteral("list without choices takes any text now|lists without choices take any text now");
            }
            if (f.value(QLatin1String("editable")).toBool()) {
                notes << QStringLiteral("Not carried over from the PDF: answers typed in instead of chosen");
                report.add(ImportNote::Kind::Lost, place, QStringLiteral("answers typed in instead of chosen"),
                           item.id);
                report.notes.last().topic = ImportNote::Topic::Answers;
                report.notes.last().gist =
                    QStringLiteral("list no longer takes a typed answer|lists no longer take a typed answer");
            }
        } else {
            report.add(ImportNote::Kind::Skipped, place, QStringLiteral("a field of an unknown kind"));
            report.notes.last().topic = ImportNote::Topic::Kinds;
            report.notes.last().gist =
                QStringLiteral("field of an unknown kind was left out|fields of an unknown kind were left out");
            placed.insert(name, {-1, -1});
            continue;
        }
        if (f.value(QLatin1String("readOnly")).toBool()) {
            notes << QStringLiteral("Not carried over from the PDF: read-only (perhaps filled by a calculation)");
            report.add(ImportNote::Kind::Lost, place, QStringLiteral("read-only (perhaps filled by a calculation)"),
                       item.id);
            report.notes.last().topic = ImportNote::Topic::Limits;
            report.notes.last().gist =
                QStringLiteral("read-only field can now be answered|read-only fields can now be answered");
            report.notes.last().why = QStringLiteral("Coform questions can always be answered");
        }
        const PdfFieldHint hint = precheck.hints.value(name);
        item.required = hint.required;
        if (hint.maxLength > 0) {
            notes << QStringLiteral("Not carried over from the PDF: at most %1 characters").arg(hint.maxLength);
            report.add(ImportNote::Kind::Lost, place,
                       QStringLiteral("the longest answer allowed (%1 characters)").arg(hint.maxLength), item.id);
            report.notes.last().topic = ImportNote::Topic::Limits;
            report.notes.last().gist =
                QStringLiteral("question has no longest answer now|questions have no longest answer now");
            report.notes.last().why = QStringLiteral("Coform has no limit on the length of an answer");
        }
        item.note = notes.join(QLatin1Char('\n'));
        const QString sectionId = QStringLiteral("page-%1").arg(page);
        if (t.sections.isEmpty() || t.sections.last().id != sectionId) {
            Section s;
            s.id = ids.allocate(sectionId, QStringLiteral("page"));
            s.title = QStringLiteral("Page %1").arg(page);
            t.sections.append(s);
        }
        t.sections.last().items.append(item);
        placed.insert(name, {int(t.sections.size()) - 1, int(t.sections.last().items.size()) - 1});
    }
    // Radio groups: the labels qpdf read from the buttons' appearance states, else numbered choices.
    for (auto it = radioWidgets.cbegin(); it != radioWidgets.cend(); ++it) {
        const QPair<int, int> at = placed.value(it.key());
        if (at.first < 0)
            continue;
        Item &item = t.sections[at.first].items[at.second];
        QStringList labels = precheck.hints.value(it.key()).radioOptions;
        if (labels.isEmpty()) {
            for (int i = 1; i <= it.value(); ++i)
                labels << QStringLiteral("Option %1").arg(i);
            item.note += QStringLiteral("\nThe PDF gave its buttons no names; they are numbered");
            report.add(ImportNote::Kind::Lost, it.key(), QStringLiteral("the names of the radio buttons"), item.id);
            report.notes.last().topic = ImportNote::Topic::Answers;
            report.notes.last().gist = QStringLiteral("question has numbered answers|questions have numbered answers");
            report.notes.last().why = QStringLiteral("the PDF does not name its buttons: name the answers");
        }
        ImportIds values;
        for (const QString &label : labels)
            item.options.append({values.allocate(label, QStringLiteral("option")), readableName(label), {}, {}});
    }
    if (filled > 0)
        report.add(ImportNote::Kind::Remark, {},
                   QStringLiteral("%1 fields were filled in; a template holds no answers, so their values were left "
                                  "out")
                       .arg(filled));
    report.itemCount = int(t.allItems().size());
    const QMap<QString, int> numbers = t.questionNumbers();
    report.questionCount = int(numbers.size());
    for (auto it = numbers.cbegin(); it != numbers.cend(); ++it)
        report.itemNames.insert(it.key(), QString::number(it.value()));
    for (auto it = placed.cbegin(); it != placed.cend(); ++it) {
        if (it.value().first >= 0)
            result.placeToItem.insert(it.key(), t.sections[it.value().first].items[it.value().second].id);
    }
    if (report.itemCount == 0) {
        report.refuse(QStringLiteral("This PDF has no boxes to fill in, only buttons or signatures (no form fields "
                                     "Coform can use): Coform can only import fillable forms"));
        return result;
    }
    result.tmpl = t;
    return result;
}

QByteArray readPdfFormFields(const QString &path, const PdfImportOptions &options, PdfPrecheck *precheck,
                             QString *error)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = QStringLiteral("the file cannot be read");
        return {};
    }
    if (info.size() > options.maxBytes) {
        *error = QStringLiteral("the file is larger than %1 MB").arg(options.maxBytes / (1024 * 1024));
        return {};
    }
    if (options.precheck) {
        *precheck = precheckPdf(path, options.maxFields, options.maxDepth);
        if (precheck->refused && precheck->damaged && !options.workerPath.isEmpty()) {
            // qpdf cannot open it; poppler repairs some damage. Only in the worker, under the same limits (time-out,
            // memory, output size), as without the pre-check nothing bounds poppler's walk of the field tree.
            QString workerError;
            const QByteArray fields = runWorker(path, options, &workerError);
            if (workerError.isEmpty() && !fields.isEmpty()) {
                *precheck = {};
                precheck->readByPopplerOnly = true;
                return fields;
            }
        }
        if (precheck->refused) {
            *error = precheck->reason;
            return {};
        }
    }
    const QByteArray fields =
        options.workerPath.isEmpty() ? readPdfFieldsWithPoppler(path, error) : runWorker(path, options, error);
    if (error->isEmpty() && fields.isEmpty())
        *error = QStringLiteral("the PDF reader gave no answer");
    return error->isEmpty() ? fields : QByteArray();
}

ImportResult importPdfForm(const QString &path, const PdfImportOptions &options)
{
    ImportResult result;
    result.report.file = path;
    result.report.sourceKind = QStringLiteral("PDF form (AcroForm)");
    PdfPrecheck precheck;
    QString error;
    const QByteArray fields = readPdfFormFields(path, options, &precheck, &error);
    if (!error.isEmpty()) {
        result.report.refuse(error);
        return result;
    }
    result = templateFromPdfFields(fields, precheck, path, options.maxFields);
    if (precheck.readByPopplerOnly) {
        if (result.report.refused) {
            // What poppler salvaged holds nothing to import: the file's damage is the news.
            result.tmpl.reset();
            result.report.reason = damagedReason();
            return result;
        }
        ImportNote note;
        note.kind = ImportNote::Kind::Remark;
        note.topic = ImportNote::Topic::Structure;
        note.message = QStringLiteral("the PDF is damaged: its fields were read by a reader that repairs some damage");
        note.gist = QStringLiteral("damaged file was read as well as it could be|damaged files were read");
        note.why = QStringLiteral("check every question against the original form");
        result.report.add(note);
    }
    return result;
}

} // namespace coform
