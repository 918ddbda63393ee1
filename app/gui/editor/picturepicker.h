#pragma once

#include "model/picture.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace coform {

/// Chooses the picture beside a question or section (easy read): search the bundled pictures by word, browse them by
/// category in a grid large enough to see (arrow keys move, each picture's name is read out, Enter chooses), or use
/// one's own picture file (checked, and refused in words beside the button when it cannot be used). The words for
/// the picture start from its name and can be changed. "No picture" takes the picture away.
class PicturePicker : public QDialog
{
    Q_OBJECT

public:
    /// `current`: the picture there is now (shown chosen), if any.
    explicit PicturePicker(const std::optional<Picture> &current, QWidget *parent = nullptr);

    /// What was decided: a picture, or none (after "No picture"). Only meaningful when exec() accepted.
    const std::optional<Picture> &result() const { return m_result; }

    /// The words a bundled picture starts with: its name without the set's variant mark, as a sentence ("Doctor").
    static QString startingWords(const QString &words);
    /// Reads an own picture file: the picture, or nothing with the reason in `error` (too big, not a picture, an SVG
    /// with a script or an outside reference).
    static std::optional<Picture> ownPicture(const QString &path, QString *error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill();
    void chooseOwn();
    void currentChanged(QListWidgetItem *item);
    void acceptChoice();

    QLineEdit *m_search;
    QComboBox *m_category;
    QListWidget *m_grid;
    QLabel *m_count;
    QLineEdit *m_alt;
    QLabel *m_credit;
    QLabel *m_problem;
    std::optional<Picture> m_own;    ///< the own picture chosen, if any
    std::optional<Picture> m_result; ///< what accept() hands back
    QString m_startingAlt;           ///< the words last filled in for the choice (replaced while not typed over)
};

} // namespace coform
