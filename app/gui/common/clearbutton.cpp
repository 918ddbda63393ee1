#include "common/clearbutton.h"

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

namespace coform {

void enableNamedClearButton(QLineEdit *edit, const QString &words)
{
    edit->setClearButtonEnabled(true);
    if (auto *clear = edit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction"))) {
        clear->setText(words);
        clear->setToolTip(words);
    }
    for (QToolButton *button : edit->findChildren<QToolButton *>())
        button->setAccessibleName(words);
}

} // namespace coform
