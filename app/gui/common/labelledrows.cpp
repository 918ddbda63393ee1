#include "common/labelledrows.h"

#include <QBoxLayout>
#include <QLabel>

namespace coform {

void LabelledRows::addRow(QLabel *label, QWidget *field)
{
    m_box->addWidget(label);
    m_box->addWidget(field);
    m_rows.append({label, field});
}

void LabelledRows::addRow(QWidget *field)
{
    m_box->addWidget(field);
    m_rows.append({nullptr, field});
}

void LabelledRows::setRowVisible(int row, bool visible)
{
    const Row &r = m_rows.at(row);
    if (r.label)
        r.label->setVisible(visible);
    r.field->setVisible(visible);
}

} // namespace coform
