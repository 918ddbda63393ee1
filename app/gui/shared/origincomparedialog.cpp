#include "shared/origincomparedialog.h"

#include "common/rowsofroom.h"
#include "common/scrolledbody.h"
#include "common/templatewords.h"
#include "shared/changedetailwords.h"
#include "shared/diffview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {

QLabel *words(const QString &text, const QString &name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAccessibleName(text);
    return label;
}

QLabel *heading(const QString &text, const QString &name, QWidget *parent)
{
    QLabel *label = words(text, name, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QListWidget *lines(const QStringList &texts, const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setAccessibleName(accessibleName);
    list->setWordWrap(true);
    list->addItems(texts);
    RowsOfRoom::keep(list, 3.5);
    return list;
}

} // namespace

OriginCompareDialog::OriginCompareDialog(const TemplateOrigin &origin, const TemplateDiff &changes, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("originCompareDialog"));
    setWindowTitle(tr("Compare with the origin"));
    setAccessibleName(tr("Compare with the origin"));
    auto *outer = new QVBoxLayout(this);
    QVBoxLayout *layout = scrolledBody(this, outer);
    layout->addWidget(heading(tr("What your group changed"), QStringLiteral("originHeading"), this));
    layout->addWidget(
        words(tr("\u201c%1\u201d was adapted from %2 (%3): their form \u201c%4\u201d, version %5, "
                 "imported on %6. This lists what your group changed since, question by question.")
                  .arg(origin.templateId, origin.organisationName, origin.organisationCode, origin.originTemplateId)
                  .arg(origin.originVersion)
                  .arg(ChangeDetailWords::when(origin.importedAt)),
              QStringLiteral("originIntro"), this));
    QString changed = TemplateWords::count(changes.items.size(), tr("question"), tr("questions"));
    if (!changes.sections.isEmpty())
        changed =
            tr("%1 and %2").arg(changed, TemplateWords::count(changes.sections.size(), tr("section"), tr("sections")));
    layout->addWidget(words(
        changes.isEmpty()
            ? tr("Your group has not changed anything yet: the form is as %1 made it.").arg(origin.organisationName)
            : tr("Your group changed %1.").arg(changed),
        QStringLiteral("originStatus"), this));
    auto *listLabel = new QLabel(tr("&Your group's changes:"), this);
    listLabel->setObjectName(QStringLiteral("originListLabel"));
    m_list->setObjectName(QStringLiteral("originDiffList"));
    m_list->setAccessibleName(
        tr("Your group's changes against %1's version, question by question").arg(origin.organisationName));
    DiffView::setUpList(m_list);
    DiffView::fillList(m_list, changes, true);
    RowsOfRoom::keep(m_list, 4.5);
    wrapTreeRows(m_list);
    // The words fill the dialog's width and wrap, rather than being cut off beside an empty column.
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    for (int column : {0, 2, 4})
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    for (int column : {1, 3})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    listLabel->setBuddy(m_list);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("originClose"));
    close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
    fitToScreen(this, QSize(960, 560));
    m_list->setFocus();
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

UpdatePlanDialog::UpdatePlanDialog(const Provenance &origin, const QString &localTemplateId, const MergePlan &plan,
                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("updatePlanDialog"));
    setWindowTitle(tr("Take %1's update").arg(origin.organisationName));
    setAccessibleName(windowTitle());
    auto *outer = new QVBoxLayout(this);
    QVBoxLayout *layout = scrolledBody(this, outer);
    QString summary =
        tr("Taking version %1 of %2's form into your draft of \u201c%3\u201d: %4 of theirs will apply; %5 of your "
           "group's stay as they are.")
            .arg(origin.version)
            .arg(origin.organisationName, localTemplateId,
                 TemplateWords::count(plan.apply.size(), tr("change"), tr("changes")),
                 TemplateWords::count(plan.keptLocal.size(), tr("change"), tr("changes")));
    if (!plan.conflicts.isEmpty())
        summary += QLatin1Char(' ')
                   + tr("You both changed %1: you choose next, one at a time, which to keep.")
                         .arg(TemplateWords::count(plan.conflicts.size(), tr("thing"), tr("things")));
    if (plan.alreadyThere > 0)
        summary += QLatin1Char(' ')
                   + tr("%1 of theirs your group had made already.")
                         .arg(TemplateWords::count(plan.alreadyThere, tr("change"), tr("changes")));
    summary += QLatin1Char(' ') + tr("The draft then goes through the usual approval before it is published.");
    layout->addWidget(words(summary, QStringLiteral("updateSummary"), this));

    QStringList applies;
    for (const Edit &edit : plan.apply)
        applies << edit.summary();
    auto *appliesLabel = new QLabel(tr("&Their changes that will apply:"), this);
    auto *appliesList = lines(applies.isEmpty() ? QStringList{tr("None")} : applies, QStringLiteral("updateApplies"),
                              tr("Their changes that will apply"), this);
    appliesLabel->setBuddy(appliesList);
    layout->addWidget(appliesLabel);
    layout->addWidget(appliesList, 1);
    auto *keepsLabel = new QLabel(tr("Your group's changes that &stay:"), this);
    auto *keepsList = lines(plan.keptLocal.isEmpty() ? QStringList{tr("None")} : plan.keptLocal,
                            QStringLiteral("updateKeeps"), tr("Your group's changes that stay"), this);
    keepsLabel->setBuddy(keepsList);
    layout->addWidget(keepsLabel);
    layout->addWidget(keepsList, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *go = buttons->addButton(plan.conflicts.isEmpty() ? tr("&Take the update")
                                                                  : tr("&Go on: choose where you both changed"),
                                         QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("updateGo"));
    go->setAccessibleName(go->text().remove(QLatin1Char('&')));
    go->setDefault(true);
    QPushButton *cancel = buttons->addButton(tr("&Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("updateCancel"));
    cancel->setAccessibleName(tr("Cancel: change nothing"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
    fitToScreen(this, QSize(800, 560));
    go->setFocus();
}

} // namespace coform
