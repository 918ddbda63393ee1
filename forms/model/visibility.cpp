#include "model/visibility.h"

namespace coform {

bool isShown(const Template &t, const Section &section, const Answers &answers)
{
    if (!section.showIf)
        return true;
    const Item *target = t.findItem(section.showIf->item);
    if (!target || !isShown(t, *target, answers))
        return false;
    return section.showIf->matches(answers.value(section.showIf->item));
}

bool isShown(const Template &t, const Item &item, const Answers &answers)
{
    // showIf targets always come earlier (the reader checks it), so this recursion ends.
    const Section *section = t.sectionOfItem(item.id);
    if (section && !isShown(t, *section, answers))
        return false;
    if (!item.showIf)
        return true;
    const Item *target = t.findItem(item.showIf->item);
    if (!target || target == &item || !isShown(t, *target, answers))
        return false;
    return item.showIf->matches(answers.value(item.showIf->item));
}

} // namespace coform
