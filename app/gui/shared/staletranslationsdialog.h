#pragma once

#include "model/template.h"
#include "model/translationstamps.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace coform {

/// Asked before a version is published with translations that are out of date (the source wording changed after
/// they were made): lists each one in words (the question, the language, the English now, the translation as it
/// is) and explains the two ways on: do not publish yet (withdraw the proposal, and in the draft say each is still
/// right or give a new translation), or say why it is published as it is. "Publish as it is" is possible once there
/// is a reason; the reason is kept with the version and goes in the "What changed" summary under "Not changed, and
/// why".
class StaleTranslationsDialog : public QDialog
{
    Q_OBJECT

public:
    StaleTranslationsDialog(const Template &version, const QVector<TranslationStamps::OutOfDate> &stale,
                            QWidget *parent = nullptr);

    /// Why the version is published with these translations as they are.
    QString reason() const;

private:
    void update();

    QLabel *m_intro;
    QTreeWidget *m_list;
    QLineEdit *m_reason;
    QLabel *m_status;
    QPushButton *m_publish;
};

} // namespace coform
