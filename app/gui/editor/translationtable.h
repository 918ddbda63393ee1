#pragma once

#include <QSet>
#include <QStringList>
#include <QTableWidget>
#include <QVector>

namespace coform {

/// The words of one section, item or the whole form in every language of the template, side by side: one row a
/// text (the question, its help, each answer...), one column a language. The translation cells can be edited;
/// an edit is reported by translationEdited() and becomes an Edit in the panel. An empty translation reads
/// "(not translated yet)", in words, never only as an empty cell.
class TranslationTable : public QTableWidget
{
    Q_OBJECT

public:
    /// One text: its name for a person ("Question"), the property an Edit names ("label", "option:first"), and
    /// its words in each of the template's languages (the source language first).
    struct Row
    {
        QString name;
        QString property;
        QStringList texts;
    };

    explicit TranslationTable(QWidget *parent = nullptr);

    void setTexts(const QStringList &languages, const QVector<Row> &rows);
    /// Marks translations made from an older source wording ("language|property" keys): their cells read
    /// "(out of date) ..." until changed or confirmed.
    void setOutOfDate(const QSet<QString> &keys);
    /// Makes the table as tall as its rows, so that nothing hides inside it.
    void fitHeight();

signals:
    void translationEdited(const QString &language, const QString &property, const QString &text);

private:
    QStringList m_languages;
    bool m_filling = false;
};

} // namespace coform
