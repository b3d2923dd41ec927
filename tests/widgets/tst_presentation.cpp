// Presentation mode, for showing the limits to a room: large gauges and
// treemap only; F11, Esc and a visible button leave it, and neither it nor a
// hidden toolbar survives a restart.
#include "WidgetFixtures.h"

#include "GaugePanel.h"
#include "DependencyList.h"
#include "MainWindow.h"
#include "PackageTreeView.h"
#include "TreemapWidget.h"

#include "session/Session.h"

#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QToolBar>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::bigFunction;
using fixtures::findAction;

class TestPresentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void presentationModeShowsGaugesAndMapLarge()
    {
        MainWindow window;
        window.show();
        window.session()->setFunction(bigFunction());
        QVERIFY(window.session()->hasFunction());
        const qreal normal = window.gauges()->font().pointSizeF();
        window.setPresentationMode(true);
        QVERIFY(window.gauges()->font().pointSizeF() > normal * 1.5);
        // Neither the tree nor its tabs, only gauges and treemap.
        QVERIFY(!window.treeView()->isVisible());
        QVERIFY(!window.dependencyList()->isVisible());
        for (const QTabBar *tabs : window.findChildren<QTabBar *>())
            QVERIFY(!tabs->isVisible());
        QVERIFY(window.treemap()->isVisible());
        window.setPresentationMode(false);
        QCOMPARE(window.gauges()->font().pointSizeF(), normal);
        QVERIFY(window.treeView()->isVisible());
    }

    // F11 in, Esc out, F11 in and F11 out, from the keyboard; the visible
    // button leaves too; closing in presentation mode and starting again gives
    // the normal window with its toolbar; View → Toolbar toggles it.
    void presentationModeIsNeverATrap()
    {
        QSettings().clear();
        auto toolBar = [](MainWindow &w) { return w.findChild<QToolBar *>(u"mainToolBar"_s); };
        auto leaveButton = [](MainWindow &w) { return w.findChild<QPushButton *>(u"leavePresentation"_s); };
        {
            MainWindow window;
            window.show();
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            window.session()->setFunction(bigFunction());
            QVERIFY(window.session()->hasFunction());
            QVERIFY(toolBar(window)->isVisible());
            QVERIFY(!leaveButton(window)->isVisible());

            QTest::keyClick(&window, Qt::Key_F11);
            QVERIFY(window.isPresentationMode());
            QVERIFY(!window.menuBar()->isVisible());
            QVERIFY(!toolBar(window)->isVisible());
            QVERIFY(leaveButton(window)->isVisible());
            QTest::keyClick(&window, Qt::Key_Escape);
            QVERIFY(!window.isPresentationMode());
            QVERIFY(window.menuBar()->isVisible());
            QVERIFY(toolBar(window)->isVisible());
            QVERIFY(!window.isFullScreen());

            QTest::keyClick(&window, Qt::Key_F11);
            QVERIFY(window.isPresentationMode());
            QTest::keyClick(&window, Qt::Key_F11);
            QVERIFY(!window.isPresentationMode());
            QVERIFY(toolBar(window)->isVisible());

            QTest::keyClick(&window, Qt::Key_F11);
            QTest::mouseClick(leaveButton(window), Qt::LeftButton);
            QVERIFY(!window.isPresentationMode());
            QVERIFY(window.menuBar()->isVisible());

            // Closed while presenting.
            QTest::keyClick(&window, Qt::Key_F11);
            QVERIFY(window.isPresentationMode());
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.isPresentationMode());
        QVERIFY(!again.isFullScreen());
        QVERIFY(again.menuBar()->isVisible());
        QVERIFY(toolBar(again)->isVisible());
        QAction *toggle = findAction(again, u"Toolbar"_s);
        QVERIFY(toggle);
        toggle->trigger();
        QVERIFY(!toolBar(again)->isVisible());
        toggle->trigger();
        QVERIFY(toolBar(again)->isVisible());
        // Even a toolbar hidden by hand comes back at the next start.
        toggle->trigger();
        again.close();
        MainWindow third;
        third.show();
        QVERIFY(QTest::qWaitForWindowExposed(&third));
        QVERIFY(toolBar(third)->isVisible());
    }
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
