#pragma once

#include "document/templatedocument.h"
#include "model/problem.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTreeView;

namespace coform {

class CoveragePanel;
class EditorDocks;
class MeetingView;
class PdfPreview;
class PropertiesPanel;
class TemplateEditActions;
class TemplateList;
class TemplateTreeModel;
class DraftRecovery;
class FrozenBanner;
class TextSize;
class Theme;

/// Coform's main window: the templates on the left, the chosen template's sections and questions below them, the
/// details of what is chosen in the middle and the printed form on the right. It assembles the panels and the
/// menus; the panels observe the TemplateDocument.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a coform-template/1 file. On problems, shows them in a dialog (not waiting for it) and returns false;
    /// the template open before stays open. Unsaved changes are asked about first.
    bool openTemplateFile(const QString &path);
    /// Opens a template bundled with Coform (a resource path from bundledTemplatePaths()).
    bool openBundledTemplate(const QString &path);
    /// Starts a new, empty template (a file not saved yet). Unsaved changes are asked about first.
    bool newTemplate();
    /// Selects the section or item with this id in the tree; false when there is none.
    bool selectId(const QString &id);

    TemplateDocument *document() const { return m_document; }
    /// The tree's model (the shared workspace puts presence and comment counts on it).
    TemplateTreeModel *treeModel() const { return m_treeModel; }
    /// Shows the meeting view on the question chosen in the tree (F11).
    void showMeetingView();
    /// Reads the meeting view's comments again, when it is open.
    void refreshMeetingView();
    /// Offers to bring back changes to template files that a Coform which stopped without saving left behind.
    void offerRecovery();
    DraftRecovery *draftRecovery() const { return m_recovery; }
    /// Where the meeting view finds an item's open comments (a shared template's); null for none.
    void setCommentsProvider(std::function<QStringList(const QString &itemId)> provider);
    /// The requirement coverage panel (the shared workspace gives it the last published version).
    CoveragePanel *coveragePanel() const;
    /// The id of the section or item chosen in the tree; empty for none.
    QString currentId() const;
    /// Where the open work lives, in words, as the title bar says it: "Shared: draft 2 of NHS Continuing Healthcare
    /// review", "File: chc-review.json", "Comes with Coform: ...", "New form, not saved yet: ...".
    QString whereWorkLives() const;
    /// The open shared version in words ("draft 2"), from the shared workspace.
    void setSharedVersion(const QString &words);
    /// Shares the width between the main panels and the right-hand column for the text size (the preview folds
    /// away with large text); called when the text size changes and when no remembered layout applies.
    void fitPanelsToText();
    /// The version of the remembered dock layout: 2 since every panel is a tab of the right-hand column (a layout
    /// remembered from before, with coverage along the bottom, is not restored).
    static constexpr int kDockLayout = 2;
    TemplateList *templateList() const { return m_templateList; }
    /// The strip that says why the open version cannot change (the shared workspace fills it).
    FrozenBanner *frozenBanner() const;
    /// The tree of sections and questions ("templateTree").
    QTreeView *templateTree() const { return m_tree; }
    /// The File menu ("menuFile"), where others add their items before Quit.
    QMenu *fileMenu() const { return m_fileMenu; }
    /// The View menu ("menuView"), where the docks add their show and go-to items.
    QMenu *viewMenu() const { return m_viewMenu; }
    /// File > Quit ("actionQuit"), the File menu's last item.
    QAction *quitAction() const { return m_quitAction; }
    /// The dock of the requirement coverage ("coverageDock"), the first tab of the right-hand column.
    QDockWidget *coverageDock() const;
    /// The tab of the right-hand column that is in front when the window is first shown (the shared workspace's
    /// history); the requirement coverage when none is set.
    void setFrontDock(QDockWidget *dock);

signals:
    /// The person chose another section or item in the tree ("" for none).
    void currentIdChanged(const QString &id);

public:
    /// Saves the open template as a coform-template/1 file; false (and a message) when it cannot.
    bool saveTemplateFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createPanels();
    void createActions();
    void restoreLayout();
    void saveLayout();
    void showPreviewPanel();
    static constexpr double kLargeTextPoints = 20; ///< from this size the preview folds away (fitPanelsToText)
    void chooseTemplateFile();
    void onTemplateReplaced();
    void updateTitleAndStatus();
    void onCurrentTreeIndexChanged();
    void focusPanel(int step);
    void savePdf();
    void printForm();
    bool save();
    bool saveAs();
    /// Lists what is unfinished in a form just opened (a problems dialog, not waiting for it); nothing when complete.
    void showUnfinished(const QString &what, const Problems &problems);
    /// Asks what to do with unsaved changes; false when the person chose to stay.
    bool maybeSave();

    TemplateDocument *m_document;
    DraftRecovery *m_recovery = nullptr;
    TextSize *m_textSize;
    Theme *m_theme;
    TemplateEditActions *m_editActions = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    TemplateList *m_templateList = nullptr;
    TemplateTreeModel *m_treeModel = nullptr;
    QTreeView *m_tree = nullptr;
    PropertiesPanel *m_properties = nullptr;
    PdfPreview *m_preview = nullptr;
    MeetingView *m_meetingView = nullptr;
    QString m_keptId; ///< the id chosen in the tree, to tell when it changes
    std::function<QStringList(const QString &)> m_commentsProvider;
    QLabel *m_templateStatus = nullptr;
    QLabel *m_previewStatus = nullptr;
    QList<QWidget *> m_focusOrder; ///< the panels' main controls, for F6 and Ctrl+1..4

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_quitAction = nullptr;
    EditorDocks *m_editorDocks = nullptr; ///< requirement coverage and undo history
    QPointer<QDockWidget> m_frontDock;    ///< setFrontDock
    bool m_fitWhenShown = false;          ///< fitPanelsToText ran before the window was shown
    FrozenBanner *m_frozenBanner = nullptr;
    QString m_sharedVersion;
};

} // namespace coform
