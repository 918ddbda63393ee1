#include "editor/readabilityassist.h"

#include "check/plainlanguage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextEdit>
#include <QVBoxLayout>

namespace coform {

ReadabilityAssist::ReadabilityAssist(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("plainWordsAssist"));
    m_buttons = new QVBoxLayout(this);
    m_buttons->setContentsMargins(0, 0, 0, 0);
}

void ReadabilityAssist::watch(QTextEdit *box)
{
    connect(box, &QTextEdit::textChanged, this, [this, box] { underline(box); });
    underline(box);
}

void ReadabilityAssist::underline(QTextEdit *box)
{
    const QString text = box->toPlainText();
    QList<QTextEdit::ExtraSelection> marks;
    auto mark = [&](int start, int length, QTextCharFormat::UnderlineStyle style) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(box->document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(start + length, QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(style);
        selection.format.setUnderlineColor(box->palette().color(QPalette::Text));
        marks.append(selection);
    };
    for (const LongSentence &sentence : longSentences(text))
        mark(sentence.start, sentence.length, QTextCharFormat::DotLine);
    for (const JargonMatch &match : JargonList::bundled().find(text))
        mark(match.start, match.length, QTextCharFormat::WaveUnderline);
    box->setExtraSelections(marks);
}

void ReadabilityAssist::setFields(const QVector<Field> &fields)
{
    m_fields = fields;
    while (QLayoutItem *old = m_buttons->takeAt(0)) {
        if (QWidget *button = old->widget()) {
            // Later: this may run from inside that button's own click.
            button->hide();
            button->setObjectName(QString());
            button->deleteLater();
        }
        delete old;
    }
    m_offers = 0;
    QStringList offered;
    for (const Field &field : fields) {
        for (const JargonMatch &match : JargonList::bundled().find(field.text)) {
            const QString key = field.property + QLatin1Char('\n') + match.found.toLower();
            if (offered.contains(key))
                continue;
            offered.append(key);
            const QString words = tr("Say \u201c%1\u201d instead of \u201c%2\u201d").arg(match.plain, match.found);
            // The words wrap (a label inside the button), so a long offer never makes the panel wider.
            auto *button = new QPushButton(this);
            auto *label = new QLabel(words, button);
            label->setWordWrap(true);
            label->setTextFormat(Qt::PlainText);
            label->setAttribute(Qt::WA_TransparentForMouseEvents);
            auto *inside = new QHBoxLayout(button);
            inside->setContentsMargins(8, 4, 8, 4);
            inside->addWidget(label);
            button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
            button->setObjectName(QStringLiteral("plainWordButton"));
            button->setAccessibleName(words);
            button->setToolTip(
                tr("Puts the plain words in place of \u201c%1\u201d. Undo takes them out again.").arg(match.found));
            const QString property = field.property;
            const QString found = match.found;
            const QString plain = match.plain;
            connect(button, &QPushButton::clicked, this, [this, property, found, plain] {
                for (const Field &f : std::as_const(m_fields)) {
                    if (f.property != property)
                        continue;
                    // Every place the hard words are written, as found again now (the text may have changed).
                    QString text = f.text;
                    const QVector<JargonMatch> matches = JargonList::bundled().find(text);
                    for (auto it = matches.crbegin(); it != matches.crend(); ++it) {
                        if (it->found.compare(found, Qt::CaseInsensitive) == 0)
                            text.replace(it->start, it->length, plain);
                    }
                    if (text != f.text)
                        emit replaceRequested(property, text);
                    return;
                }
            });
            m_buttons->addWidget(button);
            ++m_offers;
        }
    }
}

QString ReadabilityAssist::figures(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    const Readability r = measureReadability(text);
    if (r.words == 0)
        return {};
    const double ease = r.fleschReadingEase;
    const QString band = ease >= 80   ? tr("easy")
                         : ease >= 60 ? tr("fairly easy")
                         : ease >= 50 ? tr("fairly hard")
                                      : tr("hard");
    const QLocale locale;
    return tr("reading ease %1 (%2); %3 words a sentence; %4 letters a word")
        .arg(locale.toString(qRound(ease)))
        .arg(band)
        .arg(locale.toString(r.wordsPerSentence, 'f', 1))
        .arg(locale.toString(r.lettersPerWord, 'f', 1));
}

} // namespace coform
