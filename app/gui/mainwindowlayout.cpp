// The main window's layout: where its panels sit, remembered between sessions, and moving between them by key.
#include "editordocks.h"
#include "mainwindow.h"

#include <QApplication>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

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
    // The panels along the bottom take a quarter of the height at first, however big the text.
    resizeDocks({m_editorDocks->coverageDock()}, {height() / 4}, Qt::Vertical);
    restoreState(settings.value(QStringLiteral("window/docks")).toByteArray());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/leftSplitter"), m_leftSplitter->saveState());
    settings.setValue(QStringLiteral("window/docks"), saveState()); // which panels are open, and where
}

} // namespace coform
