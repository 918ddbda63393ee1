#include "editor/templatelist.h"

#include "format/templateformat.h"

#include <QFileInfo>

namespace coform {

TemplateList::TemplateList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("templateList"));
    setAccessibleName(tr("Templates"));
    setAccessibleDescription(tr("The form templates you can look at. Choose one to see its questions."));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(true);
    setUniformItemSizes(false);
    setTextElideMode(Qt::ElideRight);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_selecting || row < 0)
            return;
        const QListWidgetItem *entry = item(row);
        emit templateChosen(TemplateDocument::Origin(entry->data(OriginRole).toInt()),
                            entry->data(PathRole).toString());
    });
}

int TemplateList::addBundledTemplates()
{
    int added = 0;
    for (const QString &path : bundledTemplatePaths()) {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(path, &problems);
        if (!t) {
            qWarning("coform: a bundled template cannot be read: %s", qPrintable(path));
            continue;
        }
        addEntry(TemplateDocument::Origin::Bundled, path, t->title, t->version);
        ++added;
    }
    return added;
}

int TemplateList::rowOf(TemplateDocument::Origin origin, const QString &path) const
{
    for (int row = 0; row < count(); ++row) {
        const QListWidgetItem *entry = item(row);
        if (entry->data(OriginRole).toInt() == int(origin) && entry->data(PathRole).toString() == path)
            return row;
    }
    return -1;
}

int TemplateList::addEntry(TemplateDocument::Origin origin, const QString &path, const QString &title, int version)
{
    int row = rowOf(origin, path);
    if (row < 0) {
        row = count();
        addItem(new QListWidgetItem);
    }
    QListWidgetItem *entry = item(row);
    QString where;
    switch (origin) {
    case TemplateDocument::Origin::Bundled:
        where = tr("Comes with Coform, version %1").arg(version);
        break;
    case TemplateDocument::Origin::File:
        where = tr("File: %1").arg(QFileInfo(path).fileName());
        break;
    case TemplateDocument::Origin::Store:
        where = tr("Shared: version %1").arg(version);
        break;
    case TemplateDocument::Origin::None:
        break;
    }
    entry->setText(tr("%1\n%2").arg(title, where));
    entry->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(title, where));
    entry->setToolTip(origin == TemplateDocument::Origin::File ? path : title);
    entry->setData(OriginRole, int(origin));
    entry->setData(PathRole, path);
    return row;
}

int TemplateList::setSharedEntry(const QString &templateId, const QString &where)
{
    const int row = addEntry(TemplateDocument::Origin::Store, templateId, QString(), 0);
    QListWidgetItem *entry = item(row);
    entry->setText(where);
    entry->setData(Qt::AccessibleTextRole, where);
    entry->setToolTip(where);
    return row;
}

bool TemplateList::selectEntry(TemplateDocument::Origin origin, const QString &path)
{
    const int row = rowOf(origin, path);
    if (row < 0)
        return false;
    m_selecting = true;
    setCurrentRow(row);
    m_selecting = false;
    return true;
}

} // namespace coform
