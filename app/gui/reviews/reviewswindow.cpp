#include "reviews/reviewswindow.h"

#include "common/clearbutton.h"

#include "reviews/reviewform.h"
#include "reviews/reviewlistmodel.h"
#include "reviews/reviewpersondialog.h"
#include "store/auditlog.h"
#include "store/reviewstore.h"
#include "store/templatestore.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace coform {

ReviewsWindow::ReviewsWindow(Database &db, const Session &session, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_session(session)
    , m_store(std::make_unique<ReviewStore>(db, session))
{
    setObjectName(QStringLiteral("reviewsWindow"));
    setWindowTitle(tr("Reviews – Coform"));
    resize(1100, 760);
    if (!isAvailableTo(session)) {
        auto *note = new QLabel(tr("Reviews hold people's personal and health details, so they are not available "
                                   "to a co-production account."));
        note->setObjectName(QStringLiteral("notAvailable"));
        note->setWordWrap(true);
        note->setMargin(24);
        setCentralWidget(note);
        return;
    }
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->setTabsClosable(true);
    auto *listPage = new QWidget;
    auto *layout = new QVBoxLayout(listPage);
    auto *filters = new QHBoxLayout;
    auto *searchLabel = new QLabel(tr("&Search:"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("reviewSearch"));
    m_search->setPlaceholderText(tr("Name or NHS number"));
    enableNamedClearButton(m_search, tr("Clear the search"));
    m_search->setAccessibleName(tr("Search reviews by name or NHS number"));
    searchLabel->setBuddy(m_search);
    auto *statusLabel = new QLabel(tr("S&tatus:"));
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->addItem(tr("Any"), QVariant());
    m_status->addItem(tr("In progress"), QVariant::fromValue(ReviewStatus::InProgress));
    m_status->addItem(tr("Completed"), QVariant::fromValue(ReviewStatus::Completed));
    statusLabel->setBuddy(m_status);
    m_dueSoon = new QCheckBox(tr("&Due in the next 30 days"));
    m_dueSoon->setToolTip(tr("Reviews due in the next 30 days, and those overdue"));
    m_dueSoon->setObjectName(QStringLiteral("reviewDueSoon"));
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    filters->addWidget(m_dueSoon);
    layout->addLayout(filters);

    m_model = new ReviewListModel(*m_store, this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setAccessibleName(tr("Reviews"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    // Sorted by the store (the model's sort()); by next review due until a heading is clicked.
    m_table->horizontalHeader()->setSortIndicator(ReviewListModel::NextDue, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    fitColumns();
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("reviewCount"));
    auto *open = new QPushButton(tr("&Open review"));
    open->setObjectName(QStringLiteral("openReview"));
    auto *addPerson = new QPushButton(tr("&Add a person and start a review…"));
    addPerson->setObjectName(QStringLiteral("addPersonReview"));
    auto *again = new QPushButton(tr("&New review for this person"));
    again->setObjectName(QStringLiteral("newReviewForPerson"));
    bottom->addWidget(m_count, 1);
    bottom->addWidget(addPerson);
    bottom->addWidget(again);
    bottom->addWidget(open);
    connect(addPerson, &QPushButton::clicked, this, [this] {
        ReviewPersonDialog dialog(m_db, m_session, this);
        if (dialog.exec() == QDialog::Accepted)
            startReview(dialog.addedId());
    });
    connect(again, &QPushButton::clicked, this, [this] {
        if (showSearchNow())
            return;
        const QModelIndex index = m_table->currentIndex();
        if (!index.isValid())
            return;
        const Result<ReviewRecord> review = m_store->get(index.data(ReviewListModel::ReviewIdRole).toLongLong());
        if (review.ok())
            startReview(review->personId, review->templateId);
    });
    layout->addLayout(bottom);
    m_tabs->addTab(listPage, tr("All reviews"));
    // The list stays: its tab has no close button (one that did nothing).
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    setCentralWidget(m_tabs);

    // Searching waits for a pause in typing, so that each key press does not query the database.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &ReviewsWindow::refreshList);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        refreshList();
    });
    // Leaving the search box (Tab, a click on the list) shows what was typed at once: an Enter on the list that
    // follows straight away must not open someone from the search before.
    connect(m_search, &QLineEdit::editingFinished, this, &ReviewsWindow::showSearchNow);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ReviewsWindow::refreshList);
    connect(m_dueSoon, &QCheckBox::toggled, this, &ReviewsWindow::refreshList);
    auto openCurrent = [this] {
        if (showSearchNow())
            return; // the row chosen was in the list of the search before
        const QModelIndex index = m_table->currentIndex();
        if (index.isValid())
            openReview(index.data(ReviewListModel::ReviewIdRole).toLongLong());
    };
    connect(m_table, &QTableView::activated, this, openCurrent);
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index == 0)
            return;
        QWidget *page = m_tabs->widget(index);
        if (auto *form = qobject_cast<ReviewForm *>(page); form && !form->unsavedAnswers().isEmpty()) {
            m_tabs->setCurrentIndex(index); // the review the question is about
            if (!form->mayClose())
                return;
        }
        m_tabs->removeTab(index);
        delete page; // the form saves what is unsaved as it goes
    });

    // Review menu: acts on the review form in the current tab.
    QMenu *reviewMenu = menuBar()->addMenu(tr("&Review"));
    QAction *importPdf = reviewMenu->addAction(tr("&Import answers from PDF…"));
    importPdf->setObjectName(QStringLiteral("importAnswersFromPdf"));
    importPdf->setEnabled(false);
    connect(importPdf, &QAction::triggered, this, [this] {
        if (auto *form = qobject_cast<ReviewForm *>(m_tabs->currentWidget()))
            form->chooseAndImportPdf();
    });
    connect(m_tabs, &QTabWidget::currentChanged, importPdf,
            [this, importPdf] { importPdf->setEnabled(qobject_cast<ReviewForm *>(m_tabs->currentWidget())); });
    refreshList();
}

ReviewsWindow::~ReviewsWindow() = default;

void ReviewsWindow::closeEvent(QCloseEvent *event)
{
    // Not while hidden behind the lock: whoever chose Sign out there may not be the person who typed the answers, and
    // is not shown anything of the review.
    for (int i = 1; m_tabs && isVisible() && i < m_tabs->count(); ++i) {
        auto *form = qobject_cast<ReviewForm *>(m_tabs->widget(i));
        if (form && !form->unsavedAnswers().isEmpty()) {
            m_tabs->setCurrentIndex(i);
            if (!form->mayClose()) {
                event->ignore();
                return;
            }
        }
    }
    QMainWindow::closeEvent(event);
}

bool ReviewsWindow::showSearchNow()
{
    if (!m_searchDelay || !m_searchDelay->isActive())
        return false;
    m_searchDelay->stop();
    refreshList();
    return true;
}

bool ReviewsWindow::isAvailableTo(const Session &session)
{
    return session.role() != Role::Coproducer;
}

void ReviewsWindow::refreshList()
{
    if (!m_model)
        return;
    ReviewFilter filter = m_model->filter(); // keeps the order chosen
    filter.search = m_search->text();
    const QVariant status = m_status->currentData();
    filter.status = status.isValid() ? std::optional<ReviewStatus>(status.value<ReviewStatus>()) : std::nullopt;
    filter.dueTo = m_dueSoon->isChecked() ? QDate::currentDate().addDays(30) : QDate();
    if (!m_model->setFilter(filter)) {
        m_count->setText(m_model->error());
        return;
    }
    // Each list shown is a view of everyone's names and NHS numbers: one audit row (never the search text).
    const Outcome logged = AuditLog(m_db, m_session)
                               .recordListing(filter.search.isEmpty() ? AuditLog::ListReviews : AuditLog::SearchReviews,
                                              m_model->totalCount());
    if (!logged.ok()) {
        m_count->setText(logged.message);
        return;
    }
    const qint64 total = m_model->totalCount();
    m_count->setText(total == 1 ? tr("1 review") : tr("%1 reviews").arg(QLocale(QLocale::English).toString(total)));
}

void ReviewsWindow::fitColumns()
{
    // Wide enough for the longest of each column's content and its heading (with the sort arrow); names take the
    // rest. Measured from text, not from 100,000 rows.
    const QFontMetrics fm(m_table->font());
    const QFontMetrics header(m_table->horizontalHeader()->font());
    const int padding = 24, arrow = 22, icon = m_table->iconSize().width() > 0 ? m_table->iconSize().width() : 16;
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics fmBold(bold);
    auto width = [&](int column, int content) {
        const int heading = header.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + arrow;
        return std::max(content, heading) + padding;
    };
    auto *h = m_table->horizontalHeader();
    h->resizeSection(ReviewListModel::NhsNumber,
                     width(ReviewListModel::NhsNumber, fm.horizontalAdvance(QStringLiteral("999 000 0000"))));
    h->resizeSection(ReviewListModel::DateOfBirth,
                     width(ReviewListModel::DateOfBirth, fm.horizontalAdvance(QStringLiteral("30 Sept 1948"))));
    h->resizeSection(ReviewListModel::Status, width(ReviewListModel::Status, fm.horizontalAdvance(tr("In progress"))));
    h->resizeSection(ReviewListModel::NextDue,
                     width(ReviewListModel::NextDue,
                           fmBold.horizontalAdvance(tr("Overdue: %1").arg(QStringLiteral("30 Sept 2026"))) + icon + 8));
    h->resizeSection(ReviewListModel::LastChange,
                     width(ReviewListModel::LastChange, fm.horizontalAdvance(QStringLiteral("30 Sept 2026 23:59"))));
    h->setSectionResizeMode(ReviewListModel::Name, QHeaderView::Stretch);
    h->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("Name")) + arrow + padding);
}

ReviewForm *ReviewsWindow::startReview(qint64 personId, const QString &templateId)
{
    if (!m_tabs)
        return nullptr;
    QString chosen = templateId;
    if (chosen.isEmpty()) {
        const Result<QVector<TemplateSummary>> templates = TemplateStore(m_db, m_session).list();
        for (const TemplateSummary &t : templates.ok() ? templates.value() : QVector<TemplateSummary>()) {
            if (t.publishedVersion > 0 && (chosen.isEmpty() || t.id == QLatin1String("chc-review")))
                chosen = t.id;
        }
    }
    const Result<ReviewRecord> made = m_store->create(personId, chosen, 0);
    if (!made.ok()) {
        m_count->setText(chosen.isEmpty() ? tr("No template has a published version yet.") : made.message());
        return nullptr;
    }
    refreshList();
    return openReview(made->id);
}

ReviewForm *ReviewsWindow::openReview(qint64 reviewId)
{
    if (!m_tabs)
        return nullptr;
    for (int i = 1; i < m_tabs->count(); ++i) {
        auto *form = qobject_cast<ReviewForm *>(m_tabs->widget(i));
        if (form && form->reviewId() == reviewId) {
            m_tabs->setCurrentIndex(i);
            return form;
        }
    }
    auto *form = new ReviewForm(m_db, m_session, reviewId);
    if (!form->isLoaded()) {
        m_count->setText(form->loadError());
        delete form;
        return nullptr;
    }
    const QString title = form->answers().person.name;
    m_tabs->setCurrentIndex(m_tabs->addTab(form, title));
    connect(form, &ReviewForm::statusChanged, this, &ReviewsWindow::refreshList);
    return form;
}

} // namespace coform
