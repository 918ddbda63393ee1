#pragma once

#include "store/whatneedsyou.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace coform {

class Database;

/// "What needs you": the start page of a signed-in person. Versions waiting for their approval, replies to their
/// comments, comments on questions they changed and drafts they are in, one line each in words; Enter or a double
/// click (or "Open") opens the thing. Shown at sign-in and from Shared templates > What needs you.
class WhatNeedsYouPage : public QDialog
{
    Q_OBJECT

public:
    WhatNeedsYouPage(Database &db, const Session &session, QWidget *parent = nullptr);

    /// Reads what needs the person again; returns how many things.
    int refresh();
    const QVector<NeedsYou> &entries() const { return m_entries; }
    /// One entry in words, as the list shows it.
    static QString words(const NeedsYou &entry);
    /// The list of what needs the person (object name "whatNeedsYouList").
    QListWidget *list() const { return m_list; }

signals:
    /// The person chose to open this entry.
    void openRequested(const coform::NeedsYou &entry);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void openCurrent();

    Database &m_db;
    Session m_session;
    QVector<NeedsYou> m_entries;
    QLabel *m_summary;
    QListWidget *m_list;
    QPushButton *m_open;
};

} // namespace coform
