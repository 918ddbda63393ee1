#include "preview/previewpage.h"

#include <QPainter>

#include <cmath>

namespace coform {

PreviewPage::PreviewPage(int page, int pageCount, QSizeF sizeInPoints, std::function<void(int, double)> request,
                         QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_sizeInPoints(sizeInPoints)
    , m_request(std::move(request))
{
    setObjectName(QStringLiteral("previewPage%1").arg(page + 1));
    setAccessibleName(tr("Page %1 of %2").arg(page + 1).arg(pageCount));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setFixedSize(sizeHint());
}

QSize PreviewPage::sizeHint() const
{
    return QSize(qRound(m_sizeInPoints.width() * m_scale), qRound(m_sizeInPoints.height() * m_scale));
}

void PreviewPage::setScale(double scale)
{
    if (std::abs(scale - m_scale) < 1e-3)
        return;
    m_scale = scale;
    setFixedSize(sizeHint());
    update();
}

double PreviewPage::wantedDpi() const
{
    return 72.0 * m_scale * devicePixelRatioF();
}

void PreviewPage::setImage(const QImage &image, double dpi)
{
    m_image = image;
    m_imageDpi = dpi;
    update();
}

void PreviewPage::invalidate()
{
    m_imageDpi = 0;
    m_requestedDpi = 0;
    update();
}

void PreviewPage::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect r = rect();
    painter.fillRect(r, Qt::white);
    if (!m_image.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(r, m_image);
    } else {
        painter.setPen(Qt::black);
        painter.drawText(r, Qt::AlignCenter | Qt::TextWordWrap, tr("Page %1 is being prepared").arg(m_page + 1));
    }
    painter.setPen(QPen(Qt::darkGray, 1));
    painter.drawRect(r.adjusted(0, 0, -1, -1));

    // Painted means visible: ask for a sharp picture when there is none at this size (a scaled one shows meanwhile).
    const double dpi = wantedDpi();
    if (std::abs(m_imageDpi - dpi) > 0.5 && std::abs(m_requestedDpi - dpi) > 0.5) {
        m_requestedDpi = dpi;
        m_request(m_page, dpi);
    }
}

} // namespace coform
