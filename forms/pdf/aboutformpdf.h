#pragma once

#include "model/provenance.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace coform {

/// Writes "About this form": a package's provenance on one A4 page in plain words, for a board paper (who made the
/// form, who approved it, what it covers, how plain its words are, what changed in each version). Meets DESIGN.md's
/// PDF profile (tagged, embedded fonts, title, language en-GB). When the history does not fit on the page the
/// oldest versions are summed up in one line ("and 3 earlier versions").
bool writeAboutFormPdf(const Provenance &provenance, QDate produced, QByteArray *pdf, QString *error);

/// The same as an HTML section (<section aria-labelledby="about-this-form">...), for the HTML export of a form.
QString aboutFormHtml(const Provenance &provenance);

} // namespace coform
