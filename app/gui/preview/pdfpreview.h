#pragma once

#include "pdf/renderer.h"

#include <QByteArray>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace coform {

class PreviewPage;
class PreviewRenderer;
class TemplateDocument;
struct DrawnPages;
struct RenderedPdf;

/// The printed form as it will look: the layout the PDF is written from, drawn page by page with the PDF writer's
/// PagePainter. Pages are laid out and drawn in a thread of their own, and only pages that are visible get drawn, so
/// the window never waits for it. After an edit the pages on screen are drawn again at once (straight from a new
/// layout); the whole PDF (for saving, and each page's text for screen readers, read back with Poppler) is made
/// when the changes have paused for a moment, so typing never stutters.
/// Choosers above the pages pick the print style (standard, large print, easy read) and the language.
class PdfPreview : public QWidget
{
    Q_OBJECT

public:
    explicit PdfPreview(TemplateDocument *document, QWidget *parent = nullptr);
    ~PdfPreview() override;

    /// Makes a new PDF after `delayMs` (changes within that time are gathered into one).
    void scheduleRender(int delayMs);

    int pageCount() const { return int(m_pages.size()); }
    /// The text of a page as Poppler reads it from the PDF (empty until the PDF is made).
    QString pageText(int page) const { return m_pageTexts.value(page); }
    /// The PDF shown; empty while none has been made.
    const QByteArray &pdf() const { return m_pdf; }
    const RenderOptions &options() const { return m_options; }
    /// What the preview is doing, in words ("4 pages", "Making the preview...").
    QString statusText() const;
    /// The scrolling area of the pages (object name "previewScroll"), where the keyboard goes in the preview.
    QScrollArea *scrollArea() const { return m_scroll; }

signals:
    /// A new PDF is shown (or it failed: statusText() says why).
    void rendered();
    /// A page's picture on screen was replaced by a newly drawn one (after a change, a zoom or a scroll).
    void pageImageShown(int page);
    void statusChanged(const QString &status);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startRender();
    void showRendered(const RenderedPdf &result);
    /// Lays the form out again and draws the pages on screen (after an edit), before the PDF is made.
    void startDrawing();
    void showDrawn(const DrawnPages &result);
    /// One page on screen for each size; true when they were made anew (the number or sizes changed).
    bool updatePages(const QVector<QSizeF> &sizes);
    void requestPage(int page, double dpi);
    void updateScale();
    void fillLanguages();
    void setStatus(const QString &status);

    TemplateDocument *m_document;
    QComboBox *m_profile;
    QComboBox *m_language;
    QComboBox *m_zoom;
    QLabel *m_status;
    QScrollArea *m_scroll;
    QWidget *m_pagesWidget;
    QVBoxLayout *m_pagesLayout;
    QVector<PreviewPage *> m_pages;
    QVector<QSizeF> m_pageSizes;
    QStringList m_pageTexts;

    QThread m_thread;
    PreviewRenderer *m_renderer; ///< lives in m_thread
    QTimer m_renderTimer;
    QTimer m_drawTimer;
    RenderOptions m_options;
    QByteArray m_pdf;
    QString m_statusText;
    int m_revision = 0;       ///< counts the changes of the template and of the print options
    int m_shownRevision = -1; ///< the revision of the pages on screen
    bool m_renderInFlight = false;
    bool m_renderPending = false;
    bool m_drawInFlight = false;
    bool m_drawPending = false;
};

} // namespace coform
