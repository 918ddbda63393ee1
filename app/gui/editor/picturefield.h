#pragma once

#include "model/picture.h"

#include <QJsonValue>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace coform {

/// The picture of the question or section shown in the details (easy read): the picture itself, "Choose a
/// picture…" (the PicturePicker), "No picture", and the words for the picture in the template's first language
/// (the other languages are in the translation table). Each change is one edit: `pictureEdited` hands over the new
/// `picture` value (null for none).
class PictureField : public QWidget
{
    Q_OBJECT

public:
    explicit PictureField(QWidget *parent = nullptr);

    /// Shows a picture (or none) without editing anything.
    void setPicture(const std::optional<Picture> &picture);
    /// Opens the picture picker (also the "Choose a picture…" button).
    void choose();

signals:
    void pictureEdited(const QJsonValue &picture);

private:
    void altEdited();

    std::optional<Picture> m_picture;
    QLabel *m_thumb;
    QPushButton *m_choose;
    QPushButton *m_remove;
    QLineEdit *m_alt;
};

} // namespace coform
