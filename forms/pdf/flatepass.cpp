// The compression pass over a parsed PDF (libqpdf): in the PDF passes module (pdf/pdfpasses.h).
// libqpdf 11: use std::shared_ptr, not its PointerHolder.
#define POINTERHOLDER_TRANSITION 4

#include "pdf/flate.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

namespace coform {

bool compressStoredStreams(QPDF &pdf, QString *error)
{
    Flate flate;
    if (!flate.ok()) {
        if (error)
            *error = QStringLiteral("out of memory");
        return false;
    }
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream())
            continue;
        QPDFObjectHandle dict = object.getDict();
        if (!dict.getKey("/Filter").isNameAndEquals("/FlateDecode") || !dict.getKey("/DecodeParms").isNull())
            continue;
        const std::shared_ptr<Buffer> raw = object.getRawStreamData();
        if (!isStoredZlib(raw->getBuffer(), raw->getSize()))
            continue;
        QByteArray data;
        if (!flate.inflate(raw->getBuffer(), raw->getSize(), &data)) {
            if (error)
                *error = QStringLiteral("a stream (object %1) cannot be read").arg(object.getObjectID());
            return false;
        }
        object.replaceStreamData(flate.deflate(data), QPDFObjectHandle::newName("/FlateDecode"),
                                 QPDFObjectHandle::newNull());
    }
    return true;
}

} // namespace coform
