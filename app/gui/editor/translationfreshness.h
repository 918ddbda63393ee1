#pragma once

#include "edit/edit.h"
#include "model/template.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace coform {

class TemplateDocument;

/// Keeping translations in step with the source wording (model/translationstamps.h) as people edit.
namespace TranslationFreshness {

/// A translated text typed in: the text and, when it has words, a stamp of the source wording now, as one step.
Edit typedTranslation(const Template &t, const QString &sectionId, const QString &itemId, const QString &language,
                      const QString &property, const QString &text);
/// Before the source wording of `property` changes: stamps the translations of it that have words and no stamp yet
/// (from a file made before stamps), so that the change marks them out of date. std::nullopt when none needs one.
std::optional<Edit> stampBeforeSourceChange(const Template &t, const QString &sectionId, const QString &itemId,
                                            const QString &property);
/// `change` (a source text typed) with the stamps stampBeforeSourceChange() gives before it, as one step;
/// std::nullopt when no translation needs a stamp.
std::optional<Edit> withStampsFirst(const Template &t, const Edit &change);
/// "Still right": every out-of-date text of the target (all languages) gets a stamp of the source now, one step;
/// std::nullopt when none is out of date.
std::optional<Edit> stillRight(const Template &t, const QString &sectionId, const QString &itemId);
/// The out-of-date texts of the target as "language|property".
QSet<QString> outOfDateKeys(const Template &t, const QString &sectionId, const QString &itemId);

} // namespace TranslationFreshness

/// Under the details panel's translation table: "1 Welsh text is out of date: the English changed after it was
/// translated." and a "Welsh still right" button (one undoable step). Hidden when nothing is out of date.
class StaleTranslationsBar : public QWidget
{
    Q_OBJECT
public:
    StaleTranslationsBar(TemplateDocument *document, QWidget *parent = nullptr);

    /// Shows the state of the section or item (both empty: the whole form); returns the out-of-date keys.
    QSet<QString> showTarget(const QString &sectionId, const QString &itemId);

private:
    TemplateDocument *m_document;
    QLabel *m_words;
    QPushButton *m_stillRight;
    QString m_sectionId;
    QString m_itemId;
};

} // namespace coform
