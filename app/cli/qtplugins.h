#pragma once

namespace coform::cli {

/// Where Qt looks for its plugins while a command runs (cli/command.h): everywhere it would (Qt's own folder, and any
/// named in QT_PLUGIN_PATH); or only Coform's folder of the plugins a command that renders needs.
enum class QtPlugins { Everywhere, RenderingOnly };

/// Makes Qt look for its plugins only in Coform's own folder beside the program (`lib/qt-plugins` of the build tree,
/// `LIBDIR/coform/qt-plugins` of an installation): links to Qt's offscreen platform plugin and to Qt's image formats
/// (a picture in a form may be a JPEG). Before Qt loads a platform plugin it reads the description of every one it
/// can find, eight on Debian: half a millisecond of each render. Only for the offscreen platform (QT_QPA_PLATFORM,
/// which main() sets unless told otherwise) and only when no plugin folder is named in the environment; nothing
/// changes where the folder is missing or broken. Must run before the QGuiApplication is made.
void lookForQtPluginsOnlyInCoformsFolder();

} // namespace coform::cli
