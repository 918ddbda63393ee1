#include "preview/pdfpreview.h"

#include "common/templatewords.h"
#include "document/templatedocument.h"
#include "preview/previewpage.h"
#include "preview/previewrenderer.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace coform {

namespace {
constexpr int kPageMargin = 12;
constexpr int kEditDelayMs = 400; ///< the whole PDF: when the changes pause
constexpr int kDrawDelayMs = 20;  ///< the pages on screen: right after a change (a burst of them is one)
} // namespace

PdfPreview::PdfPreview(TemplateDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_renderer(new PreviewRenderer)
{
    setObjectName(QStringLiteral("pdfPreview"));
    m_thread.setObjectName(QStringLiteral("coform preview"));
    m_renderer->moveToThread(&m_thread);
    m_thread.start(QThread::LowPriority);

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("previewProfile"));
    m_profile->addItem(tr("Standard print"), int(PrintProfile::Standard));
    m_profile->addItem(tr("Large print"), int(PrintProfile::Large));
    m_profile->addItem(tr("Easy read layout"), int(PrintProfile::Easy));
    m_profile->setAccessibleName(tr("Print style"));
    m_profile->setToolTip(tr("How big the print is and how the questions are laid out"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("previewLanguage"));
    m_language->setAccessibleName(tr("Language of the printed form"));
    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("previewZoom"));
    m_zoom->setAccessibleName(tr("Page size on screen"));
    m_zoom->addItem(tr("Fit to width"), 0.0);
    for (int percent : {50, 75, 100, 125, 150, 200})
        m_zoom->addItem(tr("%1%").arg(percent), percent / 100.0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);

    // A form layout that puts each label above its box when the panel is narrow (big text), so nothing overlaps.
    auto *controls = new QFormLayout;
    controls->setRowWrapPolicy(QFormLayout::WrapLongRows);
    controls->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (QComboBox *combo : {m_profile, m_language, m_zoom}) {
        // Never wider than a few words ask: with big text the window must still fit the screen.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    auto addChooser = [this, controls](const QString &text, QComboBox *combo) {
        auto *label = new QLabel(text, this);
        label->setObjectName(combo->objectName() + QStringLiteral("Label"));
        label->setBuddy(combo);
        controls->addRow(label, combo);
    };
    addChooser(tr("&Print style:"), m_profile);
    addChooser(tr("Lan&guage:"), m_language);
    addChooser(tr("Si&ze:"), m_zoom);
    controls->addRow(m_status);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("previewScroll"));
    m_scroll->setAccessibleName(tr("Printed form preview"));
    m_scroll->setAccessibleDescription(tr("The form as it will be printed. Use the arrow keys or Page Up and Page "
                                          "Down to move through the pages."));
    m_scroll->setFocusPolicy(Qt::StrongFocus);
    m_scroll->setWidgetResizable(true);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->viewport()->installEventFilter(this);
    m_pagesWidget = new QWidget(m_scroll);
    m_pagesWidget->setObjectName(QStringLiteral("previewPages"));
    m_pagesLayout = new QVBoxLayout(m_pagesWidget);
    m_pagesLayout->setContentsMargins(kPageMargin, kPageMargin, kPageMargin, kPageMargin);
    m_pagesLayout->setSpacing(kPageMargin);
    m_pagesLayout->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setWidget(m_pagesWidget);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_scroll, 1);

    m_renderTimer.setSingleShot(true);
    connect(&m_renderTimer, &QTimer::timeout, this, &PdfPreview::startRender);
    m_drawTimer.setSingleShot(true);
    connect(&m_drawTimer, &QTimer::timeout, this, &PdfPreview::startDrawing);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_options.profile = PrintProfile(m_profile->currentData().toInt());
        ++m_revision;
        scheduleRender(0);
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_options.languages = m_language->currentData().toStringList();
        ++m_revision;
        scheduleRender(0);
    });
    connect(m_zoom, &QComboBox::currentIndexChanged, this, &PdfPreview::updateScale);
    connect(m_document, &TemplateDocument::templateReplaced, this, [this] {
        qDeleteAll(m_pages);
        m_pages.clear();
        m_pageSizes.clear();
        m_pageTexts.clear();
        m_pdf.clear();
        fillLanguages();
        m_shownRevision = ++m_revision; // what is still on its way is of the template before
        m_drawTimer.stop();
        scheduleRender(0);
    });
    // Edits: the pages on screen are drawn again straight away; the PDF waits until the typing pauses, so that
    // typing makes one new PDF, not one a letter.
    connect(m_document, &TemplateDocument::contentChanged, this, [this] {
        fillLanguages();
        ++m_revision;
        m_drawTimer.start(kDrawDelayMs);
        scheduleRender(kEditDelayMs);
    });
    fillLanguages();
    scheduleRender(0);
}

PdfPreview::~PdfPreview()
{
    // The renderer may be making a PDF: let it finish, then nothing more is posted to this object.
    m_thread.quit();
    m_thread.wait();
    delete m_renderer;
}

void PdfPreview::fillLanguages()
{
    const QStringList previous = m_language->currentData().toStringList();
    const QSignalBlocker blocker(m_language);
    m_language->clear();
    const QStringList languages = m_document->isOpen() ? m_document->content().languages : QStringList{};
    for (const QString &lang : languages)
        m_language->addItem(TemplateWords::languageName(lang), QStringList{lang});
    QStringList spoken;
    for (const QString &lang : languages) {
        if (lang != QLatin1String("en-x-easy"))
            spoken.append(lang);
    }
    if (spoken.size() >= 2) {
        const QStringList both = spoken.mid(0, 2);
        m_language->addItem(tr("%1 and %2 together")
                                .arg(TemplateWords::languageName(both.at(0)), TemplateWords::languageName(both.at(1))),
                            both);
    }
    const int index = m_language->findData(previous);
    m_language->setCurrentIndex(index >= 0 ? index : 0);
    m_language->setEnabled(m_language->count() > 1);
    m_options.languages = m_language->currentData().toStringList();
}

void PdfPreview::scheduleRender(int delayMs)
{
    m_renderTimer.start(delayMs);
}

void PdfPreview::startRender()
{
    if (!m_document->isOpen()) {
        setStatus(tr("No form is open"));
        return;
    }
    if (m_renderInFlight) {
        m_renderPending = true; // made when the one in progress is done: only the newest state counts
        return;
    }
    m_renderInFlight = true;
    setStatus(tr("Making the preview\u2026"));
    PreviewRenderer *renderer = m_renderer;
    QMetaObject::invokeMethod(
        m_renderer,
        [this, renderer, revision = m_revision, t = m_document->content(), options = m_options] {
            const RenderedPdf result = renderer->renderDocument(revision, t, options);
            QMetaObject::invokeMethod(
                this, [this, result] { showRendered(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void PdfPreview::startDrawing()
{
    if (!m_document->isOpen() || m_pages.isEmpty())
        return; // the first PDF makes the pages
    if (m_drawInFlight) {
        m_drawPending = true;
        return;
    }
    QVector<PageRequest> wanted;
    for (PreviewPage *page : std::as_const(m_pages)) {
        if (page->isVisible() && !page->visibleRegion().isEmpty())
            wanted.append({page->page(), page->wantedDpi()});
    }
    if (wanted.isEmpty())
        return; // nothing on screen: the PDF will do
    m_drawInFlight = true;
    PreviewRenderer *renderer = m_renderer;
    QMetaObject::invokeMethod(
        m_renderer,
        [this, renderer, wanted, revision = m_revision, t = m_document->content(), options = m_options] {
            const DrawnPages result = renderer->drawPages(revision, t, options, wanted);
            QMetaObject::invokeMethod(
                this, [this, result] { showDrawn(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void PdfPreview::showDrawn(const DrawnPages &result)
{
    m_drawInFlight = false;
    if (result.revision > m_shownRevision && !m_pages.isEmpty()) {
        updatePages(result.pageSizes);
        m_shownRevision = result.revision;
        // Every page is out of date (each keeps its old picture until it is next painted); those on screen have
        // their new pictures here.
        for (PreviewPage *page : std::as_const(m_pages))
            page->invalidate();
        for (int i = 0; i < result.drawn.size(); ++i) {
            const PageRequest &drawn = result.drawn.at(i);
            if (drawn.page < m_pages.size()) {
                m_pages[drawn.page]->setImage(result.images.at(i), drawn.dpi);
                emit pageImageShown(drawn.page);
            }
        }
    }
    if (m_drawPending) {
        m_drawPending = false;
        startDrawing();
    }
}

bool PdfPreview::updatePages(const QVector<QSizeF> &sizes)
{
    // Pages that keep their number and size keep their old picture until the new one is drawn: no flicker.
    if (sizes == m_pageSizes && m_pages.size() == sizes.size())
        return false;
    qDeleteAll(m_pages);
    m_pages.clear();
    m_pageSizes = sizes;
    const int count = int(sizes.size());
    for (int i = 0; i < count; ++i) {
        auto *page = new PreviewPage(
            i, count, sizes.at(i), [this](int p, double dpi) { requestPage(p, dpi); }, m_pagesWidget);
        page->setAccessibleDescription(m_pageTexts.value(i));
        m_pagesLayout->addWidget(page);
        m_pages.append(page);
    }
    updateScale();
    return true;
}

void PdfPreview::showRendered(const RenderedPdf &result)
{
    m_renderInFlight = false;
    if (m_renderPending) {
        m_renderPending = false;
        startRender(); // the pages shown stay until the newest PDF is there
        return;
    }
    if (!result.error.isEmpty()) {
        qDeleteAll(m_pages);
        m_pages.clear();
        m_pageSizes.clear();
        m_pageTexts.clear();
        m_pdf.clear();
        m_shownRevision = result.revision;
        setStatus(tr("The preview could not be made: %1").arg(result.error));
        emit rendered();
        return;
    }
    m_pdf = result.pdf;
    m_pageTexts = result.pageTexts;
    // The pages on screen may already be newer (drawn after a later edit): then they stay as they are.
    if (result.revision >= m_shownRevision) {
        const bool madeAnew = updatePages(result.pageSizes);
        if (!madeAnew && result.revision != m_shownRevision) {
            for (PreviewPage *page : std::as_const(m_pages))
                page->invalidate();
        }
        m_shownRevision = result.revision;
    }
    for (int i = 0; i < m_pages.size(); ++i)
        m_pages[i]->setAccessibleDescription(m_pageTexts.value(i));
    updateScale();
    setStatus(TemplateWords::count(result.pageSizes.size(), tr("page"), tr("pages")));
    emit rendered();
}

void PdfPreview::requestPage(int page, double dpi)
{
    PreviewRenderer *renderer = m_renderer;
    QMetaObject::invokeMethod(
        m_renderer,
        [this, renderer, page, dpi] {
            int revision = 0;
            const QImage image = renderer->renderPage(page, dpi, &revision);
            if (image.isNull())
                return;
            QMetaObject::invokeMethod(
                this,
                [this, revision, page, dpi, image] {
                    // Drawn from the newest layout the renderer had: never older than the pages on screen.
                    if (revision >= m_shownRevision && page < m_pages.size()) {
                        m_pages[page]->setImage(image, dpi);
                        emit pageImageShown(page);
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void PdfPreview::updateScale()
{
    double scale = m_zoom->currentData().toDouble();
    if (scale <= 0) {
        double widest = 0;
        for (const QSizeF &size : std::as_const(m_pageSizes))
            widest = std::max(widest, size.width());
        const int available = m_scroll->viewport()->width() - 2 * kPageMargin;
        scale = widest > 0 ? std::clamp(available / widest, 0.2, 4.0) : 1.0;
    }
    for (PreviewPage *page : std::as_const(m_pages))
        page->setScale(scale);
}

bool PdfPreview::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        updateScale();
    return QWidget::eventFilter(watched, event);
}

void PdfPreview::setStatus(const QString &status)
{
    m_statusText = status;
    m_status->setText(status);
    emit statusChanged(status);
}

QString PdfPreview::statusText() const
{
    return m_statusText;
}

} // namespace coform
