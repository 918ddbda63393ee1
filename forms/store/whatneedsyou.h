#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QVector>

namespace coform {

class Database;

/// One thing waiting for the signed-in person (the "What needs you" start page).
struct NeedsYou
{
    enum class Kind {
        Approve,             ///< a version waiting for approval that they have not approved
        Reply,               ///< someone answered in an open thread they wrote in
        CommentOnYourChange, ///< someone commented on a question they changed (and they have not answered)
        Draft,               ///< a draft they started or changed
    };
    Kind kind = Kind::Approve;
    QString templateId;
    QString templateTitle;
    int version = 0;
    QString itemId;         ///< the question (empty: the whole template)
    QString itemLabel;      ///< its words in the latest version
    int questionNumber = 0; ///< its number in the latest version (0: none)
    qint64 threadId = 0;
    QString who; ///< who asked for the approval, or wrote the latest comment
    QDateTime at;
};

/// What needs the signed-in person, computed from the store: versions waiting for their approval, replies to their
/// comments, comments on questions they changed, drafts they are in. Most pressing first (approvals, replies,
/// comments, drafts), newest first within each.
class WhatNeedsYou
{
public:
    WhatNeedsYou(Database &db, const Session &session);
    Result<QVector<NeedsYou>> list() const;

private:
    Database &m_db;
    Session m_session;
};

} // namespace coform
