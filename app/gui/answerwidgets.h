#pragma once

#include "model/template.h"

#include <QJsonValue>
#include <QString>

#include <functional>

class QLabel;
class QVBoxLayout;
class QWidget;

namespace coform {

/// The editor a review form shows for one question, built to fit the question's kind (text, choice, date, table,
/// signature...). The form owns the block and the question's label; the editor adds its widgets to the block's layout.
///
/// Editors are found by object name: "item-ID" (or "item-ID-VALUE" for a choice's buttons and tick boxes,
/// "item-ID-yes"/"item-ID-no", "item-ID-add"/"item-ID-remove" for table rows, "item-ID-name"/"item-ID-date" for a
/// signature).
class AnswerWidgets
{
public:
    /// What the form needs from the editor it builds.
    struct Context
    {
        const Item &item;
        QWidget *block = nullptr;            ///< the question's block; owns the editor's connections
        QVBoxLayout *layout = nullptr;       ///< the block's layout, the question's label and help already in it
        QLabel *label = nullptr;             ///< the question's label (its text is the editor's accessible name)
        int number = 0;                      ///< the question's number as shown
        std::function<void()> changed = {};  ///< the editor's content changed
        std::function<void()> finished = {}; ///< typing is finished (focus left, Enter)
        std::function<void(QWidget *)> accessible = {}; ///< names a widget as the question
    };

    struct Editor
    {
        std::function<QJsonValue()> read; ///< the editor's value; undefined when it holds something unusable
        std::function<void(const QJsonValue &)> show;
    };

    /// Builds the editor for `ctx.item` (nothing for an information item).
    static Editor build(const Context &ctx);
};

} // namespace coform
