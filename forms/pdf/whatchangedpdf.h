#pragma once

#include "edit/templatediff.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace coform {

struct WhatChangedOptions
{
    QDate produced; ///< printed on every page; today when null
};

/// Writes the "What changed" PDF for the co-production group: "you said, we did", each change between two versions
/// beside the comments that led to it and the notes of who made it. Meets DESIGN.md's PDF profile: real text in
/// embedded fonts, title and language (en-GB) set, "Page N of M" with the template id and version on every page,
/// body text 13pt.
bool writeWhatChangedPdf(const TemplateDiff &diff, const WhatChangedOptions &options, QByteArray *pdf, QString *error);

} // namespace coform
