#pragma once

#include <QImage>
#include <QSizeF>
#include <QWidget>

#include <functional>

namespace coform {

/// One page of the preview. It asks for its picture only when it is painted, that is when it is visible, so a long
/// form renders only the pages a person looks at.
class PreviewPage : public QWidget
{
    Q_OBJECT

public:
    /// `request(page, dpi)` is called when the page needs a picture at a new resolution.
    PreviewPage(int page, int pageCount, QSizeF sizeInPoints, std::function<void(int, double)> request,
                QWidget *parent = nullptr);

    int page() const { return m_page; }
    /// Shows at `scale` (1 = 72 dpi on a 1x screen); the picture follows when the page is next painted.
    void setScale(double scale);
    void setImage(const QImage &image, double dpi);
    /// The picture is out of date: it stays on show until a new one is drawn.
    void invalidate();
    bool hasImage() const { return !m_image.isNull(); }
    /// The resolution a picture needs to be sharp at the current scale on this screen.
    double wantedDpi() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_page;
    QSizeF m_sizeInPoints;
    std::function<void(int, double)> m_request;
    double m_scale = 1.0;
    QImage m_image;
    double m_imageDpi = 0;
    double m_requestedDpi = 0;
};

} // namespace coform
