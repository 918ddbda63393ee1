#pragma once

#include "format/filledpdfreader.h"
#include "model/answers.h"
#include "model/template.h"
#include "store/personstore.h"
#include "store/reviewstore.h"

#include "pdf/renderer.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace coform {

class AnswerAutosaver;
class CompletionPanel;
class SaveStatusLabel;
class Database;
class IdentityPrefill;
class PreviousReview;

/// A review's form, generated from the exact template version the review was made with: a section list, a fitting
/// editor for every item type, showIf applied as answers change, problems shown beside their question in words,
/// progress ("14 of 60 answered"), the person's communication needs at the top. Every valid answer is saved within
/// two seconds (AnswerAutosaver). Complete, reopen (with a reason) and save as PDF or HTML.
///
/// Editors are found by object name: "item-ID" (or "item-ID-VALUE" for a choice's buttons and tick boxes,
/// "item-ID-yes"/"item-ID-no", "item-ID-add"/"item-ID-remove" for table rows, "item-ID-name"/"item-ID-date" for a
/// signature); each question's problem label is "error-ID" and its whole block "field-ID".
class ReviewForm : public QWidget
{
    Q_OBJECT
public:
    ReviewForm(Database &db, const Session &session, qint64 reviewId, QWidget *parent = nullptr);
    ~ReviewForm() override;

    /// False when the review could not be opened (loadError() says why; the form then shows only that).
    bool isLoaded() const { return m_loaded; }
    const QString &loadError() const { return m_loadError; }
    qint64 reviewId() const { return m_reviewId; }
    const Answers &answers() const { return m_answers; }
    /// "14 of 60 answered"
    QString progressText() const;

    /// Saves what is unsaved now (also done on a timer and when the form closes).
    bool saveNow();
    /// Completes the review (the Complete button first says what completing means and asks); on refusal the problems
    /// are shown beside their questions and in a panel beside the form, each a link to its question, and returned.
    bool complete(QStringList *problems = nullptr);
    bool reopen(const QString &reason, QString *error = nullptr);
    /// Writes the filled review (in the person's format unless `profile` is given) and records the export.
    bool exportTo(const QString &path, bool html, QString *error, std::optional<PrintProfile> profile = std::nullopt);
    /// "Question 17 is not saved: the email address needs an @" for each answer typed but refused (first question
    /// first); empty when everything typed is saved or on its way.
    QStringList unsavedAnswers() const;
    /// Before the form closes: true when nothing typed would be lost. Otherwise it says which answers are not saved
    /// and why, and asks; "Go back" (the default, and Escape) goes to the first of them and answers false.
    bool mayClose();

    /// Reads the answers filled into a fillable PDF form of this review's template version (format/filledpdfreader.h,
    /// in the import worker process). False with the refusal or every problem, in words, in `error`.
    bool readAnswersFromPdf(const QString &path, QVector<ProposedAnswer> *answers, QString *error);
    /// Saves answers read from a PDF (audited as such) and shows them in the form.
    bool acceptAnswersFromPdf(const QMap<QString, QJsonValue> &answers, QString *error);
    /// Review > Import answers from PDF: chooses a file, shows the proposed answers to tick, saves the ticked ones.
    void chooseAndImportPdf();

signals:
    void answersSaved();
    void statusChanged();

private:
    struct Field
    {
        const Item *item = nullptr;
        QWidget *block = nullptr;
        QLabel *error = nullptr;
        std::function<QJsonValue()> read; ///< the editor's value; undefined when it holds something unusable
        std::function<void(const QJsonValue &)> show;
        std::function<QString()> problem; ///< why the editor's content cannot be read (shown by the editor itself)
        QString pendingProblem;           ///< why the editor's content cannot be saved
    };

    void build();
    QWidget *buildSection(const Section &section);
    Field buildField(const Item &item);
    void edited(const QString &itemId, bool finished);
    void applyShowIf();
    void updateProgress();
    void updateLock();
    void showProblem(const QString &itemId, const QString &problem);
    void updateSaveStatus();
    void askAndComplete();
    void showCompletionProblems();
    void goToQuestion(const QString &itemId);
    void chooseAndExport(bool html);
    void askAndReopen();
    // Hooks for the person's record and the last review (identityprefill.h, previousreview.h).
    QWidget *decorateField(const Item &item, const Field &field);
    void answerShown(const QString &itemId, bool finished);
    void copyAnswer(const QString &itemId, const QJsonValue &value);

    Database &m_db;
    Session m_session;
    qint64 m_reviewId;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<AnswerAutosaver> m_saver;
    IdentityPrefill *m_identity = nullptr;
    std::unique_ptr<PreviousReview> m_previous;
    ReviewRecord m_review;
    Template m_template;
    PersonRecord m_person;
    Answers m_answers;
    bool m_loaded = false;
    bool m_loading = false;
    QString m_loadError;
    QHash<QString, Field> m_fields;
    QHash<QString, int> m_sectionRows;
    QListWidget *m_sectionList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_progress = nullptr;
    SaveStatusLabel *m_saveStatus = nullptr;
    QLabel *m_lockStatus = nullptr;
    CompletionPanel *m_completionPanel = nullptr;
    QDateTime m_lastSaved;
    QString m_saveFailure;
    QPushButton *m_completeButton = nullptr;
    QPushButton *m_reopenButton = nullptr;
};

} // namespace coform
