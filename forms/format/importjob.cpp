#include "importjob.h"

namespace coform {

ImportJob::ImportJob(QObject *parent)
    : QObject(parent)
{}

ImportJob::~ImportJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportJob::start(const QString &path, const ImportOptions &options)
{
    if (m_thread)
        return false;
    m_result = {};
    // The thread writes m_result only; it is read after finished(), which QThread::finished orders after the write.
    m_thread = QThread::create([this, path, options] { m_result = importFile(path, options); });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        emit finished();
    });
    m_thread->start();
    return true;
}

} // namespace coform
