#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <source_location>

// Builds test fixtures at run time, in temporary folders: sample package
// trees and zips from real producers (Info-ZIP, Python zipfile, bsdtar, jar,
// 7z), and independent facts about them from Python's zipfile module.
namespace fixtures {

struct ToolRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `program` with `arguments` in `workingDir`; exitCode -1 if it could not start.
ToolRun run(const QString &program, const QStringList &arguments, const QString &workingDir = {},
            const QByteArray &input = {});

// True when the tool is on PATH. Otherwise a test failure at the caller's
// line, naming the tool, and false: the test function then returns
// (`if (!fixtures::requireTool(u"zip"_s)) return;`). Never a skip: the setup
// script installs every tool the tests use (tests/required-tools.txt).
bool requireTool(const QString &program, std::source_location where = std::source_location::current());

// Writes a deterministic package tree under `root`: compressible text,
// incompressible bytes, nested folders, an empty folder and file, a UTF-8
// name, and (if `withSymlink`) a relative symlink.
void writeSampleTree(const QString &root, bool withSymlink);

// Writes `size` bytes of deterministic pseudo-random (incompressible) data.
void writeRandomFile(const QString &path, qint64 size, quint32 seed);
void writeFile(const QString &path, const QByteArray &data);

// Runs a Python snippet with `args` as sys.argv[1:]; returns its stdout.
QByteArray python(const QString &code, const QStringList &args = {});
// Runs a Python snippet that writes the file `path` (its sys.argv[1]); returns `path`.
QString pythonFile(const QString &path, const QString &code);

// Facts from Python's zipfile: {"files", "dirs", "unzipped", "entries":
// [{"name","raw_name" (stored bytes as UTF-8),"header_offset","central_length","file_size","is_dir"}], "start_dir",
// "comment_length"}. Empty object on failure.
QJsonObject zipfileFacts(const QString &zipPath);

// Hex SHA-256 of a file's contents; empty if it cannot be read.
QByteArray sha256(const QString &path);

// Path of the packscope-cli binary under test.
QString cliPath();

// The two ways a build changes a package under a reader, as data rows of a
// bool column "replace": truncated where it lies (false), or replaced by a
// new file renamed over it (true).
void addPackageChangeRows();

// The start of a Python fixture script that writes zips with native
// binaries: imports struct, sys and zipfile and defines elf(machine, size),
// an ELF header for that e_machine padded to `size` bytes.
QString pythonWithElf(const QString &rest);

} // namespace fixtures
