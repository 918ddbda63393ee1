// Window to window: how long a letter typed in one Coform window, or a comment added there, takes to show in another
// person's window in another process. Both are real main windows signed in to one shared database (SQLite file or
// PostgreSQL), each with its own connection and the application's own polling and notification settings.
//
// This process is Ada's window: it types 50 letters into the wording of the first question with key events (one
// every 150 ms or so: one step of typing) and then writes 20 comments on that question (typed, then the Add button
// clicked). A second process (this program with --watch) is Ben's window: it notes the moment its wording box and
// its comments list change, and says so on its standard output with the time. Both clocks are this machine's.
//
//   bench_window_to_window [DATABASE]      DATABASE: a new SQLite file (default: in a temporary folder) or a
//                                          postgresql:// URL of an empty database or schema
// Prints median, p95 and max (ms) for edits and for comments. Targets: edits as fast as today's 71-102 ms median;
// comments 300 ms median, 1 s at worst.
#include "format/templateformat.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"

#include "mainwindow.h"
#include "shared/sharedworkspace.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace coform;

namespace {

const QString kPassword = QStringLiteral("window to window benchmark");
const QString kTemplate = QStringLiteral("chc-review");
constexpr int kEdits = 50;
constexpr int kComments = 20;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void say(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

/// The first question that is not an information text.
QString firstQuestion(const Template &t)
{
    for (const Item *item : t.allItems()) {
        if (item->type != ItemType::Info)
            return item->id;
    }
    return {};
}

/// A signed-in window on the stored template, on its first question.
struct Window
{
    std::unique_ptr<Database> db;
    std::optional<Session> session;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<SharedWorkspace> workspace;

    bool open(const QString &location, const QString &user)
    {
        QString error;
        db = Database::open(location, &error);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        const Result<Session> signedIn = UserStore(*db).signIn(user, kPassword);
        if (!signedIn.ok())
            return false;
        session = signedIn.value();
        window = std::make_unique<MainWindow>();
        workspace = std::make_unique<SharedWorkspace>(window.get(), *db, *session);
        window->resize(1366, 768);
        window->show();
        return workspace->openStoredTemplate(kTemplate)
               && window->selectId(firstQuestion(window->document()->content()));
    }
    ~Window()
    {
        workspace.reset(); // before the window: the live link lets go of the window's document first
        window.reset();
    }
    template<typename T> T *find(const char *name) const { return window->findChild<T *>(QLatin1String(name)); }
};

/// Ben's window: says when its wording box and its comments list change.
int watch(const QString &location)
{
    Window ben;
    if (!ben.open(location, QStringLiteral("ben")))
        return 2;
    auto *wording = ben.find<QTextEdit>("propertyText");
    auto *comments = ben.find<QTreeWidget>("commentsList");
    if (!wording || !comments)
        return 2;
    QObject::connect(wording, &QTextEdit::textChanged, wording, [wording] {
        say({{QStringLiteral("edit"), wording->toPlainText()}, {QStringLiteral("ms"), nowMs()}});
    });
    // The list is rebuilt on each refresh: look at it every millisecond.
    int seen = comments->topLevelItemCount();
    QTimer look;
    look.setInterval(1);
    QObject::connect(&look, &QTimer::timeout, comments, [comments, &seen] {
        const int count = comments->topLevelItemCount();
        if (count != seen) {
            seen = count;
            say({{QStringLiteral("comments"), count}, {QStringLiteral("ms"), nowMs()}});
        }
    });
    look.start();
    say({{QStringLiteral("ready"), true}, {QStringLiteral("ms"), nowMs()}});
    return QApplication::exec();
}

struct Figures
{
    QVector<qint64> ms;
    QString line(const char *what) const
    {
        if (ms.isEmpty())
            return QStringLiteral("%1: none arrived").arg(QLatin1String(what));
        QVector<qint64> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto at = [&](double p) {
            return sorted.at(std::min<int>(int(sorted.size()) - 1, int(p * sorted.size())));
        };
        return QStringLiteral("%1: %2, window to window ms: median %3, p95 %4, max %5 (min %6)")
            .arg(QLatin1String(what))
            .arg(sorted.size())
            .arg(at(0.5))
            .arg(at(0.95))
            .arg(sorted.last())
            .arg(sorted.first());
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--watch"))
        return watch(args.at(2));

    QTemporaryDir dir;
    const QString location = args.size() > 1 ? args.at(1) : dir.filePath(QStringLiteral("window-to-window.sqlite"));
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(location, &error);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        UserStore users(*db);
        const Result<Session> ada = users.createFirstAdmin(QStringLiteral("ada"), kPassword);
        Problems problems;
        if (!ada.ok() || !users.addUser(*ada, QStringLiteral("ben"), Role::Coproducer, kPassword).ok()
            || !TemplateStore(*db, *ada)
                    .addTemplate(*readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems))
                    .ok()) {
            std::fprintf(stderr, "cannot set up the database\n");
            return 2;
        }
    }

    // Ben's window, in another process.
    QProcess ben;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen")));
    ben.setProcessEnvironment(env);
    ben.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QVector<QJsonObject> heard;
    QObject::connect(&ben, &QProcess::readyReadStandardOutput, &ben, [&] {
        while (ben.canReadLine())
            heard.append(QJsonDocument::fromJson(ben.readLine()).object());
    });
    ben.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--watch"), location});
    const auto waitFor = [&](const std::function<bool(const QJsonObject &)> &match, int timeoutMs) -> qint64 {
        const qint64 until = nowMs() + timeoutMs;
        for (;;) {
            for (const QJsonObject &o : std::as_const(heard)) {
                if (match(o))
                    return o.value(QStringLiteral("ms")).toInteger(-1);
            }
            if (nowMs() > until || ben.state() == QProcess::NotRunning)
                return -1;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
    };
    if (waitFor([](const QJsonObject &o) { return o.contains(QStringLiteral("ready")); }, 60000) == -1) {
        std::fprintf(stderr, "the second window did not open\n");
        return 1;
    }

    // Ada's window, here.
    Window ada;
    if (!ada.open(location, QStringLiteral("ada")))
        return 2;
    auto *wording = ada.find<QTextEdit>("propertyText");
    auto *commentText = ada.find<QPlainTextEdit>("commentsText");
    auto *addComment = ada.find<QPushButton>("commentsAdd");
    if (!wording || !commentText || !addComment) {
        std::fprintf(stderr, "the window has no wording box or comment box\n");
        return 2;
    }
    QTest::qWait(500); // both windows settled (first heartbeats, first reads)

    Figures edits;
    wording->setFocus();
    QTest::keyClick(wording, Qt::Key_End, Qt::ControlModifier);
    const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    for (int i = 0; i < kEdits; ++i) {
        heard.clear();
        const qint64 typed = nowMs();
        QTest::keyClick(wording, letters.at(i % letters.size()).toLatin1());
        const QString expected = wording->toPlainText();
        const qint64 shown =
            waitFor([&](const QJsonObject &o) { return o.value(QStringLiteral("edit")).toString() == expected; }, 5000);
        if (shown >= 0)
            edits.ms.append(shown - typed);
        QTest::qWait(100); // typing speed: a letter every 150 ms or so, one step of the history
    }

    Figures comments;
    int count = 0;
    for (const QJsonObject &o : std::as_const(heard))
        count = std::max(count, o.value(QStringLiteral("comments")).toInt());
    for (int i = 0; i < kComments; ++i) {
        commentText->setFocus();
        QTest::keyClicks(commentText, QStringLiteral("Comment number %1 from Ada").arg(i + 1));
        heard.clear();
        const qint64 added = nowMs();
        QTest::mouseClick(addComment, Qt::LeftButton);
        const int expected = count + i + 1;
        const qint64 shown = waitFor(
            [&](const QJsonObject &o) { return o.value(QStringLiteral("comments")).toInt() >= expected; }, 5000);
        if (shown >= 0)
            comments.ms.append(shown - added);
        QTest::qWait(100);
    }
    ben.kill();
    ben.waitForFinished(5000);

    const char *backend = ada.db->backend() == Database::Backend::Postgres ? "postgresql" : "sqlite";
    std::printf("%s: %s\n", backend, qPrintable(edits.line("edits (letters typed)")));
    std::printf("%s: %s\n", backend, qPrintable(comments.line("comments (added)")));
    return edits.ms.size() == kEdits && comments.ms.size() == kComments ? 0 : 1;
}
