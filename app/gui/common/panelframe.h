#pragma once

class QString;
class QWidget;

namespace coform {

/// One of the main window's panels: a bold heading (whose Alt+letter moves to `buddy`) over its contents.
class PanelFrame
{
public:
    static QWidget *make(QWidget *parent, const QString &objectName, const QString &heading, QWidget *content,
                         QWidget *buddy);
};

} // namespace coform
