#include "common/panelframe.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

namespace coform {

QWidget *PanelFrame::make(QWidget *parent, const QString &objectName, const QString &heading, QWidget *content,
                          QWidget *buddy)
{
    auto *panel = new QWidget(parent);
    panel->setObjectName(objectName);
    auto *label = new QLabel(heading, panel);
    label->setObjectName(objectName + QStringLiteral("Heading"));
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setBuddy(buddy);
    label->setWordWrap(true);
    // With big text the panels' contents ask for more room than a screen has: each panel can be narrower than its
    // contents (they scroll or wrap), so the window always fits the screen.
    panel->setMinimumSize(120, 120);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return panel;
}

} // namespace coform
