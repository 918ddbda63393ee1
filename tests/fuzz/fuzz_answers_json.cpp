// libFuzzer: the coform-answers/1 reader, then answer validation and the QuestionnaireResponse writer against the
// bundled template.
#include "check/answervalidation.h"
#include "format/fhirexport.h"
#include "format/templateformat.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::optional<coform::Template> bundled = [] {
        coform::Problems problems;
        return coform::readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    }();
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    coform::Problems problems;
    const std::optional<coform::Answers> answers = coform::readAnswers(json, QStringLiteral("fuzz.json"), &problems);
    if (answers && bundled) {
        (void)coform::validateAnswers(*bundled, *answers, QStringLiteral("fuzz.json"),
                                      coform::RequiredAnswers::MustBePresent);
        (void)coform::fhirJson(
            coform::questionnaireResponseFromAnswers(*bundled, *answers, QStringLiteral("2026-01-01T00:00:00Z")));
    }
    return 0;
}
