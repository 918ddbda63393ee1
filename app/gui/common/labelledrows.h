#pragma once

#include <QList>

class QBoxLayout;
class QLabel;
class QWidget;

namespace coform {

/// Rows of a panel, each a label above its field (or one widget across), in a vertical box. A hidden row hides its
/// widgets, so the box leaves it out entirely. It stands in for QFormLayout's wrapped rows, whose row hiding keeps old
/// row positions for fields whose height follows their width and so can squeeze another row to nothing.
class LabelledRows
{
public:
    explicit LabelledRows(QBoxLayout *box)
        : m_box(box)
    {}

    void addRow(QLabel *label, QWidget *field);
    void addRow(QWidget *field);

    int rowCount() const { return int(m_rows.size()); }
    QLabel *label(int row) const { return m_rows.at(row).label; }
    QWidget *field(int row) const { return m_rows.at(row).field; }
    void setRowVisible(int row, bool visible);

private:
    struct Row
    {
        QLabel *label = nullptr;
        QWidget *field = nullptr;
    };
    QBoxLayout *m_box;
    QList<Row> m_rows;
};

} // namespace coform
