#pragma once

#include "format/outputfile.h"
#include "model/answers.h"
#include "model/problem.h"
#include "model/template.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace coform {

/// What a template and an answers document say in their "format".
inline constexpr const char *kTemplateFormat = "coform-template/1";
inline constexpr const char *kAnswersFormat = "coform-answers/1";

/// Limits for reading untrusted files.
struct ReadLimits
{
    qint64 maxBytes = 16 * 1024 * 1024;
    int maxDepth = 64;
    int maxItems = 10000;
};

/// The bytes of the file at `path` (a Qt resource path ":/..." works too); nothing, with the reason in `problems`, when
/// it cannot be opened or is bigger than `limits.maxBytes`.
std::optional<QByteArray> readFileBytes(const QString &path, const ReadLimits &limits, Problems *problems);

/// Reads a `coform-template/1` document. Collects every problem it finds (unknown properties, bad or duplicate ids,
/// wrong JSON types, a showIf pointing to a missing or later item, an option value not in `options`, ...), each
/// naming `fileName` and a JSON pointer. Returns the template only when there is no error.
std::optional<Template> readTemplate(const QByteArray &json, const QString &fileName, Problems *problems,
                                     const ReadLimits &limits = {});
/// Reads a template file (a Qt resource path ":/..." works too).
std::optional<Template> readTemplateFile(const QString &path, Problems *problems, const ReadLimits &limits = {});

/// The template as `coform-template/1` JSON (indented, UTF-8).
QByteArray writeTemplate(const Template &t);
/// Writes atomically (temporary file, then rename): nothing half-written is left behind.
bool writeTemplateFile(const Template &t, const QString &path, QString *error);

/// Reads a `coform-answers/1` document: its structure only (see validateAnswers() for checks against a template).
std::optional<Answers> readAnswers(const QByteArray &json, const QString &fileName, Problems *problems,
                                   const ReadLimits &limits = {});
std::optional<Answers> readAnswersFile(const QString &path, Problems *problems, const ReadLimits &limits = {});
QByteArray writeAnswers(const Answers &answers);
bool writeAnswersFile(const Answers &answers, const QString &path, QString *error);

/// Paths of the templates bundled with Coform (Qt resource paths).
QStringList bundledTemplatePaths();

} // namespace coform
