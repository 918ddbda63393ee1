#pragma once

#include "model/problem.h"

#include <QString>

class QMainWindow;

namespace coform {

class TemplateDocument;

/// After a crash: offers the changes DraftRecovery kept (recover, throw away, not now), and lists what is unfinished
/// in a form that opened with problems (a recovered copy, a file saved half-written).
class RecoveryOffer
{
public:
    /// Asks about the newest copy left behind; true when it was recovered into `document`.
    static bool offer(QMainWindow *window, TemplateDocument *document);
    /// A problems dialog (not waiting for it) listing `problems`, if any: the form is open all the same.
    static void showUnfinished(QMainWindow *window, const QString &what, const Problems &problems);
};

} // namespace coform
