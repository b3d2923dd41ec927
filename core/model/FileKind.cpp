#include "model/FileKind.h"

#include <QCoreApplication>

#include <array>

namespace packscope {

namespace {

bool equalsLower(QByteArrayView a, QByteArrayView lowerB)
{
    if (a.size() != lowerB.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lowerB[i])
            return false;
    }
    return true;
}

template<std::size_t N>
bool oneOf(QByteArrayView value, const std::array<QByteArrayView, N> &choices)
{
    for (QByteArrayView choice : choices) {
        if (equalsLower(value, choice))
            return true;
    }
    return false;
}

QByteArrayView extensionOf(QByteArrayView name)
{
    const qsizetype dot = name.lastIndexOf('.');
    return dot <= 0 ? QByteArrayView() : name.sliced(dot + 1);
}

} // namespace

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::NativeLibrary:
        return QCoreApplication::translate("FileKind", "Native libraries");
    case FileKind::Python:
        return QCoreApplication::translate("FileKind", "Python");
    case FileKind::JavaScript:
        return QCoreApplication::translate("FileKind", "JavaScript / TypeScript");
    case FileKind::DataModel:
        return QCoreApplication::translate("FileKind", "Data and models");
    case FileKind::DocsTests:
        return QCoreApplication::translate("FileKind", "Docs, tests, examples");
    case FileKind::Other:
        break;
    }
    return QCoreApplication::translate("FileKind", "Other");
}

bool isDocsOrTestsFolder(QByteArrayView name)
{
    static constexpr std::array<QByteArrayView, 12> folders = {
        "doc", "docs", "test", "tests", "__tests__", "testing", "example", "examples", "samples", "benchmark",
        "benchmarks", "man"};
    return oneOf(name, folders);
}

FileKind classifyFile(QByteArrayView name, bool inDocsOrTests)
{
    // Versioned shared objects: libfoo.so.1.2
    if (name.contains(".so.") || name.endsWith(".so"))
        return FileKind::NativeLibrary;
    const QByteArrayView ext = extensionOf(name);
    static constexpr std::array<QByteArrayView, 7> native = {"so", "dll", "dylib", "node", "a", "o", "exe"};
    static constexpr std::array<QByteArrayView, 6> python = {"py", "pyc", "pyo", "pyi", "pyx", "pyd"};
    static constexpr std::array<QByteArrayView, 8> script = {"js", "mjs", "cjs", "ts", "tsx", "jsx", "mts", "cts"};
    static constexpr std::array<QByteArrayView, 7> docs = {"md", "markdown", "rst", "map", "html", "htm", "ipynb"};
    static constexpr std::array<QByteArrayView, 30> data = {
        "pb",  "onnx", "pt",  "pth", "h5",   "hdf5", "ckpt", "bin",  "npy", "npz", "pkl", "parquet", "csv",
        "db",  "sqlite", "zip", "gz", "tgz", "xz",   "bz2",  "jar",  "png", "jpg", "jpeg", "mp4",   "wasm",
        "br",  "zst",  "7z",  "tar"};
    if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts"))
        return FileKind::DocsTests;
    if (oneOf(ext, native))
        return FileKind::NativeLibrary;
    if (inDocsOrTests || oneOf(ext, docs) || equalsLower(name, "license") || equalsLower(name, "changelog"))
        return FileKind::DocsTests;
    if (oneOf(ext, python))
        return FileKind::Python;
    if (oneOf(ext, script))
        return FileKind::JavaScript;
    if (oneOf(ext, data))
        return FileKind::DataModel;
    return FileKind::Other;
}

} // namespace packscope
