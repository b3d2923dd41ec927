// The squarified treemap layout, without a screen: children split their
// parent's interior exactly in proportion to their sizes, siblings never
// overlap, tiles are close to square, tiny items merge into a remainder,
// exclusions and the size mode change the tiles, hit-testing finds the
// innermost tile.
#include "SyntheticPackage.h"

#include "session/Session.h"
#include "treemap/TreemapLayout.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::SyntheticFile;
using fixtures::syntheticPackage;

namespace {

constexpr double kEpsilon = 1e-6;

// Checks the invariants every layout must hold; returns the number of tiles checked.
void checkProportions(const TreemapLayout &layout, const TreemapOptions &options)
{
    const auto &tiles = layout.tiles();
    // Top level: covers the bounds in proportion.
    double topArea = 0, topSize = 0;
    for (std::uint32_t i = 0; i < layout.topLevelCount(); ++i) {
        topArea += tiles[i].rect.width() * tiles[i].rect.height();
        topSize += double(tiles[i].size);
    }
    if (layout.topLevelCount() > 0)
        QVERIFY(std::abs(topArea - layout.bounds().width() * layout.bounds().height()) < 1e-3);
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const TreemapTile &parent = tiles[i];
        QVERIFY(parent.rect.width() >= -kEpsilon && parent.rect.height() >= -kEpsilon);
        if (parent.childCount == 0)
            continue;
        const QRectF interior = TreemapLayout::interiorOf(parent, options);
        const double interiorArea = interior.width() * interior.height();
        double childArea = 0;
        std::uint64_t childSize = 0;
        for (std::uint32_t c = parent.firstChild; c < parent.firstChild + parent.childCount; ++c) {
            const TreemapTile &child = tiles[c];
            QCOMPARE(child.parent, std::int32_t(i));
            // Inside the parent's interior.
            QVERIFY(child.rect.left() >= interior.left() - 1e-6 && child.rect.top() >= interior.top() - 1e-6);
            QVERIFY(child.rect.right() <= interior.right() + 1e-6 && child.rect.bottom() <= interior.bottom() + 1e-6);
            // Area in proportion to size.
            const double area = child.rect.width() * child.rect.height();
            QVERIFY2(std::abs(area / interiorArea - double(child.size) / double(parent.size)) < 1e-6,
                     qPrintable(u"tile %1: area share %2, size share %3"_s.arg(c)
                                    .arg(area / interiorArea)
                                    .arg(double(child.size) / double(parent.size))));
            childArea += area;
            childSize += child.size;
            // No sibling overlaps it.
            for (std::uint32_t d = c + 1; d < parent.firstChild + parent.childCount; ++d) {
                const QRectF overlap = child.rect.intersected(tiles[d].rect);
                QVERIFY(overlap.width() * overlap.height() < 1e-6);
            }
        }
        QCOMPARE(childSize, parent.size);
        QVERIFY(std::abs(childArea - interiorArea) < 1e-3 * std::max(1.0, interiorArea));
    }
}

} // namespace

class TestTreemapLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tilesCoverTheAreaInProportion()
    {
        std::vector<SyntheticFile> files;
        for (int i = 0; i < 300; ++i)
            files.push_back({u"pkg%1/sub%2/file%3.js"_s.arg(i % 7).arg(i % 3).arg(i), std::uint64_t(1000 + (i * 7919) % 50000),
                             std::uint64_t(300 + i)});
        Session session;
        session.setFunction(syntheticPackage(u"p.zip"_s, files));
        TreemapOptions options;
        options.minTileSide = 0.0;  // no remainder: every file gets a tile
        const TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 1200, 800), options);
        checkProportions(layout, options);
        int fileTiles = 0;
        for (const TreemapTile &t : layout.tiles())
            fileTiles += (!t.folder && !t.remainder) ? 1 : 0;
        QCOMPARE(fileTiles, 300);
        QCOMPARE(layout.tiles().front().size, session.package(0)->tree.node(0).totals.unzipped);
    }

    void tilesAreCloseToSquare()
    {
        std::vector<SyntheticFile> files;
        for (int i = 0; i < 100; ++i)
            files.push_back({u"f%1"_s.arg(i), 1000, 1000});
        Session session;
        session.setFunction(syntheticPackage(u"p.zip"_s, files));
        TreemapOptions options;
        options.framePadding = 0;
        options.headerHeight = 0;
        const TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 1000, 1000), options);
        double worst = 1;
        for (const TreemapTile &t : layout.tiles()) {
            if (t.folder)
                continue;
            worst = std::max(worst, std::max(t.rect.width(), t.rect.height()) / std::min(t.rect.width(), t.rect.height()));
        }
        // A slice-and-dice layout would give 100:1; squarified stays near 1.
        QVERIFY2(worst < 2.0, qPrintable(QString::number(worst)));
    }

    void tinyItemsMergeIntoOneRemainder()
    {
        std::vector<SyntheticFile> files{{u"big.bin"_s, 1'000'000, 1}};
        for (int i = 0; i < 5000; ++i)
            files.push_back({u"small/f%1"_s.arg(i), 10, 1});
        files.push_back({u"tiny%1"_s.arg(1), 5, 1});
        files.push_back({u"tiny%1"_s.arg(2), 5, 1});
        Session session;
        session.setFunction(syntheticPackage(u"p.zip"_s, files));
        TreemapOptions options;
        const TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 400, 300), options);
        checkProportions(layout, options);
        // The root holds big.bin, small/ (whose 5,000 files are one
        // remainder) and one remainder for the two tiny files.
        const TreemapTile &root = layout.tiles().front();
        QCOMPARE(root.childCount, 3u);
        const TreemapTile &small = layout.tiles()[root.firstChild + 1];
        QVERIFY(small.folder && !small.remainder);
        QCOMPARE(small.childCount, 1u);
        const TreemapTile &smallFiles = layout.tiles()[small.firstChild];
        QVERIFY(smallFiles.remainder);
        QCOMPARE(smallFiles.smallItems, 5000u);
        QCOMPARE(smallFiles.size, 50'000u);
        const TreemapTile &tinies = layout.tiles()[root.firstChild + 2];
        QVERIFY(tinies.remainder);
        QCOMPARE(tinies.smallItems, 2u);
        QCOMPARE(tinies.size, 10u);
        QCOMPARE(layout.tiles().size(), 5u);  // 5,000 files cost one tile
    }

    // A remainder takes the kind of more than half of its bytes, so a folder
    // of thousands of small .js files reads as JavaScript, not as grey.
    void aRemainderHasTheKindOfMostOfItsBytes()
    {
        std::vector<SyntheticFile> files{{u"big.bin"_s, 1'000'000, 1}};
        for (int i = 0; i < 3000; ++i)
            files.push_back({u"js/f%1.js"_s.arg(i), 10, 1});
        for (int i = 0; i < 1000; ++i)
            files.push_back({u"js/f%1.txt"_s.arg(i), 10, 1});
        for (int i = 0; i < 2000; ++i)
            files.push_back({u"mixed/f%1.js"_s.arg(i), 10, 1});
        for (int i = 0; i < 2000; ++i)
            files.push_back({u"mixed/f%1.py"_s.arg(i), 10, 1});
        Session session;
        session.setFunction(syntheticPackage(u"p.zip"_s, files));
        const TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 400, 300), {});
        const PackageTree &tree = session.package(0)->tree;
        auto remainderOf = [&](const QString &folder) -> const TreemapTile * {
            for (const TreemapTile &t : layout.tiles()) {
                if (t.remainder && tree.path(t.ref.node) == folder)
                    return &t;
            }
            return nullptr;
        };
        const TreemapTile *js = remainderOf(u"js"_s);
        const TreemapTile *mixed = remainderOf(u"mixed"_s);
        QVERIFY(js && mixed);
        QCOMPARE(js->smallItems, 4000u);
        QCOMPARE(js->kind, FileKind::JavaScript);  // 30,000 of 40,000 bytes
        QCOMPARE(mixed->kind, FileKind::Other);     // half and half: no kind has more
    }

    void exclusionsAndModeChangeTheMap()
    {
        Session session;
        session.setFunction(syntheticPackage(u"p.zip"_s, {{u"a/model.pb"_s, 1000, 900}, {u"a/x.py"_s, 3000, 100},
                                                          {u"b/data.bin"_s, 2000, 2000}}));
        TreemapOptions options;
        options.minTileSide = 0;
        const QRectF bounds(0, 0, 600, 400);
        auto tileOfPath = [&](const TreemapLayout &layout, const QString &path) -> const TreemapTile * {
            for (const TreemapTile &t : layout.tiles()) {
                if (!t.remainder && session.package(0)->tree.path(t.ref.node) == path)
                    return &t;
            }
            return nullptr;
        };
        TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, bounds, options);
        QCOMPARE(tileOfPath(layout, u"a/x.py"_s)->size, 3000u);
        options.mode = SizeMode::Zipped;
        layout = TreemapLayout::compute(session, {{0, 0}}, bounds, options);
        QCOMPARE(tileOfPath(layout, u"a/x.py"_s)->size, 100u);
        QCOMPARE(layout.tiles().front().size, 3000u);
        checkProportions(layout, options);

        const TreemapTile *folderA = tileOfPath(layout, u"a"_s);
        QVERIFY(session.exclude(0, folderA->ref.node));
        layout = TreemapLayout::compute(session, {{0, 0}}, bounds, options);
        QVERIFY(!tileOfPath(layout, u"a/x.py"_s));
        QVERIFY(!tileOfPath(layout, u"a"_s));
        QCOMPARE(layout.tiles().front().size, 2000u);
        checkProportions(layout, options);
    }

    void layersSitSideBySide()
    {
        Session session;
        session.setFunction(syntheticPackage(u"f.zip"_s, {{u"f.py"_s, 3000, 1}}));
        session.addLayer(syntheticPackage(u"l.zip"_s, {{u"python/numpy/core.so"_s, 1000, 1}}));
        TreemapOptions options;
        const TreemapLayout layout =
            TreemapLayout::compute(session, {{0, 0}, {1, 0}}, QRectF(0, 0, 800, 400), options);
        QCOMPARE(layout.topLevelCount(), 2u);
        QCOMPARE(layout.tiles()[0].ref.package, 0);
        QCOMPARE(layout.tiles()[1].ref.package, 1);
        checkProportions(layout, options);
    }

    void hitTestingFindsTheInnermostTile()
    {
        Session session;
        session.setFunction(syntheticPackage(u"p.zip"_s, {{u"dir/a.bin"_s, 5'000'000, 1}, {u"dir/b.bin"_s, 5'000'000, 1},
                                                          {u"c.bin"_s, 10'000'000, 1}, {u"dir/speck"_s, 1, 1}}));
        TreemapOptions options;
        const TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 800, 400), options);
        const PackageTree &tree = session.package(0)->tree;
        for (std::size_t i = 0; i < layout.tiles().size(); ++i) {
            const TreemapTile &t = layout.tiles()[i];
            if (t.folder || t.remainder)
                continue;
            QCOMPARE(layout.tileAt(t.rect.center()), int(i));
            QCOMPARE(layout.tileOf(session, t.ref), int(i));
        }
        QCOMPARE(layout.tileAt(QPointF(-5, -5)), -1);
        // A file too small to draw maps to its folder's tile.
        NodeId speck = 0;
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            speck = tree.path(id) == u"dir/speck"_s ? id : speck;
        const int folderTile = layout.tileOf(session, {0, speck});
        QVERIFY(folderTile >= 0);
        QCOMPARE(tree.path(layout.tiles()[std::size_t(folderTile)].ref.node), u"dir"_s);
    }

    void keyboardStepsFollowTheTiles()
    {
        Session session;
        session.setFunction(syntheticPackage(u"f.zip"_s, {{u"dir/a.bin"_s, 6'000'000, 1}, {u"dir/b.bin"_s, 4'000'000, 1},
                                                          {u"c.bin"_s, 3'000'000, 1}}));
        session.addLayer(syntheticPackage(u"l.zip"_s, {{u"x.so"_s, 1'000'000, 1}}));
        const TreemapLayout layout =
            TreemapLayout::compute(session, {{0, 0}, {1, 0}}, QRectF(0, 0, 800, 400), TreemapOptions{});
        using Step = TreemapLayout::Step;
        const PackageTree &tree = session.package(0)->tree;
        auto path = [&](int tile) { return tree.path(layout.tiles()[std::size_t(tile)].ref.node); };
        QCOMPARE(layout.step(-1, Step::Next), 0);  // nothing selected: the first tile
        const int dir = layout.step(0, Step::Down);
        QCOMPARE(path(dir), u"dir"_s);  // the largest item first
        const int a = layout.step(dir, Step::Down);
        QCOMPARE(path(a), u"dir/a.bin"_s);
        QCOMPARE(path(layout.step(a, Step::Next)), u"dir/b.bin"_s);
        QCOMPARE(layout.step(layout.step(a, Step::Next), Step::Previous), a);
        QCOMPARE(layout.step(a, Step::Previous), a);  // nowhere to go: stays
        QCOMPARE(layout.step(a, Step::Up), dir);
        QCOMPARE(path(layout.step(dir, Step::Next)), u"c.bin"_s);
        // At the top, across packages.
        QCOMPARE(layout.tiles()[std::size_t(layout.step(0, Step::Next))].ref.package, 1);
        QCOMPARE(layout.step(0, Step::Up), 0);
    }

    void emptyAndDegenerateInputs()
    {
        Session session;
        TreemapOptions options;
        QVERIFY(TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 100, 100), options).tiles().empty());
        session.setFunction(syntheticPackage(u"p.zip"_s, {{u"empty"_s, 0, 0}}));
        QVERIFY(TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 100, 100), options).tiles().empty());
        session.setFunction(syntheticPackage(u"p.zip"_s, {{u"a"_s, 10, 1}}));
        QVERIFY(TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 0, 0), options).tiles().empty());
        QVERIFY(TreemapLayout::compute(session, {{3, 0}}, QRectF(0, 0, 100, 100), options).tiles().empty());
    }
};

QTEST_GUILESS_MAIN(TestTreemapLayout)
#include "tst_treemaplayout.moc"
