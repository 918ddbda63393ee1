#pragma once

#include "pdf/tagstructure.h"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <utility>
#include <vector>

class QPDF;

namespace coform::Tagging {

/// Writes the planned structure into `pdf` (`annots`: the widget annotations its Form elements refer to): an indirect
/// object for each element (with /Alt, /Lang and layout or table attributes), the structure tree root and its parent
/// tree (for each page the element of each MCID in `pageMcids`, then for each widget annotation in `annotForms`
/// (annotation index, Form element) its Form element), and each page's /StructParents. `pages` are the page objects in
/// order. Returns the structure tree root.
QPDFObjectHandle writeStructTree(QPDF &pdf, const Structure &structure, const std::vector<QPDFObjectHandle> &annots,
                                 std::vector<QPDFPageObjectHelper> &pages,
                                 const std::vector<std::vector<int>> &pageMcids,
                                 const std::vector<std::pair<int, int>> &annotForms);

} // namespace coform::Tagging
