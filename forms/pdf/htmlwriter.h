#pragma once

#include "pdf/formcontent.h"

#include <QByteArray>

namespace coform {

/// Writes a form's content as one self-contained accessible HTML file: a heading for the form, each section and each
/// question, answers next to their labels, options as a list saying which were chosen, tables with header cells, and
/// a `lang` attribute on every text, for screen-reader users and Braille or audio producers.
class HtmlWriter
{
public:
    explicit HtmlWriter(const FormContent &content);

    QByteArray write() const;

private:
    const FormContent &m_content;
};

} // namespace coform
