#include "reviews/savestatuslabel.h"

namespace coform {

SaveStatusLabel::SaveStatusLabel(QWidget *parent)
    : QLabel(tr("Answers are saved as you go"), parent)
{
    setObjectName(QStringLiteral("saveStatus"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("All answers saved at 00:00:00")) + 8);
}

void SaveStatusLabel::showState(const QStringList &unsaved, const QString &failure, bool saving,
                                const QDateTime &lastSaved)
{
    QString text;
    if (!failure.isEmpty())
        text = tr("Not saved: %1").arg(failure);
    else if (unsaved.size() == 1)
        text = unsaved.first();
    else if (unsaved.size() > 1)
        text = tr("%1 (and %n more question(s) not saved)", nullptr, int(unsaved.size() - 1)).arg(unsaved.first());
    else if (saving)
        text = tr("Saving…");
    else if (lastSaved.isValid())
        text = tr("All answers saved at %1").arg(lastSaved.time().toString(QStringLiteral("HH:mm:ss")));
    else
        text = tr("Answers are saved as you go");
    setText(text);
    setStyleSheet(unsaved.isEmpty() && failure.isEmpty() ? QString()
                                                         : QStringLiteral("color: #a00000; font-weight: bold"));
}

} // namespace coform
