#pragma once

#include "model/template.h"

#include <QComboBox>

namespace coform {

/// The template editor's "Filled from the person's record" choice for a text or date question: nothing, the name,
/// the NHS number (text) or the date of birth (date). Reports a choice as the item's `prefill` value ("" for none).
class PrefillPicker : public QComboBox
{
    Q_OBJECT

public:
    explicit PrefillPicker(QWidget *parent = nullptr);

    /// Offers the parts of the record that fit the item's type and shows its current choice, without reporting it.
    void setItem(const Item &item);
    /// Whether the item's type can be filled from the record at all (text and date questions).
    static bool fits(const Item &item);

signals:
    void prefillEdited(const QString &prefill);

private:
    bool m_filling = false;
};

} // namespace coform
