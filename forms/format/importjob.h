#pragma once

#include "format/importer.h"

#include <QObject>
#include <QThread>

namespace coform {

/// Runs importFile() on a thread of its own so that a window stays responsive while a file is read (a PDF can take
/// up to the time-out). Emits finished() in the thread that owns the job; result() is valid from then on.
/// Destroying a running job waits for it, which is bounded by the import's time-out.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    explicit ImportJob(QObject *parent = nullptr);
    ~ImportJob() override;

    /// Starts importing; returns false (and does nothing) while an import is running.
    bool start(const QString &path, const ImportOptions &options);
    bool isRunning() const { return m_thread != nullptr; }
    const ImportResult &result() const { return m_result; }

signals:
    void finished();

private:
    QThread *m_thread = nullptr;
    ImportResult m_result;
};

} // namespace coform
