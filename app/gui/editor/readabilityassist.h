#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QTextEdit;
class QVBoxLayout;

namespace coform {

/// Plain-language help while typing. For the text boxes it watches, it underlines the words of the jargon list (a
/// wavy line) and the sentences over 20 words (a dotted line), without touching the text or the cursor. For the texts
/// it is given, it offers each jargon word's plain alternative as a button: one click puts the plain words in.
class ReadabilityAssist : public QWidget
{
    Q_OBJECT

public:
    struct Field
    {
        QString property; ///< "label", "help", "title"
        QString text;
    };

    explicit ReadabilityAssist(QWidget *parent = nullptr);

    /// Underlines hard words and long sentences in `box` as it changes.
    void watch(QTextEdit *box);
    /// The texts shown now: one button per jargon word found in them.
    void setFields(const QVector<Field> &fields);
    /// How many plain alternatives are offered now.
    int offerCount() const { return m_offers; }

    /// "Reading ease 72 (fairly easy); 9.5 words a sentence; 4.3 letters a word" for a text, or empty for none.
    static QString figures(const QString &text);

signals:
    /// The person chose a plain alternative: `property`'s text with the hard words replaced.
    void replaceRequested(const QString &property, const QString &newText);

private:
    void underline(QTextEdit *box);

    QVBoxLayout *m_buttons;
    QVector<Field> m_fields;
    int m_offers = 0;
};

} // namespace coform
