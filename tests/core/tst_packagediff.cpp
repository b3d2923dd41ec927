// PackageDiff on inventories built by hand, each delta worked out here from
// the files themselves: duplicates, empty files, recompression, moves with
// and without CRCs, and limits that pass in BASE and fail in HEAD.
#include "compare/PackageDiff.h"
#include "limits/LimitProfile.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

struct Spec {
    QByteArray path;
    std::uint64_t zipped;
    std::uint64_t unzipped;
    std::uint32_t crc = 0;
    bool hasCrc = true;
};

Inventory inventory(const std::vector<Spec> &files)
{
    Inventory inv;
    Inventory::PackageSummary summary;
    summary.path = u"f.zip"_s;
    summary.role = u"function"_s;
    summary.format = u"zip"_s;
    summary.zippedBytes = 22;  // the end record
    for (const Spec &s : files) {
        Inventory::File f;
        f.zipped = s.zipped;
        f.unzipped = s.unzipped;
        f.crc32 = s.crc;
        f.hasCrc = s.hasCrc;
        inv.addFile(s.path, f);
        summary.zippedBytes += s.zipped;
        summary.unzippedBytes += s.unzipped;
    }
    summary.fileCount = std::uint32_t(inv.files.size());
    inv.packages.push_back(summary);
    inv.measures = Inventory::measuresOf(inv.packages);
    return inv;
}

std::vector<QByteArray> pathsOf(const PackageDiff &diff, PackageDiff::Change change)
{
    std::vector<QByteArray> paths;
    for (const PackageDiff::FileChange &f : diff.files) {
        if (f.change == change)
            paths.push_back(diff.path(f).toByteArray());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace

class TestPackageDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKindOfChange()
    {
        const Inventory base = inventory({{"a.txt", 100, 300, 1},
                                          {"same.txt", 50, 50, 2},
                                          {"recompressed.bin", 900, 1000, 3},
                                          {"old/model.bin", 5000, 5000, 4},
                                          {"gone.txt", 10, 10, 5},
                                          {"empty1", 0, 0, 0},
                                          {"dup.txt", 7, 7, 6},
                                          {"dup.txt", 8, 8, 7}});
        const Inventory head = inventory({{"a.txt", 120, 400, 11},
                                          {"same.txt", 50, 50, 2},
                                          {"recompressed.bin", 1000, 1000, 3},
                                          {"new/model.bin", 5004, 5000, 4},
                                          {"empty2", 0, 0, 0},
                                          {"dup.txt", 7, 7, 6},
                                          {"added.txt", 30, 60, 8}});
        const PackageDiff diff = PackageDiff::compute(base, head, LimitProfile::awsLambda());
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Changed), std::vector<QByteArray>{"a.txt"});
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Recompressed), std::vector<QByteArray>{"recompressed.bin"});
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Moved), std::vector<QByteArray>{"new/model.bin"});
        // Empty files are all alike: one gone and one come are not a move.
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Added), (std::vector<QByteArray>{"added.txt", "empty2"}));
        // The second of two equal names has no partner.
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Removed), (std::vector<QByteArray>{"dup.txt", "empty1", "gone.txt"}));
        QCOMPARE(diff.counts.unchanged, 2u);  // same.txt and the first dup.txt

        // Deltas: each change's, and the totals as the sums of the sides.
        std::int64_t zipped = 0, unzipped = 0;
        for (const PackageDiff::FileChange &f : diff.files) {
            zipped += f.zippedDelta;
            unzipped += f.unzippedDelta;
        }
        auto sum = [](const Inventory &inv, bool zippedSide) {
            std::int64_t total = 0;
            for (const Inventory::File &f : inv.files)
                total += std::int64_t(zippedSide ? f.zipped : f.unzipped);
            return total;
        };
        QCOMPARE(zipped, sum(head, true) - sum(base, true));
        QCOMPARE(unzipped, sum(head, false) - sum(base, false));
        QCOMPARE(diff.zippedDelta(), zipped);
        QCOMPARE(diff.unzippedDelta(), unzipped);
        QCOMPARE(diff.filesDelta(), -1);
        for (const PackageDiff::FileChange &f : diff.files) {
            if (f.change == PackageDiff::Change::Moved) {
                QCOMPARE(f.zippedDelta, 4);  // a longer name in the zip
                QCOMPARE(f.unzippedDelta, 0);
            }
        }
        // Largest effect first.
        QCOMPARE(diff.path(diff.files.front()), QByteArrayView("a.txt"));
    }

    // Without CRCs on either side, a move needs the same name and size.
    void movesWithoutCrcs()
    {
        const Inventory base = inventory({{"a/x.bin", 10, 10, 0, false}, {"a/y.bin", 10, 10, 0, false}});
        const Inventory head = inventory({{"b/x.bin", 10, 10, 0, false}, {"b/z.bin", 10, 10, 0, false}});
        const PackageDiff diff = PackageDiff::compute(base, head, LimitProfile::awsLambda());
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Moved), std::vector<QByteArray>{"b/x.bin"});
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Added), std::vector<QByteArray>{"b/z.bin"});
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Removed), std::vector<QByteArray>{"a/y.bin"});
    }

    void limitsAndHeadroom()
    {
        const std::uint64_t limit = 52428800;
        const Inventory base = inventory({{"big", limit - 1000 - 22, limit}});
        const Inventory head = inventory({{"big", limit + 500 - 22, limit}});
        const PackageDiff diff = PackageDiff::compute(base, head, LimitProfile::awsLambda());
        const auto zipped = std::find_if(diff.limits.begin(), diff.limits.end(), [](const PackageDiff::LimitDelta &l) {
            return l.head.rule.id == u"zipped-direct-upload";
        });
        QVERIFY(zipped != diff.limits.end());
        QCOMPARE(zipped->base.value, limit - 1000);
        QCOMPARE(zipped->head.value, limit + 500);
        QCOMPARE(zipped->delta(), 1500);
        QVERIFY(zipped->base.pass && !zipped->head.pass && zipped->isNewFailure());
        QCOMPARE(zipped->headroomUsed(), 1.5);  // 1,500 of the 1,000 left
        QCOMPARE(diff.newFailures(), 1);
        QCOMPARE(diff.headFailures(), 1);
        QCOMPARE(pathsOf(diff, PackageDiff::Change::Recompressed), std::vector<QByteArray>{"big"});
    }
};

QTEST_GUILESS_MAIN(TestPackageDiff)
#include "tst_packagediff.moc"
