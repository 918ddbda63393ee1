// Names the clear button Qt puts in a line edit, for people and for screen readers.
#pragma once

#include <QString>

class QLineEdit;

namespace coform {

// Turns on the line edit's clear button and gives it words: its tooltip, its action's text and
// its accessible name (Qt makes the button without any).
void enableNamedClearButton(QLineEdit *edit, const QString &words);

} // namespace coform
