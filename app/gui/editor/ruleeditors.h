#pragma once

#include "model/requirementset.h"
#include "model/template.h"

#include <QJsonValue>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace coform {

/// "When it is asked": always, or only when the answer to an earlier question is a given value. The person picks the
/// question from the ones before (yes/no, single and multiple choice, scales) and then one of its answers; a
/// condition read from a file that names several values is kept until changed. Reports the new `showIf` as its JSON
/// value (null for "always").
class ShowIfEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ShowIfEditor(QWidget *parent = nullptr);

    /// Shows the condition of the section or item `ownId` of `t`.
    void setTarget(const Template &t, const QString &ownId, const std::optional<ShowIf> &showIf);
    QComboBox *questionBox() const { return m_question; }
    QComboBox *answerBox() const { return m_answer; }

signals:
    void showIfEdited(const QJsonValue &showIf);

private:
    void fillAnswers(const Item *item);
    void emitChange();

    QComboBox *m_question;
    QComboBox *m_answer;
    QLabel *m_words;
    Template m_template;
    std::optional<ShowIf> m_showIf;
    bool m_filling = false;
};

/// The numbers a number question allows (at least, at most) and its unit. Empty boxes mean no limit, no unit.
/// Reports each change as (property, JSON value) when a box is left or Enter is pressed.
class NumberRangeEditor : public QWidget
{
    Q_OBJECT

public:
    explicit NumberRangeEditor(QWidget *parent = nullptr);

    void setItem(const Item &item);
    QLineEdit *minBox() const { return m_min; }
    QLineEdit *maxBox() const { return m_max; }
    QLineEdit *unitBox() const { return m_unit; }

signals:
    void propertyEdited(const QString &property, const QJsonValue &value);

private:
    void finished(QLineEdit *box, const QString &property);

    QLineEdit *m_min;
    QLineEdit *m_max;
    QLineEdit *m_unit;
    Item m_item;
};

/// The requirements of the template's requirement set as a list to tick: the ones an item helps meet. Space ticks;
/// each requirement's full text is its tooltip. Ids that are not in the set stay ticked (and say so).
class RequirementPicker : public QWidget
{
    Q_OBJECT

public:
    explicit RequirementPicker(QWidget *parent = nullptr);

    void setRequirements(const std::optional<RequirementSet> &set, const QStringList &chosen);
    QListWidget *list() const { return m_list; }

signals:
    void requirementsEdited(const QStringList &ids);

private:
    QListWidget *m_list;
    bool m_filling = false;
};

/// The text formats a text answer can be checked as, for a combo box: (words, JSON value).
QVector<QPair<QString, QString>> textFormatChoices();

} // namespace coform
