// What is on screen stays where it is and stays readable: the window's panels
// do not move when culprit lines, messages or chart parts come and go; at
// 1280x800 every column of the tree is on screen and the Excluded list has
// room; a suggestion keeps its row when applied; the tree's Share cells keep
// text and bar apart, deep rows keep their names, and the sort arrow points
// the way the list runs.
#include "WidgetFixtures.h"

#include "CompositionChart.h"
#include "ExclusionPanel.h"
#include "GaugePanel.h"
#include "MainWindow.h"
#include "PackageLoader.h"
#include "PackageItemDelegate.h"
#include "PackageTreeModel.h"
#include "PackageTreeView.h"
#include "PanelModel.h"
#include "SuggestionsPanel.h"
#include "TreemapLegend.h"
#include "TreemapRenderer.h"
#include "TreemapWidget.h"

#include "model/FileKind.h"
#include "treemap/TreemapLayout.h"
#include "treemap/TreemapSource.h"

#include "session/Session.h"

#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTabBar>
#include <QAbstractItemModelTester>
#include <QTreeView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::bigFunction;
using fixtures::kMiB;
using fixtures::syntheticPackage;

namespace {

// Where each panel a user clicks sits in the window, and how big it is.
QList<QRect> panelGeometry(MainWindow &window)
{
    QList<QRect> rects;
    const QList<QWidget *> panels{window.gauges(), window.treeView(), window.treemap(),
                                  window.exclusionPanel()->list(), window.chart(),
                                  window.exclusionPanel()->parentWidget()};
    for (QWidget *w : panels)
        rects << QRect(w->mapTo(&window, QPoint(0, 0)), w->size());
    for (QTabBar *bar : window.findChildren<QTabBar *>())
        rects << QRect(bar->mapTo(&window, QPoint(0, 0)), bar->size());
    return rects;
}

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(20);
    }
}

// Columns of `image` in which some pixel is close to `colour`.
QList<int> columnsWith(const QImage &image, const QColor &colour)
{
    QList<int> columns;
    for (int x = 0; x < image.width(); ++x) {
        for (int y = 0; y < image.height(); ++y) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue()) < 60) {
                columns << x;
                break;
            }
        }
    }
    return columns;
}

// The window at a newcomer's laptop size with a package that fails a limit.
bool showOnLaptop(MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.session()->setFunction(bigFunction());
    settle();
    return true;
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // Culprits appear and go, a message comes and goes, the chart's parts
    // change: nothing a user clicks moves.
    void panelsStayPutWhenNumbersChange()
    {
        MainWindow window;
        QVERIFY(showOnLaptop(window));
        QVERIFY(!window.gauges()->culpritText(u"zipped-direct-upload"_s).isEmpty());
        const QList<QRect> before = panelGeometry(window);

        const NodeId graph = fixtures::nodeAt(window.session()->package(0)->tree, u"model/graph.pb"_s);
        window.session()->exclude(0, graph);  // now every limit holds: no culprit lines
        settle();
        QVERIFY(window.gauges()->culpritText(u"zipped-direct-upload"_s).isEmpty());
        QCOMPARE(panelGeometry(window), before);

        window.addLayer(u"/nonexistent/layer.zip"_s);  // an error in the message bar
        QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), 10000);
        settle();
        QVERIFY(!window.errorText().isEmpty());
        QCOMPARE(panelGeometry(window), before);

        window.session()->undo();
        settle();
        QVERIFY(!window.gauges()->culpritText(u"zipped-direct-upload"_s).isEmpty());
        QCOMPARE(panelGeometry(window), before);
    }

    // A newcomer's laptop: every column shown is on screen, the names keep
    // their room, and the Excluded list shows several rows beside culprits.
    void smallScreenKeepsEverythingReachable()
    {
        MainWindow window;
        QVERIFY(showOnLaptop(window));
        PackageTreeView *tree = window.treeView();
        QVERIFY(!tree->horizontalScrollBar()->isVisible());
        QHeaderView *header = tree->header();
        for (int column = 0; column < PackageTreeModel::ColumnCount; ++column) {
            if (header->isSectionHidden(column))
                continue;
            QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column) <= tree->viewport()->width(),
                     qPrintable(u"column %1 ends off screen"_s.arg(column)));
        }
        QVERIFY(header->sectionSize(PackageTreeModel::NameColumn) >= 180);
        QVERIFY(!window.gauges()->culpritText(u"zipped-direct-upload"_s).isEmpty());
        QTreeView *excluded = window.exclusionPanel()->list();
        QVERIFY2(excluded->viewport()->height() >= 5 * excluded->fontMetrics().lineSpacing(),
                 qPrintable(u"%1 px"_s.arg(excluded->viewport()->height())));
    }

    // A 1280x800 laptop, less a desktop's top bar and the title bar: the
    // window fits, with a package open and its culprits shown.
    void theWindowFitsASmallScreen()
    {
        MainWindow window;
        QVERIFY(showOnLaptop(window));
        const QSize least = window.minimumSizeHint();
        QVERIFY2(least.height() <= 720 && least.width() <= 1280,
                 qPrintable(u"needs at least %1x%2"_s.arg(least.width()).arg(least.height())));
    }

    // A row deep in node_modules keeps its name readable.
    void deepRowsKeepTheirNames()
    {
        Session session;
        const QString deep = u"node_modules/@scope/pkg/node_modules/dep/lib/esm/internal/shared/utils/formatter.js"_s;
        session.setFunction(syntheticPackage(u"fn.zip"_s, {{deep, 1000, 500}, {u"index.js"_s, 10, 5}}));
        PackageTreeView view(&session);
        view.resize(460, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectRefs({{0, fixtures::nodeAt(session.package(0)->tree, deep)}});
        settle();
        const QModelIndex index = view.currentIndex();
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), u"formatter.js"_s);
        const QRect rect = view.visualRect(index);
        QVERIFY2(rect.width() >= view.fontMetrics().horizontalAdvance(u"formatter.js"_s),
                 qPrintable(u"%1 px for the name"_s.arg(rect.width())));
    }

    // Largest first reads top to bottom: the arrow points down.
    void sortArrowPointsTheWayTheListRuns()
    {
        Session session;
        session.setFunction(bigFunction());
        PackageTreeView view(&session);
        view.resize(700, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QHeaderView *header = view.header();
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        const int column = PackageTreeModel::UnzippedColumn;
        const QRect section(header->sectionViewportPosition(column), 0, header->sectionSize(column), header->height());
        const QImage descending = header->grab(section).toImage();
        header->setSortIndicator(column, Qt::AscendingOrder);
        const QImage ascending = header->grab(section).toImage();
        QCOMPARE(descending.size(), ascending.size());
        // Only the arrow differs between the two: find its pixels, then
        // where the wide end of the triangle is.
        int top = descending.height(), bottom = -1;
        for (int y = 0; y < descending.height(); ++y) {
            for (int x = 0; x < descending.width(); ++x) {
                if (descending.pixel(x, y) != ascending.pixel(x, y)) {
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
            }
        }
        QVERIFY2(bottom > top, "no sort arrow drawn");
        const QColor background = descending.pixelColor(2, descending.height() / 2);
        const auto inked = [&](int y) {
            int n = 0;
            for (int x = 0; x < descending.width(); ++x) {
                const QColor c = descending.pixelColor(x, y);
                n += descending.pixel(x, y) != ascending.pixel(x, y)
                     && std::abs(c.lightness() - background.lightness()) > 40;
            }
            return n;
        };
        const int mid = (top + bottom) / 2;
        int upper = 0, lower = 0;
        for (int y = top; y <= bottom; ++y)
            (y <= mid ? upper : lower) += inked(y);
        QVERIFY2(upper > lower, qPrintable(u"arrow ink: %1 above, %2 below: it points up"_s.arg(upper).arg(lower)));
    }

    // The Share cell's bar stops where its number starts.
    void shareTextNeverCoversItsBar()
    {
        Session session;
        session.setFunction(syntheticPackage(u"fn.zip"_s, {{u"all.bin"_s, 300 * kMiB, 300 * kMiB}}));
        PackageTreeView view(&session);
        view.resize(700, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex root = view.model()->index(0, PackageTreeModel::ShareColumn);
        QCOMPARE(root.data(PackageTreeModel::ShareRole).toDouble() >= 1.0, true);
        const QImage cell = view.viewport()->grab(view.visualRect(root)).toImage();
        QColor bar = view.palette().color(QPalette::Highlight);
        const QColor base = view.palette().color(QPalette::Base);
        // The bar is Highlight at 140/255 over the row's background.
        bar = QColor((bar.red() * 140 + base.red() * 115) / 255, (bar.green() * 140 + base.green() * 115) / 255,
                     (bar.blue() * 140 + base.blue() * 115) / 255);
        const QList<int> barColumns = columnsWith(cell, bar);
        const QList<int> textColumns = columnsWith(cell, view.palette().color(QPalette::Text));
        QVERIFY(!barColumns.isEmpty());
        QVERIFY(!textColumns.isEmpty());
        QVERIFY2(barColumns.last() < textColumns.first(),
                 qPrintable(u"bar to x=%1, text from x=%2"_s.arg(barColumns.last()).arg(textColumns.first())));
    }

    // Presentation mode's large font in a narrow map: the legend takes a
    // second row rather than cutting "Native" to "Nativ".
    void legendFlowsInsteadOfCuttingNames()
    {
        TreemapLegend legend;
        QFont big = legend.font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        legend.setFont(big);
        const int narrow = legend.sizeHint().width() * 2 / 3;
        const std::vector<QRect> rects = legend.entryRects(narrow);
        QCOMPARE(int(rects.size()), kFileKindCount);
        for (int k = 0; k < kFileKindCount; ++k) {
            const QRect &r = rects[std::size_t(k)];
            QVERIFY2(r.right() < narrow, qPrintable(legend.entryName(k)));
            QVERIFY(r.width() >= legend.fontMetrics().horizontalAdvance(legend.entryName(k)));
        }
        QVERIFY(legend.heightForWidth(narrow) >= 2 * legend.fontMetrics().height());
        QCOMPARE(legend.heightForWidth(legend.sizeHint().width()), legend.fontMetrics().height());
    }

    // A tile too narrow for several letters of its name shows none: no "u…o".
    void narrowTilesShowNoStubOfAName()
    {
        Session session;
        session.setFunction(syntheticPackage(u"fn.zip"_s, {{u"big.bin"_s, 100 * kMiB, 100 * kMiB},
                                                          {u"underscore_too.js"_s, 8 * kMiB, 8 * kMiB}}));
        const TreemapSource source = TreemapSource::snapshotOf(session);
        const QRectF bounds(0, 0, 800, 400);
        const TreemapLayout layout = TreemapLayout::compute(source, {{0, 0}}, bounds, {});
        const NodeId small = fixtures::nodeAt(session.package(0)->tree, u"underscore_too.js"_s);
        const int tile = layout.tileOf(session.package(0)->tree, {0, small});
        QVERIFY(tile >= 0);
        const QRectF r = layout.tiles()[std::size_t(tile)].rect;
        TreemapLook look;
        look.palette = QApplication::palette();
        look.font = QApplication::font();
        look.font.setPointSizeF(look.font.pointSizeF() * 1.6);
        look.size = bounds.size().toSize();
        const QFontMetrics metrics(look.font);
        QVERIFY2(r.width() - 6 < metrics.horizontalAdvance(u"abcdef…"_s)
                     && r.width() - 6 < metrics.horizontalAdvance(u"underscore_too.js"_s),
                 qPrintable(u"tile %1 px wide"_s.arg(r.width())));
        QImage image = TreemapRenderer::paintTiles(layout, source, look);
        const QImage tilesOnly = image.copy(r.toRect());
        TreemapRenderer::paintLabels(image, layout, source, look);
        QVERIFY2(r.width() >= 48, qPrintable(u"tile %1 px wide"_s.arg(r.width())));  // a fixed 48 px rule would label it
        QCOMPARE(image.copy(r.toRect()), tilesOnly);
    }

    // Checking a suggestion leaves it where it was; the one under the
    // pointer is still the one just clicked, and unchecking keeps it there.
    void appliedSuggestionKeepsItsRow()
    {
        Session session;
        session.setFunction(syntheticPackage(u"function.zip"_s, {
            {u"handler.py"_s, 4000, 1500},
            {u"model/graph.pb"_s, 100 * kMiB, 40 * kMiB},
            {u"lib/numpy/tests/test_core.py"_s, 37 * kMiB, 4 * kMiB},
            {u"lib/pkg/__pycache__/a.cpython-311.pyc"_s, 9 * kMiB, 3 * kMiB},
            {u"node_modules/dep/index.js.map"_s, 6 * kMiB, 2 * kMiB},
            {u"node_modules/dep/README.md"_s, 1 * kMiB, 1 * kMiB / 2},
        }));
        fixtures::PanelJobs jobs(&session);
        SuggestionsPanel panel(&session, &jobs.facts);
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.refresh();
        const QAbstractItemModel *model = panel.model();
        const auto checkable = [model] {
            QList<QPersistentModelIndex> rows;
            for (int i = 0; i < model->rowCount(); ++i) {
                if (model->flags(model->index(i, 0)) & Qt::ItemIsUserCheckable)
                    rows << model->index(i, 0);
            }
            return rows;
        };
        const auto titles = [&checkable] {
            QStringList list;
            for (const QPersistentModelIndex &row : checkable())
                list << row.data().toString();
            return list;
        };
        const QStringList before = titles();
        QVERIFY2(before.size() >= 3, qPrintable(before.join(u" | "_s)));
        // The row is updated in place: the same index, checked.
        const QPersistentModelIndex first = checkable().front();
        QVERIFY(panel.model()->setData(first, Qt::Checked, Qt::CheckStateRole));
        panel.refresh();
        QCOMPARE(titles(), before);
        QVERIFY(first.isValid());
        QCOMPARE(first.data(Qt::CheckStateRole), QVariant(Qt::Checked));
        QVERIFY(panel.model()->setData(first, Qt::Unchecked, Qt::CheckStateRole));
        panel.refresh();
        QCOMPARE(titles(), before);
        QCOMPARE(first.data(Qt::CheckStateRole), QVariant(Qt::Unchecked));
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
