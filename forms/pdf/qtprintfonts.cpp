#include "pdf/qtprintfonts.h"

#include <QFontDatabase>
#include <QGuiApplication>

#include <algorithm>
#include <array>
#include <mutex>

namespace coform {

namespace {

/// The family Qt knows each print font by (empty: Qt did not take it), in the order of PrintStyle::fontFiles().
const std::array<QString, 3> &qtFamilies()
{
    static std::array<QString, 3> families;
    static std::once_flag once;
    std::call_once(once, [] {
        const QVector<PrintFontFile> &files = PrintStyle::fontFiles();
        for (qsizetype i = 0; i < files.size() && i < qsizetype(families.size()); ++i) {
            if (files.at(i).data.isEmpty())
                continue;
            const int id = QFontDatabase::addApplicationFontFromData(files.at(i).data);
            const QStringList named = QFontDatabase::applicationFontFamilies(id);
            if (!named.isEmpty())
                families[size_t(i)] = named.first();
        }
    });
    return families;
}

} // namespace

QFont printFont(const PrintStyle &style, TextStyle textStyle)
{
    return printFont(style.fontFile(textStyle), style.pixelSize(textStyle), style.bold(textStyle));
}

QFont printFont(int file, int pixelSize, bool bold)
{
    const QString family = file >= 0 && file < 3 ? qtFamilies()[size_t(file)] : QString();
    QFont f(family.isEmpty() ? QFontDatabase::systemFont(QFontDatabase::GeneralFont).family() : family);
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    f.setKerning(true);
    return f;
}

int printFontFileOf(const QRawFont &raw)
{
    const QByteArray head = raw.fontTable("head");
    if (head.isEmpty())
        return -1;
    const QString family = raw.familyName();
    const bool bold = raw.weight() >= 600;
    const QVector<PrintFontFile> &files = PrintStyle::fontFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const PrintFontFile &f = files.at(i);
        if (!qtFamilies()[size_t(i)].isEmpty() && qtFamilies()[size_t(i)] == family && f.head == head && f.bold == bold)
            return int(i);
    }
    return -1;
}

QString qtPrintFontsProblem()
{
    const std::array<QString, 3> &families = qtFamilies();
    if (std::all_of(families.begin(), families.end(), [](const QString &f) { return !f.isEmpty(); }))
        return {};
    return QStringLiteral("there are no fonts to print with: Qt's platform plugin \"%1\" loads none (leave "
                          "QT_QPA_PLATFORM unset, or set it to offscreen)")
        .arg(QGuiApplication::platformName());
}

} // namespace coform
