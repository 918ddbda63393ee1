#include "reviews/identityprefill.h"

#include "model/nhsnumber.h"
#include "model/prefill.h"
#include "store/reviewstore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

IdentityPrefill::IdentityPrefill(Database &db, const Session &session, ReviewStore &reviews, qint64 reviewId,
                                 const PersonRecord &person, const QMap<QString, QString> &keptReasons, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_reviews(reviews)
    , m_reviewId(reviewId)
    , m_person(person)
    , m_keptReasons(keptReasons)
{}

QString IdentityPrefill::firstName() const
{
    const QString first = m_person.person.name.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    return first.isEmpty() ? tr("the person") : first;
}

QString IdentityPrefill::recordText(const Note &note) const
{
    const QJsonValue value = Prefill::recordValue(note.prefill, m_person.person);
    if (value.isNull())
        return tr("nothing recorded");
    if (note.prefill == QLatin1String(Prefill::NhsNumber))
        return NhsNumber::formatted(value.toString());
    if (note.prefill == QLatin1String(Prefill::DateOfBirth))
        return QLocale().toString(QDate::fromString(value.toString(), Qt::ISODate), QLocale::LongFormat);
    return value.toString();
}

QWidget *IdentityPrefill::noteFor(const Item &item)
{
    if (item.prefill.isEmpty() || !Prefill::typeProblem(item.prefill, item.type).isEmpty())
        return nullptr;
    Note note;
    note.prefill = item.prefill;
    auto *box = new QWidget;
    box->setObjectName(QStringLiteral("record-%1").arg(item.id));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    note.text = new QLabel;
    note.text->setObjectName(QStringLiteral("recordNote-%1").arg(item.id));
    note.text->setWordWrap(true);
    note.text->setTextFormat(Qt::PlainText);
    layout->addWidget(note.text);

    note.differs = new QWidget;
    auto *row = new QHBoxLayout(note.differs);
    row->setContentsMargins(0, 0, 0, 0);
    auto *update = new QPushButton(tr("Update %1's record").arg(firstName()));
    update->setObjectName(QStringLiteral("recordUpdate-%1").arg(item.id));
    update->setAccessibleName(tr("Update %1's record with this answer").arg(firstName()));
    auto *why = new QLabel(tr("or say why it differs:"));
    note.reason = new QLineEdit;
    note.reason->setObjectName(QStringLiteral("recordReason-%1").arg(item.id));
    note.reason->setAccessibleName(tr("Why the answer differs from %1's record").arg(firstName()));
    why->setBuddy(note.reason);
    auto *keep = new QPushButton(tr("Keep the reason"));
    keep->setObjectName(QStringLiteral("recordKeepReason-%1").arg(item.id));
    row->addWidget(update);
    row->addWidget(why);
    row->addWidget(note.reason, 1);
    row->addWidget(keep);
    layout->addWidget(note.differs);
    note.differs->hide();
    note.box = box;
    const QString id = item.id;
    connect(update, &QPushButton::clicked, this, [this, id] { updateRecord(id); });
    connect(keep, &QPushButton::clicked, this, [this, id] { keepReason(id); });
    connect(note.reason, &QLineEdit::returnPressed, this, [this, id] { keepReason(id); });
    m_notes.insert(item.id, note);
    return box;
}

void IdentityPrefill::answerChanged(const QString &itemId, const QJsonValue &answer, bool finished)
{
    const auto it = m_notes.find(itemId);
    if (it == m_notes.end())
        return;
    // A reason was kept for the answer it was given for: another answer is asked about again.
    if (!it->answer.isUndefined() && it->answer != answer)
        m_keptReasons.remove(itemId);
    it->answer = answer;
    show(itemId, finished);
}

void IdentityPrefill::show(const QString &itemId, bool askIfDifferent)
{
    Note &note = m_notes[itemId];
    if (!note.box)
        return;
    const QJsonValue recorded = Prefill::recordValue(note.prefill, m_person.person);
    const bool empty = note.answer.isNull() || note.answer.isUndefined()
                       || (note.answer.isString() && note.answer.toString().trimmed().isEmpty());
    QString text;
    bool differs = false;
    if (empty) {
        text = tr("%1's record: %2").arg(firstName(), recordText(note));
    } else if (note.answer == recorded) {
        text = tr("\u2713 From %1's record").arg(firstName());
    } else {
        differs = true;
        text = tr("\u26a0 Differs from %1's record (%2)").arg(firstName(), recordText(note));
        if (m_keptReasons.contains(itemId))
            text += tr(". Reason kept: %1").arg(m_keptReasons.value(itemId));
    }
    note.text->setText(text);
    note.text->setStyleSheet(differs ? QStringLiteral("font-weight: bold; color: #7a4a00") : QString());
    // Asked once typing is done; a kept reason settles it until the answer changes again.
    if (!differs)
        note.differs->hide();
    else if (askIfDifferent && !m_keptReasons.contains(itemId))
        note.differs->show();
}

void IdentityPrefill::updateRecord(const QString &itemId)
{
    Note &note = m_notes[itemId];
    PersonRecord changed = m_person;
    if (!Prefill::applyToRecord(note.prefill, note.answer, &changed.person)) {
        note.text->setText(
            tr("This answer cannot go into the record: it is not a %1.").arg(Prefill::describe(note.prefill)));
        return;
    }
    const Outcome updated = PersonStore(m_db, m_session).update(changed);
    if (!updated.ok()) {
        note.text->setText(tr("%1's record was not updated: %2").arg(firstName(), updated.message));
        return;
    }
    m_person = changed;
    m_keptReasons.remove(itemId);
    note.differs->hide();
    show(itemId, false);
    note.text->setText(tr("\u2713 %1's record updated: from %1's record").arg(firstName()));
    emit recordUpdated(m_person);
}

void IdentityPrefill::keepReason(const QString &itemId)
{
    Note &note = m_notes[itemId];
    const QString reason = note.reason->text().trimmed();
    const Outcome kept = m_reviews.keepRecordDifference(m_reviewId, itemId, reason);
    if (!kept.ok()) {
        note.text->setText(
            tr("\u26a0 Differs from %1's record (%2). Not kept: %3").arg(firstName(), recordText(note), kept.message));
        return;
    }
    m_keptReasons.insert(itemId, reason);
    note.differs->hide();
    show(itemId, false);
}

} // namespace coform
