#pragma once

#include <QString>

class QLineEdit;
class QTableWidget;
class QTableWidgetItem;
class QTextEdit;
class QWidget;

/// The boxes and tables of the details panel, made and sized the same way everywhere in it.
namespace coform::PanelBoxes {

/// A text box that grows with its text, so the panel scrolls as a whole rather than each box.
QTextEdit *makeTextBox(const QString &objectName, QWidget *parent);
void makeReadOnly(QTextEdit *box);
QLineEdit *makeLineBox(const QString &objectName, QWidget *parent);
QTableWidget *makeTable(const QString &objectName, QWidget *parent);
/// Makes a table exactly as tall as its rows, so that nothing hides inside it.
void fitTableHeight(QTableWidget *table);
QTableWidgetItem *cell(const QString &text, bool editable = false);
/// Sets a box's text only when it differs, so that the cursor of someone typing in it stays where it is.
void setBoxText(QTextEdit *box, const QString &text);

} // namespace coform::PanelBoxes
