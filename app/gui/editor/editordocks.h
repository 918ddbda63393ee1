#pragma once

#include <QObject>

class QDockWidget;
class QUndoView;
class QWidget;
class QString;

namespace coform {

class CoveragePanel;
class MainWindow;

/// The template editor's docks beside the main panels: the requirement coverage of the open template and the
/// history of its changes that can be undone (a QUndoView on the document's undo stack). Each has a check item in the
/// View menu to show or hide it and a "Go to" item with a shortcut (Ctrl+5, Ctrl+6) that shows it and moves the
/// keyboard there. Activating a question in the coverage list chooses it in the window's tree. The docks are tabs of
/// one column down the right of the window, the full height of it, so that each list has room for its rows on a
/// laptop screen at any text size; the shared-work panels join that column.
class EditorDocks : public QObject
{
    Q_OBJECT

public:
    explicit EditorDocks(MainWindow *window);
    ~EditorDocks() override;

    CoveragePanel *coverage() const { return m_coverage; }
    QUndoView *undoView() const { return m_undoView; }
    QDockWidget *coverageDock() const { return m_coverageDock; }
    QDockWidget *undoDock() const { return m_undoDock; }

    /// Puts a panel in the window's right-hand column as a dock (named `name`), inside a scroll area.
    static void addToColumn(MainWindow *window, QDockWidget *dock, const QString &name, QWidget *content);
    /// Adds a View menu item "Go to …" with Ctrl+key that shows and raises the dock and moves the keyboard to target.
    static void addGoTo(MainWindow *window, const QString &name, const QString &text, int key, QDockWidget *dock,
                        QWidget *target);

private:
    void createMenuItems();

    MainWindow *m_window;
    CoveragePanel *m_coverage;
    QUndoView *m_undoView;
    QDockWidget *m_coverageDock;
    QDockWidget *m_undoDock;
};

} // namespace coform
