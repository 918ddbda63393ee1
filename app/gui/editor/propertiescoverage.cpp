#include "editor/propertiespanel.h"

// The whole form's requirement coverage in the details panel.

#include "check/coverage.h"
#include "common/templatewords.h"
#include "editor/panelboxes.h"

#include <QLabel>
#include <QTableWidget>

namespace coform {

using namespace PanelBoxes;

void PropertiesPanel::fillCoverage(const Template &t)
{
    // The requirements of the set and which questions cover them: nothing told by colour alone.
    m_requirements->clear();
    m_requirements->setColumnCount(2);
    m_requirements->setHorizontalHeaderLabels({tr("Requirement"), tr("Covered by")});
    m_requirements->setRowCount(0);
    if (!m_requirementSet)
        return;
    const Coverage coverage = computeCoverage(t, *m_requirementSet);
    const QMap<QString, int> numbers = t.questionNumbers();
    for (const Requirement &r : m_requirementSet->requirements) {
        const QString where = TemplateWords::coveredBy(coverage.itemsByRequirement.value(r.id), numbers);
        const int row = m_requirements->rowCount();
        m_requirements->insertRow(row);
        m_requirements->setItem(row, 0, cell(QStringLiteral("%1: %2").arg(r.id, r.title)));
        m_requirements->item(row, 0)->setToolTip(r.mustContain);
        m_requirements->setItem(row, 1, cell(where.isEmpty() ? tr("NOT COVERED YET") : where));
    }
    setRowText(m_requirementsLabel, tr("Requirements: %1 of %2 covered")
                                        .arg(m_requirementSet->requirements.size() - coverage.uncovered.size())
                                        .arg(m_requirementSet->requirements.size()));
    fitTableHeight(m_requirements);
    showRow(m_requirements);
}

} // namespace coform
