#pragma once

#include <QSize>

class QBoxLayout;
class QVBoxLayout;
class QWidget;

namespace coform {

/// The words and lists of a dialog in one area that scrolls as a whole when the text is large or the screen short
/// (the Tab key scrolls to what it reaches), put into `outer`; returns the layout to fill. The buttons go into
/// `outer` after it and always show.
QVBoxLayout *scrolledBody(QWidget *dialog, QBoxLayout *outer);

/// Resizes a window to `preferred`, or to what the screen it is on has room for when that is less.
void fitToScreen(QWidget *window, QSize preferred);

} // namespace coform
