#pragma once

#include "model/template.h"

#include <QObject>
#include <QString>

namespace coform {

/// The template open in the window, and where it came from. Views read it and observe its signals; they never
/// change it. The editor will change it only by pushing Edits (forms/edit) on the undo stack that this document
/// will own, and will announce finer changes (an item changed, inserted, removed) through further signals.
class TemplateDocument : public QObject
{
    Q_OBJECT

public:
    /// Where the open template was read from.
    enum class Origin { None, Bundled, File, Store };
    Q_ENUM(Origin)

    explicit TemplateDocument(QObject *parent = nullptr);

    bool isOpen() const { return m_origin != Origin::None; }
    const Template &tmpl() const { return m_template; }
    Origin origin() const { return m_origin; }
    /// The file or resource path it was read from; empty for a stored template.
    const QString &path() const { return m_path; }

    /// Replaces the whole document (opening another template).
    void open(const Template &t, Origin origin, const QString &path);
    void close();

signals:
    void aboutToReplaceTemplate();
    /// A different template (or none) is now open: views reload everything.
    void templateReplaced();

private:
    Template m_template;
    Origin m_origin = Origin::None;
    QString m_path;
};

} // namespace coform
