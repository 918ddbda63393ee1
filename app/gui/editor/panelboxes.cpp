#include "editor/panelboxes.h"

#include "editor/translationtable.h"

#include <QAbstractTextDocumentLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QTextEdit>

namespace coform::PanelBoxes {

/// A text box that grows with its text, so the panel scrolls as a whole rather than each box.
QTextEdit *makeTextBox(const QString &objectName, QWidget *parent)
{
    auto *box = new QTextEdit(parent);
    box->setObjectName(objectName);
    box->setAcceptRichText(false);
    box->setTabChangesFocus(true);
    box->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QObject::connect(
        box->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, box,
        [box](const QSizeF &size) { box->setFixedHeight(int(size.height()) + 2 * box->frameWidth() + 2); });
    return box;
}

void makeReadOnly(QTextEdit *box)
{
    box->setReadOnly(true);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

QLineEdit *makeLineBox(const QString &objectName, QWidget *parent)
{
    auto *line = new QLineEdit(parent);
    line->setObjectName(objectName);
    line->setReadOnly(true);
    return line;
}

QTableWidget *makeTable(const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->setWordWrap(true);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return table;
}

/// Makes a table exactly as tall as its rows, so that nothing hides inside it.
void fitTableHeight(QTableWidget *table)
{
    if (auto *translations = qobject_cast<TranslationTable *>(table)) {
        translations->fitHeight();
        return;
    }
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->isVisible() ? table->horizontalHeader()->sizeHint().height() : 0;
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height + 2 * table->frameWidth() + 2);
}

QTableWidgetItem *cell(const QString &text, bool editable)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (!editable)
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

/// Sets a box's text only when it differs, so that the cursor of someone typing in it stays where it is.
void setBoxText(QTextEdit *box, const QString &text)
{
    if (box->toPlainText() == text)
        return;
    box->setPlainText(text);
    box->moveCursor(QTextCursor::End);
}

} // namespace coform::PanelBoxes
