#include "mainwindow.h"

#include "common/filedialogs.h"
#include "common/panelframe.h"
#include "common/problemsdialog.h"
#include "common/rowsofroom.h"
#include "common/templatewords.h"
#include "common/textsize.h"
#include "common/theme.h"
#include "document/draftrecovery.h"
#include "editor/editordocks.h"
#include "editor/propertiespanel.h"
#include "editor/recoveryoffer.h"
#include "editor/templateeditactions.h"
#include "editor/templatelist.h"
#include "editor/templatetreemodel.h"
#include "editor/textundorouter.h"
#include "format/draftreader.h"
#include "helpdialogs.h"
#include "preview/formoutput.h"
#include "preview/meetingview.h"
#include "preview/pdfpreview.h"
#include "shared/frozenbanner.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace coform {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new TemplateDocument(this))
    , m_textSize(new TextSize(this))
    , m_theme(new Theme(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Coform"));
    setAccessibleName(tr("Coform"));
    createPanels();
    createActions();
    m_editorDocks = new EditorDocks(this); // requirement coverage and undo history, after the View menu exists
    restoreLayout();

    connect(m_document, &TemplateDocument::templateReplaced, this, &MainWindow::onTemplateReplaced);
    m_recovery = new DraftRecovery(m_document, this);
    connect(m_recovery, &DraftRecovery::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_document, &TemplateDocument::contentChanged, this, &MainWindow::updateTitleAndStatus);
    connect(m_templateList, &TemplateList::templateChosen, this,
            [this](TemplateDocument::Origin origin, const QString &path) {
                if (origin == TemplateDocument::Origin::Bundled)
                    openBundledTemplate(path);
                else if (origin == TemplateDocument::Origin::File)
                    openTemplateFile(path);
            });

    if (m_templateList->addBundledTemplates() > 0)
        m_templateList->setCurrentRow(0); // opens the first bundled template
    onTemplateReplaced();
}

MainWindow::~MainWindow()
{
    // The document, a child, is deleted after this window has stopped being a MainWindow: no signal of it reaches here.
    m_document->undoStack()->disconnect(this);
    m_document->disconnect(this);
}

CoveragePanel *MainWindow::coveragePanel() const
{
    return m_editorDocks->coverage();
}

QDockWidget *MainWindow::coverageDock() const
{
    return m_editorDocks->coverageDock();
}

void MainWindow::createPanels()
{
    m_templateList = new TemplateList(this);

    m_treeModel = new TemplateTreeModel(m_document, this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("templateTree"));
    m_tree->setAccessibleName(tr("Sections and questions"));
    m_tree->setAccessibleDescription(tr("The sections of the form and the questions in each. Choose one to see its "
                                        "details."));
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setTextElideMode(Qt::ElideRight);
    wrapTreeRows(m_tree); // the whole wording of a question, on more lines in a narrow panel or with large text
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentTreeIndexChanged);

    m_editActions = new TemplateEditActions(m_document, m_tree, this);
    m_properties = new PropertiesPanel(m_document, this);
    new TextUndoRouter(m_properties, m_document->undoStack(), this); // one undo: the document's
    m_preview = new PdfPreview(m_document, this);

    QWidget *templatesPanel =
        PanelFrame::make(this, QStringLiteral("templatesPanel"), tr("&Templates"), m_templateList, m_templateList);
    QWidget *treePanel =
        PanelFrame::make(this, QStringLiteral("treePanel"), tr("Se&ctions and questions"), m_tree, m_tree);
    // The details panel's heading moves to its first field.
    QWidget *detailsPanel = PanelFrame::make(this, QStringLiteral("detailsPanel"), tr("&Details"), m_properties,
                                             m_properties->textEditor());
    QWidget *previewPanel = PanelFrame::make(this, QStringLiteral("previewPanel"), tr("Pr&inted form preview"),
                                             m_preview, m_preview->scrollArea());

    m_leftSplitter = new QSplitter(Qt::Vertical, this);
    m_leftSplitter->setObjectName(QStringLiteral("leftSplitter"));
    m_leftSplitter->addWidget(templatesPanel);
    m_leftSplitter->addWidget(treePanel);
    m_leftSplitter->setChildrenCollapsible(false);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_leftSplitter);
    m_splitter->addWidget(detailsPanel);
    m_splitter->addWidget(previewPanel);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setCollapsible(2, true); // the preview folds away with large text (fitPanelsToText)
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 1);
    m_frozenBanner = new FrozenBanner(this);
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_frozenBanner);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    // Nothing in the details can be changed while the version is frozen (the tree stays to move around in).
    connect(m_document, &TemplateDocument::readOnlyChanged, this, [this](bool frozen) {
        m_properties->setEnabled(!frozen);
        m_tree->setDragDropMode(frozen ? QAbstractItemView::NoDragDrop : QAbstractItemView::InternalMove);
        updateTitleAndStatus();
    });

    m_focusOrder = {m_templateList, m_tree, m_properties->textEditor(), m_preview->scrollArea()};

    m_templateStatus = new QLabel(this);
    m_templateStatus->setObjectName(QStringLiteral("templateStatus"));
    m_previewStatus = new QLabel(this);
    m_previewStatus->setObjectName(QStringLiteral("previewStatusBar"));
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_templateStatus, 1);
    // A passing message takes the summary's place for its seconds, never drawn over it.
    connect(statusBar(), &QStatusBar::messageChanged, m_templateStatus,
            [this](const QString &message) { m_templateStatus->setVisible(message.isEmpty()); });
    statusBar()->addPermanentWidget(m_previewStatus);
    connect(m_preview, &PdfPreview::statusChanged, this,
            [this](const QString &status) { m_previewStatus->setText(tr("Preview: %1").arg(status)); });
}

void MainWindow::createActions()
{
    auto makeAction = [this](const QString &objectName, const QString &text, QList<QKeySequence> shortcuts, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        action->setShortcuts(shortcuts);
        if (!shortcuts.isEmpty()) {
            action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                             shortcuts.first().toString(QKeySequence::NativeText)));
        }
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };

    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(makeAction(QStringLiteral("actionNewTemplate"), tr("&New template"),
                               {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N)}, [this] { newTemplate(); }));
    file->addAction(makeAction(QStringLiteral("actionOpen"), tr("&Open template file\u2026"), {QKeySequence::Open},
                               [this] { chooseTemplateFile(); }));
    file->addAction(makeAction(QStringLiteral("actionSave"), tr("&Save"), {QKeySequence::Save}, [this] { save(); }));
    file->addAction(makeAction(QStringLiteral("actionSaveAs"), tr("Save &as\u2026"),
                               {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}, [this] { saveAs(); }));
    file->addAction(makeAction(QStringLiteral("actionSavePdf"), tr("Save the &printed form as PDF\u2026"),
                               {QKeySequence(Qt::CTRL | Qt::Key_E)}, [this] { savePdf(); }));
    file->addAction(makeAction(QStringLiteral("actionPrint"), tr("P&rint the form\u2026"), {QKeySequence::Print},
                               [this] { printForm(); }));
    file->addSeparator();
    m_quitAction = makeAction(QStringLiteral("actionQuit"), tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)},
                              [this] { close(); });
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    QUndoStack *stack = m_document->undoStack();
    QAction *undo = stack->createUndoAction(this, tr("Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = stack->createRedoAction(this, tr("Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    // Ctrl+Y as well, once: some desktops already count it as Redo, and a key given twice is ambiguous (neither fires).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Y));
    redo->setShortcuts(redoKeys);
    for (QAction *action : {undo, redo}) {
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action == undo ? tr("Undo") : tr("Redo"),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
        addAction(action);
    }
    edit->addActions({undo, redo});
    edit->addSeparator();
    m_editActions->addTo(edit);
    for (QAction *action : edit->actions()) {
        if (action != m_editActions->deleteAction()) // the Delete key belongs to the tree alone
            addAction(action);
    }
    connect(m_editActions, &TemplateEditActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_editActions, &TemplateEditActions::added, this, [this] {
        // Straight to the words of what was added, all chosen, so typing replaces them.
        QTextEdit *text = m_properties->textEditor();
        text->setFocus(Qt::OtherFocusReason);
        text->selectAll();
    });
    connect(m_document, &TemplateDocument::editRefused, this, [this](const QString &message) {
        statusBar()->showMessage(tr("That change was not made: %1").arg(message), 8000);
        QTimer::singleShot(0, this, [this] { m_properties->showId(currentId()); }); // the fields as they are
    });
    connect(stack, &QUndoStack::cleanChanged, this, [this] { setWindowModified(m_document->isModified()); });

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    QAction *bigger =
        makeAction(QStringLiteral("actionBiggerText"), tr("&Bigger text"),
                   {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)}, [this] { m_textSize->bigger(); });
    QAction *smaller = makeAction(QStringLiteral("actionSmallerText"), tr("Sma&ller text"), {QKeySequence::ZoomOut},
                                  [this] { m_textSize->smaller(); });
    QAction *normal = makeAction(QStringLiteral("actionNormalText"), tr("&Normal text size"),
                                 {QKeySequence(Qt::CTRL | Qt::Key_0)}, [this] { m_textSize->reset(); });
    auto updateTextActions = [this, bigger, smaller] {
        bigger->setEnabled(m_textSize->canGrow());
        smaller->setEnabled(m_textSize->canShrink());
        statusBar()->showMessage(tr("Text size %1 points").arg(m_textSize->pointSize()), 3000);
    };
    connect(m_textSize, &TextSize::changed, this, updateTextActions);
    connect(m_textSize, &TextSize::changed, this, [this] {
        if (m_editorDocks)
            fitPanelsToText();
    });
    bigger->setEnabled(m_textSize->canGrow());
    smaller->setEnabled(m_textSize->canShrink());
    view->addActions({bigger, smaller, normal});
    QAction *contrast = makeAction(QStringLiteral("actionHighContrast"), tr("&High contrast colours"),
                                   {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)}, [] {});
    contrast->setCheckable(true);
    contrast->setChecked(m_theme->isHighContrast());
    connect(contrast, &QAction::toggled, m_theme, &Theme::setHighContrast);
    view->addAction(contrast);
    view->addSeparator();
    view->addAction(makeAction(QStringLiteral("actionMeetingView"), tr("&Meeting view (big, for a shared screen)"),
                               {QKeySequence(Qt::Key_F11)}, [this] { showMeetingView(); }));
    view->addSeparator();
    const QStringList panelNames = {tr("Go to &templates"), tr("Go to &sections and questions"), tr("Go to &details"),
                                    tr("Go to the &preview")};
    for (int i = 0; i < panelNames.size(); ++i) {
        view->addAction(makeAction(QStringLiteral("actionGoToPanel%1").arg(i + 1), panelNames.at(i),
                                   {QKeySequence(Qt::CTRL | (Qt::Key_1 + i))}, [this, i] {
                                       if (i == 3)
                                           showPreviewPanel();
                                       else
                                           m_focusOrder.at(i)->setFocus(Qt::ShortcutFocusReason);
                                   }));
    }
    view->addAction(makeAction(QStringLiteral("actionNextPanel"), tr("Go to the ne&xt panel"),
                               {QKeySequence(Qt::Key_F6)}, [this] { focusPanel(1); }));
    view->addAction(makeAction(QStringLiteral("actionPreviousPanel"), tr("Go to the p&revious panel"),
                               {QKeySequence(Qt::SHIFT | Qt::Key_F6)}, [this] { focusPanel(-1); }));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(makeAction(QStringLiteral("actionShortcuts"), tr("&Keyboard shortcuts"), {QKeySequence(Qt::Key_F1)},
                               [this] { HelpDialogs::showShortcuts(this); }));
    help->addAction(
        makeAction(QStringLiteral("actionAbout"), tr("&About Coform"), {}, [this] { HelpDialogs::showAbout(this); }));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::showUnfinished(const QString &what, const Problems &problems)
{
    RecoveryOffer::showUnfinished(this, what, problems);
}

void MainWindow::offerRecovery()
{
    if (RecoveryOffer::offer(this, m_document))
        setWindowModified(true);
}

bool MainWindow::newTemplate()
{
    if (!maybeSave())
        return false;
    Template t;
    t.id = QStringLiteral("new-review-form");
    t.title = tr("New review form");
    t.requirementSet = QStringLiteral("chc-national-framework");
    m_document->open(t, TemplateDocument::Origin::File, QString());
    m_properties->showId({});
    statusBar()->showMessage(tr("A new, empty form. Add a section (Ctrl+Shift+N), then questions (Ctrl+N)."), 8000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, tr("Save your changes?"),
        tr("You have changed \u201c%1\u201d. Do you want to save the changes?").arg(m_document->content().title),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    if (!m_document->isOpen())
        return false;
    if (m_document->origin() == TemplateDocument::Origin::Store) {
        // Each change is stored as it is made: nothing to save.
        statusBar()->showMessage(tr("Every change to a shared template is saved as you make it."), 8000);
        return true;
    }
    if (m_document->origin() != TemplateDocument::Origin::File || m_document->path().isEmpty())
        return saveAs();
    return saveTemplateFile(m_document->path());
}

bool MainWindow::saveAs()
{
    if (!m_document->isOpen())
        return false;
    const QString folder = QSettings().value(QStringLiteral("files/lastFolder")).toString();
    const QString suggested = m_document->origin() == TemplateDocument::Origin::File
                                  ? m_document->path()
                                  : QDir(folder).filePath(m_document->content().id + QStringLiteral(".json"));
    const QString path =
        FileDialogs::saveFileName(this, tr("Save the template as"), suggested, tr("Coform templates (*.json)"));
    return !path.isEmpty() && saveTemplateFile(path);
}

bool MainWindow::saveTemplateFile(const QString &path)
{
    QString error;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (path.startsWith(QLatin1Char(':')) || bundledTemplatePaths().contains(path)) {
        QMessageBox::warning(this, tr("The template was not saved"),
                             tr("A template that comes with Coform is never changed: save it as a new file."));
        return false;
    }
    if (!writeTemplateFile(m_document->content(), absolute, &error)) {
        QMessageBox::warning(this, tr("The template was not saved"), error);
        return false;
    }
    QSettings().setValue(QStringLiteral("files/lastFolder"), QFileInfo(absolute).absolutePath());
    if (m_document->origin() == TemplateDocument::Origin::Store) {
        // A copy: the work itself stays shared.
        statusBar()->showMessage(tr("A copy was saved as %1. You are still working on the shared template.")
                                     .arg(QFileInfo(absolute).fileName()),
                                 8000);
        return true;
    }
    m_document->markSaved(absolute);
    updateTitleAndStatus();
    const Template &t = m_document->content();
    m_templateList->addEntry(TemplateDocument::Origin::File, absolute, t.title, t.version);
    m_templateList->selectEntry(TemplateDocument::Origin::File, absolute);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(absolute).fileName()), 5000);
    return true;
}

bool MainWindow::openTemplateFile(const QString &path)
{
    if (!maybeSave()) {
        m_templateList->selectEntry(m_document->origin(), m_document->path());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Problems problems;
    // Leniently: a form saved unfinished opens again, with what is unfinished listed.
    const std::optional<Template> t = readTemplateFileLeniently(absolute, &problems);
    if (!t) {
        auto *dialog = new ProblemsDialog(path, problems, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        // Keep the list showing what is open, not the entry that failed.
        m_templateList->selectEntry(m_document->origin(), m_document->path());
        return false;
    }
    m_document->open(*t, TemplateDocument::Origin::File, absolute);
    if (hasErrors(problems))
        showUnfinished(absolute, problems);
    m_templateList->addEntry(TemplateDocument::Origin::File, absolute, t->title, t->version);
    m_templateList->selectEntry(TemplateDocument::Origin::File, absolute);
    QSettings().setValue(QStringLiteral("files/lastFolder"), QFileInfo(absolute).absolutePath());
    return true;
}

bool MainWindow::openBundledTemplate(const QString &path)
{
    if (!maybeSave()) {
        m_templateList->selectEntry(m_document->origin(), m_document->path());
        return false;
    }
    Problems problems;
    const std::optional<Template> t = readTemplateFile(path, &problems);
    if (!t) {
        auto *dialog = new ProblemsDialog(path, problems, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return false;
    }
    m_document->open(*t, TemplateDocument::Origin::Bundled, path);
    m_templateList->selectEntry(TemplateDocument::Origin::Bundled, path);
    return true;
}

bool MainWindow::selectId(const QString &id)
{
    const QModelIndex index = m_treeModel->indexForId(id);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void MainWindow::chooseTemplateFile()
{
    const QString folder = QSettings().value(QStringLiteral("files/lastFolder")).toString();
    const QString path = FileDialogs::openFileName(this, tr("Open a template file"), folder,
                                                   tr("Coform templates (*.json);;All files (*)"));
    if (!path.isEmpty())
        openTemplateFile(path);
}

void MainWindow::onTemplateReplaced()
{
    if (!m_keptId.isEmpty()) {
        m_keptId.clear();
        emit currentIdChanged(QString());
    }
    m_tree->expandAll();
    updateTitleAndStatus();
    setWindowModified(false);
}

QString MainWindow::whereWorkLives() const
{
    const Template &t = m_document->content();
    switch (m_document->origin()) {
    case TemplateDocument::Origin::Store:
        return tr("Shared: %1 of %2")
            .arg(m_sharedVersion.isEmpty() ? tr("version %1").arg(t.version) : m_sharedVersion, t.title);
    case TemplateDocument::Origin::File:
        return m_document->path().isEmpty() ? tr("New form, not saved yet: %1").arg(t.title)
                                            : tr("File: %1").arg(QFileInfo(m_document->path()).fileName());
    case TemplateDocument::Origin::Bundled:
        return tr("Comes with Coform: %1").arg(t.title);
    case TemplateDocument::Origin::None:
        break;
    }
    return {};
}

void MainWindow::setSharedVersion(const QString &words)
{
    m_sharedVersion = words;
    updateTitleAndStatus();
}

FrozenBanner *MainWindow::frozenBanner() const
{
    return m_frozenBanner;
}

void MainWindow::updateTitleAndStatus()
{
    if (!m_document->isOpen()) {
        setWindowTitle(tr("Coform"));
        m_templateStatus->setText(tr("No form is open"));
        return;
    }
    const Template &t = m_document->content();
    setWindowTitle(tr("%1[*] \u2013 Coform").arg(whereWorkLives()));
    int questions = 0;
    for (const Item *item : t.allItems())
        questions += itemTypeIsAnswerable(item->type) ? 1 : 0;
    m_templateStatus->setText(tr("%1: %2, %3")
                                  .arg(whereWorkLives())
                                  .arg(TemplateWords::count(t.sections.size(), tr("section"), tr("sections")))
                                  .arg(TemplateWords::count(questions, tr("question"), tr("questions"))));
}

QString MainWindow::currentId() const
{
    return m_tree->currentIndex().data(TemplateTreeModel::IdRole).toString();
}

void MainWindow::onCurrentTreeIndexChanged()
{
    const QString id = currentId();
    const bool changed = id != m_keptId;
    m_keptId = id;
    m_properties->showId(id);
    if (changed)
        emit currentIdChanged(id);
}

void MainWindow::printForm()
{
    if (m_document->isOpen())
        FormOutput::print(this, m_document->content(), m_preview->options());
}

void MainWindow::savePdf()
{
    FormOutput::savePdf(this, m_document->content().id, m_preview->pdf());
}

void MainWindow::setCommentsProvider(std::function<QStringList(const QString &itemId)> provider)
{
    m_commentsProvider = std::move(provider);
    if (m_meetingView)
        m_meetingView->setCommentsProvider(m_commentsProvider);
}

void MainWindow::refreshMeetingView()
{
    if (m_meetingView && m_meetingView->isVisible())
        m_meetingView->setCommentsProvider(m_commentsProvider);
}

void MainWindow::showMeetingView()
{
    if (!m_meetingView) {
        m_meetingView = new MeetingView(m_document, this);
        m_meetingView->setCommentsProvider(m_commentsProvider);
        // Moving through the questions there chooses them here too, so the details follow.
        connect(m_meetingView, &MeetingView::currentChanged, this, [this](const QString &id) { selectId(id); });
    }
    m_meetingView->showId(m_tree->currentIndex().data(TemplateTreeModel::IdRole).toString());
    m_meetingView->show();
    m_meetingView->raise();
    m_meetingView->activateWindow();
}

} // namespace coform
