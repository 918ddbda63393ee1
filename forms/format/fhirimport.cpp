#include "fhirimport.h"

#include "format/fhirreader.h"

namespace coform {

ImportResult importFhirQuestionnaire(const QByteArray &json, const QString &fileName, const ReadLimits &limits,
                                     int timeoutMs, const FhirValueSets *valueSets)
{
    FhirReader reader(fileName, limits, timeoutMs, valueSets);
    return reader.run(json);
}

} // namespace coform
