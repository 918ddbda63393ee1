#include "common/scrolledbody.h"

#include <QApplication>
#include <QFrame>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWidget>

namespace coform {

QVBoxLayout *scrolledBody(QWidget *dialog, QBoxLayout *outer)
{
    auto *area = new QScrollArea(dialog);
    area->setObjectName(QStringLiteral("scrolledBody"));
    area->setAccessibleName(dialog->accessibleName());
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // words wrap instead
    area->setFocusPolicy(Qt::NoFocus);
    auto *body = new QWidget(area);
    body->setObjectName(QStringLiteral("scrolledBodyContent"));
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    area->setWidget(body);
    outer->addWidget(area, 1);
    return layout;
}

void fitToScreen(QWidget *window, QSize preferred)
{
    const QScreen *screen = window->screen() ? window->screen() : QApplication::primaryScreen();
    if (screen) {
        const QSize room = screen->availableGeometry().size() - QSize(24, 48); // the window's frame and title
        preferred = preferred.boundedTo(room);
    }
    window->resize(preferred);
}

} // namespace coform
