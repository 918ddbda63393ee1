#pragma once

#include "model/requirementset.h"
#include "model/template.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace coform {

class TemplateDocument;

/// Which framework requirements of the open template's requirement set are covered, and by which questions: one row
/// a requirement with the questions under it ("questions 3, 7-9"), the ones no question covers first, in bold, with a
/// warning icon and the words "Not covered" (never told by colour alone), and a summary ("15 of 18 requirements
/// covered"). It follows the document as it is edited, undone and replaced. Activating a question (Enter or a
/// double click) asks for it to be chosen in the tree (questionActivated). The requirement chosen shows where the
/// last published version covered it, when a provider of that version is set (a shared template); otherwise it says
/// in words why there is nothing to compare with.
class CoveragePanel : public QWidget
{
    Q_OBJECT

public:
    /// Gives the last published version of the open template; std::nullopt when it was never published.
    using PublishedProvider = std::function<std::optional<Template>()>;

    explicit CoveragePanel(TemplateDocument *document, QWidget *parent = nullptr);
    ~CoveragePanel() override;

    /// Sets (or with an empty function removes) where the last published version comes from; it is asked again
    /// whenever another template is opened.
    void setPublishedProvider(PublishedProvider provider);

    /// The summary shown above the list ("15 of 18 requirements covered").
    QString summaryText() const;
    /// What is said about the chosen requirement in the last published version.
    QString publishedText() const;
    /// Chooses the row of a requirement; false when it is not listed.
    bool selectRequirement(const QString &requirementId);
    /// The requirements and the questions that cover them (object name "coverageList").
    QTreeWidget *list() const { return m_list; }

signals:
    /// A question (or information text) under a requirement was activated: choose it in the tree.
    void questionActivated(const QString &itemId);

private:
    /// One requirement as the list shows it.
    struct Row
    {
        QString requirementId;
        QString requirement; ///< "FR-CONSENT: Consent"
        QString mustContain;
        QString coveredBy; ///< "questions 3, 7-9" or "Not covered"
        bool covered = false;
        QStringList itemIds;
        QStringList itemTexts; ///< "Question 3: What kind of review is this?"
        bool operator==(const Row &) const = default;
    };

    void reloadRequirementSet();
    void reloadPublished();
    void refresh();
    void showPublished();
    QString currentRequirementId() const;

    TemplateDocument *m_document;
    PublishedProvider m_provider;
    std::optional<RequirementSet> m_set;
    std::optional<Template> m_published;
    QVector<Row> m_rows; ///< what the list shows now (to leave it alone when nothing it shows changed)

    QLabel *m_summary;
    QLabel *m_translationState = nullptr; ///< each translation: texts missing, texts out of date
    QTreeWidget *m_list;
    QLabel *m_publishedHeading;
    QLabel *m_publishedText;
};

} // namespace coform
