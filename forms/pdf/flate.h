#pragma once

#include <QByteArray>
#include <QString>

#include <string>

struct libdeflate_compressor;
struct libdeflate_decompressor;
class QPDF;

namespace coform {

/// Flate (zlib) compression and decompression of whole streams with libdeflate (several times faster than zlib).
class Flate
{
public:
    Flate();
    ~Flate();
    Flate(const Flate &) = delete;
    Flate &operator=(const Flate &) = delete;

    bool ok() const { return m_compressor && m_decompressor; }

    /// Appends the decompressed zlib stream `in` to `out`; false when it is not a valid one.
    bool inflate(const unsigned char *in, size_t size, QByteArray *out);
    /// `data` as a zlib stream, at level 1 (speed matters more than the last few per cent of size).
    std::string deflate(const QByteArray &data);

private:
    libdeflate_compressor *m_compressor;
    libdeflate_decompressor *m_decompressor;
};

/// Whether the zlib stream `data` begins with a stored block: deflate without compression, as PdfWriter leaves its
/// streams for compressStoredStreams() (see PdfWriter::setStoreStreams()).
bool isStoredZlib(const unsigned char *data, size_t size);

/// The last pass over a PDF that PdfWriter wrote with stored streams: compresses each Flate stream that is stored
/// (the pages' contents that the tagging pass rewrote are compressed already). Returns false with the reason in
/// `error` when a stream cannot be read.
bool compressStoredStreams(QPDF &pdf, QString *error);

} // namespace coform
