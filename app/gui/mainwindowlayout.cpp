// The main window's layout: where its panels sit, remembered between sessions, and moving between them by key.
#include "common/textsize.h"
#include "editor/editordocks.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTimer>

#include <algorithm>

namespace coform {

void MainWindow::focusPanel(int step)
{
    int current = -1;
    for (int i = 0; i < m_focusOrder.size(); ++i) {
        QWidget *w = QApplication::focusWidget();
        if (w && (w == m_focusOrder.at(i) || m_focusOrder.at(i)->isAncestorOf(w)))
            current = i;
    }
    const int count = int(m_focusOrder.size());
    const int next = current < 0 ? (step > 0 ? 0 : count - 1) : (current + step + count) % count;
    m_focusOrder.at(next)->setFocus(Qt::TabFocusReason);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 900);
        resize(std::min(1280, available.width()), std::min(880, available.height()));
    }
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray())) {
        const int width = this->width();
        m_splitter->setSizes({width * 26 / 100, width * 33 / 100, width * 41 / 100});
    }
    if (!m_leftSplitter->restoreState(settings.value(QStringLiteral("window/leftSplitter")).toByteArray()))
        m_leftSplitter->setSizes({height() / 5, height() * 4 / 5});
    const bool remembered = restoreState(settings.value(QStringLiteral("window/docks")).toByteArray(), kDockLayout);
    if (!remembered) // a layout the person left is theirs (it was fitted when they last changed the text size)
        fitPanelsToText();
}

void MainWindow::fitPanelsToText()
{
    // The column of panels on the right (coverage, undo history and the shared-work panels) and the three main
    // panels share the width. With large text there is not room for four columns of words on a laptop screen: the
    // printed-form preview folds away (Ctrl+4 opens it again) and the details get the room, so that their words wrap
    // instead of running out of sight.
    if (!isVisible())
        m_fitWhenShown = true; // the docks' widths hold only once the window is laid out: again when it is shown
    const bool large = m_textSize->pointSize() >= kLargeTextPoints;
    const int width = this->width();
    resizeDocks({m_editorDocks->coverageDock()}, {width * (large ? 32 : 34) / 100}, Qt::Horizontal);
    const int central = std::max(width * (large ? 68 : 66) / 100, 300);
    m_previewStatus->setVisible(!large); // "Preview: 29 pages" says nothing while the preview is folded away
    if (large)
        m_splitter->setSizes({central * 32 / 100, central * 68 / 100, 0});
    else
        m_splitter->setSizes({central * 27 / 100, central * 36 / 100, central * 37 / 100});
}

void MainWindow::setFrontDock(QDockWidget *dock)
{
    m_frontDock = dock;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_fitWhenShown) {
        m_fitWhenShown = false;
        QTimer::singleShot(0, this, [this] {
            fitPanelsToText();
            // A first look at the column: the history of a shared template, else the requirement coverage (a tab
            // raised before the window is shown does not stay in front).
            (m_frontDock ? m_frontDock.data() : m_editorDocks->coverageDock())->raise();
        });
    }
}

void MainWindow::showPreviewPanel()
{
    QList<int> sizes = m_splitter->sizes();
    if (sizes.value(2) == 0) { // folded away with large text: open it beside the details, taking from both
        const int total = sizes.value(0) + sizes.value(1);
        m_splitter->setSizes({total * 25 / 100, total * 35 / 100, total * 40 / 100});
        m_previewStatus->show();
    }
    m_focusOrder.at(3)->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/leftSplitter"), m_leftSplitter->saveState());
    settings.setValue(QStringLiteral("window/docks"), saveState(kDockLayout)); // which panels are open, and where
}

} // namespace coform
