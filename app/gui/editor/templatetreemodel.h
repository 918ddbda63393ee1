#pragma once

#include <QAbstractItemModel>
#include <QMap>

namespace coform {

class TemplateDocument;

/// The sections of the open template (top level) and their items (children), one column.
///
/// It follows the document: changed items and sections give dataChanged(), added, removed and moved ones a reset
/// (views keep their current item by id). It never changes the template itself: edits go through the document.
/// In a shared template it also says, in words, who else is on a question and how many comment threads are open.
class TemplateTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the section or item id
        KindRole,                  ///< a Kind
        ItemTypeRole,              ///< items: the JSON type name ("choice")
        QuestionNumberRole,        ///< items: 1-based question number, 0 for information
        PresenceRole,              ///< items: names of the other people on this question now (QStringList)
        OpenCommentsRole,          ///< sections and items: open comment threads on it (int)
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

    /// Who else is on which question now (item id -> names), shown beside the question in words.
    void setPresence(const QMap<QString, QStringList> &namesByItem);
    /// Open comment threads per section or item id, shown beside it in words.
    void setOpenComments(const QMap<QString, int> &countsById);

    /// The index of the section or item with this id; invalid when there is none.
    QModelIndex indexForId(const QString &id) const;
    static Kind kind(const QModelIndex &index);

private:
    void reload();
    void emitDataChangedForAllItems();
    void emitDataChangedFor(const QStringList &ids);
    /// "  [2 open comments] [Priya is here]" for this id, or empty.
    QString annotations(const QString &id) const;

    TemplateDocument *m_document;
    QMap<QString, int> m_questionNumbers;
    QMap<QString, QStringList> m_presence;
    QMap<QString, int> m_openComments;
};

} // namespace coform
