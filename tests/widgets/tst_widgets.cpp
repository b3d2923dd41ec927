// The reusable widgets on the offscreen platform: the tree model (through
// QAbstractItemModelTester, while the session changes under it), drops of
// items on the Excluded panel, the gauges, the treemap and the tree, the
// gauges following the session, the warnings list, and the shared context menu.
#include "Fixtures.h"
#include "SyntheticPackage.h"

#include "DependencyList.h"
#include "ExclusionMenu.h"
#include "ExclusionPanel.h"
#include "GaugePanel.h"
#include "LimitGauge.h"
#include "NodeDragPayload.h"
#include "PackageFilterProxy.h"
#include "PackageTreeModel.h"
#include "PackageTreeView.h"
#include "SuggestionsPanel.h"
#include "TreemapWidget.h"
#include "WarningsPanel.h"

#include "report/SizeFormat.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <algorithm>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::syntheticPackage;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

// 60 MiB zipped (fails the direct upload), 199 MiB unzipped (passes).
PackagePtr bigFunction()
{
    return syntheticPackage(u"function.zip"_s, {
                                                   {u"handler.py"_s, 4000, 1500},
                                                   {u"model/graph.pb"_s, 100 * kMiB, 40 * kMiB},
                                                   {u"model/labels.txt"_s, 2 * kMiB, 1 * kMiB},
                                                   {u"lib/numpy/core.so"_s, 60 * kMiB, 15 * kMiB},
                                                   {u"lib/numpy/tests/test_core.py"_s, 37 * kMiB, 4 * kMiB},
                                               });
}


// Delivers a drag-enter, drag-move and drop of `mime` at the widget's centre;
// returns whether the drop was accepted.
bool dropOn(QWidget *target, const QMimeData *mime)
{
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(at, Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(at), Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

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
        std::unique_ptr<QMimeData> mime(NodeDragPayload{NodeDragPayload::Origin::Package, {graph, tests}}.toMimeData(session));
        QVERIFY(mime->text().contains(u"model/graph.pb"_s));
        QVERIFY(dropOn(&panel, mime.get()));
        QVERIFY(session.isExcluded(graph));
        QVERIFY(session.isExcluded(tests));
        QCOMPARE(panel.list()->topLevelItemCount(), 2);
        QCOMPARE(session.measures().functionZipped, 22u + 1500 + 1 * kMiB + 15 * kMiB);
        QVERIFY2(panel.totalText().contains(u"44.00 MiB zipped"_s), qPrintable(panel.totalText()));
        QVERIFY(panel.totalText().contains(u"137.00 MiB unzipped"_s));
        // One drop, one undo step.
        session.undo();
        QVERIFY(!session.isExcluded(graph) && !session.isExcluded(tests));
        QCOMPARE(panel.list()->topLevelItemCount(), 0);

        // Items coming back from the panel itself are not excluded again.
        std::unique_ptr<QMimeData> back(NodeDragPayload{NodeDragPayload::Origin::Excluded, {graph}}.toMimeData(session));
        QVERIFY(!dropOn(&panel, back.get()));
    }

    void droppingExcludedItemsOnTheMapOrTreeRestoresThem()
    {
        Session session;
        session.setFunction(bigFunction());
        const NodeRef graph{0, fixtures::nodeAt(session.package(0)->tree, u"model/graph.pb"_s)};
        const NodeRef so{0, fixtures::nodeAt(session.package(0)->tree, u"lib/numpy/core.so"_s)};
        QVERIFY(session.exclude({graph, so}) == 2);

        TreemapWidget map(&session);
        map.resize(600, 400);
        std::unique_ptr<QMimeData> one(NodeDragPayload{NodeDragPayload::Origin::Excluded, {graph}}.toMimeData(session));
        QVERIFY(dropOn(&map, one.get()));
        QVERIFY(!session.isExcluded(graph));

        PackageTreeView tree(&session);
        tree.resize(500, 400);
        std::unique_ptr<QMimeData> two(NodeDragPayload{NodeDragPayload::Origin::Excluded, {so}}.toMimeData(session));
        QVERIFY(dropOn(tree.viewport(), two.get()));
        QVERIFY(!session.isExcluded(so));

        // Package items dropped on the map or the tree do nothing.
        std::unique_ptr<QMimeData> wrong(NodeDragPayload{NodeDragPayload::Origin::Package, {graph}}.toMimeData(session));
        QVERIFY(!dropOn(&map, wrong.get()));
        QVERIFY(!session.isExcluded(graph));
    }

    void droppingOnAGaugeExcludes()
    {
        Session session;
        session.setFunction(bigFunction());
        GaugePanel gauges(&session);
        gauges.setResults(session.evaluate());
        LimitGauge *zipped = gauges.gauge(u"zipped-direct-upload"_s);
        QVERIFY(zipped);
        zipped->resize(320, 80);
        const NodeRef graph{0, fixtures::nodeAt(session.package(0)->tree, u"model/graph.pb"_s)};
        std::unique_ptr<QMimeData> mime(NodeDragPayload{NodeDragPayload::Origin::Package, {graph}}.toMimeData(session));
        QVERIFY(dropOn(zipped, mime.get()));
        QVERIFY(session.isExcluded(graph));
    }

    void payloadsFromAnotherSessionAreRefused()
    {
        Session session, other;
        session.setFunction(bigFunction());
        other.setFunction(bigFunction());
        ExclusionPanel panel(&session);
        std::unique_ptr<QMimeData> foreign(NodeDragPayload{NodeDragPayload::Origin::Package, {{0, 1}}}.toMimeData(other));
        QVERIFY(!NodeDragPayload::fromMimeData(foreign.get(), session));
        QVERIFY(!dropOn(&panel, foreign.get()));
        QVERIFY(session.excludedItems().empty());
        // Node ids out of range are dropped from a payload.
        std::unique_ptr<QMimeData> bogus(NodeDragPayload{NodeDragPayload::Origin::Package, {{0, 99999}, {5, 1}}}.toMimeData(session));
        QVERIFY(!NodeDragPayload::fromMimeData(bogus.get(), session));
    }

    void gaugesFollowTheSession()
    {
        Session session;
        session.setFunction(bigFunction());
        GaugePanel gauges(&session);
        gauges.setResults(session.evaluate());
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
        gauges.setResults(session.evaluate());
        QCOMPARE(zipped->zone(), LimitGauge::Zone::Ok);
        QVERIFY(gauges.culpritText(u"zipped-direct-upload"_s).isEmpty());

        // Near: above 80 % of the limit.
        session.setFunction(syntheticPackage(u"near.zip"_s, {{u"a.bin"_s, 210 * kMiB, 42 * kMiB}}));
        gauges.setResults(session.evaluate());
        QCOMPARE(zipped->zone(), LimitGauge::Zone::Near);
        QCOMPARE(unzipped->zone(), LimitGauge::Zone::Near);
        QCOMPARE(gauges.gauge(u"console-editor"_s)->zone(), LimitGauge::Zone::Info);
    }

    void treemapClicksSelectAndZoom()
    {
        Session session;
        session.setFunction(bigFunction());
        TreemapWidget map(&session);
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
        QSignalSpy selected(&map, &TreemapWidget::selectionChanged);
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

    void treemapLaysOutOffTheGuiThread()
    {
        Session session;
        session.setFunction(bigFunction());
        TreemapWidget map(&session);
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
        QSignalSpy current(&view, &PackageTreeView::currentRefChanged);
        view.selectRefs({labels});
        QCOMPARE(view.selectedRefs(), std::vector<NodeRef>{labels});
        QCOMPARE(current.count(), 1);
        QTest::keyClick(&view, Qt::Key_Delete);
        QVERIFY(session.isExcluded(labels));
    }

    void suggestionsApplyAndTakeBack()
    {
        Session session;
        session.setFunction(bigFunction());
        SuggestionsPanel panel(&session);
        panel.refresh();
        // numpy/tests is a Python test folder (caution); it fixes nothing alone.
        const auto &found = panel.suggestions();
        auto at = std::find_if(found.begin(), found.end(), [](const Suggestion &s) { return s.rule.id == u"python-tests"_s; });
        QVERIFY(at != found.end());
        const NodeRef tests{0, fixtures::nodeAt(session.package(0)->tree, u"lib/numpy/tests"_s)};
        QCOMPARE(at->items, std::vector<NodeRef>{tests});
        QCOMPARE(at->unzippedSaving, 37 * kMiB);
        QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < panel.list()->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = panel.list()->topLevelItem(i);
            if (item->data(0, Qt::UserRole + 1).isValid()
                && found[std::size_t(item->data(0, Qt::UserRole + 1).toInt())].rule.id == u"python-tests"_s)
                row = item;
        }
        QVERIFY(row);
        ExclusionPanel excluded(&session);
        row->setCheckState(0, Qt::Checked);
        QVERIFY(session.isExcluded(tests));
        // The Excluded panel lists it under the rule, with the rule's total.
        QCOMPARE(session.exclusionReason(tests), at->rule.title);
        QCOMPARE(excluded.list()->topLevelItemCount(), 1);
        QTreeWidgetItem *group = excluded.list()->topLevelItem(0);
        QCOMPARE(group->text(0), at->rule.title);
        QCOMPARE(group->childCount(), 1);
        QCOMPARE(group->child(0)->text(0), u"lib/numpy/tests/"_s);
        QCOMPARE(group->text(2), formatMiB(37 * kMiB));
        // A glob's matches get a group of their own; undo takes it away.
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.txt"_s)), 1);
        QCOMPARE(excluded.list()->topLevelItemCount(), 2);
        session.undo();
        QCOMPARE(excluded.list()->topLevelItemCount(), 1);
        // Restoring and undoing brings the item back under its rule.
        session.restore({tests});
        QCOMPARE(excluded.list()->topLevelItemCount(), 0);
        session.undo();
        QCOMPARE(session.exclusionReason(tests), at->rule.title);
        panel.refresh();
        // Still listed, checked; unchecking takes it back.
        QTreeWidgetItem *applied = nullptr;
        for (int i = 0; i < panel.list()->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = panel.list()->topLevelItem(i);
            if (item->checkState(0) == Qt::Checked)
                applied = item;
        }
        QVERIFY(applied);
        applied->setCheckState(0, Qt::Unchecked);
        QVERIFY(!session.isExcluded(tests));
    }

    void suggestionsReadBinariesOffTheGuiThread()
    {
        QTemporaryDir dir;
        const QString zip = fixtures::pythonFile(dir.filePath(u"native.zip"_s), uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('index.js', 'x' * 100)
    z.writestr('node_modules/sharp/build/sharp.node', b'\xcf\xfa\xed\xfe' + bytes(4000))
)"_s);
        Session session;
        QVERIFY(fixtures::openPackage(session, zip));
        SuggestionsPanel panel(&session);
        panel.refresh();  // returns at once; the binaries are read in the background
        auto found = [&panel] {
            return std::any_of(panel.suggestions().begin(), panel.suggestions().end(),
                               [](const Suggestion &s) { return s.rule.id == u"foreign-os-binaries"_s; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(found(), 10000);
        // Edits reuse what was read.
        session.excludeMatching(GlobPattern(u"index.js"_s));
        panel.refresh();
        QVERIFY(found());
    }

    void packagesViewListsDependenciesAndExcludesThem()
    {
        Session session;
        session.setFunction(syntheticPackage(u"fn.zip"_s, {
                                                              {u"index.js"_s, 100, 50},
                                                              {u"node_modules/aws-sdk/lib/a.js"_s, 9000, 900},
                                                              {u"node_modules/@aws-sdk/client-s3/b.js"_s, 3000, 300},
                                                              {u"node_modules/tiny/c.js"_s, 10, 5},
                                                          }));
        DependencyList view(&session);
        view.refresh();
        QTreeWidget *list = view.list();
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(0), u"aws-sdk"_s);  // heaviest first
        QCOMPARE(list->topLevelItem(1)->text(0), u"@aws-sdk/client-s3"_s);
        QSignalSpy selected(&view, &DependencyList::refsSelected);
        list->topLevelItem(0)->setSelected(true);
        QCOMPARE(selected.size(), 1);
        const NodeRef sdk{0, fixtures::nodeAt(session.package(0)->tree, u"node_modules/aws-sdk"_s)};
        QCOMPARE(view.selectedRefs(), std::vector<NodeRef>{sdk});

        ExclusionPanel excluded(&session);
        QTest::keyClick(list, Qt::Key_Delete);
        QVERIFY(session.isExcluded(sdk));
        QCOMPARE(session.exclusionReason(sdk), u"npm package aws-sdk"_s);
        QCOMPARE(excluded.list()->topLevelItem(0)->text(0), u"npm package aws-sdk"_s);
        // Excluded, it leaves the list; undone, it is back.
        view.refresh();
        QCOMPARE(list->topLevelItemCount(), 2);
        session.undo();
        view.refresh();
        QCOMPARE(list->topLevelItemCount(), 3);
        // Dragged to the Excluded panel, it is listed under its name too.
        excluded.resize(300, 400);
        QCOMPARE(list->topLevelItem(0)->text(0), u"aws-sdk"_s);
        NodeDragPayload payload{NodeDragPayload::Origin::Package, {sdk}, view.exclusionReason(0)};
        std::unique_ptr<QMimeData> mime(payload.toMimeData(session));
        QVERIFY(dropOn(&excluded, mime.get()));
        QCOMPARE(session.exclusionReason(sdk), u"npm package aws-sdk"_s);
    }

    void warningsAreListedByCodeAndLeadToTheirItem()
    {
        Session session;
        auto package = std::make_shared<Package>(
            *syntheticPackage(u"odd.zip"_s, {{u"lib/evil.so"_s, 10, 5}, {u"ok.txt"_s, 3, 2}}));
        package->warnings.push_back({u"symlink-escapes"_s, u"lib/evil.so"_s, u"points outside"_s});
        package->warnings.push_back({u"encrypted"_s, u"ok.txt"_s, u"encrypted"_s});
        package->warnings.push_back({u"encrypted"_s, u"lib/evil.so"_s, u"encrypted"_s});
        WarningsPanel panel(&session);
        QSignalSpy counts(&panel, &WarningsPanel::countChanged);
        session.setFunction(package);
        QCOMPARE(panel.warningCount(), 3);
        QCOMPARE(counts.size(), 1);
        QTreeWidget *list = panel.list();
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), u"encrypted"_s);  // codes in order
        QCOMPARE(list->topLevelItem(0)->childCount(), 2);

        QSignalSpy activated(&panel, &WarningsPanel::itemActivated);
        QTreeWidgetItem *escaping = list->topLevelItem(1)->child(0);
        Q_EMIT list->itemActivated(escaping, 0);
        QCOMPARE(activated.size(), 1);
        const auto ref = activated.front().front().value<NodeRef>();
        QCOMPARE(package->tree.path(ref.node), u"lib/evil.so"_s);

        session.setFunction(syntheticPackage(u"clean.zip"_s, {{u"a"_s, 1, 1}}));
        QCOMPARE(panel.warningCount(), 0);
        QCOMPARE(list->topLevelItemCount(), 0);
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
