#pragma once

#include <QAbstractItemModel>
#include <QMap>

namespace coform {

class TemplateDocument;

/// The sections of the open template (top level) and their items (children), one column.
///
/// It follows the document: changed items and sections give dataChanged(), added, removed and moved ones a reset
/// (views keep their current item by id). It never changes the template itself: edits go through the document.
class TemplateTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the section or item id
        KindRole,                  ///< a Kind
        ItemTypeRole,              ///< items: the JSON type name ("choice")
        QuestionNumberRole,        ///< items: 1-based question number, 0 for information
    };
    enum class Kind { Section = 1, Item = 2 };

    explicit TemplateTreeModel(TemplateDocument *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Drag and drop moves a section or an item, through an Edit on the document's undo stack.
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    /// Pushes the move and returns false, so that the view never removes rows itself: the document's change
    /// signals update the tree.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    /// The index of the section or item with this id; invalid when there is none.
    QModelIndex indexForId(const QString &id) const;
    static Kind kind(const QModelIndex &index);

private:
    void reload();
    void emitDataChangedForAllItems();

    TemplateDocument *m_document;
    QMap<QString, int> m_questionNumbers;
};

} // namespace coform
