#include "document/draftrecovery.h"

#include "format/draftreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>

namespace coform {

namespace {
QString metaFile(const QString &draftFile)
{
    return draftFile + QStringLiteral(".about");
}
QString lockFile(const QString &draftFile)
{
    return draftFile + QStringLiteral(".lock");
}
} // namespace

DraftRecovery::DraftRecovery(TemplateDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DraftRecovery::writeNow);
    connect(m_document, &TemplateDocument::contentChanged, this, [this] {
        if (m_document->origin() != TemplateDocument::Origin::Store)
            m_timer.start();
    });
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean && !m_document->isModified())
            dropCopy(); // saved, or changed back to how it was saved
    });
    connect(m_document, &TemplateDocument::aboutToReplaceTemplate, this, [this] {
        // The person has chosen to leave this template (saved or not): its copy goes.
        m_timer.stop();
        dropCopy();
    });
}

DraftRecovery::~DraftRecovery()
{
    // A normal close: the window has already asked about unsaved changes.
    dropCopy();
}

QString DraftRecovery::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

void DraftRecovery::startCopy()
{
    if (!m_draftFile.isEmpty())
        return;
    // The data folder and its recovery folder are the owner's only (0700); the copies are 0600.
    OutputFile::makePrivateFolder(QFileInfo(folder()).absolutePath(), nullptr);
    OutputFile::makePrivateFolder(folder(), nullptr);
    m_draftFile = QDir(folder()).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".json"));
    m_lock = std::make_unique<QLockFile>(lockFile(m_draftFile));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
}

bool DraftRecovery::writeNow()
{
    m_timer.stop();
    if (!m_document->isOpen() || m_document->origin() == TemplateDocument::Origin::Store || !m_document->isModified())
        return true;
    startCopy();
    QString error;
    // Only a file of the person's own is given back as that file; changes to a bundled template come back as a new,
    // unsaved form.
    const QString path = m_document->origin() == TemplateDocument::Origin::File ? m_document->path() : QString();
    const QJsonObject about{{QStringLiteral("path"), path},
                            {QStringLiteral("title"), m_document->content().title},
                            {QStringLiteral("changedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (!writeFileAtomically(m_draftFile, writeTemplate(m_document->content()), &error)
        || !writeFileAtomically(metaFile(m_draftFile), QJsonDocument(about).toJson(), &error)) {
        emit failed(tr("Your changes could not be kept for recovery: %1").arg(error));
        return false;
    }
    return true;
}

void DraftRecovery::dropCopy()
{
    if (m_draftFile.isEmpty())
        return;
    QFile::remove(m_draftFile);
    QFile::remove(metaFile(m_draftFile));
    m_lock.reset(); // unlocks and removes the lock file
    m_draftFile.clear();
}

QVector<RecoverableDraft> DraftRecovery::find()
{
    QVector<RecoverableDraft> drafts;
    const QDir dir(folder());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString draftFile = dir.filePath(name);
        QLockFile lock(lockFile(draftFile));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // another Coform is working on it now
        lock.unlock();
        QFile about(metaFile(draftFile));
        if (!about.open(QIODevice::ReadOnly) || about.size() > 64 * 1024)
            continue;
        const QJsonObject o = QJsonDocument::fromJson(about.readAll()).object();
        RecoverableDraft draft;
        draft.draftFile = draftFile;
        draft.path = o.value(QStringLiteral("path")).toString();
        draft.title = o.value(QStringLiteral("title")).toString();
        draft.changedAt = QDateTime::fromString(o.value(QStringLiteral("changedAt")).toString(), Qt::ISODateWithMs);
        drafts.append(draft);
    }
    std::sort(drafts.begin(), drafts.end(),
              [](const RecoverableDraft &a, const RecoverableDraft &b) { return a.changedAt > b.changedAt; });
    return drafts;
}

bool DraftRecovery::recover(const RecoverableDraft &draft, TemplateDocument *document, QString *error,
                            Problems *problems)
{
    Problems found;
    const std::optional<Template> t = readTemplateFileLeniently(draft.draftFile, &found);
    if (problems)
        *problems = found;
    if (!t) {
        if (error)
            *error = found.isEmpty() ? tr("the copy cannot be read") : found.first().toString();
        return false;
    }
    document->open(*t, TemplateDocument::Origin::File, draft.path);
    document->markUnsaved();
    discard(draft);
    return true;
}

void DraftRecovery::discard(const RecoverableDraft &draft)
{
    QFile::remove(draft.draftFile);
    QFile::remove(metaFile(draft.draftFile));
    QFile::remove(lockFile(draft.draftFile));
}

} // namespace coform
