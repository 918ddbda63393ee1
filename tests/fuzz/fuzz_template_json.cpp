// libFuzzer: the coform-template/1 reader, then the FHIR writer and reader on whatever it accepts.
#include "format/fhirexport.h"
#include "format/fhirimport.h"
#include "format/templateformat.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    coform::Problems problems;
    const std::optional<coform::Template> t = coform::readTemplate(json, QStringLiteral("fuzz.json"), &problems);
    for (const coform::Problem &p : problems)
        (void)p.toString();
    if (t) {
        const QByteArray again = coform::writeTemplate(*t);
        coform::Problems none;
        (void)coform::readTemplate(again, QStringLiteral("again.json"), &none);
        (void)coform::importFhirQuestionnaire(coform::fhirJson(coform::questionnaireFromTemplate(*t)),
                                              QStringLiteral("fuzz.fhir.json"));
    }
    return 0;
}
