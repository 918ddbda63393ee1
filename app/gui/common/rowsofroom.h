#pragma once

#include <QObject>

class QAbstractItemView;

namespace coform {

/// Keeps a list tall enough to show `rows` rows of its text (and its header), at any text size: its minimum height
/// follows its font. A panel holding it then scrolls as a whole when the window is shorter, rather than squeezing the
/// list to a row or two.
class RowsOfRoom : public QObject
{
public:
    static void keep(QAbstractItemView *list, double rows = 5.5);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RowsOfRoom(QAbstractItemView *list, double rows);
    void update();

    QAbstractItemView *m_list;
    double m_rows;
};

} // namespace coform

class QTreeView;

namespace coform {

/// A tree whose rows wrap their words to the tree's width (the whole wording of a question, on more lines when the
/// panel is narrow or the text large) instead of cutting them short; rows are measured again when the width changes.
void wrapTreeRows(QTreeView *tree);

} // namespace coform
