#pragma once

#include "store/packagestore.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QVBoxLayout;
class QPushButton;

namespace coform {

/// File > Import a form package: what a package file is and what importing it would do, shown BEFORE anything
/// changes: the signature check in words (whose key, seen before or new: its fingerprint words to check by phone or
/// email), the provenance ("About this form": who made it, approvals, coverage, plain-words figures, what changed),
/// and what importing does (a new shared draft, an update to take, or nothing). Tampered or unreadable files are
/// refused in words, with no Import button. Accepting the dialog means the person chose the offered action.
class PackageImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PackageImportDialog(const PackagePreview &preview, QWidget *parent = nullptr);

    /// The signature check in words (the "signatureWords" label).
    static QString signatureWords(const PackagePreview &preview);
    /// What importing will do, in words (the "effectWords" label).
    static QString effectWords(const PackagePreview &preview);

    /// The button that imports or takes the update; nullptr when nothing can be imported.
    QPushButton *actionButton() const { return m_action; }
    /// When a form here has the package's id: the id the person gave the imported one (empty otherwise).
    QString newId() const;

private:
    void addNewIdField(const PackagePreview &preview, QVBoxLayout *layout);
    void checkNewId();

    QPushButton *m_action = nullptr;
    QLineEdit *m_newId = nullptr;
    QLabel *m_newIdProblem = nullptr;
};

} // namespace coform
