#pragma once

#include "store/packagestore.h"

#include <QDialog>

class QTreeWidget;

namespace coform {

/// Shared templates > Compare with the origin: for a template imported from a form package, what this team changed
/// against the origin version it is based on, question by question, in the words of "What changed", with the origin
/// named.
class OriginCompareDialog : public QDialog
{
    Q_OBJECT

public:
    OriginCompareDialog(const TemplateOrigin &origin, const TemplateDiff &changes, QWidget *parent = nullptr);

    /// The list of this team's changes (object name "originDiffList").
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

/// What taking an origin's update would do, shown before anything changes: the origin's changes that apply, this
/// team's changes it keeps, and how many things both changed (asked one by one next). Accepting goes on to ask.
class UpdatePlanDialog : public QDialog
{
    Q_OBJECT

public:
    UpdatePlanDialog(const Provenance &origin, const QString &localTemplateId, const MergePlan &plan,
                     QWidget *parent = nullptr);
};

} // namespace coform
