#pragma once

#include "model/template.h"

#include <QWidget>

class QTableWidget;

namespace coform {

/// The answers to choose from of a choice, multichoice or scale item (or the columns of a table item): a table whose
/// words (and, for a scale, what each level means) can be typed over, with buttons to add, remove and reorder them.
/// The stable codes (option values, column ids) are shown but never changed, so answers already given keep their
/// meaning when the words change. Every change is reported as the whole new list (optionsEdited() or
/// columnsEdited()), which the details panel turns into one Edit.
class OptionsEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Rows { Options, Columns };
    explicit OptionsEditor(QWidget *parent = nullptr, Rows rows = Rows::Options);

    /// Shows the options (or, for Rows::Columns, the columns) of `item` (keeps the chosen row when it still exists).
    void setItem(const Item &item);
    /// The table, for the row's label (its buddy) and for tests.
    QTableWidget *table() const { return m_table; }
    /// Makes the table as tall as its rows.
    void fitHeight();
    /// Starts typing the words of answer `row` (after one was added).
    void editAnswer(int row);

signals:
    void optionsEdited(const QVector<Option> &options);
    void columnsEdited(const QVector<Column> &columns);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cellEdited(int row, int column);
    void addOption();
    void removeOption();
    void moveOption(int step);
    void report(const QVector<Option> &rows);

    Rows m_rows;
    QTableWidget *m_table;
    QVector<Option> m_options;
    bool m_scale = false;
    bool m_filling = false;
};

} // namespace coform
