#include "shared/staletranslationsdialog.h"

#include "common/templatewords.h"

#include "edit/edit.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coform {

namespace {

/// "Question 3", "Question 3, its help", "Question 3, the answer “Yearly review”".
QString whereInWords(const Template &t, const TranslationStamps::OutOfDate &o)
{
    QString where = TranslationStamps::placeInWords(t, o);
    if (!where.isEmpty())
        where[0] = where[0].toUpper();
    const QString property = o.property;
    const QString key = property.section(QLatin1Char(':'), 1);
    const Item *item = o.itemId.isEmpty() ? nullptr : t.findItem(o.itemId);
    const Option *option = item ? item->option(key) : nullptr;
    const QString optionWords = option ? option->label : key;
    if (property == QLatin1String("help"))
        return StaleTranslationsDialog::tr("%1, its help").arg(where);
    if (property.startsWith(QLatin1String("optionDescription:")))
        return StaleTranslationsDialog::tr("%1, what the answer \u201c%2\u201d means").arg(where, optionWords);
    if (property.startsWith(QLatin1String("option:")))
        return StaleTranslationsDialog::tr("%1, the answer \u201c%2\u201d").arg(where, optionWords);
    if (property.startsWith(QLatin1String("column:"))) {
        QString column = key;
        for (const Column &c : item ? item->columns : QVector<Column>{}) {
            if (c.id == key)
                column = c.label;
        }
        return StaleTranslationsDialog::tr("%1, the column \u201c%2\u201d").arg(where, column);
    }
    return where;
}

QString translationNow(const Template &t, const TranslationStamps::OutOfDate &o)
{
    return Edit::currentValue(t, Edit::Kind::SetTranslation, o.sectionId, o.itemId, o.property, o.language).toString();
}

} // namespace

StaleTranslationsDialog::StaleTranslationsDialog(const Template &version,
                                                 const QVector<TranslationStamps::OutOfDate> &stale, QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_reason(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_publish(new QPushButton(tr("&Publish as it is"), this))
{
    setObjectName(QStringLiteral("staleTranslationsDialog"));
    setWindowTitle(tr("Translations out of date"));
    setAccessibleName(tr("Translations out of date, before publishing"));

    const QString source = TranslationStamps::languageName(version.sourceLanguage());
    m_intro->setObjectName(QStringLiteral("staleTranslationsIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(
        tr("The %1 of version %2 changed after it was translated: %3 out of date. You can:\n"
           "\u2022 not publish yet: withdraw the proposal, and in the draft say each translation is still right "
           "(\u201c%4 still right\u201d) or type a new one, then ask the group to approve it again; or\n"
           "\u2022 say why it is published as it is, and publish. Your reason goes in the \u201cWhat changed\u201d "
           "summary under \u201cNot changed, and why\u201d.")
            .arg(source)
            .arg(version.version)
            .arg(TemplateWords::count(stale.size(), tr("translated text is"), tr("translated texts are")),
                 stale.isEmpty() ? QString() : TranslationStamps::languageName(stale.first().language)));
    m_intro->setAccessibleName(tr("What is out of date, and the two ways on"));

    auto *listLabel = new QLabel(tr("&Out-of-date translations:"), this);
    listLabel->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("staleTranslationsList"));
    m_list->setAccessibleName(tr("Out-of-date translations"));
    m_list->setHeaderLabels(
        {tr("Where"), tr("Language"), tr("The %1 now").arg(source), tr("The translation as it is")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(true);
    for (const TranslationStamps::OutOfDate &o : stale) {
        auto *row =
            new QTreeWidgetItem(m_list, {whereInWords(version, o), TranslationStamps::languageName(o.language),
                                         TranslationStamps::sourceText(version, o.sectionId, o.itemId, o.property),
                                         translationNow(version, o)});
        for (int column = 0; column < 4; ++column)
            row->setToolTip(column, row->text(column));
    }
    m_list->setCurrentItem(m_list->topLevelItem(0));
    m_list->setColumnWidth(0, 200);
    m_list->setColumnWidth(1, 80);
    m_list->setColumnWidth(2, 220);

    auto *reasonLabel = new QLabel(tr("&Why publish with these translations as they are:"), this);
    reasonLabel->setWordWrap(true);
    reasonLabel->setBuddy(m_reason);
    m_reason->setObjectName(QStringLiteral("staleTranslationsReason"));
    m_reason->setAccessibleName(tr("Why publish with these translations as they are"));

    m_status->setObjectName(QStringLiteral("staleTranslationsStatus"));
    m_status->setAccessibleDescription(tr("What publishing needs")); // its name is what it says
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_publish->setObjectName(QStringLiteral("staleTranslationsPublish"));
    m_publish->setAccessibleName(tr("Publish with the translations as they are, for the reason given"));
    m_publish->setDefault(true);
    buttons->addButton(m_publish, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(tr("Do &not publish yet"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("staleTranslationsCancel"));
    cancel->setAccessibleName(tr("Do not publish yet"));
    cancel->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setTabOrder(m_list, m_reason);
    setTabOrder(m_reason, m_publish);
    setTabOrder(m_publish, cancel);

    resize(820, 500);
    connect(m_reason, &QLineEdit::textChanged, this, &StaleTranslationsDialog::update);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_list->setFocus();
    update();
}

QString StaleTranslationsDialog::reason() const
{
    return m_reason->text().trimmed();
}

void StaleTranslationsDialog::update()
{
    const bool ready = !reason().isEmpty();
    m_publish->setEnabled(ready);
    m_status->setText(ready
                          ? tr("Your reason will be kept with this version and shown in \u201cWhat changed\u201d.")
                          : tr("To publish as it is, say why first. Otherwise choose \u201cDo not publish yet\u201d."));
}

} // namespace coform
