#include "editor/picturepicker.h"

#include "common/clearbutton.h"

#include "common/filedialogs.h"

#include "format/pictureformat.h"
#include "model/picturelibrary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QSvgRenderer>
#include <QVBoxLayout>

namespace coform {

namespace {

constexpr int kThumb = 96;

/// A bundled picture drawn at thumbnail size, once per process, only when it is first shown.
QPixmap thumbnail(const QString &set, const QString &name, qreal ratio)
{
    static QHash<QString, QPixmap> cache;
    const QString key = QStringLiteral("%1/%2@%3").arg(set, name).arg(ratio);
    auto it = cache.find(key);
    if (it == cache.end()) {
        QPixmap pixmap(QSize(kThumb, kThumb) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::white);
        QSvgRenderer svg(PictureLibrary::bundled().svg(set, name));
        svg.setAspectRatioMode(Qt::KeepAspectRatio);
        QPainter painter(&pixmap);
        svg.render(&painter, QRectF(0, 0, kThumb, kThumb));
        it = cache.insert(key, pixmap);
    }
    return *it;
}

/// Draws each grid cell's picture as it comes into view.
class ThumbnailDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString name = index.data(Qt::UserRole).toString();
        if (name.isEmpty())
            return;
        const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
        option->icon = QIcon(thumbnail(index.data(Qt::UserRole + 1).toString(), name, ratio));
        option->decorationSize = QSize(kThumb, kThumb);
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
};

} // namespace

QString PicturePicker::startingWords(const QString &words)
{
    static const QRegularExpression variant(QStringLiteral("\\s+\\d+[a-z]?$"));
    QString w = words;
    w.remove(variant);
    w = w.simplified();
    if (!w.isEmpty())
        w[0] = w.at(0).toUpper();
    return w;
}

std::optional<Picture> PicturePicker::ownPicture(const QString &path, QString *error)
{
    const QFileInfo info(path);
    // A file far over the limit is refused before it is read.
    if (info.size() > kMaxPictureBytes) {
        *error = tr("%1 is %2 KiB, and a picture may be at most %3 KiB. Make it smaller and try again.")
                     .arg(info.fileName())
                     .arg((info.size() + 1023) / 1024)
                     .arg(kMaxPictureBytes / 1024);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be opened.").arg(info.fileName());
        return std::nullopt;
    }
    Picture p;
    p.data = file.read(kMaxPictureBytes + 1);
    if (p.data.startsWith("\x89PNG"))
        p.mediaType = QStringLiteral("image/png");
    else if (p.data.startsWith("\xff\xd8\xff"))
        p.mediaType = QStringLiteral("image/jpeg");
    else
        p.mediaType = QStringLiteral("image/svg+xml");
    const QString problem = pictureDataProblem(p.mediaType, p.data);
    if (!problem.isEmpty()) {
        *error = tr("%1 cannot be used: %2.").arg(info.fileName(), problem);
        return std::nullopt;
    }
    p.alt = startingWords(info.completeBaseName().replace(QLatin1Char('_'), QLatin1Char(' ')));
    return p;
}

PicturePicker::PicturePicker(const std::optional<Picture> &current, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("picturePicker"));
    setWindowTitle(tr("Choose a picture"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Choose a picture that means the same as the words beside it. Type a word to find "
                                "one, then press Down to go through the pictures and Enter to choose."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *find = new QFormLayout;
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("pictureSearch"));
    m_search->setAccessibleName(tr("Find pictures by word"));
    m_search->setPlaceholderText(tr("for example doctor, home, money"));
    enableNamedClearButton(m_search, tr("Clear the words"));
    auto *searchLabel = new QLabel(tr("&Find:"));
    searchLabel->setBuddy(m_search);
    find->addRow(searchLabel, m_search);
    m_category = new QComboBox;
    m_category->setObjectName(QStringLiteral("pictureCategory"));
    m_category->setAccessibleName(tr("Kind of picture"));
    m_category->addItem(tr("All kinds"), QString());
    for (const QString &category : PictureLibrary::bundled().categories())
        m_category->addItem(category, category);
    auto *categoryLabel = new QLabel(tr("&Kind:"));
    categoryLabel->setBuddy(m_category);
    find->addRow(categoryLabel, m_category);
    layout->addLayout(find);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("pictureCount"));
    layout->addWidget(m_count);

    m_grid = new QListWidget;
    m_grid->setObjectName(QStringLiteral("pictureGrid"));
    m_grid->setAccessibleName(tr("Pictures"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setWordWrap(true);
    m_grid->setIconSize(QSize(kThumb, kThumb));
    m_grid->setGridSize(QSize(kThumb + 40, kThumb + 2 * fontMetrics().height() + 16));
    m_grid->setItemDelegate(new ThumbnailDelegate(m_grid));
    m_grid->setMinimumHeight(kThumb * 2 + 60);
    layout->addWidget(m_grid, 1);

    auto *altRow = new QFormLayout;
    m_alt = new QLineEdit;
    m_alt->setObjectName(QStringLiteral("pictureAlt"));
    m_alt->setAccessibleName(tr("Words for the picture, read out to people who cannot see it"));
    auto *altLabel = new QLabel(tr("&Words for the picture:"));
    altLabel->setBuddy(m_alt);
    altRow->addRow(altLabel, m_alt);
    layout->addLayout(altRow);
    m_credit = new QLabel;
    m_credit->setObjectName(QStringLiteral("pictureCredit"));
    m_credit->setWordWrap(true);
    layout->addWidget(m_credit);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("pictureProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold"));
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox;
    auto *own = buttons->addButton(tr("Use my &own picture…"), QDialogButtonBox::ActionRole);
    own->setObjectName(QStringLiteral("pictureOwn"));
    auto *none = buttons->addButton(tr("&No picture"), QDialogButtonBox::ActionRole);
    none->setObjectName(QStringLiteral("pictureNone"));
    none->setEnabled(current.has_value());
    auto *use = buttons->addButton(tr("&Use this picture"), QDialogButtonBox::AcceptRole);
    use->setObjectName(QStringLiteral("pictureUse"));
    use->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &PicturePicker::fill);
    connect(m_category, &QComboBox::currentIndexChanged, this, &PicturePicker::fill);
    connect(m_grid, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) { currentChanged(item); });
    connect(m_grid, &QListWidget::itemActivated, this, [this] { acceptChoice(); });
    connect(own, &QPushButton::clicked, this, &PicturePicker::chooseOwn);
    connect(none, &QPushButton::clicked, this, [this] {
        m_result.reset();
        QDialog::accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &PicturePicker::acceptChoice);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_search->installEventFilter(this);

    if (current && current->isBundled()) {
        if (const LibraryPicture *p = PictureLibrary::bundled().find(current->set, current->name))
            m_search->setText(startingWords(p->words));
    } else if (current) {
        m_own = current;
    }
    fill();
    if (current) {
        m_alt->setText(current->alt);
        m_startingAlt = current->alt;
    }
    m_search->setFocus();
    resize(760, 620);
}

void PicturePicker::fill()
{
    const QString chosen = m_grid->currentItem() ? m_grid->currentItem()->data(Qt::UserRole).toString() : QString();
    m_grid->clear();
    const QVector<const LibraryPicture *> found =
        PictureLibrary::bundled().search(m_search->text(), m_category->currentData().toString());
    for (qsizetype i = 0; i < found.size(); ++i) {
        const LibraryPicture *p = found.at(i);
        auto *item = new QListWidgetItem(startingWords(p->words), m_grid);
        item->setData(Qt::UserRole, p->name);
        item->setData(Qt::UserRole + 1, p->set);
        item->setToolTip(QStringLiteral("%1 (%2)").arg(p->words, p->category));
        // Read out with its place, so that pictures of the same name (a doctor, in four people) are told apart.
        item->setData(
            Qt::AccessibleTextRole,
            tr("%1, picture %2 of %3, %4").arg(startingWords(p->words)).arg(i + 1).arg(found.size()).arg(p->category));
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        if (p->name == chosen)
            m_grid->setCurrentItem(item);
    }
    if (!m_grid->currentItem() && m_grid->count() > 0)
        m_grid->setCurrentRow(0);
    const QString words = m_search->text().trimmed();
    const int n = int(found.size());
    if (n == 0)
        m_count->setText(tr("No picture matches. Try another word, or choose All kinds."));
    else if (words.isEmpty())
        m_count->setText(n == 1 ? tr("1 picture") : tr("%1 pictures").arg(n));
    else
        m_count->setText(n == 1 ? tr("1 picture matches \"%1\"").arg(words)
                                : tr("%1 pictures match \"%2\"").arg(n).arg(words));
}

void PicturePicker::currentChanged(QListWidgetItem *item)
{
    if (!item)
        return;
    m_own.reset();
    m_problem->hide();
    const QString set = item->data(Qt::UserRole + 1).toString();
    m_credit->setText(tr("Picture: %1").arg(PictureLibrary::credit(set)));
    // The words follow the choice until they are typed over.
    if (m_alt->text() == m_startingAlt) {
        m_startingAlt = item->text();
        m_alt->setText(m_startingAlt);
    }
}

void PicturePicker::chooseOwn()
{
    const QString path =
        FileDialogs::openFileName(this, tr("Use my own picture"), QString(), tr("Pictures (*.svg *.png *.jpg *.jpeg)"));
    if (path.isEmpty())
        return;
    QString error;
    std::optional<Picture> own = ownPicture(path, &error);
    if (!own) {
        m_problem->setText(error);
        m_problem->show();
        m_problem->setFocus();
        return;
    }
    m_problem->hide();
    m_own = own;
    m_grid->setCurrentItem(nullptr);
    m_credit->setText(
        tr("Your own picture: say who made it in the words for the picture's credit if it is not yours."));
    if (m_alt->text() == m_startingAlt) {
        m_startingAlt = own->alt;
        m_alt->setText(own->alt);
    }
    m_alt->setFocus();
    m_alt->selectAll();
}

void PicturePicker::acceptChoice()
{
    Picture p;
    if (m_own) {
        p = *m_own;
    } else if (QListWidgetItem *item = m_grid->currentItem()) {
        p.set = item->data(Qt::UserRole + 1).toString();
        p.name = item->data(Qt::UserRole).toString();
        p.credit = PictureLibrary::credit(p.set);
    } else {
        m_problem->setText(tr("Choose a picture first, or press No picture."));
        m_problem->show();
        return;
    }
    p.alt = m_alt->text().simplified();
    m_result = p;
    QDialog::accept();
}

bool PicturePicker::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search goes into the pictures.
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_grid->count() > 0) {
        m_grid->setFocus(Qt::TabFocusReason);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace coform
