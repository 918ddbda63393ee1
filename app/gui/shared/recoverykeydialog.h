#pragma once

#include <QDialog>

namespace coform {

/// Shows a new recovery key once (the first admin's, one made from the Security menu, or the one made when an older
/// database is encrypted): large, in groups, to write down or print and lock away.
class RecoveryKeyDialog : public QDialog
{
    Q_OBJECT
public:
    RecoveryKeyDialog(const QString &recoveryKey, QWidget *parent = nullptr);

    /// Shows the key and waits until the person says they have kept it.
    static void showKey(const QString &recoveryKey, QWidget *parent = nullptr);

private:
    void print();

    QString m_key;
};

} // namespace coform
