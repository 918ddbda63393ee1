#pragma once

class QWidget;

namespace coform {

/// The Help menu's dialogs.
class HelpDialogs
{
public:
    /// Every shortcut of `window`'s actions, one a line.
    static void showShortcuts(QWidget *window);
    static void showAbout(QWidget *window);
};

} // namespace coform
