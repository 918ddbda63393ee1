#pragma once

#include "model/template.h"
#include "model/ukdate.h"

#include <QDate>

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
        std::function<QDate()> today = {};              ///< what date boxes measure ranges from
    };

    struct Editor
    {
        std::function<QJsonValue()> read; ///< the editor's value; undefined when it holds something unusable
        std::function<void(const QJsonValue &)> show;
        /// Why what the editor holds cannot be saved, in words (the editor shows it beside itself); empty when it can.
        std::function<QString()> problem = {};
    };

    /// Builds the editor for `ctx.item` (nothing for an information item).
    static Editor build(const Context &ctx);
    /// How a date question's answers are read: a date of birth (its id or format says so), a review's own date
    /// (review-date, next-review-date), or any other date.
    static UkDate::Purpose datePurpose(const Item &item);
};

} // namespace coform
