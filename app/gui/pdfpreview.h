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
struct RenderedPdf;

/// The printed form as it will look: the PDF that renderPdf() makes, shown page by page with Poppler. The PDF is
/// made and its pages are drawn in a thread of their own, and only pages that are visible get drawn, so the window
/// never waits for it. Changes are gathered for a moment before a new PDF is made, so typing never stutters.
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

signals:
    /// A new PDF is shown (or it failed: statusText() says why).
    void rendered();
    void statusChanged(const QString &status);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startRender();
    void showRendered(const RenderedPdf &result);
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
    RenderOptions m_options;
    QByteArray m_pdf;
    QString m_statusText;
    int m_generation = 0;
    bool m_renderInFlight = false;
    bool m_renderPending = false;
};

} // namespace coform
