#pragma once

#include "model/jsonreader.h"
#include "model/picture.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace coform {

/// Reads a picture value (docs/formats.md, "Pictures") at JSON pointer `p`: its shape only (keys, base64, size, type);
/// what it holds is checked by pictureProblem() (format/pictureformat.h). Problems go to `json`.
std::optional<Picture> readPictureValue(JsonReader &json, const QJsonValue &value, const QString &p);
/// A picture as JSON: {"set", "name", "alt", "credit"} or {"type", "data" (base64), "alt", "credit"}.
QJsonObject pictureToJson(const Picture &picture);
/// The JSON value of an optional picture (null when there is none).
QJsonValue pictureValue(const std::optional<Picture> &picture);
/// Reads a picture JSON value without collecting problems (edits): nullopt with `error` for a bad one; nullopt and no
/// error for null.
std::optional<Picture> pictureFromValue(const QJsonValue &value, QString *error);

} // namespace coform
