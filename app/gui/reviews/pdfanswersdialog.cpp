#include "reviews/pdfanswersdialog.h"

#include "format/importer.h"

#include <QFileInfo>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

PdfAnswersDialog::PdfAnswersDialog(const Template &t, const Answers &now, const QVector<ProposedAnswer> &proposed,
                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("pdfAnswersDialog"));
    setWindowTitle(tr("Answers from the PDF"));
    resize(900, 560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These answers were filled in on the PDF form. Tick the ones to save; an answer saved "
                                "here replaces the answer the review has now."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("pdfAnswers"));
    m_tree->setAccessibleName(tr("Answers read from the PDF"));
    m_tree->setAccessibleDescription(tr("Each row: the question, its answer now and the answer in the PDF; tick a "
                                        "row to save its answer"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Question"), tr("Now"), tr("In the PDF")});
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 360);
    m_tree->setColumnWidth(1, 220);
    m_tree->setWordWrap(true);
    for (const ProposedAnswer &a : proposed) {
        const Item *item = t.findItem(a.itemId);
        if (!item)
            continue;
        const QJsonValue current = now.value(a.itemId);
        const bool same = current == a.value;
        auto *row = new QTreeWidgetItem(m_tree, {QStringLiteral("%1. %2").arg(a.number).arg(a.label),
                                                 answerInWords(*item, current), answerInWords(*item, a.value)});
        row->setData(0, Qt::UserRole, a.itemId);
        row->setCheckState(0, same ? Qt::Unchecked : Qt::Checked);
        if (same) {
            row->setFlags(row->flags() & ~Qt::ItemIsEnabled);
            row->setText(2, tr("%1 (unchanged)").arg(row->text(2)));
        }
        for (int c = 0; c < 3; ++c)
            row->setToolTip(c, row->text(c));
        m_values.insert(a.itemId, a.value);
    }
    layout->addWidget(m_tree, 1);

    auto *buttons = new QDialogButtonBox;
    QPushButton *save = buttons->addButton(tr("&Save the ticked answers"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveTicked"));
    save->setAccessibleName(tr("Save the ticked answers"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancel"));
    cancel->setAccessibleName(tr("Cancel: save nothing"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_tree->setFocus();
}

QMap<QString, QJsonValue> PdfAnswersDialog::accepted() const
{
    QMap<QString, QJsonValue> out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = m_tree->topLevelItem(i);
        if (row->checkState(0) == Qt::Checked && (row->flags() & Qt::ItemIsEnabled)) {
            const QString id = row->data(0, Qt::UserRole).toString();
            out.insert(id, m_values.value(id));
        }
    }
    return out;
}

bool PdfAnswersDialog::readFilled(const QString &path, const Template &t, QVector<ProposedAnswer> *answers,
                                  QString *error)
{
    PdfImportOptions options;
    options.workerPath = defaultImportWorkerPath();
    const FilledPdfAnswers read = readFilledPdf(path, t, options);
    if (!read.refusal.isEmpty()) {
        *error = tr("%1: %2. Nothing was saved.").arg(QFileInfo(path).fileName(), read.refusal);
        return false;
    }
    if (!read.problems.isEmpty()) {
        *error = tr("Some answers in %1 do not fit their questions, so nothing was saved:\n%2")
                     .arg(QFileInfo(path).fileName(), read.problems.join(QLatin1Char('\n')));
        return false;
    }
    *answers = read.answers;
    return true;
}

} // namespace coform
