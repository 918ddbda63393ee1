#include "reviews/reviewform.h"

#include "editor/picturepixmap.h"
#include "preview/printstyledialog.h"
#include "reviews/answerwidgets.h"
#include "reviews/completionpanel.h"
#include "reviews/identityprefill.h"
#include "reviews/pdfanswersdialog.h"
#include "reviews/previousreview.h"
#include "reviews/savestatuslabel.h"
#include "shared/sessionlock.h"

#include "check/answervalidation.h"
#include "format/importer.h"
#include "format/templateformat.h"
#include "model/nhsnumber.h"
#include "output/reviewoutput.h"
#include "store/answerautosaver.h"
#include "store/auditlog.h"
#include "store/database.h"

#include "common/filedialogs.h"
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTime>
#include <QVBoxLayout>

namespace coform {

namespace {

bool isAnswered(const QJsonValue &v)
{
    return !(v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())
             || (v.isArray() && v.toArray().isEmpty()));
}

} // namespace

ReviewForm::ReviewForm(Database &db, const Session &session, qint64 reviewId, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_session(session)
    , m_reviewId(reviewId)
    , m_store(std::make_unique<ReviewStore>(db, session))
{
    setObjectName(QStringLiteral("reviewForm"));
    const Result<ReviewRecord> review = m_store->open(reviewId);
    Result<Template> t = review.ok() ? m_store->templateOf(*review) : Result<Template>(review.outcome());
    Result<PersonRecord> person =
        review.ok() ? m_store->person(review->personId) : Result<PersonRecord>(review.outcome());
    if (!review.ok() || !t.ok() || !person.ok()) {
        m_loadError = !review.ok() ? review.message() : !t.ok() ? t.message() : person.message();
        auto *layout = new QVBoxLayout(this);
        auto *label = new QLabel(m_loadError);
        label->setObjectName(QStringLiteral("loadError"));
        label->setWordWrap(true);
        layout->addWidget(label);
        return;
    }
    m_review = review.value();
    m_template = t.value();
    m_person = person.value();
    m_answers = m_review.answers;
    m_loaded = true;
    m_saver = std::make_unique<AnswerAutosaver>(*m_store, reviewId);
    connect(m_saver.get(), &AnswerAutosaver::saved, this, [this] {
        m_lastSaved = QDateTime::currentDateTime();
        m_saveFailure.clear();
        updateSaveStatus();
        if (m_completionPanel && m_completionPanel->isVisible())
            showCompletionProblems(); // what is still to do, not what was when Complete was pressed
        emit answersSaved();
    });
    connect(m_saver.get(), &AnswerAutosaver::saveFailed, this, [this](const QString &message) {
        m_saveFailure = message;
        updateSaveStatus();
    });
    m_identity = new IdentityPrefill(db, session, *m_store, reviewId, m_person, m_review.recordDifferences, this);
    m_previous = PreviousReview::find(*m_store, m_review);
    build();
}

ReviewForm::~ReviewForm()
{
    // Save what is unsaved while everything is still whole, without updating labels that are going away.
    if (m_saver) {
        m_saver->disconnect(this);
        m_saver->flush();
    }
    // The editors go first, while their fields are whole: a box losing focus on the way out is no edit.
    m_loading = true;
    qDeleteAll(findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
}

void ReviewForm::build()
{
    auto *layout = new QVBoxLayout(this);
    const QString nhs = NhsNumber::formatted(m_person.person.nhsNumber);
    auto *banner = new QLabel;
    banner->setObjectName(QStringLiteral("personBanner"));
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText);
    QStringList lines;
    lines << tr("%1, NHS number %2, born %3")
                 .arg(m_person.person.name, nhs.isEmpty() ? tr("not recorded") : nhs,
                      QLocale().toString(m_person.person.dateOfBirth, QLocale::LongFormat));
    lines << tr("Communication needs: %1")
                 .arg(m_person.communicationNeeds.isEmpty() ? tr("none recorded") : m_person.communicationNeeds);
    lines << tr("Preferred format: %1").arg(PrintStyleDialog::formatName(m_person.preferredFormat));
    if (!m_person.representativeName.isEmpty())
        lines << tr("Representative: %1 (%2)").arg(m_person.representativeName, m_person.representativeContact);
    banner->setText(lines.join(QLatin1Char('\n')));
    banner->setAccessibleName(tr("About the person"));
    layout->addWidget(banner);
    connect(m_identity, &IdentityPrefill::recordUpdated, banner, [banner](const PersonRecord &person) {
        const QString nhs = NhsNumber::formatted(person.person.nhsNumber);
        QStringList lines = banner->text().split(QLatin1Char('\n'));
        lines[0] =
            tr("%1, NHS number %2, born %3")
                .arg(person.person.name, nhs, QLocale().toString(person.person.dateOfBirth, QLocale::LongFormat));
        banner->setText(lines.join(QLatin1Char('\n')));
    });
    if (m_previous)
        layout->addWidget(m_previous->summaryBar());

    auto *status = new QHBoxLayout;
    m_progress = new QLabel;
    m_progress->setObjectName(QStringLiteral("progress"));
    m_saveStatus = new SaveStatusLabel;
    m_lockStatus = new QLabel;
    m_lockStatus->setObjectName(QStringLiteral("lockStatus"));
    status->addWidget(m_progress);
    status->addStretch();
    status->addWidget(m_lockStatus);
    status->addWidget(m_saveStatus);
    layout->addLayout(status);

    auto *splitter = new QSplitter;
    m_sectionList = new QListWidget;
    m_sectionList->setObjectName(QStringLiteral("sectionList"));
    m_sectionList->setAccessibleName(tr("Sections"));
    m_pages = new QStackedWidget;
    for (const Section &section : m_template.sections) {
        m_sectionRows.insert(section.id, m_sectionList->count());
        m_sectionList->addItem(section.title);
        m_pages->addWidget(buildSection(section));
    }
    connect(m_sectionList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sectionList->setCurrentRow(0);
    splitter->addWidget(m_sectionList);
    splitter->addWidget(m_pages);
    // What stops completing sits beside the form, so the form keeps its height.
    m_completionPanel = new CompletionPanel;
    m_completionPanel->setMaximumWidth(340);
    connect(m_completionPanel, &CompletionPanel::goToQuestion, this, &ReviewForm::goToQuestion);
    splitter->addWidget(m_completionPanel);
    splitter->setStretchFactor(1, 3);
    splitter->setCollapsible(1, false);
    layout->addWidget(splitter, 1);

    auto *buttons = new QHBoxLayout;
    m_completeButton = new QPushButton(tr("&Complete review"));
    m_completeButton->setObjectName(QStringLiteral("completeButton"));
    m_reopenButton = new QPushButton(tr("Re&open…"));
    m_reopenButton->setObjectName(QStringLiteral("reopenButton"));
    auto *pdf = new QPushButton(tr("Save as &PDF…"));
    pdf->setObjectName(QStringLiteral("pdfButton"));
    auto *html = new QPushButton(tr("Save as &HTML…"));
    html->setObjectName(QStringLiteral("htmlButton"));
    auto *importPdf = new QPushButton(tr("&Import answers from PDF…"));
    importPdf->setObjectName(QStringLiteral("importPdfButton"));
    importPdf->setAccessibleName(tr("Import answers from a filled PDF form"));
    buttons->addWidget(m_completeButton);
    buttons->addWidget(m_reopenButton);
    buttons->addStretch();
    buttons->addWidget(importPdf);
    buttons->addWidget(pdf);
    buttons->addWidget(html);
    layout->addLayout(buttons);
    connect(m_completeButton, &QPushButton::clicked, this, &ReviewForm::askAndComplete);
    connect(m_reopenButton, &QPushButton::clicked, this, &ReviewForm::askAndReopen);
    connect(pdf, &QPushButton::clicked, this, [this] { chooseAndExport(false); });
    connect(html, &QPushButton::clicked, this, [this] { chooseAndExport(true); });
    connect(importPdf, &QPushButton::clicked, this, &ReviewForm::chooseAndImportPdf);

    m_loading = true;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (it->show && m_answers.has(it.key()))
            it->show(m_answers.value(it.key()));
        answerShown(it.key(), false);
    }
    m_loading = false;
    applyShowIf();
    updateProgress();
    updateLock();
}

QWidget *ReviewForm::buildSection(const Section &section)
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("section-%1").arg(section.id));
    auto *layout = new QVBoxLayout(page);
    auto *heading = new QLabel(section.title);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    heading->setAccessibleName(section.title);
    layout->addWidget(heading);
    if (!section.help.isEmpty()) {
        auto *help = new QLabel(section.help);
        help->setWordWrap(true);
        layout->addWidget(help);
    }
    for (const Item &item : section.items) {
        Field field = buildField(item);
        layout->addWidget(decorateField(item, field));
        m_fields.insert(item.id, field);
    }
    layout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    // Not a stop of its own for Tab: from the section list, Tab goes to the first answer. As a stop it showed no focus,
    // and what a person typed there went nowhere. Tabbing through the answers scrolls to each.
    scroll->setFocusPolicy(Qt::NoFocus);
    return scroll;
}

ReviewForm::Field ReviewForm::buildField(const Item &item)
{
    Field field;
    field.item = &item;
    auto *block = new QWidget;
    block->setObjectName(QStringLiteral("field-%1").arg(item.id));
    auto *layout = new QVBoxLayout(block);
    layout->setContentsMargins(0, 6, 0, 6);
    field.block = block;
    const int number = m_template.questionNumbers().value(item.id);
    const QString labelText =
        item.type == ItemType::Info
            ? item.label
            : QStringLiteral("%1. %2%3").arg(number).arg(item.label, item.required ? tr(" (required)") : QString());
    auto *label = new QLabel(labelText);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (item.picture) {
        // The easy-read picture beside the question, as the person sees it on paper.
        auto *row = new QHBoxLayout;
        auto *picture = new QLabel;
        picture->setObjectName(QStringLiteral("picture-%1").arg(item.id));
        picture->setPixmap(picturePixmap(*item.picture, 48, devicePixelRatioF()));
        picture->setAccessibleName(item.picture->alt);
        row->addWidget(picture, 0, Qt::AlignTop);
        row->addWidget(label, 1);
        layout->addLayout(row);
    } else {
        layout->addWidget(label);
    }
    if (!item.help.isEmpty()) {
        auto *help = new QLabel(item.help);
        help->setWordWrap(true);
        help->setTextFormat(Qt::PlainText);
        help->setObjectName(QStringLiteral("help-%1").arg(item.id));
        layout->addWidget(help);
    }
    if (item.type == ItemType::Info)
        return field;
    const QString id = item.id;
    AnswerWidgets::Context ctx{item};
    ctx.block = block;
    ctx.layout = layout;
    ctx.label = label;
    ctx.number = number;
    ctx.changed = [this, id] { edited(id, false); };
    ctx.finished = [this, id] { edited(id, true); };
    ctx.today = [this] { return m_db.now().toLocalTime().date(); };
    ctx.accessible = [labelText, help = item.help](QWidget *w) {
        w->setAccessibleName(labelText);
        w->setAccessibleDescription(help);
    };
    const AnswerWidgets::Editor editor = AnswerWidgets::build(ctx);
    field.read = editor.read;
    field.show = editor.show;
    field.problem = editor.problem;
    field.error = new QLabel;
    field.error->setObjectName(QStringLiteral("error-%1").arg(item.id));
    field.error->setWordWrap(true);
    field.error->setTextFormat(Qt::PlainText);
    field.error->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold"));
    field.error->hide();
    layout->addWidget(field.error);
    return field;
}

void ReviewForm::showProblem(const QString &itemId, const QString &problem)
{
    Field &field = m_fields[itemId];
    if (!field.error)
        return;
    field.error->setText(problem.isEmpty() ? QString() : tr("Problem: %1").arg(problem));
    field.error->setVisible(!problem.isEmpty());
    // Screen readers announce the problem with the question (a date box says its own: "Not answered" or why).
    if (field.problem)
        return;
    if (QWidget *editor = field.block->findChild<QWidget *>(QStringLiteral("item-%1").arg(itemId)))
        editor->setAccessibleDescription(problem.isEmpty() ? field.item->help : problem);
}

void ReviewForm::edited(const QString &itemId, bool finished)
{
    if (m_loading || m_review.isCompleted())
        return;
    Field &field = m_fields[itemId];
    // What the editor cannot read (a date that is not one) is said beside it, and nothing is saved.
    if (field.problem) {
        field.pendingProblem = field.problem();
        if (!field.pendingProblem.isEmpty()) {
            m_saver->discard(itemId); // the answer stored stays what it was
            updateSaveStatus();
            return;
        }
    }
    const QJsonValue value = field.read();
    QString problem;
    if (!value.isNull()) {
        problem = answerProblem(*field.item, value);
        // Signatures are checked whole on completion; while typing a name alone is fine.
        if (field.item->type == ItemType::Signature)
            problem.clear();
    }
    if (field.item->type == ItemType::Number && value.isString())
        problem = tr("please write a number");
    field.pendingProblem = problem;
    if (!problem.isEmpty()) {
        // Shown once typing is done (or at once for editors without typing), never saved.
        if (finished || (field.item->type != ItemType::Text && field.item->type != ItemType::Number))
            showProblem(itemId, problem);
        updateSaveStatus();
        return;
    }
    showProblem(itemId, {});
    if (value.isNull())
        m_answers.values.remove(itemId);
    else
        m_answers.values.insert(itemId, value);
    m_saver->setAnswer(itemId, value);
    answerShown(itemId, finished || (field.item->type != ItemType::Text && field.item->type != ItemType::Number));
    updateSaveStatus();
    applyShowIf();
    updateProgress();
}

QStringList ReviewForm::unsavedAnswers() const
{
    QMap<int, QString> byNumber;
    const QMap<QString, int> numbers = m_template.questionNumbers();
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (!it->pendingProblem.isEmpty())
            byNumber.insert(numbers.value(it.key()),
                            tr("Question %1 is not saved: %2").arg(numbers.value(it.key())).arg(it->pendingProblem));
    }
    return byNumber.values();
}

void ReviewForm::updateSaveStatus()
{
    if (m_saveStatus)
        m_saveStatus->showState(unsavedAnswers(), m_saveFailure, m_saver && m_saver->hasUnsaved(), m_lastSaved);
}

void ReviewForm::applyShowIf()
{
    for (const Section &section : m_template.sections) {
        const bool shown = isShown(m_template, section, m_answers);
        QListWidgetItem *entry = m_sectionList->item(m_sectionRows.value(section.id));
        entry->setHidden(!shown);
        for (const Item &item : section.items)
            m_fields[item.id].block->setVisible(shown && isShown(m_template, item, m_answers));
    }
}

QString ReviewForm::progressText() const
{
    int shown = 0, answered = 0;
    for (const Item *item : m_template.allItems()) {
        if (!itemTypeIsAnswerable(item->type) || !isShown(m_template, *item, m_answers))
            continue;
        ++shown;
        if (isAnswered(m_answers.value(item->id)))
            ++answered;
    }
    return tr("%1 of %2 answered").arg(answered).arg(shown);
}

void ReviewForm::updateProgress()
{
    m_progress->setText(progressText());
}

void ReviewForm::updateLock()
{
    const bool locked = m_review.isCompleted();
    m_pages->setEnabled(!locked);
    m_completeButton->setEnabled(!locked);
    m_reopenButton->setVisible(locked);
    m_lockStatus->setText(
        locked ? tr("Completed by %1 on %2: reopen it to change it")
                     .arg(m_review.completedBy,
                          QLocale().toString(m_review.completedAt.toLocalTime().date(), QLocale::LongFormat))
               : tr("In progress"));
    emit statusChanged();
}

bool ReviewForm::saveNow()
{
    return !m_saver || m_saver->flush().ok();
}

bool ReviewForm::complete(QStringList *problems)
{
    if (!m_loaded || !saveNow())
        return false;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (it->error)
            showProblem(it.key(), it->pendingProblem);
    }
    // An answer typed but refused would be lost by locking the review: it must be put right (or cleared) first.
    const QStringList unsaved = unsavedAnswers();
    const Outcome outcome =
        unsaved.isEmpty() ? m_store->complete(m_reviewId) : Outcome::invalid(unsaved.join(QLatin1String("; ")));
    if (outcome.ok()) {
        m_review = m_store->get(m_reviewId).value();
        m_completionPanel->setEntries({});
        updateLock();
        return true;
    }
    QStringList messages;
    if (outcome.status == StoreStatus::Invalid) {
        const Result<QStringList> found = m_store->completionProblems(m_reviewId);
        messages = unsaved + (found.ok() ? found.value() : QStringList{outcome.message});
        // Beside each required question still unanswered.
        for (const Item *item : m_template.allItems()) {
            if (item->required && isShown(m_template, *item, m_answers) && !isAnswered(m_answers.value(item->id)))
                showProblem(item->id, tr("this question needs an answer before the review can be completed"));
        }
    } else {
        messages << outcome.message;
    }
    showCompletionProblems();
    if (problems)
        *problems = messages;
    return false;
}

void ReviewForm::askAndComplete()
{
    if (!m_loaded || !saveNow())
        return;
    const Result<QStringList> found = m_store->completionProblems(m_reviewId);
    if (!found.ok() || !found->isEmpty() || !unsavedAnswers().isEmpty()) {
        complete();
        return;
    }
    if (CompletionPanel::confirmCompleting(this))
        complete();
}

void ReviewForm::showCompletionProblems()
{
    QMap<QString, QString> unsaved;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (!it->pendingProblem.isEmpty())
            unsaved.insert(it.key(), it->pendingProblem);
    }
    const Result<ReviewRecord> stored = m_store->get(m_reviewId);
    m_completionPanel->setEntries(CompletionPanel::entriesFor(m_template, stored.ok() ? stored->answers : m_answers,
                                                              unsaved, !stored.ok() || !stored->isCompleted()));
}

bool ReviewForm::mayClose()
{
    const QStringList unsaved = unsavedAnswers();
    if (unsaved.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Answers not saved"), unsaved.join(QLatin1Char('\n')),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("answersNotSavedBox"));
    box.setInformativeText(tr("If you close the review now, what you typed there is lost. Go back to put it right, "
                              "or clear it."));
    QPushButton *back = box.addButton(tr("&Go back to the review"), QMessageBox::RejectRole);
    QPushButton *lose = box.addButton(tr("&Close and lose it"), QMessageBox::DestructiveRole);
    box.setDefaultButton(back);
    box.setEscapeButton(back);
    box.exec();
    if (box.clickedButton() == lose)
        return true;
    const QMap<QString, int> numbers = m_template.questionNumbers();
    QString first;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (!it->pendingProblem.isEmpty() && (first.isEmpty() || numbers.value(it.key()) < numbers.value(first)))
            first = it.key();
    }
    goToQuestion(first);
    return false;
}

void ReviewForm::goToQuestion(const QString &itemId)
{
    const Section *section = m_template.sectionOfItem(itemId);
    const Field field = m_fields.value(itemId);
    if (!section || !field.block)
        return;
    m_sectionList->setCurrentRow(m_sectionRows.value(section->id));
    QWidget *editor = field.block->findChild<QWidget *>(QStringLiteral("item-%1").arg(itemId));
    if (!editor)
        editor = field.block->findChild<QWidget *>(QStringLiteral("item-%1-name").arg(itemId));
    if (auto *scroll = qobject_cast<QScrollArea *>(m_pages->currentWidget()))
        scroll->ensureWidgetVisible(field.block);
    if (editor) {
        QWidget *focus = editor->focusPolicy() == Qt::NoFocus ? editor->nextInFocusChain() : editor;
        focus->setFocus(Qt::OtherFocusReason);
    }
}

bool ReviewForm::reopen(const QString &reason, QString *error)
{
    const Outcome outcome = m_store->reopen(m_reviewId, reason);
    if (!outcome.ok()) {
        if (error)
            *error = outcome.message;
        return false;
    }
    m_review = m_store->get(m_reviewId).value();
    updateLock();
    return true;
}

void ReviewForm::askAndReopen()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Reopen the review"), tr("Why does this completed review need to change? The reason is kept."),
        QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    QString error;
    if (!reopen(reason, &error))
        m_lockStatus->setText(error);
}

} // namespace coform
