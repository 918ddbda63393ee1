#include "reviewlistmodel.h"

#include "model/nhsnumber.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace coform {

ReviewListModel::ReviewListModel(ReviewStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_today(QDate::currentDate())
{}

bool ReviewListModel::setFilter(const ReviewFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_filter.limit = PageSize;
    m_filter.offset = 0;
    m_rows.clear();
    m_error.clear();
    m_total = 0;
    const Result<QVector<ReviewSummary>> page = m_store.find(m_filter);
    if (page.ok()) {
        m_rows = page.value();
        m_atEnd = m_rows.size() < PageSize;
        const Result<qint64> total = m_store.count(m_filter);
        m_total = total.ok() ? total.value() : m_rows.size();
    } else {
        m_error = page.message();
        m_atEnd = true;
    }
    endResetModel();
    return m_error.isEmpty();
}

int ReviewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReviewSummary &r = m_rows.at(index.row());
    const bool dueSoon = r.dueWithin(m_today);
    if (role == ReviewIdRole)
        return r.id;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Name:
            return r.personName;
        case NhsNumber:
            return NhsNumber::formatted(r.nhsNumber);
        case Status:
            return r.status == QLatin1String(ReviewRecord::Completed) ? tr("Completed") : tr("In progress");
        case NextDue:
            if (!r.nextDue.isValid())
                return tr("not set");
            if (r.nextDue < m_today)
                return tr("%1 (overdue)").arg(QLocale().toString(r.nextDue, QLocale::ShortFormat));
            return dueSoon ? tr("%1 (due within 30 days)").arg(QLocale().toString(r.nextDue, QLocale::ShortFormat))
                           : QLocale().toString(r.nextDue, QLocale::ShortFormat);
        case Form:
            return tr("%1, version %2").arg(r.templateId).arg(r.version);
        }
    }
    if (role == Qt::FontRole && dueSoon && index.column() == NextDue) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case NhsNumber:
        return tr("NHS number");
    case Status:
        return tr("Status");
    case NextDue:
        return tr("Next review due");
    case Form:
        return tr("Form");
    }
    return {};
}

bool ReviewListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ReviewListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    ReviewFilter next = m_filter;
    next.offset = int(m_rows.size());
    const Result<QVector<ReviewSummary>> page = m_store.find(next);
    if (!page.ok() || page->isEmpty()) {
        m_atEnd = true;
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows += page.value();
    endInsertRows();
    m_atEnd = page->size() < PageSize;
}

} // namespace coform
