#include "store/whatneedsyou.h"

#include "edit/templatejson.h"
#include "model/template.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/permissions.h"

#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace coform {

namespace {

/// The latest version of a template, as far as this page needs it.
struct Latest
{
    int version = 0;
    QString status;
    Template content;
};

} // namespace

WhatNeedsYou::WhatNeedsYou(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Result<QVector<NeedsYou>> WhatNeedsYou::list() const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    const qint64 me = m_session.userId();
    QSqlQuery q = m_db.query();
    QString error;
    QVector<NeedsYou> out;

    // The latest version of every template, and whether it waits for this person or they are in its draft.
    if (!m_db.exec(
            q,
            QStringLiteral(
                "SELECT v.template_id, v.version, v.status, v.content, (SELECT name FROM users WHERE id = "
                "v.proposed_by), v.proposed_at, v.created_by, v.created_at, (SELECT count(*) FROM approvals a WHERE "
                "a.template_id = v.template_id AND a.version = v.version AND a.user_id = ?), (SELECT max(at) FROM "
                "changes c WHERE c.template_id = v.template_id AND c.version = v.version AND c.user_id = ?) FROM "
                "template_versions v WHERE v.version = (SELECT max(version) FROM template_versions w WHERE "
                "w.template_id = v.template_id) ORDER BY v.template_id"),
            {me, me}, &error))
        return dbFailure(m_db, error);
    QMap<QString, Latest> latest;
    while (q.next()) {
        Latest l;
        l.version = q.value(1).toInt();
        l.status = q.value(2).toString();
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(3).toString().toUtf8());
        QString parseError;
        if (const auto t = TemplateJson::toTemplate(doc.object(), &parseError))
            l.content = *t;
        const QString id = q.value(0).toString();
        NeedsYou n;
        n.templateId = id;
        n.templateTitle = l.content.title.isEmpty() ? id : l.content.title;
        n.version = l.version;
        if (l.status == QLatin1String("proposed") && q.value(8).toInt() == 0) {
            n.kind = NeedsYou::Kind::Approve;
            n.who = q.value(4).toString();
            n.at = Database::timeFromText(q.value(5).toString());
            out.append(n);
        } else if (l.status == QLatin1String("draft") && (q.value(6).toLongLong() == me || !q.value(9).isNull())) {
            n.kind = NeedsYou::Kind::Draft;
            n.at = Database::timeFromText(q.value(9).isNull() ? q.value(7).toString() : q.value(9).toString());
            out.append(n);
        }
        latest.insert(id, l);
    }

    // The questions this person has changed.
    QSet<QString> changed;
    if (!m_db.exec(
            q, QStringLiteral("SELECT DISTINCT template_id, item_id FROM changes WHERE user_id = ? AND item_id <> ''"),
            {me}, &error))
        return dbFailure(m_db, error);
    while (q.next())
        changed.insert(q.value(0).toString() + QLatin1Char('\n') + q.value(1).toString());

    // Open threads whose latest word is someone else's.
    if (!m_db.exec(
            q,
            QStringLiteral("SELECT COALESCE(c.thread_id, c.id) AS thread, c.template_id, c.item_id, c.author_id, "
                           "u.name, c.at FROM comments c JOIN users u ON u.id = c.author_id WHERE "
                           "COALESCE(c.thread_id, c.id) IN (SELECT id FROM comments WHERE thread_id IS NULL "
                           "AND resolved_at IS NULL) ORDER BY thread, c.id"),
            {}, &error))
        return dbFailure(m_db, error);
    struct Thread
    {
        NeedsYou entry;
        bool mine = false;
        qint64 lastAuthor = 0;
    };
    QVector<Thread> threads;
    while (q.next()) {
        const qint64 thread = q.value(0).toLongLong();
        if (threads.isEmpty() || threads.last().entry.threadId != thread) {
            Thread t;
            t.entry.threadId = thread;
            t.entry.templateId = q.value(1).toString();
            t.entry.itemId = q.value(2).toString();
            threads.append(t);
        }
        Thread &t = threads.last();
        t.lastAuthor = q.value(3).toLongLong();
        t.mine = t.mine || t.lastAuthor == me;
        t.entry.who = q.value(4).toString();
        t.entry.at = Database::timeFromText(q.value(5).toString());
    }
    for (Thread &t : threads) {
        if (t.lastAuthor == me)
            continue;
        if (t.mine)
            t.entry.kind = NeedsYou::Kind::Reply;
        else if (changed.contains(t.entry.templateId + QLatin1Char('\n') + t.entry.itemId))
            t.entry.kind = NeedsYou::Kind::CommentOnYourChange;
        else
            continue;
        const Latest l = latest.value(t.entry.templateId);
        t.entry.version = l.version;
        t.entry.templateTitle = l.content.title.isEmpty() ? t.entry.templateId : l.content.title;
        if (const Item *item = l.content.findItem(t.entry.itemId)) {
            t.entry.itemLabel = item->label;
            t.entry.questionNumber = l.content.questionNumbers().value(item->id);
        }
        out.append(t.entry);
    }
    std::stable_sort(out.begin(), out.end(), [](const NeedsYou &a, const NeedsYou &b) {
        if (a.kind != b.kind)
            return int(a.kind) < int(b.kind);
        return a.at > b.at;
    });
    return out;
}

} // namespace coform
