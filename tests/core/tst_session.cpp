// The session as the GUI drives it: what-if edits as undoable steps (single,
// batch, glob, restore all, nested marks), history cleared when packages
// change, the composition of a package, file kinds and the filter box.
#include "SyntheticPackage.h"

#include "model/FileKind.h"
#include "whatif/NodeFilter.h"
#include "report/PackageComposition.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::syntheticPackage;

namespace {

PackagePtr nodePackage()
{
    return syntheticPackage(u"function.zip"_s, {
                                                  {u"index.js"_s, 1000, 400},
                                                  {u"node_modules/aws-sdk/lib/core.js"_s, 50000, 12000},
                                                  {u"node_modules/aws-sdk/dist/aws-sdk.js"_s, 80000, 20000},
                                                  {u"node_modules/aws-sdk/README.md"_s, 3000, 1100},
                                                  {u"node_modules/@smithy/types/index.d.ts"_s, 7000, 2100},
                                                  {u"node_modules/@smithy/core/index.js"_s, 9000, 3100},
                                                  {u"node_modules/sharp/lib/sharp.node"_s, 400000, 150000},
                                                  {u"node_modules/sharp/lib/sharp.js.map"_s, 4000, 900},
                                              });
}


} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One evaluation per change, whoever asks; it holds what evaluate(),
    // measures() and excludedTotals() compute, for the state it was made at.
    void oneEvaluationPerChange()
    {
        Session session;
        session.setFunction(nodePackage());
        const int before = session.evaluationsMade();
        const Evaluation &first = session.evaluation();
        QCOMPARE(&session.evaluation(), &first);
        QCOMPARE(session.evaluationsMade(), before + 1);
        QCOMPARE(first.revision, session.revision());
        const NodeRef sharp{0, fixtures::nodeAt(session.package(0)->tree, u"node_modules/sharp"_s)};
        QVERIFY(session.exclude(sharp.package, sharp.node));
        const Evaluation &second = session.evaluation();
        session.evaluation();
        QCOMPARE(session.evaluationsMade(), before + 2);
        QCOMPARE(second.revision, session.revision());
        QCOMPARE(second.measures.functionUnzipped, session.measures().functionUnzipped);
        QCOMPARE(second.measures.functionUnzipped, 1000u + 50000 + 80000 + 3000 + 7000 + 9000);
        QCOMPARE(second.excluded.unzipped, session.excludedTotals().unzipped);
        QCOMPARE(second.excluded.files, 2u);
        const std::vector<LimitResult> fresh = session.evaluate();
        QCOMPARE(second.limits.size(), fresh.size());
        for (std::size_t i = 0; i < fresh.size(); ++i)
            QCOMPARE(second.limits[i].value, fresh[i].value);
        QCOMPARE(second.unzippedLimit, 262144000u);
        QCOMPARE(second.shareOfUnzippedLimit(262144000 / 4), 0.25);
        // The function's items count against the zipped limit too, a layer's
        // only against the unzipped one.
        const SizeTotals kept{};
        QCOMPARE(second.sharesOf(0, kept).size(), std::size_t(3));
        QCOMPARE(second.sharesOf(1, kept).size(), std::size_t(1));
        const std::uint64_t made = second.revision;  // `second` is valid until the next change
        session.undo();
        QVERIFY(session.evaluation().revision > made);
        QCOMPARE(session.evaluation().excluded.files, 0u);
    }

    void eachEditIsOneUndoableStep()
    {
        Session session;
        session.setFunction(nodePackage());
        const PackageTree &tree = session.package(0)->tree;
        const std::uint64_t full = session.measures().functionUnzipped;
        QSignalSpy changed(&session, &Session::changed);

        const NodeId sdk = fixtures::nodeAt(tree, u"node_modules/aws-sdk"_s);
        const NodeId sharp = fixtures::nodeAt(tree, u"node_modules/sharp/lib/sharp.node"_s);
        QCOMPARE(session.exclude({{0, sdk}, {0, sharp}, {0, sdk}}), 2);  // the repeat changes nothing
        QCOMPARE(changed.count(), 1);
        QCOMPARE(session.measures().functionUnzipped, full - 133000 - 400000);
        QVERIFY(session.canUndo());
        QCOMPARE(session.undoLabel(), u"Exclude 2 items"_s);

        session.undo();
        QCOMPARE(session.measures().functionUnzipped, full);
        QVERIFY(!session.canUndo());
        QVERIFY(session.canRedo());
        session.redo();
        QCOMPARE(session.measures().functionUnzipped, full - 533000);

        // A new edit drops the redo stack.
        session.undo();
        QVERIFY(session.exclude(0, fixtures::nodeAt(tree, u"index.js"_s)));
        QVERIFY(!session.canRedo());
        QCOMPARE(session.undoLabel(), u"Exclude index.js"_s);
    }

    void nothingChangedRecordsNothing()
    {
        Session session;
        session.setFunction(nodePackage());
        QSignalSpy changed(&session, &Session::changed);
        QVERIFY(!session.restore(0, 1));      // not excluded
        QVERIFY(!session.exclude(0, 0));      // the root
        QVERIFY(!session.exclude(7, 1));      // no such package
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.nothing"_s)), 0);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!session.canUndo());
    }

    void restoreAllUndoesBackToNestedMarks()
    {
        Session session;
        session.setFunction(nodePackage());
        const PackageTree &tree = session.package(0)->tree;
        const NodeId modules = fixtures::nodeAt(tree, u"node_modules"_s);
        const NodeId readme = fixtures::nodeAt(tree, u"node_modules/aws-sdk/README.md"_s);
        QVERIFY(session.exclude(0, readme));
        QVERIFY(session.exclude(0, modules));  // keeps the inner mark
        const SessionMeasures before = session.measures();
        session.clearExclusions();
        QCOMPARE(session.measures().functionUnzipped, tree.node(0).totals.unzipped);
        QVERIFY(session.excludedItems().empty());

        session.undo();  // both marks come back, the inner one too
        QCOMPARE(session.measures().functionUnzipped, before.functionUnzipped);
        QCOMPARE(session.excludedItems().size(), 2u);
        QVERIFY(session.exclusions(0).isMarked(readme));
        session.undo();  // un-exclude node_modules: README stays out
        QCOMPARE(session.measures().functionUnzipped, tree.node(0).totals.unzipped - 3000);
    }

    void globEditsUndoAsOne()
    {
        Session session;
        session.setFunction(nodePackage());
        const std::uint64_t full = session.measures().functionZipped;
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.md"_s)), 1);
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.map"_s)), 1);
        QCOMPARE(session.measures().functionZipped, full - 1100 - 900);
        QCOMPARE(session.undoLabel(), u"Exclude *.map"_s);
        session.undo();
        session.undo();
        QCOMPARE(session.measures().functionZipped, full);
    }

    void loadingClearsTheHistory()
    {
        Session session;
        session.setFunction(nodePackage());
        QVERIFY(session.exclude(0, 1));
        session.addLayer(nodePackage());
        QVERIFY(session.canUndo());  // adding a layer is a step of its own
        QVERIFY(session.exclude(1, 1));
        session.setFunction(nodePackage());
        QVERIFY(!session.canUndo());
        QVERIFY(session.excludedItems().size() == 1);  // the layer keeps its own

        session.open(nodePackage(), {nodePackage(), nodePackage()});
        QCOMPARE(session.layerCount(), 2);
        QVERIFY(!session.canUndo());
        QVERIFY(!session.hasExclusions());
    }

    // Attaching and detaching layers are undoable steps between the what-if
    // edits: the history survives them, and a detached layer comes back with
    // its own exclusions.
    void layerChangesAreUndoableSteps()
    {
        Session session;
        session.setFunction(nodePackage());
        const NodeId sharp = fixtures::nodeAt(session.package(0)->tree, u"node_modules/sharp"_s);
        const NodeId sdk = fixtures::nodeAt(session.package(0)->tree, u"node_modules/aws-sdk"_s);
        QVERIFY(session.exclude(0, sharp));
        const std::uint64_t function = session.measures().functionUnzipped;

        PackagePtr first = nodePackage();
        PackagePtr second = syntheticPackage(u"deps.zip"_s, {{u"python/big.bin"_s, 7000000, 7000000}});
        QSignalSpy packages(&session, &Session::packagesChanged);
        session.addLayer(first);
        session.addLayer(second);
        QCOMPARE(packages.count(), 2);
        QCOMPARE(session.undoLabel(), u"Add Layer deps.zip"_s);
        QVERIFY(session.exclude(1, sdk));  // inside the first layer
        session.removeLayer(0);            // the first layer goes, its exclusion with it
        QCOMPARE(session.layerCount(), 1);
        QCOMPARE(session.package(1), second);
        QCOMPARE(session.undoLabel(), u"Remove Layer function.zip"_s);
        QCOMPARE(session.measures().layersUnzipped, std::uint64_t(7000000));

        session.undo();  // the first layer is back in its place, with its exclusion
        QCOMPARE(session.layerCount(), 2);
        QCOMPARE(session.package(1), first);
        QCOMPARE(session.package(2), second);
        QVERIFY(session.isExcluded({1, sdk}));
        QCOMPARE(session.measures().layersUnzipped, first->tree.node(0).totals.unzipped - 133000 + 7000000);
        session.redo();  // and gone again
        QCOMPARE(session.layerCount(), 1);
        session.undo();
        session.undo();  // the layer's exclusion
        QVERIFY(!session.isExcluded({1, sdk}));
        session.undo();  // the second layer
        QCOMPARE(session.layerCount(), 1);
        session.undo();  // the first layer
        QCOMPARE(session.layerCount(), 0);
        // The function's exclusion made before the layers is still undoable.
        QCOMPARE(session.measures().functionUnzipped, function);
        QVERIFY(session.canUndo());
        session.undo();
        QVERIFY(!session.hasExclusions());
        QVERIFY(!session.canUndo());
        // Redo all the way: everything as it was.
        while (session.canRedo())
            session.redo();
        QCOMPARE(session.layerCount(), 1);
        QCOMPARE(session.package(1), second);
        QVERIFY(session.isExcluded({0, sharp}));
    }

    // What a filter matches and is still kept: topmost items, and totals
    // that equal the sum of the matched files counted one by one.
    void filterMatchesAreCountedLikeExclusions()
    {
        Session session;
        session.setFunction(nodePackage());
        session.addLayer(nodePackage());
        const PackageTree &tree = session.package(0)->tree;
        Session::FilterMatches js = session.matching(NodeFilter(u"*.js"_s));
        QCOMPARE(js.items.size(), std::size_t(8));  // index.js, core.js, aws-sdk.js, core/index.js; twice
        QCOMPARE(js.totals.files, 8u);
        QCOMPARE(js.totals.unzipped, 2 * std::uint64_t(1000 + 50000 + 80000 + 9000));
        QCOMPARE(js.totals.footprint, tree.node(fixtures::nodeAt(tree, u"index.js"_s)).totals.footprint
                     + tree.node(fixtures::nodeAt(tree, u"node_modules/aws-sdk/lib/core.js"_s)).totals.footprint
                     + tree.node(fixtures::nodeAt(tree, u"node_modules/aws-sdk/dist/aws-sdk.js"_s)).totals.footprint
                     + tree.node(fixtures::nodeAt(tree, u"node_modules/@smithy/core/index.js"_s)).totals.footprint);
        // A matched folder stands for its contents.
        const Session::FilterMatches sdk = session.matching(NodeFilter(u"aws-sdk"_s));
        QCOMPARE(sdk.items.size(), std::size_t(2));  // the folder in each package, not its files
        QCOMPARE(sdk.totals.unzipped, 2 * std::uint64_t(133000));
        // Excluded items are not matches any more; excluded totals count the same way.
        QCOMPARE(session.exclude(js.items), 8);
        QVERIFY(session.matching(NodeFilter(u"*.js"_s)).items.empty());
        QCOMPARE(session.excludedTotals().files, js.totals.files);
        QCOMPARE(session.excludedTotals().unzipped, js.totals.unzipped);
        QCOMPARE(session.excludedTotals().footprint, js.totals.footprint);
    }

    void compositionOpensDependencyFolders()
    {
        Session session;
        session.setFunction(nodePackage());
        const std::vector<CompositionPart> parts = packageComposition(session, 8);
        QStringList labels;
        for (const CompositionPart &p : parts)
            labels << p.label;
        QCOMPARE(labels, (QStringList{u"node_modules/sharp"_s, u"node_modules/aws-sdk"_s,
                                      u"node_modules/@smithy/core"_s, u"node_modules/@smithy/types"_s,
                                      u"index.js"_s}));
        QCOMPARE(parts.front().unzipped, 404000u);
        QCOMPARE(parts.front().zipped, 150900u);

        // Few parts allowed: the rest are summed, nothing is lost.
        const std::vector<CompositionPart> few = packageComposition(session, 2);
        QCOMPARE(few.size(), 2u);
        QVERIFY(!few.back().ref.isValid());
        QCOMPARE(few.front().unzipped + few.back().unzipped, session.measures().functionUnzipped);
        QCOMPARE(compositionTotals(few).unzipped, session.measures().functionUnzipped);
        QCOMPARE(compositionTotals(few).zipped, few.front().zipped + few.back().zipped);
        QCOMPARE(compositionTotals(parts).unzipped, session.measures().functionUnzipped);

        // Exclusions move the parts.
        QVERIFY(session.exclude(0, fixtures::nodeAt(session.package(0)->tree, u"node_modules/sharp"_s)));
        QCOMPARE(packageComposition(session, 8).front().label, u"node_modules/aws-sdk"_s);
    }

    void fileKinds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("inDocs");
        QTest::addColumn<int>("kind");
        QTest::newRow("so") << u"libvips-cpp.so.8.18.7"_s << false << int(FileKind::NativeLibrary);
        QTest::newRow("node addon") << u"sharp.node"_s << false << int(FileKind::NativeLibrary);
        QTest::newRow("python") << u"handler.py"_s << false << int(FileKind::Python);
        QTest::newRow("pyc") << u"core.cpython-312.pyc"_s << false << int(FileKind::Python);
        QTest::newRow("js") << u"index.mjs"_s << false << int(FileKind::JavaScript);
        QTest::newRow("d.ts") << u"index.d.ts"_s << false << int(FileKind::DocsTests);
        QTest::newRow("map") << u"app.js.map"_s << false << int(FileKind::DocsTests);
        QTest::newRow("test js") << u"spec.js"_s << true << int(FileKind::DocsTests);
        QTest::newRow("model") << u"classify_image_graph_def.pb"_s << false << int(FileKind::DataModel);
        QTest::newRow("brotli") << u"chromium.br"_s << false << int(FileKind::DataModel);
        QTest::newRow("other") << u"Makefile"_s << false << int(FileKind::Other);
        QTest::newRow("upper case") << u"README.MD"_s << false << int(FileKind::DocsTests);
    }
    void fileKinds()
    {
        QFETCH(QString, name);
        QFETCH(bool, inDocs);
        QFETCH(int, kind);
        QCOMPARE(int(classifyFile(name.toUtf8(), inDocs)), kind);
    }

    void filterBoxMatchesNamesOrGlobs()
    {
        const NodeFilter substring(u"SDK"_s);
        QVERIFY(!substring.isGlob());
        QVERIFY(substring.matches("aws-sdk", {}, true));
        QVERIFY(!substring.matches("sharp", {}, true));
        const NodeFilter glob(u"node_modules/*/README.md"_s);
        QVERIFY(glob.isGlob());
        QVERIFY(glob.matches("README.md", "node_modules/aws-sdk/README.md", false));
        QVERIFY(!glob.matches("README.md", "README.md", false));
        QVERIFY(NodeFilter(u"  "_s).isEmpty());
        QVERIFY(NodeFilter().matches("anything", {}, false));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
