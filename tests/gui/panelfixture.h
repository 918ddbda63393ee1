#pragma once
// Shared test set-up for the co-production panels: a real SQLite file in a temporary folder with an admin (Ada), a
// reviewer (Rita) and two coproducers (Colin, Priya), all signed in, and the bundled template added by Colin (the draft
// of version 1).

#include "format/templateformat.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"

#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

namespace coform::test {

struct PanelFixture
{
    static constexpr const char *TemplateId = "chc-review";

    std::unique_ptr<QTemporaryDir> dir;
    QString path;
    std::unique_ptr<Database> db;
    std::optional<Session> ada, rita, colin, priya;

    static void setUpApplication()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    static Template bundled()
    {
        Problems problems;
        const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        if (!t)
            qFatal("the bundled template does not read");
        return *t;
    }

    /// The first item that is a question with words of its own (not an information text).
    static QString questionId(const Template &t, int skip = 0)
    {
        for (const Item *item : t.allItems()) {
            if (item->type != ItemType::Info && skip-- == 0)
                return item->id;
        }
        return {};
    }

    bool setUp()
    {
        dir = std::make_unique<QTemporaryDir>();
        path = dir->filePath(QStringLiteral("coform.sqlite"));
        QString error;
        db = Database::open(path, &error);
        if (!db) {
            qWarning() << error;
            return false;
        }
        UserStore users(*db);
        const Result<Session> admin = users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password"));
        if (!admin.ok())
            return false;
        ada = admin.value();
        if (!users.addUser(*ada, QStringLiteral("Rita"), Role::Reviewer, QStringLiteral("reviewer-password")).ok()
            || !users.addUser(*ada, QStringLiteral("Colin"), Role::Coproducer, QStringLiteral("colin-password")).ok()
            || !users.addUser(*ada, QStringLiteral("Priya"), Role::Coproducer, QStringLiteral("priya-password")).ok())
            return false;
        const Result<Session> r = users.signIn(QStringLiteral("Rita"), QStringLiteral("reviewer-password"));
        const Result<Session> c = users.signIn(QStringLiteral("Colin"), QStringLiteral("colin-password"));
        const Result<Session> p = users.signIn(QStringLiteral("Priya"), QStringLiteral("priya-password"));
        if (!r.ok() || !c.ok() || !p.ok())
            return false;
        rita = r.value();
        colin = c.value();
        priya = p.value();
        return TemplateStore(*db, *colin).addTemplate(bundled()).ok();
    }

    /// Publishes version 1 (both approvals) and starts the draft of version 2.
    bool publishFirstVersionAndStartSecond()
    {
        const QString id = QString::fromLatin1(TemplateId);
        TemplateStore asColin(*db, *colin);
        return asColin.propose(id).ok() && asColin.approve(id).ok() && TemplateStore(*db, *rita).approve(id).ok()
               && TemplateStore(*db, *ada).publish(id).ok() && asColin.startDraft(id).ok();
    }

    /// Changes an item's property as `who`, with a note.
    bool edit(const Session &who, const QString &itemId, const QString &property, const QJsonValue &value,
              const QString &note = {})
    {
        TemplateStore store(*db, who);
        const Result<Template> now = store.get(QString::fromLatin1(TemplateId));
        if (!now.ok())
            return false;
        EditContext context;
        context.note = note;
        const Result<ChangeRecord> done = store.applyEdit(
            QString::fromLatin1(TemplateId), Edit::setItemProperty(now.value(), itemId, property, value), context);
        if (!done.ok())
            qWarning() << done.message();
        return done.ok();
    }

    /// Another connection to the same file (another window or machine).
    std::unique_ptr<Database> openAnother() const
    {
        QString error;
        std::unique_ptr<Database> other = Database::open(path, &error);
        if (!other)
            qWarning() << error;
        return other;
    }
};

} // namespace coform::test
