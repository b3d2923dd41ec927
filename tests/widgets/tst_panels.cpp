// The side panels on the offscreen platform: suggestions applied and taken
// back (their binaries read off the GUI thread), the Packages view with its
// exclusions, and the warnings list.
#include "Fixtures.h"
#include "SyntheticPackage.h"
#include "WidgetFixtures.h"

#include "DependencyList.h"
#include "TreemapToolTip.h"
#include "ExclusionPanel.h"
#include "NodeDragPayload.h"
#include "PanelModel.h"
#include "SuggestionsPanel.h"
#include "WarningsPanel.h"

#include "report/SizeFormat.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::bigFunction;
using fixtures::cellText;
using fixtures::PanelJobs;
using fixtures::dropOn;
using fixtures::kMiB;
using fixtures::syntheticPackage;

class TestPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Rows matched by key are changed, moved, inserted and removed in place,
    // so a persistent index (a selection) follows its row; the model passes
    // Qt's model tester through every kind of update.
    void panelRowsUpdateInPlace()
    {
        PanelModel model({u"Item"_s, u"Size"_s});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto row = [](const QString &key, const QString &size, std::vector<PanelRow> children = {}) {
            PanelRow r;
            r.key = key;
            r.cells = {{key}, {size, {}, {}, true}};
            r.children = std::move(children);
            return r;
        };
        model.setRows({row(u"a"_s, u"1"_s), row(u"b"_s, u"2"_s, {row(u"b1"_s, u"1"_s)}), row(u"c"_s, u"3"_s)});
        QCOMPARE(model.rowCount(), 3);
        const QPersistentModelIndex b = model.index(1, 0);
        const QPersistentModelIndex b1 = model.index(0, 0, b);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // a goes, c moves before b, d comes, b's size and children change.
        model.setRows({row(u"c"_s, u"3"_s), row(u"d"_s, u"4"_s),
                       row(u"b"_s, u"5"_s, {row(u"b1"_s, u"1"_s), row(u"b2"_s, u"2"_s)})});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(cellText(&model, 0), u"c"_s);
        QCOMPARE(cellText(&model, 1), u"d"_s);
        QVERIFY(b.isValid() && b1.isValid());
        QCOMPARE(b.row(), 2);
        QCOMPARE(model.index(b.row(), 1).data().toString(), u"5"_s);
        QCOMPARE(b1.parent(), QModelIndex(b));
        QCOMPARE(model.rowCount(b), 2);
        QCOMPARE(model.index(1, 1).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        // Repeated keys stay apart.
        model.setRows({row(u"x"_s, u"1"_s), row(u"x"_s, u"2"_s)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cellText(&model, 1, 1), u"2"_s);
        // Thousands of scattered removals are one reset, not thousands of signals.
        std::vector<PanelRow> many, half;
        for (int i = 0; i < 2000; ++i) {
            many.push_back(row(QString::number(i), {}));
            if (i % 2 == 0)
                half.push_back(row(QString::number(i), {}));
        }
        model.setRows(std::move(many));
        removed.clear();
        model.setRows(std::move(half));
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(cellText(&model, 999), u"1998"_s);
    }

    // When the whole plan is not enough, the panel says which limit stays
    // over, by how much, and which file no rule matches, and offers it.
    void aPlanThatIsNotEnoughSaysWhatBlocksIt()
    {
        Session session;
        session.setFunction(syntheticPackage(u"function.zip"_s, {
            {u"index.js"_s, 4000, 1500},
            {u"node_modules/@sparticuz/chromium/bin/chromium.br"_s, 63535104, 63540000},
            {u"node_modules/dep/index.js.map"_s, 3 * kMiB, 1 * kMiB},
        }));
        PanelJobs jobs(&session);
        SuggestionsPanel panel(&session, &jobs.facts);
        panel.refresh();
        QCOMPARE(panel.shortfalls().size(), std::size_t(1));
        const PlanShortfall &s = panel.shortfalls().front();
        QCOMPARE(s.rule.id, u"zipped-direct-upload"_s);
        const NodeId map = fixtures::nodeAt(session.package(0)->tree, u"node_modules/dep/index.js.map"_s);
        QCOMPARE(s.value, session.measures().functionZipped - session.package(0)->tree.node(map).totals.footprint);
        QCOMPARE(s.over, s.value - (52428800 - 1));
        QCOMPARE(s.blockers.size(), std::size_t(1));
        const NodeId chromium = fixtures::nodeAt(session.package(0)->tree,
                                                 u"node_modules/@sparticuz/chromium/bin/chromium.br"_s);
        QCOMPARE(s.blockers.front().node, chromium);
        const QString text = panel.summaryText();
        QVERIFY2(text.contains(u"Zipped package, direct upload"_s), qPrintable(text));
        QVERIFY2(text.contains(formatMiB(s.over)), qPrintable(text));
        QVERIFY2(text.contains(u"chromium.br"_s) && text.contains(u"Select it"_s), qPrintable(text));
        QSignalSpy shown(&panel, &SuggestionsPanel::itemsActivated);
        auto *summary = panel.findChild<QLabel *>();
        QVERIFY(summary);
        Q_EMIT summary->linkActivated(u"#blockers"_s);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.front().front().value<std::vector<NodeRef>>(), (std::vector<NodeRef>{{0, chromium}}));
    }

    void suggestionsApplyAndTakeBack()
    {
        Session session;
        session.setFunction(bigFunction());
        PanelJobs jobs(&session);
        SuggestionsPanel panel(&session, &jobs.facts);
        QAbstractItemModelTester suggestionsTester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.refresh();
        // numpy/tests is a Python test folder (caution); it fixes nothing alone.
        const auto &found = panel.suggestions();
        auto at = std::find_if(found.begin(), found.end(), [](const Suggestion &s) { return s.rule.id == u"python-tests"_s; });
        QVERIFY(at != found.end());
        const NodeRef tests{0, fixtures::nodeAt(session.package(0)->tree, u"lib/numpy/tests"_s)};
        QCOMPARE(at->items, std::vector<NodeRef>{tests});
        QCOMPARE(at->unzippedSaving, 37 * kMiB);
        PanelModel *model = panel.model();
        QModelIndex row;
        for (int i = 0; i < model->rowCount(); ++i) {
            const QModelIndex index = model->index(i, 0);
            if (model->row(index)->tag >= 0 && found[std::size_t(model->row(index)->tag)].rule.id == u"python-tests"_s)
                row = index;
        }
        QVERIFY(row.isValid());
        ExclusionPanel excluded(&session);
        QAbstractItemModelTester excludedTester(excluded.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->setData(row, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(session.isExcluded(tests));
        // The Excluded panel lists it under the rule, with the rule's total.
        QCOMPARE(session.exclusionReason(tests), at->rule.title);
        const PanelModel *listed = excluded.model();
        QCOMPARE(listed->rowCount(), 1);
        const QModelIndex group = listed->index(0, 0);
        QCOMPARE(group.data().toString(), at->rule.title);
        QCOMPARE(listed->rowCount(group), 1);
        QCOMPARE(cellText(listed, 0, 0, group), u"lib/numpy/tests/"_s);
        QCOMPARE(cellText(listed, 0, 2), formatMiB(37 * kMiB));
        // A glob's matches get a group of their own; undo takes it away,
        // and the rule's group stays the same row (updated in place).
        const QPersistentModelIndex kept(group);
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.txt"_s)), 1);
        QCOMPARE(listed->rowCount(), 2);
        session.undo();
        QCOMPARE(listed->rowCount(), 1);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), at->rule.title);
        // Restoring and undoing brings the item back under its rule.
        session.restore({tests});
        QCOMPARE(listed->rowCount(), 0);
        session.undo();
        QCOMPARE(session.exclusionReason(tests), at->rule.title);
        panel.refresh();
        // Still listed, checked; unchecking takes it back.
        QModelIndex applied;
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->index(i, 0).data(Qt::CheckStateRole) == Qt::Checked)
                applied = model->index(i, 0);
        }
        QVERIFY(applied.isValid());
        QVERIFY(model->setData(applied, Qt::Unchecked, Qt::CheckStateRole));
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
        PanelJobs jobs(&session);
        SuggestionsPanel panel(&session, &jobs.facts);
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
        PanelJobs jobs(&session);
        DependencyList view(&session, &jobs.facts);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();  // finds them on a worker thread, then lists them
        QTreeView *list = view.list();
        const QAbstractItemModel *rows = list->model();  // as sorted
        QTRY_COMPARE(rows->rowCount(), 3);
        QCOMPARE(cellText(rows, 0), u"aws-sdk"_s);  // heaviest first
        QCOMPARE(cellText(rows, 1), u"@aws-sdk/client-s3"_s);
        QSignalSpy selected(&view, &DependencyList::refsSelected);
        list->selectionModel()->select(rows->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(selected.size(), 1);
        const NodeRef sdk{0, fixtures::nodeAt(session.package(0)->tree, u"node_modules/aws-sdk"_s)};
        QCOMPARE(view.selectedRefs(), std::vector<NodeRef>{sdk});

        ExclusionPanel excluded(&session);
        QTest::keyClick(list, Qt::Key_Delete);
        QVERIFY(session.isExcluded(sdk));
        QCOMPARE(session.exclusionReason(sdk), u"npm package aws-sdk"_s);
        QCOMPARE(cellText(excluded.model(), 0), u"npm package aws-sdk"_s);
        // Excluded, it leaves the list; undone, it is back.
        view.refresh();
        QCOMPARE(rows->rowCount(), 2);
        session.undo();
        view.refresh();
        QCOMPARE(rows->rowCount(), 3);
        // Dragged to the Excluded panel, it is listed under its name too.
        excluded.resize(300, 400);
        QCOMPARE(cellText(rows, 0), u"aws-sdk"_s);
        NodeDragPayload payload{NodeDragPayload::Origin::Package, {sdk}, view.exclusionReason(0)};
        std::unique_ptr<QMimeData> mime(payload.toMimeData(session));
        QVERIFY(dropOn(&excluded, mime.get()));
        QCOMPARE(session.exclusionReason(sdk), u"npm package aws-sdk"_s);
    }

    void treemapToolTipSaysWhatATileWeighsKept()
    {
        Session session;
        session.setFunction(syntheticPackage(u"fn.zip"_s, {{u"lib/big.so"_s, 30 * kMiB, 10 * kMiB},
                                                          {u"lib/small.js"_s, 100, 50}}));
        const PackageTree &tree = session.package(0)->tree;
        TreemapTile tile;
        tile.ref = {0, fixtures::nodeAt(tree, u"lib/big.so"_s)};
        const QString tip = treemapToolTip(session, tile, SizeMode::Unzipped);
        QVERIFY2(tip.contains(u"lib/big.so"_s), qPrintable(tip));
        QVERIFY(tip.contains(u"30.00 MiB"_s));
        QVERIFY(tip.contains(u"of 250.00 MiB"_s) || tip.contains(u"250.00 MiB)"_s));
        // Excluded, the file weighs nothing kept.
        session.exclude(0, tile.ref.node);
        QVERIFY(!treemapToolTip(session, tile, SizeMode::Unzipped).contains(u"30.00 MiB"_s));
        // A remainder tile stands for the folder's small items.
        TreemapTile rest;
        rest.ref = {0, fixtures::nodeAt(tree, u"lib"_s)};
        rest.remainder = true;
        rest.smallItems = 2;
        rest.size = 150;
        QVERIFY(treemapToolTip(session, rest, SizeMode::Zipped).contains(u"2 items too small"_s));
    }

    // A group the user closed stays closed through later edits, undo and
    // redo; a group that appears is shown open.
    void closedGroupsStayClosedAcrossEdits()
    {
        Session session;
        session.setFunction(bigFunction());
        ExclusionPanel panel(&session);
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTreeView *list = panel.list();
        const PanelModel *rows = panel.model();
        const auto group = [&](const QString &key) { return rows->indexOfKey(key); };
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.txt"_s)), 1);
        const QString text = rows->row(rows->index(0, 0))->key;
        QVERIFY(list->isExpanded(group(text)));
        list->collapse(group(text));
        QCOMPARE(session.excludeMatching(GlobPattern(u"*.so"_s)), 1);
        QCOMPARE(rows->rowCount(), 2);
        const QString so = rows->row(rows->index(1, 0))->key;
        QVERIFY(so != text);
        QVERIFY(list->isExpanded(group(so)));
        QVERIFY(!list->isExpanded(group(text)));
        session.undo();
        session.undo();
        QCOMPARE(rows->rowCount(), 0);
        session.redo();
        session.redo();
        QCOMPARE(rows->rowCount(), 2);
        QVERIFY(!list->isExpanded(group(text)));
        QVERIFY(list->isExpanded(group(so)));
        // Opened again by the user, it is kept open.
        list->expand(group(text));
        session.undo();
        session.redo();
        QVERIFY(list->isExpanded(group(text)));
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
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&panel, &WarningsPanel::countChanged);
        session.setFunction(package);
        QCOMPARE(panel.warningCount(), 3);
        QCOMPARE(counts.size(), 1);
        QTreeView *list = panel.list();
        const PanelModel *rows = panel.model();
        QCOMPARE(rows->rowCount(), 2);
        QCOMPARE(cellText(rows, 0), u"encrypted"_s);  // codes in order
        QCOMPARE(rows->rowCount(rows->index(0, 0)), 2);

        QSignalSpy activated(&panel, &WarningsPanel::itemActivated);
        const QModelIndex escaping = rows->index(0, 0, rows->index(1, 0));
        Q_EMIT list->activated(escaping);
        QCOMPARE(activated.size(), 1);
        const auto ref = activated.front().front().value<NodeRef>();
        QCOMPARE(package->tree.path(ref.node), u"lib/evil.so"_s);

        session.setFunction(syntheticPackage(u"clean.zip"_s, {{u"a"_s, 1, 1}}));
        QCOMPARE(panel.warningCount(), 0);
        QCOMPARE(rows->rowCount(), 0);
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
