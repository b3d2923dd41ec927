#include "Fixtures.h"

#include <QCryptographicHash>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace fixtures {

ToolRun run(const QString &program, const QStringList &arguments, const QString &workingDir, const QByteArray &input)
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    ToolRun result;
    if (!process.waitForStarted(30000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(-1);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool requireTool(const QString &program, std::source_location where)
{
    if (!QStandardPaths::findExecutable(program).isEmpty())
        return true;
    const QByteArray message = "required tool '" + program.toUtf8() + "' is missing; run scripts/setup-debian.sh";
    QTest::qFail(message.constData(), where.file_name(), int(where.line()));
    return false;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write fixture %s", qPrintable(path));
}

void writeRandomFile(const QString &path, qint64 size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write fixture %s", qPrintable(path));
    // xorshift32: deterministic, fast and incompressible enough for deflate.
    quint32 state = seed ? seed : 1;
    QByteArray block(1 << 16, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        for (qsizetype i = 0; i + 4 <= block.size(); i += 4) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            memcpy(block.data() + i, &state, 4);
        }
        const qint64 take = std::min<qint64>(block.size(), size - written);
        file.write(block.constData(), take);
        written += take;
    }
}

void writeSampleTree(const QString &root, bool withSymlink)
{
    QByteArray text;
    for (int i = 0; i < 4000; ++i)
        text += "line " + QByteArray::number(i) + " of a very compressible text file\n";
    writeFile(root + u"/handler.py"_s, "def handler(event, context):\n    return 42\n");
    writeFile(root + u"/lib/big.txt"_s, text);
    writeRandomFile(root + u"/lib/native/libfake.so"_s, 200000, 7);
    writeFile(root + u"/lib/native/empty.dat"_s, {});
    writeFile(root + u"/lib/deep/a/b/c/leaf.json"_s, "{\"k\": 1}\n");
    writeFile(root + u"/docs/caf\u00e9.md"_s, "# caf\u00e9\n"_ba);
    writeFile(root + u"/tests/test_handler.py"_s, text.left(5000));
    QDir().mkpath(root + u"/empty-dir"_s);
    if (withSymlink)
        QFile::link(u"../lib/big.txt"_s, root + u"/docs/link.txt"_s);
}

QByteArray python(const QString &code, const QStringList &args)
{
    const ToolRun r = run(u"python3"_s, QStringList{u"-c"_s, code} + args);
    if (r.exitCode != 0)
        qWarning("python failed: %s", r.err.constData());
    return r.out;
}

QJsonObject zipfileFacts(const QString &zipPath)
{
    static const QString code = uR"(
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
entries = []
for i in z.infolist():
    raw = i.orig_filename.encode('utf-8' if i.flag_bits & 0x800 else 'cp437', 'surrogateescape')
    entries.append({"name": i.filename, "raw_name": raw.decode('utf-8', 'replace'), "header_offset": i.header_offset, "is_dir": i.is_dir(),
                    "file_size": i.file_size,
                    "central_length": 46 + len(raw) + len(i.extra) + len(i.comment)})
print(json.dumps({"files": sum(1 for i in z.infolist() if not i.is_dir()),
                  "dirs": sum(1 for i in z.infolist() if i.is_dir()),
                  "unzipped": sum(i.file_size for i in z.infolist()),
                  "start_dir": z.start_dir, "comment_length": len(z.comment), "entries": entries}))
)"_s;
    return QJsonDocument::fromJson(python(code, {zipPath})).object();
}

QString cliPath()
{
    return QStringLiteral(PACKSCOPE_CLI_PATH);
}

QString pythonFile(const QString &path, const QString &code)
{
    python(code, {path});
    return path;
}

QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QString pythonWithElf(const QString &rest)
{
    return uR"(
import struct, sys, zipfile
def elf(machine, size):
    head = b'\x7fELF' + bytes([2, 1, 1]) + bytes(9) + struct.pack('<HH', 3, machine)
    return head + bytes(size - len(head))
)"_s + rest;
}

void addPackageChangeRows()
{
    QTest::addColumn<bool>("replace");
    QTest::newRow("truncated") << false;
    QTest::newRow("replaced") << true;
}

} // namespace fixtures
