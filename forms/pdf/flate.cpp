#include "pdf/flate.h"

#include <libdeflate.h>

namespace coform {

Flate::Flate()
    : m_compressor(libdeflate_alloc_compressor(1))
    , m_decompressor(libdeflate_alloc_decompressor())
{}

Flate::~Flate()
{
    libdeflate_free_compressor(m_compressor);
    libdeflate_free_decompressor(m_decompressor);
}

bool Flate::inflate(const unsigned char *in, size_t size, QByteArray *out)
{
    const qsizetype start = out->size();
    size_t room = qMax<size_t>(size * 6, 4096);
    for (int attempt = 0; attempt < 12; ++attempt, room *= 4) {
        if (room > size_t(1) << 30)
            return false;
        out->resize(start + qsizetype(room));
        size_t written = 0;
        const libdeflate_result r =
            libdeflate_zlib_decompress(m_decompressor, in, size, out->data() + start, room, &written);
        if (r == LIBDEFLATE_SUCCESS) {
            out->resize(start + qsizetype(written));
            return true;
        }
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE)
            return false;
    }
    return false;
}

std::string Flate::deflate(const QByteArray &data)
{
    std::string out(libdeflate_zlib_compress_bound(m_compressor, size_t(data.size())), '\0');
    const size_t n =
        libdeflate_zlib_compress(m_compressor, data.constData(), size_t(data.size()), out.data(), out.size());
    out.resize(n);
    return out;
}

bool isStoredZlib(const unsigned char *data, size_t size)
{
    // A zlib header (deflate, a check that divides by 31, no preset dictionary), then a block of type 00: stored.
    return size >= 3 && (data[0] & 0x0f) == 8 && (data[0] << 8 | data[1]) % 31 == 0 && !(data[1] & 0x20)
           && (data[2] >> 1 & 3) == 0;
}

} // namespace coform
