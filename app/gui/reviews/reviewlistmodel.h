#pragma once

#include "store/reviewstore.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace coform {

/// The reviews list as a table model that reads a page at a time (canFetchMore/fetchMore), so that opening a list of
/// 100,000 reviews reads only what is shown: name, NHS number (3-3-4), date of birth, status, next review due and the
/// last change. Sorting (any column, either way) is done by the store. A review due within 30 days or overdue says so
/// in words ("Overdue: 27 Nov 2026", "Due soon: 15 Dec 2026"), in colour and with an icon. The review's id and form
/// are in each row's tooltip, not a column.
class ReviewListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, NhsNumber, DateOfBirth, Status, NextDue, LastChange, ColumnCount };
    static constexpr int PageSize = 200;
    /// Qt::UserRole on any column: the review id.
    static constexpr int ReviewIdRole = Qt::UserRole;

    ReviewListModel(ReviewStore &store, QObject *parent = nullptr);

    /// Reads the first page for the filter; false (error() says why) when the store refused or failed.
    bool setFilter(const ReviewFilter &filter);
    const QString &error() const { return m_error; }
    const ReviewFilter &filter() const { return m_filter; }
    qint64 totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    ReviewStore &m_store;
    ReviewFilter m_filter;
    QVector<ReviewSummary> m_rows;
    qint64 m_total = 0;
    bool m_atEnd = true;
    QString m_error;
    QDate m_today;
    mutable QIcon m_overdueIcon, m_dueSoonIcon;
};

} // namespace coform
