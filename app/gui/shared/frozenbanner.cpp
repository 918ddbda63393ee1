#include "shared/frozenbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace coform {

FrozenBanner::FrozenBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("frozenBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    m_text->setObjectName(QStringLiteral("frozenReason"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("frozenAction"));
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    setAccessibleName(tr("This version cannot change"));
    hide();
}

void FrozenBanner::showFrozen(const QString &reason, const QString &actionText, std::function<void()> action)
{
    m_text->setText(reason);
    m_text->setAccessibleName(reason);
    m_action->setText(actionText);
    m_action->setAccessibleName(QString(actionText).remove(QLatin1Char('&')));
    m_action->setVisible(!actionText.isEmpty());
    m_run = std::move(action);
    show();
}

void FrozenBanner::clear()
{
    m_run = nullptr;
    hide();
}

QString FrozenBanner::reason() const
{
    return isVisible() || !isHidden() ? m_text->text() : QString();
}

} // namespace coform
