// Rendering speed of the PDF and HTML writers: the bundled CHC review filled with long answers (about 20 pages).
// Target: at most 3 ms a page for renderPdf inside the process, and tagging (pdf/pdftagger.h) adds at most 30% to
// it (BM_PdfTaggingOverhead: "ratio" is the time with tagging over the time without). Run: build/bin/bench_pdf
#include "check/answervalidation.h"
#include "format/templateformat.h"
#include "pdf/formcontent.h"
#include "pdf/layout.h"
#include "pdf/layoutengine.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"
#include "pdf/qtglyphruns.h"
#include "pdf/renderer.h"

#include <benchmark/benchmark.h>

#include <QGuiApplication>

#include <cstdio>
#include <ctime>
#include <optional>
#include <thread>

using namespace coform;

namespace {

struct Inputs
{
    Template form;
    Answers answers;
};

const Inputs &inputs()
{
    static const Inputs loaded = [] {
        Inputs in;
        Problems problems;
        const std::optional<Template> t =
            readTemplateFile(QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json"), &problems);
        const std::optional<Answers> a = readAnswersFile(
            QStringLiteral(COFORM_SOURCE_DIR "/tests/data/pdf/chc-review-long-answers.json"), &problems);
        if (!t || !a) {
            std::fprintf(stderr, "bench_pdf: cannot read the bundled template or the long answers\n");
            std::exit(1);
        }
        in.form = *t;
        in.answers = *a;
        return in;
    }();
    return loaded;
}

void renderFilledPdf(benchmark::State &state, PrintProfile profile, QStringList langs)
{
    const Inputs &in = inputs();
    RenderOptions options;
    options.profile = profile;
    options.languages = langs;
    const int pages = int(layoutForm(in.form, &in.answers, options).pages.size());
    QByteArray pdf;
    QString error;
    for (auto _ : state) {
        if (!renderPdf(in.form, &in.answers, options, &pdf, &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["pages"] = pages;
    state.counters["bytes"] = double(pdf.size());
    // Seconds a page (shown by the benchmark library with a unit prefix, e.g. "1.8m" is 1.8 ms).
    state.counters["per_page"] = benchmark::Counter(double(state.iterations()) * pages,
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_PdfFilledStandard(benchmark::State &state)
{
    renderFilledPdf(state, PrintProfile::Standard, {});
}
void BM_PdfFilledLarge(benchmark::State &state)
{
    renderFilledPdf(state, PrintProfile::Large, {});
}
void BM_PdfFilledEasy(benchmark::State &state)
{
    renderFilledPdf(state, PrintProfile::Easy, {});
}
void BM_PdfFilledBilingual(benchmark::State &state)
{
    renderFilledPdf(state, PrintProfile::Standard, {QStringLiteral("en"), QStringLiteral("cy")});
}

/// A blank form, plain or fillable (AcroForm fields added by the libqpdf pass): the cost of the fields is the
/// difference.
void renderBlankPdf(benchmark::State &state, bool fillable)
{
    const Inputs &in = inputs();
    RenderOptions options;
    options.fillable = fillable;
    const int pages = int(layoutForm(in.form, nullptr, options).pages.size());
    QByteArray pdf;
    QString error;
    for (auto _ : state) {
        if (!renderPdf(in.form, nullptr, options, &pdf, &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["pages"] = pages;
    state.counters["bytes"] = double(pdf.size());
    state.counters["per_page"] = benchmark::Counter(double(state.iterations()) * pages,
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_PdfBlankPlain(benchmark::State &state)
{
    renderBlankPdf(state, false);
}
void BM_PdfBlankFillable(benchmark::State &state)
{
    renderBlankPdf(state, true);
}

/// Processor time of this thread in milliseconds (rendering is single-threaded; unlike elapsed time it does not
/// grow when other processes share the machine).
double threadMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// renderPdf's steps one by one, timed apart in processor time: content, layout and QPdfWriter (the PDF as it was
/// before tagging), then the tagging pass (parse with libqpdf, mark the content, build the structure tree, write).
void BM_PdfTaggingOverhead(benchmark::State &state)
{
    const Inputs &in = inputs();
    const RenderOptions options;
    const PrintStyle style(options.profile, options.paper);
    double untagged = 0, tagging = 0;
    int pages = 0;
    QByteArray pdf;
    QString error;
    for (auto _ : state) {
        const double start = threadMs();
        const FormContent content = buildFormContent(in.form, &in.answers, options);
        const Layout layout = LayoutEngine(content, style, &qtTextFallback()).run();
        QVector<PageDrawLog> drawn;
        PdfWriter writer(style);
        writer.setDrawLog(&drawn);
        pdf.clear();
        if (!writer.write(layout, &pdf, &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        const double written = threadMs();
        const TagOptions tags{layout.title, layout.language, false};
        if (!runPdfPasses(&pdf, {[&](QPDF &q, QString *e) { return tagPdf(q, drawn, tags, e); }},
                          QStringLiteral("bench"), &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        const double tagged = threadMs();
        untagged += written - start;
        tagging += tagged - written;
        pages = int(layout.pages.size());
        benchmark::DoNotOptimize(pdf.data());
    }
    const double n = double(state.iterations());
    state.counters["pages"] = pages;
    state.counters["untagged_ms"] = untagged / n;
    state.counters["tagging_ms"] = tagging / n;
    state.counters["tagged_ms"] = (untagged + tagging) / n;
    state.counters["ratio"] = (untagged + tagging) / untagged;
}

void BM_LayoutOnly(benchmark::State &state)
{
    const Inputs &in = inputs();
    const RenderOptions options;
    int pages = 0;
    for (auto _ : state) {
        const Layout layout = layoutForm(in.form, &in.answers, options);
        pages = int(layout.pages.size());
        benchmark::DoNotOptimize(pages);
    }
    state.counters["per_page"] = benchmark::Counter(double(state.iterations()) * pages,
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

/// One free-text answer of state.range(0) characters (words and a line break every few sentences): 20,000 is the
/// longest answer Coform stores; the larger sizes show whether the time grows in step with the text (linear) or
/// faster. Target: the 20,000-character review within the usual budget of 3 ms a page.
void BM_PdfLongAnswer(benchmark::State &state)
{
    Inputs in = inputs();
    const qsizetype length = state.range(0);
    QString text;
    static const QString words[] = {QStringLiteral("care "),    QStringLiteral("support "),
                                    QStringLiteral("evening "), QStringLiteral("medication "),
                                    QStringLiteral("family "),  QStringLiteral("walks. ")};
    for (int i = 0; text.size() < length; ++i)
        text += (i % 61 == 60) ? QStringLiteral("\n") : words[i % 6];
    text.truncate(length);
    in.answers.values.insert(QStringLiteral("going-well"), text);
    const RenderOptions options;
    const int pages = int(layoutForm(in.form, &in.answers, options).pages.size());
    QByteArray pdf;
    QString error;
    for (auto _ : state) {
        if (!renderPdf(in.form, &in.answers, options, &pdf, &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["pages"] = pages;
    state.counters["per_page"] = benchmark::Counter(double(state.iterations()) * pages,
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

/// The longest review Coform stores (every text and long-text answer of the bundled CHC review at the 20,000-character
/// limit)
/// against the normal filled review, rendered alternately in the same run: "ratio" is the longest review's mean time
/// over the normal one's, "per_page" the longest review's time a page (target: 3 ms a page, as for any review).
void BM_PdfLongestReviewVsNormal(benchmark::State &state)
{
    const Inputs &normal = inputs();
    Inputs longest = normal;
    QString text;
    static const QString words[] = {QStringLiteral("care "),    QStringLiteral("support "),
                                    QStringLiteral("evening "), QStringLiteral("medication "),
                                    QStringLiteral("family "),  QStringLiteral("walks. ")};
    for (int i = 0; text.size() < MaxAnswerCharacters; ++i)
        text += (i % 61 == 60) ? QStringLiteral("\n") : words[i % 6];
    text.truncate(MaxAnswerCharacters);
    QString line = text; // single-line answers: one line of the same length
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    int answers = 0;
    for (const Section &section : normal.form.sections) {
        for (const Item &item : section.items) {
            if (item.type == ItemType::Textarea || item.type == ItemType::Text) {
                longest.answers.values.insert(item.id, item.type == ItemType::Text ? line : text);
                ++answers;
            }
        }
    }
    const RenderOptions options;
    const int normalPages = int(layoutForm(normal.form, &normal.answers, options).pages.size());
    const int longestPages = int(layoutForm(longest.form, &longest.answers, options).pages.size());
    QByteArray pdf;
    QString error;
    double normalMs = 0, longestMs = 0;
    auto timed = [&](const Inputs &in, double *total) {
        timespec a{}, b{};
        clock_gettime(CLOCK_MONOTONIC, &a);
        const bool ok = renderPdf(in.form, &in.answers, options, &pdf, &error);
        clock_gettime(CLOCK_MONOTONIC, &b);
        *total += double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6;
        benchmark::DoNotOptimize(pdf.data());
        return ok;
    };
    for (auto _ : state) {
        if (!timed(normal, &normalMs) || !timed(longest, &longestMs)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
    }
    const double n = double(state.iterations());
    state.counters["answers_at_limit"] = answers;
    state.counters["normal_pages"] = normalPages;
    state.counters["longest_pages"] = longestPages;
    state.counters["normal_ms"] = normalMs / n;
    state.counters["longest_ms"] = longestMs / n;
    state.counters["ratio"] = longestMs / normalMs;
    state.counters["longest_ms_per_page"] = longestMs / n / longestPages;
}

/// The easy-read filled review with a picture beside every question (and its sections and options) against the same
/// review with the pictures taken out, in processor time, alternating, with the size of each PDF. Targets: "ratio" at
/// most 1.5, "bytes_with" at most 3 MiB. "first_with_ms" is a thread's first such PDF, which draws each picture.
void BM_PdfEasyPicturesVsNone(benchmark::State &state)
{
    const Inputs &in = inputs();
    Template bare = in.form;
    for (Section &s : bare.sections) {
        s.picture.reset();
        for (Item &item : s.items) {
            item.picture.reset();
            for (Option &o : item.options)
                o.picture.reset();
        }
    }
    RenderOptions options;
    options.profile = PrintProfile::Easy;
    double with = 0, without = 0;
    QByteArray pdfWith, pdfWithout;
    QString error;
    for (auto _ : state) {
        const double start = threadMs();
        if (!renderPdf(in.form, &in.answers, options, &pdfWith, &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        const double middle = threadMs();
        if (!renderPdf(bare, &in.answers, options, &pdfWithout, &error)) {
            state.SkipWithError(error.toUtf8().constData());
            break;
        }
        with += middle - start;
        without += threadMs() - middle;
    }
    // A process's first easy-read PDF draws each picture once (kept per thread after that): timed on a new thread.
    double first = 0;
    std::thread([&] {
        const double start = threadMs();
        QByteArray pdf;
        QString e;
        renderPdf(in.form, &in.answers, options, &pdf, &e);
        first = threadMs() - start;
    }).join();
    const double n = double(state.iterations());
    state.counters["first_with_ms"] = first;
    state.counters["with_ms"] = with / n;
    state.counters["without_ms"] = without / n;
    state.counters["ratio"] = with / without;
    state.counters["bytes_with"] = double(pdfWith.size());
    state.counters["bytes_without"] = double(pdfWithout.size());
}

void BM_HtmlFilled(benchmark::State &state)
{
    const Inputs &in = inputs();
    const RenderOptions options;
    QByteArray html;
    QString error;
    for (auto _ : state) {
        renderHtml(in.form, &in.answers, options, &html, &error);
        benchmark::DoNotOptimize(html.data());
    }
    state.counters["bytes"] = double(html.size());
}

} // namespace

BENCHMARK(BM_PdfFilledStandard)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfFilledLarge)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfFilledEasy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfFilledBilingual)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfBlankPlain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfBlankFillable)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfTaggingOverhead)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfLongAnswer)->Arg(5000)->Arg(20000)->Arg(80000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfLongestReviewVsNormal)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_HtmlFilled)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdfEasyPicturesVsNone)->Unit(benchmark::kMillisecond)->Iterations(5);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
