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
#include "SuggestionsPanel.h"
#include "WarningsPanel.h"

#include "report/SizeFormat.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::bigFunction;
using fixtures::dropOn;
using fixtures::kMiB;
using fixtures::syntheticPackage;

class TestPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
        SuggestionsPanel panel(&session);
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
        view.show();  // finds them on a worker thread, then lists them
        QTreeWidget *list = view.list();
        QTRY_COMPARE(list->topLevelItemCount(), 3);
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
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
