#include "common/rowsofroom.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>
#include <QResizeEvent>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>

#include <cmath>

namespace coform {

void RowsOfRoom::keep(QAbstractItemView *list, double rows)
{
    new RowsOfRoom(list, rows);
}

RowsOfRoom::RowsOfRoom(QAbstractItemView *list, double rows)
    : QObject(list)
    , m_list(list)
    , m_rows(rows)
{
    list->installEventFilter(this);
    update();
}

bool RowsOfRoom::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        update();
    return false;
}

void RowsOfRoom::update()
{
    const int row = m_list->fontMetrics().height() + 6; // a line of text and the item's padding
    int header = 0;
    if (auto *tree = qobject_cast<QTreeView *>(m_list); tree && !tree->isHeaderHidden())
        header = tree->header()->sizeHint().height();
    else if (auto *table = qobject_cast<QTableView *>(m_list); table && !table->horizontalHeader()->isHidden())
        header = table->horizontalHeader()->sizeHint().height();
    const int frame = 2 * m_list->frameWidth();
    m_list->setMinimumHeight(int(std::ceil(m_rows * row)) + header + frame);
}

} // namespace coform

namespace coform {

namespace {

class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *tree)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
        , m_viewport(tree->viewport())
    {
        m_viewport->installEventFilter(this);
        // Cells of a column wrap to its width: measured again once a column's width changed (after the change).
        connect(tree->header(), &QHeaderView::sectionResized, this, [this] {
            if (!m_relayoutPending) {
                m_relayoutPending = true;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_relayoutPending = false;
                        m_tree->doItemsLayout();
                    },
                    Qt::QueuedConnection);
            }
        });
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // The row's words wrap to the room beside its indentation (the view gives no width of its own).
        int depth = m_tree->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        int room = m_tree->viewport()->width();
        if (index.model() && index.model()->columnCount(index.parent()) > 1) {
            // A table of columns: each cell wraps to its own column; a column sized to its contents does not wrap.
            if (m_tree->header()->sectionResizeMode(index.column()) == QHeaderView::ResizeToContents)
                return QStyledItemDelegate::sizeHint(option, index);
            room = m_tree->columnWidth(index.column());
            if (index.column() != 0)
                depth = 0;
        }
        QStyleOptionViewItem wrapped = option;
        wrapped.rect = QRect(0, 0, std::max(room - m_tree->indentation() * depth, 40), 1);
        wrapped.features |= QStyleOptionViewItem::WrapText;
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Only the viewport's own pointer is compared: while the tree is being destroyed it is no tree any more.
        if (event->type() == QEvent::Resize && watched == m_viewport) {
            const auto *resize = static_cast<QResizeEvent *>(event);
            if (resize->size().width() != resize->oldSize().width())
                m_tree->doItemsLayout(); // measure the rows again for the new width
        }
        return false;
    }

private:
    QTreeView *m_tree;
    QWidget *m_viewport;
    bool m_relayoutPending = false;
};

} // namespace

void wrapTreeRows(QTreeView *tree)
{
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->setItemDelegate(new WrappingDelegate(tree));
}

} // namespace coform
