#pragma once

#include "model/picture.h"
#include "pdf/pdfwriter.h"

#include <QMap>
#include <QString>
#include <QVector>

#include <memory>
#include <vector>

class QPDF;

namespace coform {

/// Puts the pictures of a written PDF in place (docs/pdf.md, "Pictures"). The PDF writer leaves each picture's box
/// empty; this pass draws each distinct picture once as a Form XObject (its vectors, made with QPdfWriter the first
/// time a thread draws that picture, all new pictures of a PDF in one go, and kept) and shows it with `Do` in every
/// box that has it, so a picture used ten times is in the file once. Run it before tagPdf(), which marks each `Do`
/// as the content of its Figure.
class PicturePlacer
{
public:
    explicit PicturePlacer(const QMap<QString, Picture> &pictures);
    ~PicturePlacer();
    PicturePlacer(const PicturePlacer &) = delete;
    PicturePlacer &operator=(const PicturePlacer &) = delete;

    /// Adds the pictures of `drawn` (boxes with a picture key) to `pdf`. Keep this object until the PDF is written:
    /// the pictures' files are read from it then.
    bool place(QPDF &pdf, const QVector<PageDrawLog> &drawn, QString *error);

private:
    QMap<QString, Picture> m_pictures;
    std::vector<std::shared_ptr<void>> m_sources; ///< the drawn pictures this PDF copies from
};

} // namespace coform
