#include "reviews/reviewlistmodel.h"

#include "model/nhsnumber.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QStyle>

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
    const QString dateFormat = QStringLiteral("d MMM yyyy");
    const bool overdue = r.nextDue.isValid() && r.nextDue < m_today;
    const bool dueSoon = !overdue && r.dueWithin(m_today);
    if (role == ReviewIdRole)
        return r.id;
    if (role == Qt::ToolTipRole)
        return tr("Review %1 (form %2, version %3)").arg(r.id).arg(r.templateId).arg(r.version);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Name:
            return r.personName;
        case NhsNumber:
            return r.nhsNumber.isEmpty() ? tr("not recorded") : NhsNumber::formatted(r.nhsNumber);
        case DateOfBirth:
            return r.dateOfBirth.isValid() ? QLocale().toString(r.dateOfBirth, dateFormat) : tr("not recorded");
        case Status:
            return r.status == ReviewStatus::Completed ? tr("Completed") : tr("In progress");
        case NextDue:
            if (!r.nextDue.isValid())
                return tr("not set");
            if (overdue)
                return tr("Overdue: %1").arg(QLocale().toString(r.nextDue, dateFormat));
            return dueSoon ? tr("Due soon: %1").arg(QLocale().toString(r.nextDue, dateFormat))
                           : QLocale().toString(r.nextDue, dateFormat);
        case LastChange:
            return r.updatedAt.isValid()
                       ? QLocale().toString(r.updatedAt.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"))
                       : QString();
        }
    }
    if (index.column() == NextDue && (overdue || dueSoon)) {
        // Words first; colour (dark enough to read on white) and an icon as well, never colour alone.
        if (role == Qt::ForegroundRole)
            return QBrush(overdue ? QColor(0xa0, 0x00, 0x00) : QColor(0x7a, 0x4a, 0x00));
        if (role == Qt::DecorationRole) {
            if (m_overdueIcon.isNull()) {
                m_overdueIcon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
                m_dueSoonIcon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            }
            return overdue ? m_overdueIcon : m_dueSoonIcon;
        }
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
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
    case DateOfBirth:
        return tr("Date of birth");
    case Status:
        return tr("Status");
    case NextDue:
        return tr("Next review due");
    case LastChange:
        return tr("Last change");
    }
    return {};
}

void ReviewListModel::sort(int column, Qt::SortOrder order)
{
    static const ReviewFilter::SortBy byColumn[ColumnCount] = {
        ReviewFilter::SortBy::Name,   ReviewFilter::SortBy::NhsNumber, ReviewFilter::SortBy::DateOfBirth,
        ReviewFilter::SortBy::Status, ReviewFilter::SortBy::NextDue,   ReviewFilter::SortBy::LastChange};
    if (column < 0 || column >= ColumnCount)
        return;
    ReviewFilter filter = m_filter;
    filter.sortBy = byColumn[column];
    filter.descending = order == Qt::DescendingOrder;
    if (filter.sortBy == m_filter.sortBy && filter.descending == m_filter.descending)
        return; // already in that order (or not read yet: setFilter reads it so)
    setFilter(filter);
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
