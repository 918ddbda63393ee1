#include "editor/coveragepanel.h"

#include "common/templatewords.h"
#include "document/templatedocument.h"

#include "check/coverage.h"
#include "model/translationstamps.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {
constexpr int IdRole = Qt::UserRole + 1; ///< requirement id (top rows) or item id (rows under them)

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text.simplified());
}

/// "question 12 “What matters most to you”" or "the information text “Why we ask”".
QString itemInWords(const Template &t, const QMap<QString, int> &numbers, const QString &itemId)
{
    const Item *item = t.findItem(itemId);
    const QString label = item ? item->label : itemId;
    const int number = numbers.value(itemId);
    if (number > 0)
        return CoveragePanel::tr("question %1 %2").arg(number).arg(quoted(label));
    return CoveragePanel::tr("the information text %1").arg(quoted(label));
}
/// Each translation's state in words: "Welsh (Cymraeg): 3 texts not translated yet; 2 out of date (the English
/// changed after they were translated)."
QString translationWords(const Template &t)
{
    const QMap<QString, int> missing = missingTranslationCounts(t);
    const QMap<QString, int> stale = TranslationStamps::outOfDateCounts(t);
    QStringList lines;
    for (const QString &lang : t.languages.mid(1)) {
        QStringList parts;
        // Easy read texts are optional (the plain English is used where one is missing): only what is out of date.
        if (const int m = lang.contains(QLatin1String("-x-")) ? 0 : missing.value(lang))
            parts.append(CoveragePanel::tr("%1 not translated yet")
                             .arg(TemplateWords::count(m, CoveragePanel::tr("text"), CoveragePanel::tr("texts"))));
        if (const int o = stale.value(lang))
            parts.append(CoveragePanel::tr("%1 out of date (the English changed after %2 translated)")
                             .arg(TemplateWords::count(o, CoveragePanel::tr("text"), CoveragePanel::tr("texts")),
                                  o == 1 ? CoveragePanel::tr("it was") : CoveragePanel::tr("they were")));
        lines.append(CoveragePanel::tr("%1: %2.").arg(TemplateWords::languageName(lang),
                                                      parts.isEmpty()
                                                          ? CoveragePanel::tr("every text translated and up to date")
                                                          : parts.join(QStringLiteral("; "))));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

CoveragePanel::CoveragePanel(TemplateDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_publishedHeading(new QLabel(tr("In the last published version:"), this))
    , m_publishedText(new QLabel(this))
{
    setObjectName(QStringLiteral("coveragePanel"));
    setAccessibleName(tr("Requirement coverage"));

    m_summary->setObjectName(QStringLiteral("coverageSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setAccessibleName(tr("How many requirements are covered"));

    m_list->setObjectName(QStringLiteral("coverageList"));
    m_list->setAccessibleName(tr("Framework requirements and the questions that cover them"));
    m_list->setAccessibleDescription(tr("Requirements no question covers come first and say \u201cNot covered\u201d. "
                                        "Press Enter on a question to choose it in the form."));
    m_list->setToolTip(tr("Each framework requirement and the questions that cover it. Requirements no question "
                          "covers come first. Press Enter or double-click a question to choose it in the form."));
    m_list->setHeaderLabels({tr("Requirement"), tr("Covered by")});
    m_list->setColumnCount(2);
    m_list->setUniformRowHeights(false);
    m_list->setWordWrap(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->setColumnWidth(0, 260);

    m_publishedHeading->setObjectName(QStringLiteral("coveragePublishedHeading"));
    m_publishedText->setObjectName(QStringLiteral("coveragePublished"));
    m_publishedText->setWordWrap(true);
    m_publishedText->setTextFormat(Qt::PlainText);
    m_publishedText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_publishedText->setAccessibleName(tr("Where the chosen requirement was covered in the last published version"));
    m_publishedText->setToolTip(tr("Where the chosen requirement was covered in the last version published for "
                                   "reviews"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    m_translationState = new QLabel(this);
    m_translationState->setObjectName(QStringLiteral("coverageTranslations"));
    m_translationState->setAccessibleName(tr("Translations"));
    m_translationState->setWordWrap(true);
    m_translationState->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_translationState);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_publishedHeading);
    layout->addWidget(m_publishedText);

    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && item->parent())
            emit questionActivated(item->data(0, IdRole).toString());
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CoveragePanel::showPublished);

    connect(m_document, &TemplateDocument::templateReplaced, this, [this] {
        reloadRequirementSet();
        reloadPublished();
        refresh();
        showPublished(); // also when the list itself stays the same
    });
    // Any change of content may change what covers what (tags, labels, numbers, items added or removed); the
    // document says contentChanged after every edit, structural or not, undo and redo included.
    connect(m_document, &TemplateDocument::contentChanged, this, &CoveragePanel::refresh);

    reloadRequirementSet();
    refresh();
}

CoveragePanel::~CoveragePanel() = default;

void CoveragePanel::setPublishedProvider(PublishedProvider provider)
{
    m_provider = std::move(provider);
    reloadPublished();
    showPublished();
}

void CoveragePanel::reloadRequirementSet()
{
    m_set.reset();
    if (m_document->isOpen() && !m_document->content().requirementSet.isEmpty())
        m_set = bundledRequirementSet(m_document->content().requirementSet);
}

void CoveragePanel::reloadPublished()
{
    m_published.reset();
    if (m_provider && m_document->isOpen() && m_document->origin() == TemplateDocument::Origin::Store)
        m_published = m_provider();
}

void CoveragePanel::refresh()
{
    QVector<Row> rows;
    QString summary;
    if (!m_document->isOpen()) {
        summary = tr("No form is open.");
    } else if (!m_set) {
        summary = m_document->content().requirementSet.isEmpty()
                      ? tr("This form names no set of requirements, so there is nothing to check it against.")
                      : tr("The set of requirements \u201c%1\u201d is not known to Coform, so the form cannot be "
                           "checked against it.")
                            .arg(m_document->content().requirementSet);
    } else {
        const Template &t = m_document->content();
        const Coverage coverage = computeCoverage(t, *m_set);
        const QMap<QString, int> numbers = t.questionNumbers();
        QVector<Row> covered;
        for (const Requirement &r : m_set->requirements) {
            Row row;
            row.requirementId = r.id;
            row.requirement = QStringLiteral("%1: %2").arg(r.id, r.title);
            row.mustContain = r.mustContain;
            const QStringList itemIds = coverage.itemsByRequirement.value(r.id);
            for (const QString &itemId : itemIds) {
                const Item *item = t.findItem(itemId);
                const int number = numbers.value(itemId);
                row.itemIds.append(itemId);
                row.itemTexts.append(number > 0 ? tr("Question %1: %2").arg(number).arg(item ? item->label : itemId)
                                                : tr("Information text: %1").arg(item ? item->label : itemId));
            }
            const QString where = TemplateWords::coveredBy(itemIds, numbers);
            row.covered = !where.isEmpty();
            row.coveredBy = row.covered ? where : tr("Not covered");
            // The ones nobody covers come first, in the set's order; then the covered ones.
            (row.covered ? covered : rows).append(row);
        }
        rows += covered;
        const qsizetype total = m_set->requirements.size();
        const qsizetype uncovered = coverage.uncovered.size();
        summary = tr("%1 of %2 requirements covered").arg(total - uncovered).arg(total);
        if (uncovered > 0)
            summary += tr("; %1 not covered, listed first").arg(uncovered);
        m_summary->setToolTip(tr("Checked against: %1").arg(m_set->title));
    }
    m_summary->setText(summary);
    m_translationState->setText(translationWords(m_document->content()));
    m_translationState->setVisible(m_document->isOpen() && m_document->content().languages.size() > 1);
    if (rows == m_rows && m_list->topLevelItemCount() == rows.size())
        return;
    m_rows = rows;

    // Rebuild, keeping the person's place: the row chosen and how far the list is scrolled.
    QString keptRequirement = currentRequirementId();
    QString keptItem;
    if (QTreeWidgetItem *current = m_list->currentItem(); current && current->parent())
        keptItem = current->data(0, IdRole).toString();
    const int scroll = m_list->verticalScrollBar()->value();
    QTreeWidgetItem *restore = nullptr;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
        for (const Row &row : std::as_const(m_rows)) {
            auto *top = new QTreeWidgetItem(m_list, {row.requirement, row.coveredBy});
            top->setData(0, IdRole, row.requirementId);
            top->setToolTip(0, row.mustContain);
            top->setToolTip(1, row.covered ? tr("Covered by %1").arg(row.coveredBy)
                                           : tr("No question covers this requirement yet"));
            if (!row.covered) {
                QFont bold = top->font(0);
                bold.setBold(true);
                top->setFont(0, bold);
                top->setFont(1, bold);
                top->setIcon(0, warning);
                top->setData(0, Qt::AccessibleTextRole, tr("%1, not covered").arg(row.requirement));
            }
            for (int i = 0; i < row.itemIds.size(); ++i) {
                auto *child = new QTreeWidgetItem(top, {row.itemTexts.at(i)});
                child->setData(0, IdRole, row.itemIds.at(i));
                child->setToolTip(0, tr("Press Enter or double-click to choose it in the form"));
                if (row.requirementId == keptRequirement && row.itemIds.at(i) == keptItem)
                    restore = child;
            }
            if (row.requirementId == keptRequirement && !restore)
                restore = top;
        }
        m_list->expandAll();
        if (restore)
            m_list->setCurrentItem(restore);
    }
    m_list->verticalScrollBar()->setValue(scroll);
    showPublished();
}

QString CoveragePanel::currentRequirementId() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (item && item->parent())
        item = item->parent();
    return item ? item->data(0, IdRole).toString() : QString();
}

bool CoveragePanel::selectRequirement(const QString &requirementId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, IdRole).toString() == requirementId) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return true;
        }
    }
    return false;
}

void CoveragePanel::showPublished()
{
    QString text;
    const QString requirementId = currentRequirementId();
    if (!m_document->isOpen() || !m_set) {
        text.clear();
    } else if (m_document->origin() == TemplateDocument::Origin::File && m_document->path().isEmpty()) {
        text = tr("This form is new and not shared yet, so it has no published version to compare with.");
    } else if (m_document->origin() == TemplateDocument::Origin::File) {
        text = tr("This form is a file, not a shared template, so it has no published version to compare with.");
    } else if (m_document->origin() == TemplateDocument::Origin::Bundled) {
        text = tr("This form comes with Coform and is not a shared template, so it has no published version to "
                  "compare with.");
    } else if (!m_provider) {
        text = tr("The published versions of this template cannot be read here.");
    } else if (!m_published) {
        text = tr("This template has never been published, so there is no published version to compare with.");
    } else if (requirementId.isEmpty()) {
        text = tr("Choose a requirement to see where version %1 (published) covered it.").arg(m_published->version);
    } else {
        const Coverage coverage = computeCoverage(*m_published, *m_set);
        const QMap<QString, int> numbers = m_published->questionNumbers();
        QStringList where;
        for (const QString &itemId : coverage.itemsByRequirement.value(requirementId))
            where.append(itemInWords(*m_published, numbers, itemId));
        text = where.isEmpty()
                   ? tr("In version %1 (published): not covered.").arg(m_published->version)
                   : tr("In version %1 (published): %2").arg(m_published->version).arg(TemplateWords::list(where));
    }
    m_publishedText->setText(text);
    m_publishedText->setAccessibleDescription(text);
    m_publishedHeading->setVisible(!text.isEmpty());
    m_publishedText->setVisible(!text.isEmpty());
}

QString CoveragePanel::summaryText() const
{
    return m_summary->text();
}

QString CoveragePanel::publishedText() const
{
    return m_publishedText->text();
}

} // namespace coform
