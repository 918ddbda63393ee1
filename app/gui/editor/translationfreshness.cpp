#include "editor/translationfreshness.h"

#include "common/templatewords.h"
#include "document/templatedocument.h"
#include "model/translationstamps.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace coform {

namespace {

const QMap<QString, Translation> *translationsOf(const Template &t, const QString &sectionId, const QString &itemId)
{
    if (!itemId.isEmpty()) {
        const Item *item = t.findItem(itemId);
        return item ? &item->translations : nullptr;
    }
    if (!sectionId.isEmpty()) {
        const Section *s = t.findSection(sectionId);
        return s ? &s->translations : nullptr;
    }
    return &t.translations;
}

QString stampKey(const QString &property)
{
    return QStringLiteral("madeFrom:") + property;
}

} // namespace

Edit TranslationFreshness::typedTranslation(const Template &t, const QString &sectionId, const QString &itemId,
                                            const QString &language, const QString &property, const QString &text)
{
    const Edit words = Edit::setTranslation(t, sectionId, itemId, language, property, text);
    const QString stamp = TranslationStamps::stamp(TranslationStamps::sourceText(t, sectionId, itemId, property));
    const QMap<QString, Translation> *map = translationsOf(t, sectionId, itemId);
    if (text.isEmpty() || !map || map->value(language).madeFrom.value(property) == stamp)
        return words;
    return Edit::macro(words.summary(),
                       {words, Edit::setTranslation(t, sectionId, itemId, language, stampKey(property), stamp)});
}

std::optional<Edit> TranslationFreshness::stampBeforeSourceChange(const Template &t, const QString &sectionId,
                                                                  const QString &itemId, const QString &property)
{
    const QMap<QString, Translation> *map = translationsOf(t, sectionId, itemId);
    if (!map)
        return std::nullopt;
    const QString stamp = TranslationStamps::stamp(TranslationStamps::sourceText(t, sectionId, itemId, property));
    QVector<Edit> stamps;
    for (auto it = map->begin(); it != map->end(); ++it) {
        const QJsonValue text =
            Edit::currentValue(t, Edit::Kind::SetTranslation, sectionId, itemId, property, it.key());
        if (text.toString().isEmpty() || it->madeFrom.contains(property))
            continue;
        stamps.append(Edit::setTranslation(t, sectionId, itemId, it.key(), stampKey(property), stamp));
    }
    if (stamps.isEmpty())
        return std::nullopt;
    return Edit::macro(QObject::tr("Noted which wording the translations were made from"), stamps);
}

std::optional<Edit> TranslationFreshness::withStampsFirst(const Template &t, const Edit &change)
{
    const QString sectionId = change.kind == Edit::Kind::SetSectionProperty ? change.section : QString();
    const QString itemId = change.kind == Edit::Kind::SetItemProperty ? change.item : QString();
    std::optional<Edit> stamps = stampBeforeSourceChange(t, sectionId, itemId, change.property);
    if (!stamps)
        return std::nullopt;
    stamps->children.append(change);
    stamps->description = change.summary();
    return stamps;
}

std::optional<Edit> TranslationFreshness::stillRight(const Template &t, const QString &sectionId, const QString &itemId)
{
    QVector<Edit> stamps;
    for (const TranslationStamps::OutOfDate &o : TranslationStamps::outOfDate(t)) {
        if (o.sectionId != sectionId || o.itemId != itemId)
            continue;
        const QString stamp = TranslationStamps::stamp(TranslationStamps::sourceText(t, sectionId, itemId, o.property));
        stamps.append(Edit::setTranslation(t, sectionId, itemId, o.language, stampKey(o.property), stamp));
    }
    if (stamps.isEmpty())
        return std::nullopt;
    return Edit::macro(QObject::tr("Confirmed the translations are still right"), stamps);
}

QSet<QString> TranslationFreshness::outOfDateKeys(const Template &t, const QString &sectionId, const QString &itemId)
{
    QSet<QString> keys;
    for (const TranslationStamps::OutOfDate &o : TranslationStamps::outOfDate(t)) {
        if (o.sectionId == sectionId && o.itemId == itemId)
            keys.insert(o.language + QLatin1Char('|') + o.property);
    }
    return keys;
}

StaleTranslationsBar::StaleTranslationsBar(TemplateDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_words(new QLabel(this))
    , m_stillRight(new QPushButton(this))
{
    setObjectName(QStringLiteral("staleTranslations"));
    m_words->setObjectName(QStringLiteral("staleTranslationsWords"));
    m_words->setWordWrap(true);
    m_words->setTextFormat(Qt::PlainText);
    m_stillRight->setObjectName(QStringLiteral("translationStillRight"));
    m_stillRight->setToolTip(tr("The translation still says what the new wording says: mark it up to date (one step "
                                "to undo)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_words, 1);
    layout->addWidget(m_stillRight, 0, Qt::AlignTop);
    connect(m_stillRight, &QPushButton::clicked, this, [this] {
        if (const std::optional<Edit> edit =
                TranslationFreshness::stillRight(m_document->content(), m_sectionId, m_itemId))
            m_document->push(*edit);
    });
    hide();
}

QSet<QString> StaleTranslationsBar::showTarget(const QString &sectionId, const QString &itemId)
{
    m_sectionId = sectionId;
    m_itemId = itemId;
    const QSet<QString> keys = TranslationFreshness::outOfDateKeys(m_document->content(), sectionId, itemId);
    QStringList languages;
    for (const QString &key : keys) {
        const QString name =
            TemplateWords::languageName(key.section(QLatin1Char('|'), 0, 0)).section(QLatin1Char(' '), 0, 0);
        if (!languages.contains(name))
            languages.append(name);
    }
    languages.sort();
    const QString which = TemplateWords::list(languages);
    m_words->setText(keys.size() == 1
                         ? tr("1 %1 text is out of date: the English changed after it was translated.").arg(which)
                         : tr("%1 %2 texts are out of date: the English changed after they were translated.")
                               .arg(keys.size())
                               .arg(which));
    m_stillRight->setText(tr("%1 still right").arg(which));
    m_stillRight->setAccessibleName(tr("The %1 is still right").arg(which));
    setVisible(!keys.isEmpty());
    return keys;
}

} // namespace coform
