#include "shared/whatneedsyoupage.h"

#include "common/templatewords.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace coform {

namespace {
QString when(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return QLocale().toString(at.toLocalTime().date(), QStringLiteral("d MMMM"));
}

QString question(const NeedsYou &e)
{
    if (e.itemId.isEmpty())
        return QCoreApplication::translate("coform::WhatNeedsYouPage", "the whole form");
    if (e.questionNumber > 0)
        return QCoreApplication::translate("coform::WhatNeedsYouPage", "question %1, \u201c%2\u201d")
            .arg(e.questionNumber)
            .arg(e.itemLabel);
    return QStringLiteral("\u201c%1\u201d").arg(e.itemLabel.isEmpty() ? e.itemId : e.itemLabel);
}
} // namespace

WhatNeedsYouPage::WhatNeedsYouPage(Database &db, const Session &session, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_open(new QPushButton(tr("&Open"), this))
{
    setObjectName(QStringLiteral("whatNeedsYouPage"));
    setWindowTitle(tr("What needs you"));
    setAccessibleName(tr("What needs you"));

    auto *heading = new QLabel(tr("What needs you, %1").arg(session.userName()), this);
    heading->setObjectName(QStringLiteral("whatNeedsYouHeading"));
    QFont big = heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    heading->setFont(big);

    m_summary->setObjectName(QStringLiteral("whatNeedsYouSummary"));
    m_summary->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("whatNeedsYouList"));
    m_list->setAccessibleName(tr("What needs you: press Enter to open"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(3);

    m_open->setObjectName(QStringLiteral("whatNeedsYouOpen"));
    m_open->setAccessibleName(tr("Open the chosen one"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_open, QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(tr("&Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("whatNeedsYouClose"));
    close->setAccessibleName(tr("Close"));
    m_open->setAutoDefault(false);
    close->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    // One click opens (Enter too: keyPressEvent).
    connect(m_list, &QListWidget::itemClicked, this, [this] { openCurrent(); });
    connect(m_open, &QPushButton::clicked, this, &WhatNeedsYouPage::openCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_open->setEnabled(row >= 0); });
    resize(640, 420);
    refresh();
}

QString WhatNeedsYouPage::words(const NeedsYou &e)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("coform::WhatNeedsYouPage", text); };
    const QString form = QStringLiteral("\u201c%1\u201d").arg(e.templateTitle);
    switch (e.kind) {
    case NeedsYou::Kind::Approve:
        return tr("Version %1 of %2 is waiting for your approval. %3 asked the group on %4. Open it to read what "
                  "changed.")
            .arg(e.version)
            .arg(form, e.who, when(e.at));
    case NeedsYou::Kind::Reply:
        return tr("%1 replied to your comment on %2 in %3 (%4).").arg(e.who, question(e), form, when(e.at));
    case NeedsYou::Kind::CommentOnYourChange:
        return tr("%1 commented on %2 in %3, which you changed (%4).").arg(e.who, question(e), form, when(e.at));
    case NeedsYou::Kind::Draft:
        return tr("Draft %1 of %2: you are working on it (last on %3).").arg(e.version).arg(form, when(e.at));
    }
    return {};
}

int WhatNeedsYouPage::refresh()
{
    const int keep = m_list->currentRow();
    const Result<QVector<NeedsYou>> list = WhatNeedsYou(m_db, m_session).list();
    m_entries = list.ok() ? list.value() : QVector<NeedsYou>{};
    m_list->clear();
    for (const NeedsYou &e : std::as_const(m_entries)) {
        auto *row = new QListWidgetItem(words(e), m_list);
        row->setToolTip(row->text());
    }
    if (!list.ok())
        m_summary->setText(tr("What needs you cannot be read now: %1").arg(list.message()));
    else if (m_entries.isEmpty())
        m_summary->setText(tr("Nothing needs you now. Open a shared template from the Shared templates menu to read "
                              "or comment on it."));
    else
        m_summary->setText(
            tr("%1 for you. Choose one and press Enter to open it.")
                .arg(TemplateWords::count(m_entries.size(), tr("thing is waiting"), tr("things are waiting"))));
    m_list->setCurrentRow(m_entries.isEmpty() ? -1 : std::clamp(keep, 0, int(m_entries.size()) - 1));
    m_open->setEnabled(!m_entries.isEmpty());
    return int(m_entries.size());
}

void WhatNeedsYouPage::keyPressEvent(QKeyEvent *event)
{
    // Enter opens the chosen entry (the list's own activation), never a default button.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_list->currentRow() >= 0) {
        openCurrent();
        return;
    }
    QDialog::keyPressEvent(event);
}

void WhatNeedsYouPage::openCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size())
        return;
    const NeedsYou entry = m_entries.at(row);
    hide();
    emit openRequested(entry);
}

} // namespace coform
