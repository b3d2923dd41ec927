// PackageTree and its builder: implicit folders, totals, duplicates, unsafe
// paths, symlinks leading outside, golden-text shape of a small tree.
#include "model/EntryWarnings.h"
#include "model/PackageTreeBuilder.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <thread>

#ifdef __linux__
#include <sys/mman.h>
#endif

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

EntryData file(std::uint64_t unzipped, std::uint64_t footprint = 0)
{
    EntryData d;
    d.kind = NodeKind::File;
    d.unzipped = unzipped;
    d.compressed = unzipped / 2;
    d.footprint = footprint ? footprint : unzipped / 2 + 100;
    return d;
}

EntryData folder()
{
    EntryData d;
    d.kind = NodeKind::Folder;
    d.footprint = 90;
    return d;
}

// "name unzipped/footprint files dirs" per node, indented by depth.
QString print(const PackageTree &tree, NodeId id = 0, int depth = 0)
{
    const PackageNode &n = tree.node(id);
    QString line = QString(depth * 2, u' ') + (id == 0 ? u"<root>"_s : tree.name(id))
        + (n.kind == NodeKind::Folder ? u"/"_s : u""_s)
        + u" %1/%2 f%3 d%4%5\n"_s.arg(n.totals.unzipped).arg(n.totals.footprint).arg(n.totals.files)
              .arg(n.totals.dirs).arg((n.flags & NodeImplicit) && id != 0 ? u" implicit"_s : u""_s);
    for (NodeId child : tree.children(id))
        line += print(tree, child, depth + 1);
    return line;
}

bool hasWarning(const PackageWarnings &warnings, const QString &code)
{
    return std::any_of(warnings.begin(), warnings.end(), [&](const PackageWarning &w) { return w.code == code; });
}

} // namespace

class TestPackageTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenShape()
    {
        PackageWarnings warnings;
        PackageTreeBuilder builder(&warnings);
        builder.addEntry("a/b/one.txt", file(1000));
        builder.addEntry("a/", folder());
        builder.addEntry("a/two.txt", file(10));
        builder.addEntry("./c//three.bin", file(5));
        builder.addEntry("top.py", file(1));
        const PackageTree tree = builder.finish();
        const QString expected = uR"(<root>/ 1016/997 f4 d1
  a/ 1010/795 f2 d1
    b/ 1000/600 f1 d0 implicit
      one.txt 1000/600 f1 d0
    two.txt 10/105 f1 d0
  c/ 5/102 f1 d0 implicit
    three.bin 5/102 f1 d0
  top.py 1/100 f1 d0
)"_s;
        QCOMPARE(print(tree), expected);
        QVERIFY(warnings.empty());
        QCOMPARE(tree.path(3), u"a/b/one.txt"_s);
        QCOMPARE(tree.pathBytes(0), QByteArray());
    }

    void parentsComeBeforeChildren()
    {
        PackageTreeBuilder builder(nullptr);
        builder.addEntry("x/y/z/file", file(1));
        builder.addEntry("x/", folder());
        builder.addEntry("x/y/z/", folder());
        const PackageTree tree = builder.finish();
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            QVERIFY(tree.node(id).parent < id);
        QCOMPARE(tree.node(0).totals.dirs, 2u);
    }

    void duplicatesAreCountedAndFlagged()
    {
        PackageWarnings warnings;
        PackageTreeBuilder builder(&warnings);
        builder.addEntry("lib/x.so", file(100));
        builder.addEntry("lib/x.so", file(100));
        const PackageTree tree = builder.finish();
        QCOMPARE(tree.node(0).totals.files, 2u);
        QCOMPARE(tree.node(0).totals.unzipped, 200u);
        QVERIFY(hasWarning(warnings, u"duplicate-name"_s));
        QVERIFY(tree.node(2).flags & NodeDuplicate);
        QVERIFY(tree.node(3).flags & NodeDuplicate);
    }

    void duplicatesAmongNamesAlikeAtTheEnd_data()
    {
        // Folders of a few files, of dozens and of thousands are searched
        // three different ways; all must find the same.
        QTest::addColumn<int>("files");
        QTest::newRow("few") << 8;
        QTest::newRow("dozens") << 100;
        QTest::newRow("thousands") << 5000;
    }

    void duplicatesAmongNamesAlikeAtTheEnd()
    {
        // Names of one length and one ending ("-index.js"), as generated
        // assets have: only the real duplicates are flagged, a triple gives
        // two warnings, a file and a folder of one name none.
        QFETCH(int, files);
        PackageWarnings warnings;
        PackageTreeBuilder builder(&warnings);
        for (int i = 0; i < files; ++i)
            builder.addEntry(QByteArray("assets/" + QByteArray::number(100000 + i) + "-index.js"), file(1));
        const NodeId first = builder.addEntry(QByteArray("assets/" + QByteArray::number(100000 + files / 2) + "-index.js"), file(1));
        builder.addEntry("assets/100007-index.js", file(1));
        builder.addEntry("assets/100007-index.js", file(1));
        builder.addEntry("assets/100001-index.js/", folder());
        const PackageTree tree = builder.finish();
        QCOMPARE(warnings.count(u"duplicate-name"_s), 3);
        QVERIFY(tree.node(first).flags & NodeDuplicate);
        int flagged = 0;
        for (NodeId id = 0; id < tree.nodeCount(); ++id)
            flagged += (tree.node(id).flags & NodeDuplicate) ? 1 : 0;
        QCOMPARE(flagged, 5);
    }

    void unsafePaths_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("code");
        QTest::addRow("dotdot") << QByteArray("../../etc/passwd") << u"unsafe-path"_s;
        QTest::addRow("absolute") << QByteArray("/etc/passwd") << u"unsafe-path"_s;
        QTest::addRow("drive") << QByteArray("C:/Windows/x.dll") << u"unsafe-path"_s;
        QTest::addRow("nul") << QByteArray("a\0b.txt", 7) << u"unsafe-path"_s;
        QTest::addRow("backslash") << QByteArray("dir\\file.txt") << u"backslash-path"_s;
        QTest::addRow("invalid utf8") << QByteArray("caf\xe9.txt") << u"invalid-utf8"_s;
    }

    void unsafePaths()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, code);
        PackageWarnings warnings;
        PackageTreeBuilder builder(&warnings);
        builder.addEntry(path, file(10));
        const PackageTree tree = builder.finish();
        QVERIFY2(hasWarning(warnings, code), qPrintable(code));
        QCOMPARE(tree.node(0).totals.files, 1u);
        QCOMPARE(tree.node(0).totals.unzipped, 10u);
    }

    void symlinkTargets_data()
    {
        QTest::addColumn<QByteArray>("link");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("escapes");
        QTest::addRow("sibling") << QByteArray("bin/tsc") << QByteArray("../lib/tsc.js") << false;
        QTest::addRow("same folder") << QByteArray("a/b/link") << QByteArray("./c/../d") << false;
        QTest::addRow("to the root") << QByteArray("a/b/link") << QByteArray("../../x") << false;
        QTest::addRow("one level too far") << QByteArray("a/b/link") << QByteArray("../../../x") << true;
        QTest::addRow("up then down") << QByteArray("link") << QByteArray("../pkg/x") << true;
        QTest::addRow("down, then too far up") << QByteArray("link") << QByteArray("a/../../x") << true;
        QTest::addRow("absolute") << QByteArray("lib/libc.so") << QByteArray("/lib/x86_64-linux-gnu/libc.so.6")
                                  << true;
        QTest::addRow("drive") << QByteArray("x") << QByteArray("C:/x") << true;
    }

    void symlinkTargets()
    {
        QFETCH(QByteArray, link);
        QFETCH(QByteArray, target);
        QFETCH(bool, escapes);
        QCOMPARE(symlinkEscapes(link, target), escapes);
        PackageWarnings warnings;
        warnSymlink(warnings, link, std::uint64_t(target.size()), QByteArrayView(target));
        QCOMPARE(hasWarning(warnings, u"symlink-escapes"_s), escapes);
        QVERIFY(hasWarning(warnings, u"symlink"_s));
    }

    void everythingBelowADotDotFolderIsUnsafe()
    {
        // Not only the entry that first made the folders: later entries
        // found through the folder lookup are flagged too.
        PackageWarnings warnings;
        PackageTreeBuilder builder(&warnings);
        const NodeId first = builder.addEntry("a/../b/one.txt", file(1));
        const NodeId second = builder.addEntry("a/../b/two.txt", file(1));
        const NodeId deeper = builder.addEntry("a/../b/c/three.txt", file(1));
        const NodeId safe = builder.addEntry("a/b/four.txt", file(1));
        const PackageTree tree = builder.finish();
        QVERIFY(tree.node(first).flags & NodeUnsafePath);
        QVERIFY(tree.node(second).flags & NodeUnsafePath);
        QVERIFY(tree.node(deeper).flags & NodeUnsafePath);
        QVERIFY(!(tree.node(safe).flags & NodeUnsafePath));
        QCOMPARE(warnings.count(u"unsafe-path"_s), 3);
    }

    void childrenFollowEachOtherInNodeOrder()
    {
        // Children are ranges of one index that end where the next node's
        // begin: files and empty folders have none, and every node is listed
        // once under its parent, in the order it was added.
        PackageTreeBuilder builder(nullptr);
        builder.addEntry("z/1", file(1));
        builder.addEntry("a/", folder());
        builder.addEntry("z/2", file(1));
        builder.addEntry("m/n/3", file(1));
        builder.addEntry("z/4", file(1));
        const PackageTree tree = builder.finish();
        std::vector<int> listed(tree.nodeCount(), 0);
        for (NodeId id = 0; id < tree.nodeCount(); ++id) {
            NodeId previous = 0;
            for (NodeId child : tree.children(id)) {
                QCOMPARE(tree.node(child).parent, id);
                QVERIFY(child > previous);
                previous = child;
                ++listed[child];
            }
            if (!tree.isFolder(id))
                QVERIFY(tree.children(id).empty());
        }
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            QCOMPARE(listed[id], 1);
        QCOMPARE(tree.children(tree.findPath("z")).size(), std::size_t(3));
        QVERIFY(tree.children(tree.findPath("a")).empty());
    }

    void mappingStorageAheadChangesNothing()
    {
        // Another thread maps the node storage while entries are added, as
        // the zip reader does: the tree comes out the same, byte for byte.
        // 60,000 nodes of 64 bytes: storage past the 2 MiB from which it
        // has a mapping of its own, which is what gets mapped ahead.
        constexpr int kEntries = 60000;
        static_assert(kEntries * sizeof(PackageNode) > 2 * 1024 * 1024);
        const auto build = [](bool mapAhead) {
            PackageWarnings warnings;
            PackageTreeBuilder builder(&warnings, kEntries, kEntries * 24);
            std::jthread mapper;
            if (mapAhead)
                mapper = std::jthread([&builder] {
                    for (std::size_t from = 0; from < std::size_t(kEntries); from += 1000)
                        builder.mapStorageAhead(from, from + 1000);
                });
            for (int i = 0; i < kEntries; ++i)
                builder.addEntry(QByteArray(QByteArray("d") + QByteArray::number(i % 37) + "/f" + QByteArray::number(i)),
                                 file(std::uint64_t(i)));
            mapper = {};
            return print(builder.finish());
        };
        QCOMPARE(build(true), build(false));
    }

    void rootDirectoryEntryCountsOnRoot()
    {
        PackageTreeBuilder builder(nullptr);
        builder.addEntry("./", folder());
        builder.addEntry("./a.txt", file(3));
        const PackageTree tree = builder.finish();
        QCOMPARE(tree.nodeCount(), std::size_t(2));
        QCOMPARE(tree.node(0).totals.dirs, 1u);
        QCOMPARE(tree.node(0).totals.footprint, 90u + 101u);
    }

    void absurdSizesAreCappedNotOverflowed()
    {
        PackageWarnings warnings;
        PackageTreeBuilder builder(&warnings);
        for (int i = 0; i < 20; ++i)
            builder.addEntry(QByteArray(QByteArray("bomb") + QByteArray::number(i)), file(0xFFFFFFFFFFFFFFFFull, 50));
        const PackageTree tree = builder.finish();
        QCOMPARE(tree.node(0).totals.unzipped, PackageTreeBuilder::kMaxPackageUnzipped);
        QVERIFY(hasWarning(warnings, u"size-overflow"_s));
    }

    // DESIGN.md's budget: under 300 bytes per entry beyond the central
    // directory, measured on a built tree of npm-like paths.
    void memoryPerEntryIsInBudget()
    {
        constexpr int kEntries = 30000;
        PackageTreeBuilder builder(nullptr, kEntries, kEntries * 40);
        for (int i = 0; i < kEntries; ++i)
            builder.addEntry(QByteArray("node_modules/pkg" + QByteArray::number(i % 700) + "/lib/sub"
                                        + QByteArray::number(i % 13) + "/file" + QByteArray::number(i) + ".js"),
                             file(std::uint64_t(i)));
        const PackageTree tree = builder.finish();
        const double perEntry = double(tree.memoryBytes()) / kEntries;
        QVERIFY2(perEntry < 300, qPrintable(u"%1 bytes per entry"_s.arg(perEntry)));
    }

    void namePoolGrowsPastItsReservation()
    {
        // Sized for 4 bytes of names, as a reader sizes it from the central
        // directory before CP437 names grow in decoding: every name survives.
        PackageTreeBuilder builder(nullptr, 1, 4);
        QList<QByteArray> paths;
        for (int i = 0; i < 3000; ++i)
            paths << "dir" + QByteArray::number(i % 7) + "/" + QByteArray(40 + i % 50, char('a' + i % 26))
                    + QByteArray::number(i);
        for (const QByteArray &path : paths)
            builder.addEntry(path, file(1));
        const PackageTree tree = builder.finish();
        for (const QByteArray &path : paths)
            QVERIFY2(tree.findPath(path) != kNoNode, path.constData());
    }

    void largeBuffersKeepTheirContentsAcrossTheThreshold()
    {
        // Grows from std::allocator storage into a 2 MiB-page mapping and on.
        LargeVector<std::uint32_t> values;
        for (std::uint32_t i = 0; i < 3'000'000; ++i)
            values.push_back(i * 7u);
        for (std::uint32_t i = 0; i < 3'000'000; i += 999)
            QCOMPARE(values[i], i * 7u);
        if (hugepages::kOwnMappings)
            QCOMPARE(reinterpret_cast<std::uintptr_t>(values.data()) % hugepages::kPageBytes, std::uintptr_t(0));
        values.resize(10, 5u);
        values.shrink_to_fit();
        QCOMPARE(values.size(), std::size_t(10));
        QCOMPARE(values[9], 63u);
    }

#ifdef __linux__
    void largeBuffersCostNoMemoryUntilWritten()
    {
        // What the tree builder relies on when it sizes its name pool for
        // the whole central directory: resizing writes nothing.
        if (!hugepages::kOwnMappings)
            QSKIP("big buffers come from operator new in this build");
        constexpr std::size_t kBytes = std::size_t(64) << 20;
        LargeVector<char> names;
        names.resize(kBytes);
        const auto residentPages = [&] {
            std::vector<unsigned char> resident(kBytes / 4096);
            if (mincore(names.data(), kBytes, resident.data()) != 0)
                return std::size_t(-1);
            return std::size_t(std::count_if(resident.begin(), resident.end(), [](unsigned char r) { return r & 1; }));
        };
        QCOMPARE(residentPages(), std::size_t(0));
        std::memset(names.data(), 'x', 100);
        const std::size_t afterWrite = residentPages();
        QVERIFY(afterWrite >= 1);
        QVERIFY2(afterWrite <= hugepages::kPageBytes / 4096, "one write commits at most one 2 MiB page");
    }
#endif
};

QTEST_GUILESS_MAIN(TestPackageTree)
#include "tst_packagetree.moc"
