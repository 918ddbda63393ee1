#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace coform {

/// A strip across the top of the window while the open version cannot change (proposed, published, retired): why,
/// in words, and the one action that makes sense ("Withdraw the proposal", "Start a new draft"). Hidden otherwise.
class FrozenBanner : public QFrame
{
    Q_OBJECT

public:
    explicit FrozenBanner(QWidget *parent = nullptr);

    /// Shows the reason and a button that runs `action`; an empty action text shows no button.
    void showFrozen(const QString &reason, const QString &actionText, std::function<void()> action);
    void clear();
    QString reason() const;

private:
    QLabel *m_text;
    QPushButton *m_action;
    std::function<void()> m_run;
};

} // namespace coform
