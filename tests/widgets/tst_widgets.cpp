// The reusable widgets on the offscreen platform: the tree model (through
// QAbstractItemModelTester, while the session changes under it), drops of
// items on the Excluded panel, the gauges, the treemap and the tree, the
// gauges following the session, and the shared context menu. The side
// panels have their own suite (tst_panels).
#include "Fixtures.h"
#include "SyntheticPackage.h"
#include "WidgetFixtures.h"

#include "DependencyList.h"
#include "ExclusionMenu.h"
#include "ExclusionPanel.h"
#include "PanelModel.h"
#include "GaugePanel.h"
#include "LimitGauge.h"
#include "NodeDragPayload.h"
#include "NodeSelectionModel.h"
#include "PackageFilterProxy.h"
#include "PackageTreeModel.h"
#include "PackageTreeView.h"
#include "SuggestionsPanel.h"
#include "TreemapWidget.h"
#include "WarningsPanel.h"

#include "report/SizeFormat.h"
#include "jobs/JobRunner.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::bigFunction;
using fixtures::dropOn;
using fixtures::kMiB;
using fixtures::syntheticPackage;


class TestWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void treeModelPassesTheModelTester()
    {
        Session session;
        session.setFunction(bigFunction());
        PackageTreeModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PackageFilterProxy proxy(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        session.addLayer(syntheticPackage(u"layer.zip"_s, {{u"python/requests/api.py"_s, 5000, 2000}}));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(session.exclude(0, fixtures::nodeAt(session.package(0)->tree, u"model"_s)));
        proxy.setNodeFilter(NodeFilter(u"*.py"_s));
        proxy.sort(PackageTreeModel::UnzippedColumn, Qt::DescendingOrder);
        session.undo();
        proxy.setNodeFilter(NodeFilter(u"core"_s));
        session.removeLayer(0);
        session.setFunction(bigFunction());
        proxy.setNodeFilter(NodeFilter());
        QCOMPARE(model.rowCount(), 1);
    }

    void treeModelShowsWhatRemains()
    {
        Session session;
        session.setFunction(bigFunction());
        PackageTreeModel model(&session);
        const PackageTree &tree = session.package(0)->tree;
        const QModelIndex model0 = model.indexOf({0, fixtures::nodeAt(tree, u"model"_s)}, PackageTreeModel::UnzippedColumn);
        const QModelIndex root = model.indexOf({0, 0}, PackageTreeModel::UnzippedColumn);
        QCOMPARE(model.data(model0, PackageTreeModel::SortRole).toULongLong(), 102 * kMiB);
        QCOMPARE(model.data(root.siblingAtColumn(PackageTreeModel::NameColumn)).toString(), u"function.zip"_s);
        QVERIFY(session.exclude(0, fixtures::nodeAt(tree, u"model/graph.pb"_s)));
        QCOMPARE(model.data(model0, PackageTreeModel::SortRole).toULongLong(), 2 * kMiB);
        QCOMPARE(model.data(model.indexOf({0, fixtures::nodeAt(tree, u"model/graph.pb"_s)}), PackageTreeModel::ExcludedRole).toBool(),
                 true);
        // The share column: 99 MiB + 4000 bytes of 250 MiB.
        QCOMPARE(model.data(root.siblingAtColumn(PackageTreeModel::ShareColumn)).toString(), u"39.6 %"_s);
    }

    void droppingRowsOnTheExcludedPanelExcludesThem()
    {
        Session session;
        session.setFunction(bigFunction());
        ExclusionPanel panel(&session);
        panel.resize(300, 400);
        const PackageTree &tree = session.package(0)->tree;
        const NodeRef graph{0, fixtures::nodeAt(tree, u"model/graph.pb"_s)};
        const NodeRef tests{0, fixtures::nodeAt(tree, u"lib/numpy/tests"_s)};
        std::unique_ptr<QMimeData> mime(NodeDragPayload{NodeDragPayload::Origin::Package, {graph, tests}, {}}.toMimeData(session));
        QVERIFY(mime->text().contains(u"model/graph.pb"_s));
        QVERIFY(dropOn(&panel, mime.get()));
        QVERIFY(session.isExcluded(graph));
        QVERIFY(session.isExcluded(tests));
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(session.measures().functionZipped, 22u + 1500 + 1 * kMiB + 15 * kMiB);
        QVERIFY2(panel.totalText().contains(u"44.00 MiB zipped"_s), qPrintable(panel.totalText()));
        QVERIFY(panel.totalText().contains(u"137.00 MiB unzipped"_s));
        // One drop, one undo step.
        session.undo();
        QVERIFY(!session.isExcluded(graph) && !session.isExcluded(tests));
        QCOMPARE(panel.model()->rowCount(), 0);

        // Items coming back from the panel itself are not excluded again.
        std::unique_ptr<QMimeData> back(NodeDragPayload{NodeDragPayload::Origin::Excluded, {graph}, {}}.toMimeData(session));
        QVERIFY(!dropOn(&panel, back.get()));
    }

    void droppingExcludedItemsOnTheMapOrTreeRestoresThem()
    {
        Session session;
        session.setFunction(bigFunction());
        const NodeRef graph{0, fixtures::nodeAt(session.package(0)->tree, u"model/graph.pb"_s)};
        const NodeRef so{0, fixtures::nodeAt(session.package(0)->tree, u"lib/numpy/core.so"_s)};
        QVERIFY(session.exclude({graph, so}) == 2);

        JobRunner jobs;
        TreemapWidget map(&session, &jobs);
        map.resize(600, 400);
        std::unique_ptr<QMimeData> one(NodeDragPayload{NodeDragPayload::Origin::Excluded, {graph}, {}}.toMimeData(session));
        QVERIFY(dropOn(&map, one.get()));
        QVERIFY(!session.isExcluded(graph));

        PackageTreeView tree(&session);
        tree.resize(500, 400);
        std::unique_ptr<QMimeData> two(NodeDragPayload{NodeDragPayload::Origin::Excluded, {so}, {}}.toMimeData(session));
        QVERIFY(dropOn(tree.viewport(), two.get()));
        QVERIFY(!session.isExcluded(so));

        // Package items dropped on the map or the tree do nothing.
        std::unique_ptr<QMimeData> wrong(NodeDragPayload{NodeDragPayload::Origin::Package, {graph}, {}}.toMimeData(session));
        QVERIFY(!dropOn(&map, wrong.get()));
        QVERIFY(!session.isExcluded(graph));
    }

    void droppingOnAGaugeExcludes()
    {
        Session session;
        session.setFunction(bigFunction());
        GaugePanel gauges(&session);
        LimitGauge *zipped = gauges.gauge(u"zipped-direct-upload"_s);
        QVERIFY(zipped);
        zipped->resize(320, 80);
        const NodeRef graph{0, fixtures::nodeAt(session.package(0)->tree, u"model/graph.pb"_s)};
        std::unique_ptr<QMimeData> mime(NodeDragPayload{NodeDragPayload::Origin::Package, {graph}, {}}.toMimeData(session));
        QVERIFY(dropOn(zipped, mime.get()));
        QVERIFY(session.isExcluded(graph));
    }

    void payloadsFromAnotherSessionAreRefused()
    {
        Session session, other;
        session.setFunction(bigFunction());
        other.setFunction(bigFunction());
        ExclusionPanel panel(&session);
        std::unique_ptr<QMimeData> foreign(NodeDragPayload{NodeDragPayload::Origin::Package, {{0, 1}}, {}}.toMimeData(other));
        QVERIFY(!NodeDragPayload::fromMimeData(foreign.get(), session));
        QVERIFY(!dropOn(&panel, foreign.get()));
        QVERIFY(session.excludedItems().empty());
        // Node ids out of range are dropped from a payload.
        std::unique_ptr<QMimeData> bogus(NodeDragPayload{NodeDragPayload::Origin::Package, {{0, 99999}, {5, 1}}, {}}.toMimeData(session));
        QVERIFY(!NodeDragPayload::fromMimeData(bogus.get(), session));
    }

    // With layers, the gauge, its tooltip and the text AWS prints all give the
    // budget left for the function; the zipped gauge says S3 skips it.
    void gaugesSayTheFunctionsBudgetAndTheS3Way()
    {
        Session session;
        session.setFunction(bigFunction());
        GaugePanel gauges(&session);
        LimitGauge *zipped = gauges.gauge(u"zipped-direct-upload"_s);
        LimitGauge *unzipped = gauges.gauge(u"unzipped-total"_s);
        QVERIFY2(zipped->noteText().contains(u"S3"_s), qPrintable(zipped->noteText()));
        QVERIFY(!unzipped->toolTip().contains(u"layers use"_s, Qt::CaseInsensitive));
        const int height = unzipped->sizeHint().height();

        // A layer of 176,936,801 bytes leaves the function 85,207,199.
        session.addLayer(syntheticPackage(u"deps.zip"_s, {{u"python/lib.so"_s, 176936801, 60000000}}));
        QVERIFY2(unzipped->noteText().contains(formatMiB(85207199)), qPrintable(unzipped->noteText()));
        QVERIFY2(unzipped->toolTip().contains(u"85,207,199"_s), qPrintable(unzipped->toolTip()));
        QVERIFY2(unzipped->toolTip().contains(u"smaller than 85207199 bytes"_s), qPrintable(unzipped->toolTip()));
        QVERIFY(!unzipped->toolTip().contains(u"262144000 bytes"_s));
        QCOMPARE(unzipped->sizeHint().height(), height);  // the note never changes the layout
    }

    void gaugesFollowTheSession()
    {
        Session session;
        session.setFunction(bigFunction());
        GaugePanel gauges(&session);
        QCOMPARE(gauges.gauges().size(), std::size_t(session.profile().limits.size()));
        LimitGauge *zipped = gauges.gauge(u"zipped-direct-upload"_s);
        LimitGauge *unzipped = gauges.gauge(u"unzipped-total"_s);
        QCOMPARE(zipped->zone(), LimitGauge::Zone::Over);
        QCOMPARE(unzipped->zone(), LimitGauge::Zone::Ok);
        QVERIFY2(zipped->valueText().startsWith(u"60.00 MiB of 50.00 MiB"_s), qPrintable(zipped->valueText()));
        QCOMPARE(zipped->statusText(), u"over by 10.00 MiB"_s);
        QVERIFY(gauges.culpritText(u"zipped-direct-upload"_s).contains(u"1 file push"_s));
        QVERIFY(gauges.culpritText(u"zipped-direct-upload"_s).contains(u"model/graph.pb"_s));
        QVERIFY(gauges.culpritText(u"unzipped-total"_s).isEmpty());

        QSignalSpy activated(&gauges, &GaugePanel::culpritsActivated);
        QVERIFY(session.exclude(0, fixtures::nodeAt(session.package(0)->tree, u"model/graph.pb"_s)));
        QCOMPARE(zipped->zone(), LimitGauge::Zone::Ok);
        QVERIFY(gauges.culpritText(u"zipped-direct-upload"_s).isEmpty());

        // Near: above 80 % of the limit.
        session.setFunction(syntheticPackage(u"near.zip"_s, {{u"a.bin"_s, 210 * kMiB, 42 * kMiB}}));
        QCOMPARE(zipped->zone(), LimitGauge::Zone::Near);
        QCOMPARE(unzipped->zone(), LimitGauge::Zone::Near);
        QCOMPARE(gauges.gauge(u"console-editor"_s)->zone(), LimitGauge::Zone::Info);
    }

    void treemapClicksSelectAndZoom()
    {
        Session session;
        session.setFunction(bigFunction());
        JobRunner jobs;
        TreemapWidget map(&session, &jobs);
        map.setAsynchronous(false);
        map.resize(800, 600);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const TreemapLayout &layout = map.layout();
        const PackageTree &tree = session.package(0)->tree;
        const TreemapTile *graphTile = nullptr;
        for (const TreemapTile &t : layout.tiles()) {
            if (!t.remainder && tree.path(t.ref.node) == u"model/graph.pb"_s)
                graphTile = &t;
        }
        QVERIFY(graphTile);
        const QPoint centre = graphTile->rect.center().toPoint();
        QSignalSpy selected(map.nodeSelection(), &NodeSelectionModel::refsChanged);
        QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, centre);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(map.selected(), (NodeRef{0, fixtures::nodeAt(tree, u"model/graph.pb"_s)}));

        QTest::mouseDClick(&map, Qt::LeftButton, Qt::NoModifier, centre);
        QCOMPARE(map.zoomRoot(), (NodeRef{0, fixtures::nodeAt(tree, u"model"_s)}));
        QCOMPARE(map.layout().tiles().front().ref, map.zoomRoot());
        QTest::keyClick(&map, Qt::Key_Backspace);
        QVERIFY(!map.zoomRoot().isValid());

        // The keyboard walks the tiles: up to the folder, right to the next
        // item beside it, down to its largest item, and back.
        const NodeRef graph{0, fixtures::nodeAt(tree, u"model/graph.pb"_s)};
        QTest::keyClick(&map, Qt::Key_Up);
        QCOMPARE(map.selected(), (NodeRef{0, fixtures::nodeAt(tree, u"model"_s)}));
        QTest::keyClick(&map, Qt::Key_Right);
        QCOMPARE(map.selected(), (NodeRef{0, fixtures::nodeAt(tree, u"lib"_s)}));
        QTest::keyClick(&map, Qt::Key_Left);
        QTest::keyClick(&map, Qt::Key_Down);
        QCOMPARE(map.selected(), graph);
        QCOMPARE(selected.count(), 5);

        // Delete excludes the selection; the tile leaves the map.
        QTest::keyClick(&map, Qt::Key_Delete);
        QVERIFY(session.isExcluded({0, fixtures::nodeAt(tree, u"model/graph.pb"_s)}));
        for (const TreemapTile &t : map.layout().tiles())
            QVERIFY(t.remainder || tree.path(t.ref.node) != u"model/graph.pb"_s);
        // Excluding the folder on show zooms out to what is left.
        map.zoomTo({0, fixtures::nodeAt(tree, u"lib/numpy"_s)});
        QVERIFY(session.exclude(0, fixtures::nodeAt(tree, u"lib"_s)));
        QVERIFY(!map.zoomRoot().isValid());
        QVERIFY(!map.grab().isNull());
    }

    void treeAndTreemapShareOneSelection()
    {
        Session session;
        session.setFunction(bigFunction());
        JobRunner jobs;
        PackageTreeView view(&session);
        TreemapWidget map(&session, &jobs, view.nodeSelection());
        QCOMPARE(static_cast<QItemSelectionModel *>(map.nodeSelection()), view.selectionModel());
        map.setAsynchronous(false);
        map.resize(800, 600);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const PackageTree &tree = session.package(0)->tree;
        const NodeRef graph{0, fixtures::nodeAt(tree, u"model/graph.pb"_s)};
        const NodeRef core{0, fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)};
        const auto tileRect = [&](const NodeRef &ref) {
            const int tile = map.layout().tileOf(session, ref);
            return tile < 0 ? QRectF() : map.layout().tiles()[std::size_t(tile)].rect;
        };
        QVERIFY(!tileRect(graph).isEmpty() && !tileRect(core).isEmpty());

        // A click in the treemap selects the row; Ctrl+click adds another.
        QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, tileRect(graph).center().toPoint());
        QCOMPARE(view.selectedRefs(), (std::vector<NodeRef>{graph}));
        QCOMPARE(view.currentRef(), graph);
        QTest::mouseClick(&map, Qt::LeftButton, Qt::ControlModifier, tileRect(core).center().toPoint());
        std::vector<NodeRef> both = view.selectedRefs();
        std::sort(both.begin(), both.end(), [](const NodeRef &a, const NodeRef &b) { return a.node < b.node; });
        std::vector<NodeRef> expected{graph, core};
        std::sort(expected.begin(), expected.end(), [](const NodeRef &a, const NodeRef &b) { return a.node < b.node; });
        QCOMPARE(both, expected);
        // Both tiles are outlined (white inside black) in what is painted.
        const QImage shot = map.grab().toImage();
        for (const NodeRef &ref : expected) {
            const QRectF r = tileRect(ref).adjusted(2, 2, -2, -2);
            QCOMPARE(shot.pixelColor(QPoint(int(r.left()), int(r.center().y()))), QColor(Qt::white));
        }

        // A selection made in the tree is the treemap's.
        const NodeRef labels{0, fixtures::nodeAt(tree, u"model/labels.txt"_s)};
        view.selectRefs({labels});
        QCOMPARE(map.selected(), labels);
        QVERIFY(map.nodeSelection()->isRefSelected(labels));
        QVERIFY(!map.nodeSelection()->isRefSelected(graph));

        // What the filter hides cannot be selected: a dimmed tile selects the
        // nearest folder the tree shows.
        view.setNodeFilter(NodeFilter(u"*.so"_s));
        QVERIFY(view.selectedRefs().empty());  // labels.txt left the tree
        QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, tileRect(graph).center().toPoint());
        QCOMPARE(view.selectedRefs(), (std::vector<NodeRef>{NodeRef{0, tree.root()}}));
        QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, tileRect(core).center().toPoint());
        QCOMPARE(view.selectedRefs(), (std::vector<NodeRef>{core}));

        // Delete in the treemap excludes the whole selection.
        view.setNodeFilter(NodeFilter());
        view.selectRefs({graph, labels});
        QTest::keyClick(&map, Qt::Key_Delete);
        QVERIFY(session.isExcluded(graph));
        QVERIFY(session.isExcluded(labels));
        QVERIFY(!session.isExcluded(core));
    }

    void treemapLaysOutOffTheGuiThread()
    {
        Session session;
        session.setFunction(bigFunction());
        JobRunner jobs;
        TreemapWidget map(&session, &jobs);
        map.resize(800, 600);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QVERIFY(!map.layout().tiles().empty());
        const PackageTree &tree = session.package(0)->tree;
        const NodeId graph = fixtures::nodeAt(tree, u"model/graph.pb"_s);
        auto hasTile = [&](NodeId node) {
            for (const TreemapTile &t : map.layout().tiles()) {
                if (!t.remainder && t.ref.node == node)
                    return true;
            }
            return false;
        };
        QVERIFY(hasTile(graph));
        QSignalSpy shown(&map, &TreemapWidget::frameShown);
        // A burst of edits while a job runs ends in one picture of the last state.
        QVERIFY(session.exclude(0, graph));
        QVERIFY(session.exclude(0, fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)));
        session.undo();
        QTRY_VERIFY(map.isUpToDate());
        QVERIFY(shown.count() >= 1 && shown.count() <= 2);
        QVERIFY(!hasTile(graph));
        QVERIFY(hasTile(fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)));
        // The picture matches the widget's size after a resize.
        map.resize(500, 300);
        QTRY_VERIFY(map.isUpToDate());
        QCOMPARE(map.layout().bounds(), QRectF(0, 0, 500, 300));
    }

    void treeViewDeleteAndSelection()
    {
        Session session;
        session.setFunction(bigFunction());
        PackageTreeView view(&session);
        view.resize(600, 400);
        const NodeRef labels{0, fixtures::nodeAt(session.package(0)->tree, u"model/labels.txt"_s)};
        QSignalSpy current(view.nodeSelection(), &NodeSelectionModel::refsChanged);
        view.selectRefs({labels});
        QCOMPARE(view.selectedRefs(), std::vector<NodeRef>{labels});
        QCOMPARE(view.currentRef(), labels);
        QCOMPARE(current.count(), 1);  // one change, one signal
        QTest::keyClick(&view, Qt::Key_Delete);
        QVERIFY(session.isExcluded(labels));
    }

    void contextMenuOffersTheSameEdits()
    {
        Session session;
        session.setFunction(bigFunction());
        const PackageTree &tree = session.package(0)->tree;
        ExclusionMenu fileMenu(&session, {{0, fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)}});
        QStringList texts;
        for (QAction *a : fileMenu.actions())
            texts << a->text();
        QVERIFY(texts.contains(u"Exclude"_s));
        QVERIFY(texts.contains(u"Exclude All Files Like This: *.so"_s));
        QVERIFY(!texts.contains(u"Restore"_s));
        for (QAction *a : fileMenu.actions()) {
            if (a->text().startsWith(u"Exclude All Files"_s))
                a->trigger();
        }
        QVERIFY(session.isExcluded({0, fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)}));

        ExclusionMenu folderMenu(&session, {{0, fixtures::nodeAt(tree, u"lib/numpy/tests"_s)}});
        bool offered = false;
        for (QAction *a : folderMenu.actions())
            offered = offered || a->text() == u"Exclude All Folders Named tests/"_s;
        QVERIFY(offered);

        ExclusionMenu restoreMenu(&session, {{0, fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)}});
        for (QAction *a : restoreMenu.actions()) {
            if (a->text() == u"Restore"_s)
                a->trigger();
        }
        QVERIFY(!session.isExcluded({0, fixtures::nodeAt(tree, u"lib/numpy/core.so"_s)}));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
