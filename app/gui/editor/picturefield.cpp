#include "editor/picturefield.h"

#include "common/flowlayout.h"
#include "editor/picturepicker.h"
#include "editor/picturepixmap.h"

#include "model/picturejson.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

namespace {

constexpr int kSize = 72;

} // namespace

PictureField::PictureField(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("propertyPicture"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The picture and its buttons wrap under each other when the panel is narrow (large text), never wider than it.
    auto *shown = new QWidget;
    auto *row = new FlowLayout(shown);
    row->setContentsMargins(0, 0, 0, 0);
    m_thumb = new QLabel;
    m_thumb->setObjectName(QStringLiteral("propertyPictureShown"));
    m_thumb->setFixedSize(kSize + 4, kSize + 4);
    m_thumb->setFrameShape(QFrame::Box);
    m_thumb->setAlignment(Qt::AlignCenter);
    m_choose = new QPushButton(tr("Choose a picture…"));
    m_choose->setObjectName(QStringLiteral("propertyPictureChoose"));
    m_choose->setAccessibleName(tr("Choose a picture"));
    m_remove = new QPushButton(tr("No picture"));
    m_remove->setObjectName(QStringLiteral("propertyPictureRemove"));
    m_remove->setAccessibleName(tr("Take the picture away"));
    row->addWidget(m_thumb);
    row->addWidget(m_choose);
    row->addWidget(m_remove);
    layout->addWidget(shown);
    m_alt = new QLineEdit;
    m_alt->setMinimumWidth(0);
    m_alt->setObjectName(QStringLiteral("propertyPictureAlt"));
    m_alt->setAccessibleName(tr("Words for the picture, read out to people who cannot see it"));
    m_alt->setPlaceholderText(tr("Words for the picture"));
    layout->addWidget(m_alt);
    setFocusProxy(m_choose);
    connect(m_choose, &QPushButton::clicked, this, &PictureField::choose);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_picture)
            emit pictureEdited(QJsonValue(QJsonValue::Null));
    });
    connect(m_alt, &QLineEdit::editingFinished, this, &PictureField::altEdited);
    setPicture(std::nullopt);
}

void PictureField::setPicture(const std::optional<Picture> &picture)
{
    m_picture = picture;
    if (picture) {
        m_thumb->setPixmap(picturePixmap(*picture, kSize, devicePixelRatioF()));
        m_thumb->setAccessibleName(picture->alt.isEmpty() ? tr("A picture with no words") : picture->alt);
    } else {
        m_thumb->clear();
        m_thumb->setText(tr("None"));
        m_thumb->setAccessibleName(tr("No picture"));
    }
    m_remove->setEnabled(picture.has_value());
    m_alt->setEnabled(picture.has_value());
    if (!m_alt->hasFocus())
        m_alt->setText(picture ? picture->alt : QString());
}

void PictureField::choose()
{
    PicturePicker picker(m_picture, window());
    if (picker.exec() != QDialog::Accepted)
        return;
    if (picker.result() == m_picture)
        return;
    emit pictureEdited(pictureValue(picker.result()));
}

void PictureField::altEdited()
{
    if (!m_picture || m_alt->text().simplified() == m_picture->alt)
        return;
    Picture changed = *m_picture;
    changed.alt = m_alt->text().simplified();
    emit pictureEdited(pictureToJson(changed));
}

} // namespace coform
