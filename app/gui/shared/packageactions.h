#pragma once

#include "model/provenance.h"
#include "store/session.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;

namespace coform {

class Database;
class MainWindow;

/// Form packages in the window (issue 20): File > Import a form package (the signature and the provenance shown
/// before anything changes; a new shared draft, or an update taken through the conflict dialog), File > Export a
/// form package and Save "About this form" as PDF for a published template, and Shared templates > Compare with the
/// origin for an adapted one.
class PackageActions : public QObject
{
    Q_OBJECT
public:
    /// Puts its File items before `before`, and "Compare with the origin" at the end of `sharedMenu`. `open` opens a
    /// stored template in the window.
    PackageActions(MainWindow *window, QMenu *sharedMenu, QAction *before, Database &db, const Session &session,
                   std::function<void(const QString &)> open, QObject *parent = nullptr);

    void chooseAndImport();
    /// Shows what the package would do and, when the person chooses, imports it; false when nothing changed.
    bool importPackage(const QByteArray &bytes);
    void exportPackage();
    void saveAboutPdf();
    void compareWithOrigin();

private:
    /// The open shared template's id; empty (and the person told why) when none is open.
    QString openTemplateId();
    /// The organisation's name and code, asked of an admin when they are not set; false when they are still missing.
    bool ensureOrganisation();
    bool takeUpdate(const QByteArray &bytes, const QString &localTemplateId, const Provenance &origin);
    void tell(const QString &title, const QString &message, bool refused);

    MainWindow *m_window;
    Database &m_db;
    Session m_session;
    std::function<void(const QString &)> m_open;
};

} // namespace coform
