#pragma once

#include "model/answers.h"
#include "model/provenance.h"
#include "model/template.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace coform {

/// Print profiles of DESIGN.md's PDF profile.
enum class PrintProfile { Standard, Large, Easy };
std::optional<PrintProfile> printProfileFromName(const QString &name); ///< "standard", "large", "easy"
QString printProfileName(PrintProfile profile);

enum class PaperSize { A4, Letter };

/// What to render and how. A blank form when no answers are given to the render functions.
struct RenderOptions
{
    PrintProfile profile = PrintProfile::Standard;
    /// Languages to print, in order: {} or {"en"} one language; {"en", "cy"} bilingual (every text in both).
    QStringList languages;
    PaperSize paper = PaperSize::A4;
    bool pdfA = false;     ///< PDF/A-1b
    bool fillable = false; ///< AcroForm fields at every answer box (blank forms)
    QDate produced;        ///< the date printed in the footer; today when null
    /// Filled forms: a "Last review" column beside each question with the answer of the person's previous review
    /// (`previous`, completed on `previousDate`); off by default.
    bool withPrevious = false;
    Answers previous;
    QDate previousDate;
    /// The HTML export: an "About this form" section (aboutformpdf.h) after the form, for a packaged or published
    /// form whose provenance the caller has.
    std::optional<Provenance> about;
};

/// Renders the template (blank when answers is nullptr, else filled) as a PDF that meets DESIGN.md's PDF profile.
/// Returns false and fills error (in words) when it cannot.
bool renderPdf(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *pdf,
               QString *error);

struct Layout;
/// The form laid out on pages of positioned boxes (pdf/layout.h), as the PDF writer draws them; the GUI preview
/// paints these. Needs a QGuiApplication (fonts).
Layout layoutForm(const Template &t, const Answers *answers, const RenderOptions &options);

/// The same content as one self-contained accessible HTML file (headings, labels, answers, lang attributes).
bool renderHtml(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *html,
                QString *error);

} // namespace coform
