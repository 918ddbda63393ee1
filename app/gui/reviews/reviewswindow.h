#pragma once

#include "store/session.h"

#include <QMainWindow>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;

namespace coform {

class Database;
class ReviewForm;
class ReviewListModel;
class ReviewStore;

/// The reviews window: the reviews list (search by name or NHS number, status, reviews due within 30 days flagged
/// and filterable) and a tab for each open review (ReviewForm). For a coproducer account it shows only a sentence
/// saying reviews are not available, and never reads them (the store would refuse anyway); a main window should
/// not offer it to them at all (isAvailableTo()).
class ReviewsWindow : public QMainWindow
{
    Q_OBJECT
public:
    ReviewsWindow(Database &db, const Session &session, QWidget *parent = nullptr);
    ~ReviewsWindow() override;

    /// Whether a menu should offer this window to the signed-in person.
    static bool isAvailableTo(const Session &session);

    ReviewListModel *listModel() const { return m_model; }
    /// Opens a review in its own tab (or shows the tab it has); nullptr when it cannot be opened.
    ReviewForm *openReview(qint64 reviewId);

    /// Starts a review of the person on the newest published version of the template (the first template with a
    /// published version when templateId is empty) and opens it; nullptr (and the reason shown) when it cannot.
    ReviewForm *startReview(qint64 personId, const QString &templateId = {});

public slots:
    void refreshList();

protected:
    /// Asks first when an open review has answers typed but not saved (ReviewForm::mayClose()); not while the window
    /// is hidden behind the lock.
    void closeEvent(QCloseEvent *event) override;

private:
    void fitColumns();
    /// Shows the list of what is in the search box now when a search waits for a pause in typing; true when it did
    /// (what was chosen in the list before is then no longer chosen).
    bool showSearchNow();

    Database &m_db;
    Session m_session;
    std::unique_ptr<ReviewStore> m_store;
    ReviewListModel *m_model = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_dueSoon = nullptr;
    QLabel *m_count = nullptr;
    QTimer *m_searchDelay = nullptr;
};

} // namespace coform
