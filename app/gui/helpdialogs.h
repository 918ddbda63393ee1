#pragma once

class QWidget;

namespace coform {

/// The Help menu's dialogs.
class HelpDialogs
{
public:
    /// Every shortcut of `window`'s menus and actions, keys and what they do, in a list that scrolls.
    static void showShortcuts(QWidget *window);
    static void showAbout(QWidget *window);
};

} // namespace coform
