#include "editor/prefillpicker.h"

#include "model/prefill.h"

namespace coform {

PrefillPicker::PrefillPicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("propertyPrefill"));
    setAccessibleName(tr("Filled from the person's record"));
    setToolTip(tr("When a review starts, this question is filled from the person's record and shown as such"));
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            emit prefillEdited(currentData().toString());
    });
}

bool PrefillPicker::fits(const Item &item)
{
    return item.type == ItemType::Text || item.type == ItemType::Date;
}

void PrefillPicker::setItem(const Item &item)
{
    m_filling = true;
    clear();
    addItem(tr("No"), QString());
    const QVector<QPair<QString, QString>> parts{{tr("Their name"), QLatin1String(Prefill::Name)},
                                                 {tr("Their NHS number"), QLatin1String(Prefill::NhsNumber)},
                                                 {tr("Their date of birth"), QLatin1String(Prefill::DateOfBirth)}};
    for (const auto &[words, value] : parts) {
        if (Prefill::typeProblem(value, item.type).isEmpty() || value == item.prefill)
            addItem(words, value);
    }
    setCurrentIndex(qMax(0, findData(item.prefill)));
    m_filling = false;
}

} // namespace coform
