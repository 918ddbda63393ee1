#include "shared/workflowactions.h"

#include "shared/opencommentsdialog.h"
#include "shared/staletranslationsdialog.h"

#include "store/commentstore.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>

namespace coform {

WorkflowActions::WorkflowActions(QWidget *window, QMenu *menu, Database &db, const Session &session,
                                 std::function<void(const QString &)> reopen)
    : QObject(window)
    , m_window(window)
    , m_db(db)
    , m_session(session)
    , m_reopen(std::move(reopen))
{
    auto add = [&](Step step, const QString &name, const QString &text, const QKeySequence &keys = {}) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        if (!keys.isEmpty())
            action->setShortcut(keys);
        connect(action, &QAction::triggered, this, [this, step] { run(step); });
        m_actions.insert(step, action);
    };
    add(Step::StartDraft, QStringLiteral("actionStartDraft"), tr("Start a new &draft from the latest version"));
    add(Step::Propose, QStringLiteral("actionPropose"), tr("Ask the group to &approve this draft"));
    add(Step::Approve, QStringLiteral("actionApprove"), tr("I appro&ve this version"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    add(Step::Withdraw, QStringLiteral("actionWithdraw"), tr("&Withdraw the proposal"));
    // A coproducer or reviewer never sees publishing.
    if (m_session.role() == Role::Admin)
        add(Step::Publish, QStringLiteral("actionPublish"), tr("&Publish this version for reviews"));
    setVersion(std::nullopt);
}

void WorkflowActions::setVersion(const std::optional<VersionInfo> &version)
{
    m_version = version;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const bool sensible = version && WorkflowWords::makesSense(it.key(), *version, m_session);
        it.value()->setVisible(sensible);
        it.value()->setEnabled(sensible);
    }
}

void WorkflowActions::tell(const QString &message, bool refused)
{
    m_lastMessage = message;
    QMessageBox box(refused ? QMessageBox::Warning : QMessageBox::Information,
                    refused ? tr("Not done") : tr("Done: what comes next"), message, QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("workflowMessage"));
    box.setAccessibleName(refused ? tr("Not done") : tr("Done: what comes next"));
    box.exec();
}

bool WorkflowActions::run(Step step)
{
    if (!m_version) {
        tell(tr("Open a shared template first."), true);
        return false;
    }
    const QString id = m_version->templateId;
    TemplateStore store(m_db, m_session);
    Outcome outcome;
    switch (step) {
    case Step::StartDraft:
        outcome = store.startDraft(id).outcome();
        break;
    case Step::Propose:
        outcome = store.propose(id);
        break;
    case Step::Withdraw:
        outcome = store.withdrawProposal(id);
        break;
    case Step::Approve:
        outcome = store.approve(id);
        break;
    case Step::Publish:
        if (!publish(store, id, &outcome) && outcome.ok())
            return false; // cancelled: nothing to say
        break;
    case Step::Retire: // not in the menu
        return false;
    }
    const Result<VersionInfo> now = store.versionInfo(id);
    if (!outcome.ok()) {
        tell(now.ok() ? WorkflowWords::refused(step, now.value(), m_session, outcome) : outcome.message, true);
        if (now.ok())
            m_reopen(id);
        return false;
    }
    if (m_reopen)
        m_reopen(id);
    tell(now.ok() ? WorkflowWords::done(step, now.value()) : QString(), false);
    emit stepDone(step);
    return true;
}

bool WorkflowActions::publish(TemplateStore &store, const QString &id, Outcome *outcome)
{
    *outcome = Outcome::success();
    QString commentsReason;
    const Result<QVector<CommentThread>> open =
        CommentStore(m_db, m_session).threads(id, CommentStore::Which::Unresolved);
    if (!open.ok()) {
        *outcome = open.outcome();
        return false;
    }
    const Result<Template> content = store.get(id);
    if (!open->isEmpty()) {
        OpenCommentsDialog ask(m_db, m_session, content.ok() ? content.value() : Template{}, open.value(), m_window);
        if (ask.exec() != QDialog::Accepted)
            return false;
        commentsReason = ask.reason();
    }
    // Translations the English moved on from: re-approve each in a draft, or publish them as they are for a reason.
    QString translationsReason;
    const QVector<TranslationStamps::OutOfDate> stale =
        content.ok() ? TranslationStamps::outOfDate(content.value()) : QVector<TranslationStamps::OutOfDate>{};
    if (!stale.isEmpty()) {
        StaleTranslationsDialog ask(content.value(), stale, m_window);
        if (ask.exec() != QDialog::Accepted)
            return false;
        translationsReason = ask.reason();
    }
    *outcome = store.publish(id, {}, commentsReason, translationsReason).outcome();
    if (!outcome->ok() && outcome->status == StoreStatus::Invalid) {
        // Framework requirements not covered (or errors): an admin may publish all the same, saying why.
        bool ok = false;
        const QString coverageReason = QInputDialog::getText(
            m_window, tr("Publish"), outcome->message + QLatin1Char('\n') + tr("To publish all the same, say why:"),
            QLineEdit::Normal, QString(), &ok);
        if (!ok || coverageReason.trimmed().isEmpty()) {
            *outcome = Outcome::success();
            return false;
        }
        *outcome = store.publish(id, coverageReason, commentsReason, translationsReason).outcome();
    }
    return outcome->ok();
}

} // namespace coform
