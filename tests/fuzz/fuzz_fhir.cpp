// libFuzzer: the FHIR R4 Questionnaire importer; what it makes must be a template the strict reader accepts, and
// survive the FHIR writer.
#include "format/fhirexport.h"
#include "format/fhirimport.h"
#include "format/templateformat.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const coform::ImportResult r = coform::importFhirQuestionnaire(json, QStringLiteral("fuzz.json"));
    (void)r.report.lines();
    if (r.tmpl) {
        coform::Problems problems;
        if (!coform::readTemplate(coform::writeTemplate(*r.tmpl), QStringLiteral("made.json"), &problems)) {
            // importFile() refuses such a template; the fuzzer still reports it, as it is an importer bug.
            std::fprintf(stderr, "imported template is not valid: %s\n", qPrintable(problems.value(0).toString()));
            std::abort();
        }
        (void)coform::questionnaireFromTemplate(*r.tmpl);
    }
    return 0;
}
