#include "shared/diffview.h"

#include "common/templatewords.h"
#include "pdf/whatchangedpdf.h"
#include "shared/changedetailwords.h"
#include "shared/workflowwords.h"

#include "check/coverage.h"
#include "model/requirementset.h"
#include "store/templatestore.h"

#include "common/filedialogs.h"
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {
QString changesInWords(const ItemDiff &item)
{
    QStringList words;
    for (ItemDiff::Change change : item.changes) {
        QString name = TemplateDiff::changeName(change);
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        words << name;
    }
    return words.join(QStringLiteral(", "));
}

QString reasonsInWords(const ItemDiff &item)
{
    QStringList lines;
    for (const DiffNote &note : item.notes) {
        if (note.kind == DiffNote::Kind::Comment)
            lines << QCoreApplication::translate("coform::DiffView", "%1 said: \u201c%2\u201d")
                         .arg(note.author, note.text);
        else
            lines << QCoreApplication::translate("coform::DiffView", "%1's note: %2").arg(note.author, note.text);
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

DiffView::DiffView(Database &db, const Session &session, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_session(session)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_savePdf(new QPushButton(tr("Save as PDF..."), this))
{
    setObjectName(QStringLiteral("diffView"));
    setAccessibleName(tr("What changed between versions"));

    m_from->setObjectName(QStringLiteral("diffFromVersion"));
    m_from->setAccessibleName(tr("Compare from this older version"));
    m_to->setObjectName(QStringLiteral("diffToVersion"));
    m_to->setAccessibleName(tr("Compare to this newer version"));
    for (QComboBox *box : {m_from, m_to}) { // a narrow column or large text: the whole wording shows when open
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }

    m_list->setObjectName(QStringLiteral("diffList"));
    m_list->setAccessibleName(tr("What changed, question by question"));
    setUpList(m_list);

    m_status->setObjectName(QStringLiteral("diffStatus"));
    m_status->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("diffHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->hide();

    m_savePdf->setObjectName(QStringLiteral("diffSavePdf"));
    m_savePdf->setAccessibleName(tr("Save \u201cWhat changed\u201d as PDF"));
    m_savePdf->setEnabled(false);

    auto *heading = new QLabel(tr("What changed between versions"), this);
    heading->setObjectName(QStringLiteral("diffHeading"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    auto *versions = new QFormLayout;
    versions->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *fromLabel = new QLabel(tr("&Older version:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&Newer version:"), this);
    toLabel->setBuddy(m_to);
    versions->addRow(fromLabel, m_from);
    versions->addRow(toLabel, m_to);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(versions);
    layout->addWidget(m_status);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_savePdf);
    layout->addLayout(buttons);

    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_list);
    setTabOrder(m_list, m_savePdf);

    connect(m_from, &QComboBox::currentIndexChanged, this, &DiffView::compare);
    connect(m_to, &QComboBox::currentIndexChanged, this, &DiffView::compare);
    connect(m_savePdf, &QPushButton::clicked, this, &DiffView::choosePdfFile);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *row) {
        const QString id = row ? row->data(0, Qt::UserRole).toString() : QString();
        if (!id.isEmpty())
            emit itemChosen(id);
    });
}

void DiffView::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

void DiffView::setTemplateId(const QString &templateId)
{
    setHint({});
    m_templateId = templateId;
    m_from->clear(); // the newest two are chosen by refresh()
    refresh();
}

void DiffView::refresh()
{
    const int from = m_from->currentData().toInt();
    const int to = m_to->currentData().toInt();
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->clear();
        m_to->clear();
        if (!m_templateId.isEmpty()) {
            TemplateStore store(m_db, m_session);
            const Result<QVector<VersionInfo>> versions = store.versions(m_templateId);
            if (versions.ok()) {
                // Before the first version there was nothing: comparing with it shows the whole form as new.
                m_from->addItem(tr("Nothing before (the whole form is new)"), 0);
                for (const VersionInfo &v : versions.value()) {
                    QString text = WorkflowWords::state(v);
                    if (!text.isEmpty())
                        text[0] = text[0].toUpper();
                    m_from->addItem(text, v.version);
                    m_to->addItem(text, v.version);
                }
            } else {
                m_status->setText(tr("The versions cannot be read: %1").arg(versions.message()));
            }
        }
        const int count = m_to->count();
        const bool keep = m_from->findData(from) >= 0 && m_to->findData(to) >= 0 && to > 0;
        // The newest against the one before it (in m_from, index i is version i: "Nothing before" is index 0).
        m_to->setCurrentIndex(keep ? m_to->findData(to) : count - 1);
        m_from->setCurrentIndex(keep ? m_from->findData(from) : std::max(0, count - 1));
    }
    compare();
}

bool DiffView::setVersions(int from, int to)
{
    const int fromIndex = m_from->findData(from);
    const int toIndex = m_to->findData(to);
    if (fromIndex < 0 || toIndex < 0)
        return false;
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setCurrentIndex(fromIndex);
        m_to->setCurrentIndex(toIndex);
    }
    compare();
    return true;
}

void DiffView::compare()
{
    m_diff = TemplateDiff{};
    m_list->clear();
    const int from = m_from->currentData().toInt();
    const int to = m_to->currentData().toInt();
    if (m_templateId.isEmpty() || to == 0) {
        m_status->setText(m_templateId.isEmpty() ? tr("No stored template is open.")
                                                 : tr("This template has no versions to compare yet."));
        m_savePdf->setEnabled(false);
        return;
    }
    if (from == to) {
        m_status->setText(tr("Choose two different versions to see what changed between them."));
        m_savePdf->setEnabled(false);
        return;
    }
    TemplateStore store(m_db, m_session);
    const Result<TemplateDiff> diff = store.diff(m_templateId, from, to);
    if (!diff.ok()) {
        m_status->setText(tr("What changed cannot be worked out: %1").arg(diff.message()));
        m_savePdf->setEnabled(false);
        return;
    }
    m_diff = diff.value();
    fillList(m_list, m_diff, from > 0);
    const Result<Template> newer = store.get(m_templateId, to);
    QString words;
    if (from == 0) {
        qsizetype questions = 0, infoTexts = 0;
        for (const ItemDiff &item : std::as_const(m_diff.items)) {
            const Item *now = newer.ok() ? newer->findItem(item.itemId) : nullptr;
            (now && now->type == ItemType::Info ? infoTexts : questions) += 1;
        }
        QString what = TemplateWords::count(questions, tr("question"), tr("questions"));
        if (infoTexts > 0)
            what = tr("%1 and %2")
                       .arg(what, TemplateWords::count(infoTexts, tr("information text"), tr("information texts")));
        words = tr("Version %1 is the first version, so the whole form is new: %2 in %3.")
                    .arg(to)
                    .arg(what, TemplateWords::count(m_diff.sections.size(), tr("section"), tr("sections")));
    } else if (m_diff.isEmpty()) {
        words = tr("Nothing changed between version %1 and version %2.").arg(from).arg(to);
    } else {
        words = tr("Between version %1 and version %2: %3.")
                    .arg(from)
                    .arg(to)
                    .arg(TemplateWords::count(m_diff.items.size(), tr("question changed"), tr("questions changed")));
    }
    const QString coverage = newer.ok() ? coverageWords(newer.value()) : QString();
    m_status->setText(coverage.isEmpty() ? words : words + QLatin1Char(' ') + coverage);
    m_savePdf->setEnabled(true);
}

void DiffView::setUpList(QTreeWidget *list)
{
    list->setHeaderLabels({tr("Question"), tr("What happened"), tr("In detail"), tr("Who"), tr("Why")});
    list->setRootIsDecorated(false);
    list->setWordWrap(true);
    list->setAllColumnsShowFocus(true);
    list->header()->setStretchLastSection(true);
}

void DiffView::fillList(QTreeWidget *list, const TemplateDiff &diff, bool withTemplateDetails)
{
    list->clear();
    if (withTemplateDetails) {
        for (const QString &detail : diff.templateDetails)
            new QTreeWidgetItem(list, {tr("The template itself"), tr("Changed"), detail, QString(), QString()});
    }
    for (const ItemDiff &item : diff.items) {
        auto *row = new QTreeWidgetItem(list, {item.label(), changesInWords(item), item.details.join(QLatin1Char('\n')),
                                               item.authors.join(QStringLiteral(", ")), reasonsInWords(item)});
        row->setData(0, Qt::UserRole, item.itemId);
        for (int column = 0; column < 5; ++column)
            row->setToolTip(column, row->text(column));
    }
    // "Not changed, and why": comments closed with a reason, and translations published out of date for a reason.
    for (const NotChangedNote &n : std::as_const(diff.notChanged)) {
        auto *row =
            new QTreeWidgetItem(list, {n.label.isEmpty() ? n.itemId : n.label, tr("Not changed, and why"),
                                       tr("%1 said: \u201c%2\u201d").arg(n.author, n.comment), n.reasonBy, n.reason});
        row->setData(0, Qt::UserRole, n.itemId);
        for (int column = 0; column < 5; ++column)
            row->setToolTip(column, row->text(column));
    }
    for (const TranslationsNotUpdated &n : std::as_const(diff.translationsNotUpdated)) {
        auto *row = new QTreeWidgetItem(list, {tr("Translations of version %1").arg(n.version),
                                               tr("Not changed, and why"), n.sentence(), n.reasonBy, n.reason});
        for (int column = 0; column < 5; ++column)
            row->setToolTip(column, row->text(column));
    }
    // The question's words need the room; "What happened" is short.
    list->setColumnWidth(0, std::max(list->columnWidth(0), list->fontMetrics().averageCharWidth() * 24));
}

QString DiffView::coverageWords(const Template &t) const
{
    if (t.requirementSet.isEmpty())
        return {};
    const std::optional<RequirementSet> set = bundledRequirementSet(t.requirementSet);
    if (!set)
        return {};
    const Coverage coverage = computeCoverage(t, *set);
    const qsizetype all = coverage.itemsByRequirement.size();
    if (coverage.uncovered.isEmpty())
        return tr("It covers all %1 framework requirements.").arg(all);
    QStringList missing;
    for (const QString &id : coverage.uncovered) {
        const Requirement *r = set->find(id);
        missing.append(r ? r->title : id);
    }
    return tr("It covers %1 of %2 framework requirements; not covered: %3.")
        .arg(all - coverage.uncovered.size())
        .arg(all)
        .arg(missing.join(QStringLiteral("; ")));
}

bool DiffView::savePdf(const QString &path, QString *error)
{
    QByteArray pdf;
    QString writeError;
    if (!writeWhatChangedPdf(m_diff, WhatChangedOptions{}, &pdf, &writeError)) {
        if (error)
            *error = tr("The PDF could not be made: %1").arg(writeError);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        if (error)
            *error = tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

void DiffView::choosePdfFile()
{
    const QString suggested =
        QStringLiteral("%1/%2-what-changed-v%3-v%4.pdf")
            .arg(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), m_diff.templateId)
            .arg(m_diff.fromVersion)
            .arg(m_diff.toVersion);
    const QString path =
        FileDialogs::saveFileName(this, tr("Save \u201cWhat changed\u201d as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (savePdf(path, &error))
        m_status->setText(tr("Saved \u201cWhat changed\u201d as %1.").arg(path));
    else
        QMessageBox::warning(this, tr("The PDF was not saved"), error);
}

} // namespace coform
