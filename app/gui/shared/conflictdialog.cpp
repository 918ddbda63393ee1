#include "shared/conflictdialog.h"

#include "shared/changedetailwords.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coform {

namespace {
QPlainTextEdit *readOnlyText(const QString &text, const QString &objectName, const QString &accessibleName,
                             QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setReadOnly(true);
    edit->setTabChangesFocus(true);
    return edit;
}
} // namespace

ConflictDialog::ConflictDialog(const QString &what, const QString &mine, const QString &theirName,
                               const QDateTime &theirTime, const QString &theirs, bool canMerge, QWidget *parent)
    : QDialog(parent)
    , m_mine(mine)
    , m_theirs(theirs)
    , m_merge(new QPlainTextEdit(this))
    , m_keepTheirs(new QPushButton(tr("&Keep theirs"), this))
    , m_useMine(new QPushButton(tr("&Use mine"), this))
    , m_mergeByHand(new QPushButton(tr("&Merge by hand"), this))
    , m_saveMerged(new QPushButton(tr("&Save the merged words"), this))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Someone else changed this first"));

    auto *intro = m_intro = new QLabel(tr("You and %1 both changed %2. Your change has not been saved yet. "
                                          "Choose which to keep.")
                                           .arg(theirName, what),
                                       this);
    intro->setObjectName(QStringLiteral("conflictIntro"));
    intro->setWordWrap(true);

    const QString theirHeading = tr("%1 changed it on %2 to:").arg(theirName, ChangeDetailWords::when(theirTime));
    auto *mineLabel = m_mineLabel = new QLabel(tr("You wrote:"), this);
    mineLabel->setObjectName(QStringLiteral("conflictMineHeading"));
    auto *theirsLabel = new QLabel(theirHeading, this);
    theirsLabel->setObjectName(QStringLiteral("conflictTheirsHeading"));
    theirsLabel->setWordWrap(true);
    auto *mineText = m_mineText = readOnlyText(mine, QStringLiteral("conflictMine"), tr("You wrote"), this);
    auto *theirsText = readOnlyText(theirs, QStringLiteral("conflictTheirs"), theirHeading, this);
    mineLabel->setBuddy(mineText);
    theirsLabel->setBuddy(theirsText);

    auto *mergeLabel = new QLabel(tr("Merged words (you can change them):"), this);
    mergeLabel->setObjectName(QStringLiteral("conflictMergeHeading"));
    m_merge->setObjectName(QStringLiteral("conflictMerge"));
    m_merge->setAccessibleName(tr("Merged words, which you can change"));
    m_merge->setTabChangesFocus(true);
    m_merge->setPlainText(mine + QStringLiteral("\n\n") + theirs);
    mergeLabel->setBuddy(m_merge);
    mergeLabel->setVisible(false);
    m_merge->setVisible(false);

    m_keepTheirs->setObjectName(QStringLiteral("conflictKeepTheirs"));
    m_keepTheirs->setAccessibleName(tr("Keep theirs: %1's change stays").arg(theirName));
    m_useMine->setObjectName(QStringLiteral("conflictUseMine"));
    m_useMine->setAccessibleName(tr("Use mine: save your change over theirs"));
    m_mergeByHand->setObjectName(QStringLiteral("conflictMergeByHand"));
    m_mergeByHand->setAccessibleName(tr("Merge by hand: write words that combine both"));
    m_mergeByHand->setVisible(canMerge);
    m_saveMerged->setObjectName(QStringLiteral("conflictSaveMerged"));
    m_saveMerged->setAccessibleName(tr("Save the merged words"));
    m_saveMerged->setVisible(false);

    auto *grid = new QGridLayout;
    grid->addWidget(mineLabel, 0, 0);
    grid->addWidget(theirsLabel, 0, 1);
    grid->addWidget(mineText, 1, 0);
    grid->addWidget(theirsText, 1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_keepTheirs);
    buttons->addWidget(m_useMine);
    buttons->addWidget(m_mergeByHand);
    buttons->addWidget(m_saveMerged);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid, 1);
    layout->addWidget(mergeLabel);
    layout->addWidget(m_merge, 1);
    layout->addLayout(buttons);

    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { choose(Choice::KeepTheirs); });
    connect(m_useMine, &QPushButton::clicked, this, [this] { choose(Choice::UseMine); });
    connect(m_mergeByHand, &QPushButton::clicked, this, [this, mergeLabel] {
        mergeLabel->setVisible(true);
        startMerging();
    });
    connect(m_saveMerged, &QPushButton::clicked, this, [this] { choose(Choice::MergeByHand); });
    resize(760, 420);
    m_keepTheirs->setFocus();
}

void ConflictDialog::describeAsUpdate(const QString &what, const QString &origin)
{
    setWindowTitle(tr("You and %1 both changed this").arg(origin));
    m_intro->setText(tr("Your group and %1 both changed %2 since the version your form is based on. Choose which to "
                        "keep: nothing changes until you do.")
                         .arg(origin, what));
    m_mineLabel->setText(tr("Your group's words:"));
    m_mineText->setAccessibleName(tr("Your group's words"));
    m_keepTheirs->setText(tr("&Take %1's").arg(origin));
    m_keepTheirs->setAccessibleName(tr("Take %1's: their change replaces your group's").arg(origin));
    m_useMine->setText(tr("&Keep your group's"));
    m_useMine->setAccessibleName(tr("Keep your group's: their change is left out"));
    m_mergeByHand->setVisible(false);
}

void ConflictDialog::startMerging()
{
    m_merge->setVisible(true);
    m_saveMerged->setVisible(true);
    m_saveMerged->setDefault(true);
    m_merge->setFocus();
}

void ConflictDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

QString ConflictDialog::text() const
{
    switch (m_choice) {
    case Choice::UseMine:
        return m_mine;
    case Choice::MergeByHand:
        return m_merge->toPlainText();
    case Choice::KeepTheirs:
        break;
    }
    return m_theirs;
}

} // namespace coform
