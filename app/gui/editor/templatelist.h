#pragma once

#include "document/templatedocument.h"

#include <QListWidget>

namespace coform {

/// The templates a person can open: those bundled with Coform, files opened in this session, and (once the
/// template store is there) the stored ones. Choosing an entry emits templateChosen(); the window opens it.
class TemplateList : public QListWidget
{
    Q_OBJECT

public:
    enum Role { OriginRole = Qt::UserRole + 1, PathRole };

    explicit TemplateList(QWidget *parent = nullptr);

    /// Lists every bundled template that reads without errors; returns how many.
    int addBundledTemplates();
    /// Adds an entry (or finds the one with this origin and path) and returns its row.
    int addEntry(TemplateDocument::Origin origin, const QString &path, const QString &title, int version);
    /// Adds or updates the entry of a shared template (path = its id), worded as where it lives ("Shared: draft 2 of
    /// NHS Continuing Healthcare review").
    int setSharedEntry(const QString &templateId, const QString &where);
    /// Selects the entry with this origin and path without emitting templateChosen(); false when there is none.
    bool selectEntry(TemplateDocument::Origin origin, const QString &path);
    int rowOf(TemplateDocument::Origin origin, const QString &path) const;

signals:
    void templateChosen(coform::TemplateDocument::Origin origin, const QString &path);

private:
    bool m_selecting = false;
};

} // namespace coform
