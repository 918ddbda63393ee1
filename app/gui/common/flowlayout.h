#pragma once

#include <QLayout>
#include <QList>

namespace coform {

/// Lays its widgets out in a row, left to right, starting a new row when the next one does not fit the width: a row
/// of buttons or of filters that wraps with large text or a narrow panel instead of making the panel wider than the
/// screen. Its minimum width is that of its widest widget; its height follows its width (heightForWidth).
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int arrange(const QRect &rect, bool apply) const; ///< the height the items take in rect's width

    QList<QLayoutItem *> m_items;
    int m_gap;
};

} // namespace coform
