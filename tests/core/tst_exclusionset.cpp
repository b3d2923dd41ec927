// What-if exclusions: incremental totals always equal a brute-force recount,
// nested marks restore exactly, globs mark folders not their thousands of files.
#include "model/PackageTreeBuilder.h"
#include "whatif/ExclusionSet.h"
#include "whatif/GlobPattern.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

PackageTree sampleTree()
{
    PackageTreeBuilder builder(nullptr);
    QRandomGenerator random(42);
    for (int i = 0; i < 400; ++i) {
        EntryData d;
        d.unzipped = random.bounded(100000);
        d.footprint = d.unzipped / 3 + 80;
        const QByteArray path = "p" + QByteArray::number(i % 7) + "/s" + QByteArray::number(i % 5) + "/d"
            + QByteArray::number(i % 3) + "/f" + QByteArray::number(i) + (i % 10 == 0 ? ".md" : ".js");
        builder.addEntry(path, d);
        if (i % 50 == 0) {
            EntryData dir;
            dir.kind = NodeKind::Folder;
            dir.footprint = 70;
            builder.addEntry(QByteArray("p" + QByteArray::number(i % 7) + "/"), dir);
        }
    }
    return builder.finish();
}

// Recount of what is excluded under `id`, walking the whole subtree.
SizeTotals bruteExcluded(const PackageTree &tree, const ExclusionSet &set, NodeId id)
{
    if (set.isExcluded(id))
        return tree.node(id).totals;
    SizeTotals sum;
    for (NodeId child : tree.children(id))
        sum += bruteExcluded(tree, set, child);
    return sum;
}

} // namespace

class TestExclusionSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomTogglesMatchRecount()
    {
        const PackageTree tree = sampleTree();
        ExclusionSet set(&tree);
        QRandomGenerator random(7);
        for (int step = 0; step < 3000; ++step) {
            const auto id = NodeId(1 + random.bounded(int(tree.nodeCount() - 1)));
            if (random.bounded(2))
                set.exclude(id);
            else
                set.restore(id);
            if (step % 100 == 0) {
                for (NodeId n = 0; n < tree.nodeCount(); ++n)
                    QCOMPARE(set.excludedTotals(n), bruteExcluded(tree, set, n));
            }
        }
    }

    void nestedMarksRestoreExactly()
    {
        const PackageTree tree = sampleTree();
        ExclusionSet set(&tree);
        const NodeId folder = tree.children(0)[0];
        const NodeId inner = tree.children(folder)[0];
        QVERIFY(set.exclude(inner));
        const SizeTotals before = set.excludedTotals(0);
        QVERIFY(set.exclude(folder));
        QCOMPARE(set.excludedTotals(0), tree.node(folder).totals);
        QVERIFY(!set.exclude(inner));  // already excluded through its folder
        QVERIFY(set.restore(folder));
        QCOMPARE(set.excludedTotals(0), before);
        QVERIFY(set.isExcluded(inner));
        QVERIFY(set.restore(inner));
        QVERIFY(set.isEmpty());
        QCOMPARE(set.excludedTotals(0), SizeTotals{});
    }

    void rootCannotBeExcluded()
    {
        const PackageTree tree = sampleTree();
        ExclusionSet set(&tree);
        QVERIFY(!set.exclude(0));
        QVERIFY(!set.restore(1));
    }

    void globMarksFoldersAndFiles()
    {
        const PackageTree tree = sampleTree();
        ExclusionSet set(&tree);
        QCOMPARE(set.excludeMatching(GlobPattern(u"p3/"_s)), 1);
        QCOMPARE(set.excludeMatching(GlobPattern(u"*.md"_s)), 40 - 6);  // those in p3 are already gone
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            const QString path = tree.path(id);
            const bool expected = path.startsWith(u"p3"_s) || path.endsWith(u".md"_s);
            QCOMPARE(set.isExcluded(id), expected);
        }
        QCOMPARE(set.excludedTotals(0), bruteExcluded(tree, set, 0));
    }
};

QTEST_GUILESS_MAIN(TestExclusionSet)
#include "tst_exclusionset.moc"
