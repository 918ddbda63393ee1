// How soon the printed form preview shows an edit: the bundled CHC review open in a TemplateDocument with a
// PdfPreview on screen (offscreen platform unless QT_QPA_PLATFORM says otherwise), scrolled to the page of a question
// in the middle of the form; each iteration changes that question's label and measures from the edit being pushed to
// the moment the first visible page shows its new picture (PdfPreview::pageImageShown). The full PDF behind the
// preview (for saving and for screen readers) follows later; its time is reported too (pdf_median_ms).
// Target: median and p95 at most 200 ms. Run: build/bin/bench_preview
#include "edit/edit.h"
#include "format/templateformat.h"
#include "pdf/layout.h"
#include "pdf/renderer.h"

#include "document/templatedocument.h"
#include "preview/pdfpreview.h"
#include "preview/previewpage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace coform;

namespace {

const QString kTemplate = QStringLiteral(COFORM_SOURCE_DIR "/forms/resources/templates/chc-review.json");

/// Runs the event loop until `done` is true or `timeoutMs` passed; false on time-out.
template<typename Done> bool spinUntil(Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::AllEvents, 5);
    }
    return true;
}

void spinFor(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::AllEvents, 5);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

/// The first page of the preview that is on screen; -1 for none.
int firstVisiblePage(PdfPreview &preview)
{
    for (int i = 0; i < preview.pageCount(); ++i) {
        auto *page = preview.findChild<PreviewPage *>(QStringLiteral("previewPage%1").arg(i + 1));
        if (page && !page->visibleRegion().isEmpty())
            return i;
    }
    return -1;
}

void BM_PreviewAfterLabelEdit(benchmark::State &state)
{
    Problems problems;
    const std::optional<Template> t = readTemplateFile(kTemplate, &problems);
    if (!t) {
        state.SkipWithError("the bundled template does not read");
        return;
    }
    // The question in the middle of the form, and the page it is printed on.
    QVector<const Item *> questions;
    for (const Item *item : t->allItems()) {
        if (itemTypeIsAnswerable(item->type))
            questions.append(item);
    }
    const QString itemId = questions.at(questions.size() / 2)->id;
    const QString label = questions.at(questions.size() / 2)->label;
    const Layout layout = layoutForm(*t, nullptr, RenderOptions{});
    int itemPage = -1;
    for (int p = 0; p < layout.pages.size() && itemPage < 0; ++p) {
        for (const LayoutBox &box : layout.pages.at(p).boxes) {
            if (box.itemId == itemId)
                itemPage = p;
        }
    }
    if (itemPage < 0) {
        state.SkipWithError("the question is on no page");
        return;
    }

    TemplateDocument document;
    PdfPreview preview(&document);
    preview.resize(900, 1100);
    preview.show();
    int shownPage = -1;
    int renders = 0;
    QObject::connect(&preview, &PdfPreview::pageImageShown, [&shownPage](int page) { shownPage = page; });
    QObject::connect(&preview, &PdfPreview::rendered, [&renders] { ++renders; });
    document.open(*t, TemplateDocument::Origin::Bundled, kTemplate);
    if (!spinUntil([&] { return renders > 0 && preview.pageCount() > itemPage; }, 60000)) {
        state.SkipWithError("the preview was not made");
        return;
    }
    auto *scroll = preview.findChild<QScrollArea *>(QStringLiteral("previewScroll"));
    auto *page = preview.findChild<PreviewPage *>(QStringLiteral("previewPage%1").arg(itemPage + 1));
    spinFor(200); // the pages are placed
    scroll->verticalScrollBar()->setValue(page->y());
    spinFor(500);
    const int visible = firstVisiblePage(preview);
    if (visible != itemPage)
        std::fprintf(stderr, "bench_preview: page %d of the question is not the first on screen (%d)\n", itemPage + 1,
                     visible + 1);

    std::vector<double> toPage;
    std::vector<double> toPdf;
    int round = 0;
    for (auto _ : state) {
        const QString text = label + (++round % 2 ? QStringLiteral(" (changed)") : QString());
        const Edit edit = Edit::setItemProperty(document.content(), itemId, QStringLiteral("label"), text);
        shownPage = -1;
        const int rendersBefore = renders;
        QElapsedTimer timer;
        timer.start();
        document.push(edit);
        if (!spinUntil([&] { return shownPage == visible; }, 30000)) {
            state.SkipWithError("the visible page was not updated");
            break;
        }
        const double pageMs = double(timer.nsecsElapsed()) / 1e6;
        state.SetIterationTime(pageMs / 1000.0);
        toPage.push_back(pageMs);
        if (!spinUntil([&] { return renders > rendersBefore; }, 30000)) {
            state.SkipWithError("the PDF was not made");
            break;
        }
        toPdf.push_back(double(timer.nsecsElapsed()) / 1e6);
        spinFor(50); // let the other visible pages settle before the next edit
    }
    state.counters["median_ms"] = percentile(toPage, 0.5);
    state.counters["p95_ms"] = percentile(toPage, 0.95);
    state.counters["pdf_median_ms"] = percentile(toPdf, 0.5);
    state.counters["page"] = visible + 1;
    state.counters["pages"] = preview.pageCount();
}
BENCHMARK(BM_PreviewAfterLabelEdit)->Iterations(30)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
