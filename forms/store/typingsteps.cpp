#include "store/typingsteps.h"

#include "store/database.h"

#include <QJsonDocument>

namespace coform {

namespace {

bool isSetKind(Edit::Kind kind)
{
    return kind == Edit::Kind::SetTemplateProperty || kind == Edit::Kind::SetSectionProperty
           || kind == Edit::Kind::SetItemProperty || kind == Edit::Kind::SetTranslation;
}

QString editText(const Edit &edit)
{
    return QString::fromUtf8(QJsonDocument(edit.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

bool TypingSteps::continues(const Edit &open, const QDateTime &openAt, const Edit &next, const QDateTime &nextAt)
{
    if (!isSetKind(open.kind) || open.mergeKey() != next.mergeKey())
        return false;
    if (!open.before.isString() || !open.after.isString() || !next.after.isString() || next.before != open.after)
        return false;
    if (next.after == open.before) // back to where the step started (an undo, or everything typed deleted)
        return false;
    if (!openAt.isValid() || !nextAt.isValid())
        return false;
    const qint64 pause = openAt.msecsTo(nextAt);
    return pause >= 0 && pause < PauseMilliseconds;
}

Edit TypingSteps::joined(const Edit &open, const Edit &next)
{
    Edit step = open;
    step.after = next.after;
    return step;
}

bool TypingSteps::joinStoredRuns(const Database &db, QString *error)
{
    struct Row
    {
        QString templateId;
        qint64 seq = 0;
        int version = 0;
        qint64 userId = 0;
        QDateTime at;
        QString atText;
        Edit edit;
        bool joinable = false; ///< no comment named, no note
    };
    QSqlQuery q = db.query();
    if (!db.exec(q,
                 QStringLiteral("SELECT template_id, seq, version, user_id, at, edit, comment_id, note FROM changes "
                                "ORDER BY template_id, seq"),
                 {}, error))
        return false;
    QVector<Row> rows;
    while (q.next()) {
        Row r;
        r.templateId = q.value(0).toString();
        r.seq = q.value(1).toLongLong();
        r.version = q.value(2).toInt();
        r.userId = q.value(3).toLongLong();
        r.atText = q.value(4).toString();
        r.at = Database::timeFromText(r.atText);
        QString parseError;
        const auto edit = Edit::fromJson(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object(), &parseError);
        // A row this Coform cannot read is left as it is, and nothing is joined across it.
        if (edit)
            r.edit = *edit;
        r.joinable = edit && q.value(6).isNull() && q.value(7).toString().isEmpty();
        rows.append(r);
    }
    q.finish();

    // Walk each template's rows in order; `open` is the step that the following rows may join.
    int open = -1;
    Edit openStep;
    QDateTime lastAt;
    qint64 lastSeq = 0;
    QVector<qint64> joinedSeqs;
    auto finish = [&]() -> bool {
        if (open < 0 || joinedSeqs.isEmpty())
            return true;
        const Row &first = rows.at(open);
        if (!db.exec(q,
                     QStringLiteral("UPDATE changes SET edit = ?, at = ?, stamp = ? WHERE template_id = ? AND seq = ?"),
                     {editText(openStep), Database::timeText(lastAt), lastSeq, first.templateId, first.seq}, error))
            return false;
        for (qint64 seq : std::as_const(joinedSeqs)) {
            if (!db.exec(q, QStringLiteral("DELETE FROM changes WHERE template_id = ? AND seq = ?"),
                         {first.templateId, seq}, error))
                return false;
        }
        return true;
    };
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        const bool joins = open >= 0 && row.joinable && rows.at(open).joinable
                           && rows.at(open).templateId == row.templateId && rows.at(open).version == row.version
                           && rows.at(open).userId == row.userId && continues(openStep, lastAt, row.edit, row.at);
        if (joins) {
            openStep = joined(openStep, row.edit);
            lastAt = row.at;
            lastSeq = row.seq;
            joinedSeqs.append(row.seq);
            continue;
        }
        if (!finish())
            return false;
        open = i;
        openStep = row.edit;
        lastAt = row.at;
        joinedSeqs.clear();
    }
    return finish();
}

} // namespace coform
