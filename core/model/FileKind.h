#pragma once

#include <QByteArrayView>
#include <QString>

namespace packscope {

// What a file is for, as far as its name and folder tell: the treemap's
// colours and the legend. Decided from names only, never from contents.
enum class FileKind : std::uint8_t {
    NativeLibrary,  // .so, .dll, .dylib, .node, .a, executables' usual suffixes
    Python,         // .py, .pyc, .pyi, .pyx, .pyd
    JavaScript,     // .js, .mjs, .cjs, .ts, .tsx, .jsx, .json under node_modules ...
    DataModel,      // models, weights, databases, archives, media
    DocsTests,      // documentation, tests, examples, maps, type declarations
    Other,
};
inline constexpr int kFileKindCount = 6;

QString fileKindName(FileKind kind);

// True for a folder whose contents are documentation, tests or examples
// (docs/, test/, tests/, __tests__/, example(s)/, ...).
bool isDocsOrTestsFolder(QByteArrayView name);

// Kind of a file called `name`; `inDocsOrTests` when a folder above it is one
// isDocsOrTestsFolder() accepts.
FileKind classifyFile(QByteArrayView name, bool inDocsOrTests);

} // namespace packscope
