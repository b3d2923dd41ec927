// Zip reader against real producers: counts and sizes equal Python's zipfile,
// every footprint equals the record layout, and the bytes excluded equal the
// bytes a verbatim-copy slimmer really removes.
#include "Fixtures.h"

#include "readers/OtherCoreThread.h"
#include "readers/PackageReader.h"
#include "readers/ZipPackageReader.h"
#include "session/Session.h"
#include "slim/SlimZipWriter.h"
#include "whatif/GlobPattern.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <map>
#include <stdexcept>
#include <thread>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

// Independent slimmer in Python: copies kept entries' local records verbatim,
// rewrites offsets in the central records and the end record. Prints the size.
const char *kPythonSlimmer = R"py(
import struct, sys, zipfile
src, dst, drop = sys.argv[1], sys.argv[2], set(sys.argv[3:])
data = open(src, 'rb').read()
z = zipfile.ZipFile(src)
infos = z.infolist()
offsets = sorted(i.header_offset for i in infos) + [z.start_dir]
nxt = {o: offsets[k + 1] for k, o in enumerate(offsets[:-1])}
# raw central records, in order
cd, pos = [], z.start_dir
for i in infos:
    n, e, c = struct.unpack('<HHH', data[pos + 28:pos + 34])
    cd.append(data[pos:pos + 46 + n + e + c]); pos += 46 + n + e + c
prefix = min(offsets)
# offsets not adjusted for prepended data are relative to the zip's own start
shift = prefix if prefix and struct.unpack('<I', data[-6:-2])[0] == z.start_dir - prefix else 0
out = bytearray(data[:prefix]); newcd = bytearray(); count = 0
for i, rec in zip(infos, cd):
    if i.filename in drop: continue
    new_off = len(out) - shift
    out += data[i.header_offset:nxt[i.header_offset]]
    rec = bytearray(rec)
    if struct.unpack('<I', rec[42:46])[0] == 0xFFFFFFFF:
        n, e = struct.unpack('<HH', rec[28:32]); at = 46 + n
        while at < 46 + n + e:
            hid, size = struct.unpack('<HH', rec[at:at + 4])
            if hid == 1:
                fields = 4 + 8 * ((struct.unpack('<I', rec[24:28])[0] == 0xFFFFFFFF) + (struct.unpack('<I', rec[20:24])[0] == 0xFFFFFFFF))
                rec[at + fields:at + fields + 8] = struct.pack('<Q', new_off)
            at += 4 + size
    else:
        rec[42:46] = struct.pack('<I', new_off)
    newcd += rec; count += 1
tail = bytearray(data[z.start_dir + sum(len(r) for r in cd):])
cd_offset = len(out) - shift
out += newcd
if tail[:4] == b'PK\x06\x06':
    tail[24:48] = struct.pack('<QQQ', count, count, len(newcd))
    tail[48:56] = struct.pack('<Q', cd_offset)
    loc = tail.index(b'PK\x06\x07')
    tail[loc + 8:loc + 16] = struct.pack('<Q', len(out) - shift)
end = tail.rindex(b'PK\x05\x06')
if struct.unpack('<H', tail[end + 10:end + 12])[0] != 0xFFFF:
    tail[end + 8:end + 12] = struct.pack('<HH', count, count)
tail[end + 12:end + 16] = struct.pack('<I', len(newcd))
if struct.unpack('<I', tail[end + 16:end + 20])[0] != 0xFFFFFFFF:
    tail[end + 16:end + 20] = struct.pack('<I', cd_offset)
open(dst, 'wb').write(out + tail)
print(len(out) + len(tail))
)py";

struct Producer {
    QString program;
    QStringList arguments;  // run in the sample tree; output goes to ../out.zip
};

} // namespace

class TestZipReader : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString tree() const { return m_dir.filePath(u"tree"_s); }

    // Builds a zip with the named producer; empty string if the tool is missing.
    QString build(const QString &producer)
    {
        const QString out = m_dir.filePath(producer + u".zip"_s);
        QFile::remove(out);
        auto sh = [&](const QString &script) {
            const auto r = fixtures::run(u"bash"_s, {u"-c"_s, script}, tree());
            if (r.exitCode != 0)
                qWarning("%s failed: %s", qPrintable(producer), r.err.constData());
            return r.exitCode == 0;
        };
        const QString python = uR"py(python3 -c "
import os, sys, zipfile
force = sys.argv[2] == 'zip64'
z = zipfile.ZipFile(sys.argv[1] if sys.argv[1] != '-' else sys.stdout.buffer, 'w', zipfile.ZIP_DEFLATED)
for root, dirs, files in sorted(os.walk('.')):
    for d in sorted(dirs):
        z.write(os.path.join(root, d), os.path.relpath(os.path.join(root, d)))
    for f in sorted(files):
        p = os.path.join(root, f)
        if force:
            with open(p, 'rb') as src, z.open(os.path.relpath(p), 'w', force_zip64=True) as dst: dst.write(src.read())
        else:
            z.write(p, os.path.relpath(p))
z.close()" )py"_s;
        bool ok = false;
        if (producer == u"infozip")
            ok = fixtures::requireTool(u"zip"_s) && sh(u"zip -qr '%1' ."_s.arg(out));
        else if (producer == u"infozip-symlinks")
            ok = fixtures::requireTool(u"zip"_s) && sh(u"zip -qry '%1' ."_s.arg(out));
        else if (producer == u"infozip-stored")
            ok = fixtures::requireTool(u"zip"_s) && sh(u"zip -qr0 '%1' ."_s.arg(out));
        else if (producer == u"infozip-comment")
            ok = fixtures::requireTool(u"zip"_s) && sh(u"zip -qr '%1' . && echo 'release 1.2.3 built by CI' | zip -qz '%1'"_s.arg(out));
        else if (producer == u"python-zipfile")
            ok = sh(python + u"'%1' plain"_s.arg(out));
        else if (producer == u"python-data-descriptors")
            ok = sh(python + u"- plain | cat > '%1'"_s.arg(out));
        else if (producer == u"python-zip64")
            ok = sh(python + u"'%1' zip64"_s.arg(out));
        else if (producer == u"bsdtar")
            ok = fixtures::requireTool(u"bsdtar"_s) && sh(u"bsdtar --format zip -cf '%1' ."_s.arg(out));
        else if (producer == u"jar")
            ok = fixtures::requireTool(u"jar"_s) && sh(u"jar cf '%1' ."_s.arg(out));
        else if (producer == u"7z")
            ok = fixtures::requireTool(u"7z"_s) && sh(u"7z a -tzip '%1' . > /dev/null"_s.arg(out));
        else if (producer == u"prefix-unadjusted")
            ok = fixtures::requireTool(u"zip"_s)
                && sh(u"zip -qr inner.tmp . && (head -c 4096 /dev/zero; cat inner.tmp) > '%1' && rm inner.tmp"_s.arg(out));
        else if (producer == u"prefix-adjusted")
            ok = fixtures::requireTool(u"zip"_s)
                && sh(u"zip -qr inner.tmp . && (printf '#!/bin/sh\\nexit 0\\n'; cat inner.tmp) > '%1' && rm inner.tmp "
                      u"&& zip -qA '%1'"_s.arg(out));
        return ok ? out : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        fixtures::writeSampleTree(tree(), true);
    }

    void producers_data()
    {
        QTest::addColumn<QString>("producer");
        for (const char *p : {"infozip", "infozip-symlinks", "infozip-stored", "infozip-comment", "python-zipfile",
                              "python-data-descriptors", "python-zip64", "bsdtar", "jar", "7z", "prefix-unadjusted",
                              "prefix-adjusted"})
            QTest::addRow("%s", p) << QString::fromLatin1(p);
    }

    void producers()
    {
        QFETCH(QString, producer);
        const QString zip = build(producer);
        if (QTest::currentTestFailed())
            return;  // the producer is not installed
        QVERIFY2(!zip.isEmpty(), "the producer failed");
        const QJsonObject facts = fixtures::zipfileFacts(zip);
        QVERIFY2(!facts.isEmpty(), "python zipfile could not read the fixture");

        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const Package &package = *loaded.package;
        const PackageTree &tree = package.tree;
        const SizeTotals &totals = tree.node(tree.root()).totals;
        QCOMPARE(qint64(totals.files), facts.value(u"files"_s).toInteger());
        QCOMPARE(qint64(totals.dirs), facts.value(u"dirs"_s).toInteger());
        QCOMPARE(qint64(totals.unzipped), facts.value(u"unzipped"_s).toInteger());
        QCOMPARE(package.zippedBytes(), std::uint64_t(QFileInfo(zip).size()));
        QVERIFY(!package.zippedEstimated);
        if (producer == u"infozip-symlinks" || producer == u"bsdtar")
            QCOMPARE(totals.symlinks, 1u);

        // Every entry's records, from Python's view of the layout.
        const QJsonArray entries = facts.value(u"entries"_s).toArray();
        std::vector<qint64> offsets;
        qint64 centralTotal = 0;
        for (const QJsonValue &e : entries) {
            offsets.push_back(e[u"header_offset"_s].toInteger());
            centralTotal += e[u"central_length"_s].toInteger();
        }
        const qint64 startDir = facts.value(u"start_dir"_s).toInteger();
        std::sort(offsets.begin(), offsets.end());
        offsets.push_back(startDir);
        std::map<qint64, qint64> localLength;
        for (std::size_t i = 0; i + 1 < offsets.size(); ++i)
            localLength[offsets[i]] = offsets[i + 1] - offsets[i];
        std::map<qint64, const ZipEntryLocation *> byOffset;
        for (const ZipEntryLocation &loc : tree.zipLocations())
            byOffset[qint64(loc.localOffset)] = &loc;
        QCOMPARE(byOffset.size(), std::size_t(entries.size()));
        for (const QJsonValue &e : entries) {
            const qint64 offset = e[u"header_offset"_s].toInteger();
            QVERIFY2(byOffset.count(offset), qPrintable(e[u"name"_s].toString()));
            const ZipEntryLocation *loc = byOffset[offset];
            QCOMPARE(qint64(loc->localLength), localLength[offset]);
            QCOMPARE(qint64(loc->centralLength), e[u"central_length"_s].toInteger());
        }
        // Footprints tile the file: entries' records + prefix + end records.
        const qint64 prefix = offsets.front();
        QCOMPARE(qint64(totals.footprint), (startDir - prefix) + centralTotal);
        const qint64 endRecords = QFileInfo(zip).size() - startDir - centralTotal;
        QCOMPARE(qint64(package.fixedZipBytes), prefix + endRecords);
        QVERIFY(endRecords >= 22 + facts.value(u"comment_length"_s).toInteger());
        if (producer.startsWith(u"prefix"))
            QVERIFY(std::any_of(package.warnings.begin(), package.warnings.end(),
                                [](const PackageWarning &w) { return w.code == u"prefix-data"; }));

        // Names: the UTF-8 name decodes, whatever the producer's convention.
        bool foundCafe = false;
        for (NodeId id = 0; id < tree.nodeCount(); ++id)
            foundCafe = foundCafe || tree.name(id) == u"caf\u00e9.md"_s;
        QVERIFY(foundCafe);

        // Exclusion prediction == size of the zip really written without them.
        for (const QString &globText : {u"lib/native/**"_s, u"*.txt"_s, u"docs/"_s}) {
            Session session;
            session.setFunction(loaded.package);
            session.excludeMatching(GlobPattern(globText));
            QStringList dropped;
            for (const QJsonValue &e : entries) {
                const QString name = e[u"name"_s].toString();
                const QString raw = e[u"raw_name"_s].toString();
                QString clean = raw.startsWith(u"./"_s) ? raw.mid(2) : raw;
                if (clean.endsWith(u'/'))
                    clean.chop(1);
                const bool isDir = e[u"is_dir"_s].toBool();
                bool gone = false;
                for (NodeId id = 1; id < tree.nodeCount() && !gone; ++id)
                    gone = tree.path(id) == clean && tree.isFolder(id) == isDir
                        && session.exclusions(0).isExcluded(id);
                if (gone)
                    dropped << name;
            }
            QVERIFY2(!dropped.isEmpty(), qPrintable(globText));
            const QString slim = m_dir.filePath(u"slim.zip"_s);
            const QByteArray printed = fixtures::python(QString::fromLatin1(kPythonSlimmer),
                                                        QStringList{zip, slim} + dropped);
            QCOMPARE(session.measures().functionZipped, printed.trimmed().toULongLong());
            QCOMPARE(QFileInfo(slim).size(), qint64(printed.trimmed().toULongLong()));
            // The slimmed zip is valid and holds exactly the kept entries.
            const QJsonObject slimFacts = fixtures::zipfileFacts(slim);
            QCOMPARE(qint64(session.measures().functionUnzipped), slimFacts.value(u"unzipped"_s).toInteger());
            // Packscope's own slim zip is that same file, byte for byte.
            const QString ours = m_dir.filePath(u"ours.zip"_s);
            QFile::remove(ours);
            const SlimResult written = SlimZipWriter::write(*loaded.package, session.exclusions(0), ours);
            QVERIFY2(written.ok(), qPrintable(written.error));
            QCOMPARE(written.writtenBytes, session.measures().functionZipped);
            QFile a(slim), b(ours);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QVERIFY2(a.readAll() == b.readAll(), qPrintable(producer + u" / "_s + globText));
            QCOMPARE(written.verification.crcChecked + written.verification.crcSkipped, written.keptEntries);
        }
    }

    void infozipDeleteAgrees()
    {
        // For Info-ZIP archives, `zip -d` is a second, unrelated oracle.
        if (!fixtures::requireTool(u"zip"_s))
            return;
        const QString zip = build(u"infozip"_s);
        const QString copy = m_dir.filePath(u"deleted.zip"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(zip, copy));
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qd"_s, copy, u"lib/native/*"_s, u"lib/native/"_s}).exitCode, 0);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY(loaded.ok());
        Session session;
        session.setFunction(loaded.package);
        session.excludeMatching(GlobPattern(u"lib/native/"_s));
        QCOMPARE(qint64(session.measures().functionZipped), QFileInfo(copy).size());
    }

    void cp437Names()
    {
        // A name without the UTF-8 flag is code page 437: 0x82 is 'é'.
        const QString zip = m_dir.filePath(u"cp437.zip"_s);
        fixtures::python(uR"(
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w')
z.writestr('caf_.txt', b'x' * 10)
z.close()
data = open(sys.argv[1], 'rb').read().replace(b'caf_', b'caf\x82')
open(sys.argv[1], 'wb').write(data)
)"_s, {zip});
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.package->tree.name(1), u"caf\u00e9.txt"_s);
        const QJsonObject facts = fixtures::zipfileFacts(zip);
        QCOMPARE(facts[u"entries"_s][0][u"name"_s].toString(), u"caf\u00e9.txt"_s);
    }

    void manyEntriesAndZip64Counts()
    {
        // 70,000 entries need the zip64 end records (count > 65,535).
        const QString zip = m_dir.filePath(u"many.zip"_s);
        fixtures::python(uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    for i in range(70000):
        z.writestr('pkg%d/file%05d.js' % (i % 50, i), b'x' * (i % 7))
)"_s, {zip});
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const SizeTotals &t = loaded.package->tree.node(0).totals;
        QCOMPARE(t.files, 70000u);
        QCOMPARE(loaded.package->zippedBytes(), std::uint64_t(QFileInfo(zip).size()));
        std::uint64_t expected = 0;
        for (int i = 0; i < 70000; ++i)
            expected += std::uint64_t(i % 7);
        QCOMPARE(t.unzipped, expected);
        QVERIFY(std::none_of(loaded.package->warnings.begin(), loaded.package->warnings.end(),
                             [](const PackageWarning &w) { return w.code == u"entry-count-mismatch"; }));
    }

    // A zip's read reports its walk of the central directory and stops,
    // with the other thread's local checks, as soon as it is told to; told
    // nothing, it reads what a read without a listener reads.
    void cancellingAZipReadStopsItsWalk()
    {
        const QString zip = m_dir.filePath(u"cancel.zip"_s);
        fixtures::python(uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    for i in range(40000):
        z.writestr('pkg%d/file%05d.js' % (i % 50, i), b'y' * (i % 5))
)"_s, {zip});
        const LoadResult plain = ZipPackageReader::read(zip);
        QVERIFY2(plain.ok(), qPrintable(plain.error));
        for (const auto threads : {ZipPackageReader::Threads::One, ZipPackageReader::Threads::Two}) {
            std::vector<LoadProgress> heard;
            const LoadResult listened = ZipPackageReader::read(zip, threads, [&](const LoadProgress &now) {
                heard.push_back(now);
                return true;
            });
            QVERIFY2(listened.ok(), qPrintable(listened.error));
            QCOMPARE(listened.package->tree.nodeCount(), plain.package->tree.nodeCount());
            QCOMPARE(listened.package->zippedBytes(), plain.package->zippedBytes());
            QCOMPARE(listened.package->warnings.size(), plain.package->warnings.size());
            QVERIFY2(heard.size() >= 10, qPrintable(QString::number(heard.size())));  // one per 4,096 records
            for (std::size_t i = 1; i < heard.size(); ++i) {
                QVERIFY(heard[i].entries > heard[i - 1].entries);
                QVERIFY(heard[i].bytesRead > heard[i - 1].bytesRead);
                QVERIFY(heard[i].bytesRead < heard[i].bytesTotal);
            }

            int calls = 0;
            const LoadResult stopped = ZipPackageReader::read(zip, threads, [&](const LoadProgress &now) {
                ++calls;
                return now.entries < 8192;
            });
            QVERIFY(!stopped.ok());
            QCOMPARE(stopped.error, zip + u": cancelled"_s);
            QCOMPARE(calls, 3);  // before the walk, at 4,096 and at 8,192 records
        }
        // Through the reader that picks by content, as the app opens it.
        const LoadResult picked = PackageReader::read(zip, [](const LoadProgress &) { return false; });
        QCOMPARE(picked.error, zip + u": cancelled"_s);
    }

    void zip64HugeEntry()
    {
        // A real 4.6 GB entry (zeros, deflated to a few MB): sizes need the
        // zip64 extra field and the end records need zip64 too.
        const QString zip = m_dir.filePath(u"huge.zip"_s);
        fixtures::python(uR"py(
import sys, zipfile
chunk = bytes(16 << 20)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr('small.txt', b'hello')
    with z.open('data/huge.bin', 'w', force_zip64=True) as f:
        for _ in range(274):            # 274 * 16 MiB = 4,596,957,184 bytes
            f.write(chunk)
    z.writestr('after.txt', b'world')
)py"_s, {zip});
        const QJsonObject facts = fixtures::zipfileFacts(zip);
        QCOMPARE(facts[u"unzipped"_s].toInteger(), qint64(274) * (16 << 20) + 10);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const Package &p = *loaded.package;
        QCOMPARE(qint64(p.tree.node(0).totals.unzipped), facts[u"unzipped"_s].toInteger());
        QCOMPARE(p.tree.node(0).totals.files, 3u);
        QCOMPARE(p.zippedBytes(), std::uint64_t(QFileInfo(zip).size()));
        Session session;
        session.setFunction(loaded.package);
        const auto results = session.evaluate();
        QVERIFY(results[0].pass);   // a few MB zipped
        QVERIFY(!results[1].pass);  // 4.6 GB unzipped
        QCOMPARE(results[1].culprits.size(), std::size_t(1));
        QCOMPARE(loaded.package->tree.path(results[1].culprits[0].node), u"data/huge.bin"_s);
        QFile::remove(zip);
    }

    void emptyZip()
    {
        const QString zip = m_dir.filePath(u"empty.zip"_s);
        fixtures::python(u"import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').close()"_s, {zip});
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.package->zippedBytes(), 22u);
        QCOMPARE(loaded.package->tree.node(0).totals.files, 0u);
        QCOMPARE(loaded.package->warnings.front().code, u"empty-package"_s);
    }

    void damagedCentralDirectory()
    {
        const QString zip = build(u"python-zipfile"_s);
        QFile file(zip);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QJsonObject facts = fixtures::zipfileFacts(zip);
        // Break the signature of the third central record.
        qint64 pos = facts[u"start_dir"_s].toInteger();
        const QJsonArray entries = facts[u"entries"_s].toArray();
        pos += entries[0][u"central_length"_s].toInteger() + entries[1][u"central_length"_s].toInteger();
        file.seek(pos);
        file.write("XXXX");
        file.close();
        const LoadResult loaded = ZipPackageReader::read(zip);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error.startsWith(zip + u": "_s), qPrintable(loaded.error));
        QVERIFY2(loaded.error.contains(u"central directory record 3"_s), qPrintable(loaded.error));
        const QString recovered = u"recovers %1 entries"_s.arg(entries.size());
        QVERIFY2(loaded.error.contains(recovered), qPrintable(loaded.error));
        QVERIFY(loaded.partial);
        QCOMPARE(qint64(loaded.partial->tree.node(0).totals.files), facts[u"files"_s].toInteger());
    }

    // The file is read in pieces (its tail, then the central directory,
    // then runs of local records) where the fuzzers read it whole from
    // memory: both give the same package, on layouts that make the pieces
    // matter.
    void fileAndMemoryReadsAgree_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("arguments");  // after the zip's path
        // 70,000 entries need zip64 end records; prepended data without
        // adjusted offsets puts the declared zip64 record far from the real one.
        const QString many = uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1] + '.inner', 'w', zipfile.ZIP_STORED) as z:
    for i in range(70000):
        z.writestr('pkg%d/file%05d.js' % (i % 50, i), b'x' * (i % 7))
    z.writestr('big.bin', bytes(300000))
    z.comment = b'c' * int(sys.argv[3])
open(sys.argv[1], 'wb').write(bytes(int(sys.argv[2])) + open(sys.argv[1] + '.inner', 'rb').read())
)"_s;
        QTest::newRow("zip64") << many << QStringList{u"0"_s, u"0"_s};
        QTest::newRow("zip64, 2 MiB unadjusted prefix") << many << QStringList{u"2097152"_s, u"0"_s};
        QTest::newRow("zip64, longest comment") << many << QStringList{u"0"_s, u"65535"_s};
        QTest::newRow("small, all in the first read") << uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for i in range(40):
        z.writestr('f%d.txt' % i, 'text %d ' % i * 50)
)"_s << QStringList();
    }
    void fileAndMemoryReadsAgree()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, arguments);
        const QString zip = m_dir.filePath(u"agree.zip"_s);
        QFile::remove(zip);
        fixtures::python(code, QStringList{zip} + arguments);
        QFile file(zip);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const LoadResult fromFile = ZipPackageReader::read(zip);
        QVERIFY2(fromFile.ok(), qPrintable(fromFile.error));
        for (const auto threads : {ZipPackageReader::Threads::One, ZipPackageReader::Threads::Two}) {
            const LoadResult fromMemory = ZipPackageReader::readBytes(
                reinterpret_cast<const unsigned char *>(bytes.constData()), std::uint64_t(bytes.size()), zip, threads);
            QVERIFY2(fromMemory.ok(), qPrintable(fromMemory.error));
            const PackageTree &a = fromFile.package->tree, &b = fromMemory.package->tree;
            QCOMPARE(a.nodeCount(), b.nodeCount());
            QCOMPARE(a.node(0).totals.files, b.node(0).totals.files);
            QCOMPARE(a.node(0).totals.unzipped, b.node(0).totals.unzipped);
            QCOMPARE(a.node(0).totals.footprint, b.node(0).totals.footprint);
            QCOMPARE(fromFile.package->fixedZipBytes, fromMemory.package->fixedZipBytes);
            QStringList warningsA, warningsB;
            for (const PackageWarning &w : fromFile.package->warnings)
                warningsA << w.code + u' ' + w.path + u' ' + w.message;
            for (const PackageWarning &w : fromMemory.package->warnings)
                warningsB << w.code + u' ' + w.path + u' ' + w.message;
            QCOMPARE(warningsA, warningsB);
        }
        QCOMPARE(fromFile.package->zippedBytes(), std::uint64_t(bytes.size()));
    }

    // Truncated from another thread while it is being opened, at moments
    // spread over the open and to lengths that cut the entries, the central
    // directory or the end records: never a crash, and either the package
    // (the open finished first) or one line naming the file.
    void truncationWhileOpeningNeverCrashes()
    {
        const QString dir = m_dir.filePath(u"opening"_s);
        QVERIFY(QDir().mkpath(dir));
        // Enough entries that the open takes tens of milliseconds.
        const QString pristine = dir + u"/pristine.zip"_s;
        fixtures::python(uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    for i in range(150000):
        z.writestr('pkg%d/file%06d.js' % (i % 40, i), b'x' * (i % 9))
)"_s, {pristine});
        const qint64 size = QFileInfo(pristine).size();
        const qint64 centralStart = fixtures::zipfileFacts(pristine).value(u"start_dir"_s).toInteger();
        QVERIFY(centralStart > 0);
        const qint64 lengths[] = {4096, centralStart / 2, centralStart + (size - centralStart) / 3, size - 30};
        const QString zip = dir + u"/in.zip"_s;
        const QString changed = zip + u" changed on disk since it was opened: reopen it"_s;
        int refused = 0;
        for (int round = 0; round < 16; ++round) {
            QFile::remove(zip);
            QVERIFY(QFile::copy(pristine, zip));
            LoadResult loaded;
            std::thread reader([&] { loaded = ZipPackageReader::read(zip); });
            std::this_thread::sleep_for(std::chrono::microseconds(round * 2500));
            QCOMPARE(::truncate(QFile::encodeName(zip).constData(), off_t(lengths[round % 4])), 0);
            reader.join();
            if (loaded.ok()) {
                QCOMPARE(loaded.package->tree.node(0).totals.files, 150000u);
                continue;
            }
            QVERIFY2(loaded.error.startsWith(zip) && !loaded.error.contains(u'\n'), qPrintable(loaded.error));
            refused += loaded.error == changed;
        }
        QVERIFY(refused > 0);  // most truncations land while the file is being read
    }

    // The thread the location walk runs on beside the tree build.
    void otherCoreThreadRunsItsWorkAndReportsWhatItThrew()
    {
        std::atomic<int> ran = 0;
        {
            OtherCoreThread thread([&] { ran = 1; });
            thread.join();
            QCOMPARE(ran.load(), 1);
        }
        OtherCoreThread failing([] { throw std::runtime_error("central directory gone"); });
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, failing.join());
        failing.join();  // reported once, then joined quietly
        {
            // Left to its destructor, it is joined and what it threw dropped.
            OtherCoreThread dropped([&] {
                ran = 2;
                throw std::runtime_error("dropped");
            });
        }
        QCOMPARE(ran.load(), 2);
    }
};

QTEST_GUILESS_MAIN(TestZipReader)
#include "tst_zipreader.moc"
