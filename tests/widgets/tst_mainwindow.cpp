// The main window end to end on the offscreen platform: open a real zip in
// the background, see gauges, tree and treemap; a broken file leaves the
// previous package open with a message naming the file; undo and redo from
// the Edit menu; layers; the built-in demo tells its story.
#include "Fixtures.h"
#include "WidgetFixtures.h"

#include "GaugePanel.h"
#include "LimitGauge.h"
#include "MainWindow.h"
#include "PatternsDialog.h"
#include "LimitsHelpDialog.h"
#include "WelcomePage.h"
#include "SyntheticPackage.h"
#include "PackageTreeModel.h"
#include "PackageTreeView.h"
#include "TreemapWidget.h"
#include "WarningsPanel.h"
#include "SuggestionsPanel.h"
#include "ExclusionPanel.h"
#include "DependencyList.h"

#include "demo/DemoPackage.h"
#include "scenario/Scenario.h"
#include "session/Session.h"
#include "readers/PackageReader.h"
#include "report/SizeFormat.h"
#include "whatif/GlobPattern.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QFileDialog>
#include <QThreadPool>
#include <QTimer>
#include <QPushButton>
#include <QSettings>
#include <QToolBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTreeView>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::findAction;

namespace {

// A zip from Python's zipfile: 60 MB of incompressible data beside small files.
QString makeZip(const QString &dir, const QString &name)
{
    const QString path = dir + u"/"_s + name;
    fixtures::python(uR"(
import os, sys, zipfile, random
r = random.Random(7)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('handler.py', 'def handler(event, context):\n    return 42\n' * 50)
    z.writestr('model/weights.bin', r.randbytes(60 * 1000 * 1000), compress_type=zipfile.ZIP_STORED)
    for i in range(40):
        z.writestr('node_modules/dep%d/index.js' % i, 'module.exports = %d;\n' % i * 200)
)"_s, {path});
    return path;
}

// Answers the next question box with the button whose text starts with
// `button`; for "Keep as Scenario", then saves to `saveAs` in the file dialog.
void answerQuestion(const QString &button, const QString &saveAs = {})
{
    QTimer::singleShot(0, [button, saveAs] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(u'&').startsWith(button)) {
                if (!saveAs.isEmpty()) {
                    QTimer::singleShot(0, [saveAs] {
                        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                        QVERIFY(dialog);
                        dialog->selectFile(saveAs);
                        QMetaObject::invokeMethod(dialog, "accept");
                    });
                }
                b->click();
                return;
            }
        }
        QFAIL("no such button");
    });
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PackscopeTest"_s);
        QVERIFY(m_dir.isValid());
        m_zip = makeZip(m_dir.path(), u"function.zip"_s);
        QVERIFY(QFileInfo::exists(m_zip));
    }

    void opensAPackageInTheBackground()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.openPackage(m_zip);
        QVERIFY(window.loader()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QVERIFY(window.errorText().isEmpty());
        QCOMPARE(window.session()->package(0)->fileSize, std::uint64_t(QFileInfo(m_zip).size()));
        // Gauges: 60 MB stored passes 50 MiB? 60,000,000 > 52,428,800: it fails.
        LimitGauge *zipped = window.gauges()->gauge(u"zipped-direct-upload"_s);
        QCOMPARE(zipped->zone(), LimitGauge::Zone::Over);
        QCOMPARE(zipped->result().value, window.session()->package(0)->fileSize);
        QVERIFY(window.gauges()->culpritText(u"zipped-direct-upload"_s).contains(u"model/weights.bin"_s));
        QCOMPARE(window.treeView()->model()->rowCount(), 1);
        QVERIFY(!window.treemap()->layout().tiles().empty());
        QCOMPARE(window.windowTitle(), u"function.zip — Packscope"_s);
    }

    void aBrokenFileKeepsThePreviousPackage()
    {
        MainWindow window;
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        const PackagePtr before = window.session()->package(0);

        const QString junk = m_dir.filePath(u"junk.zip"_s);
        fixtures::writeRandomFile(junk, 5000, 3);
        window.openPackage(junk);
        QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), 20000);
        QVERIFY2(window.errorText().contains(u"junk.zip"_s), qPrintable(window.errorText()));
        QCOMPARE(window.session()->package(0), before);

        // A missing file, and a truncated zip: same.
        window.openPackage(m_dir.filePath(u"missing.zip"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), 20000);
        QVERIFY(window.errorText().contains(u"missing.zip"_s));
        QFile whole(m_zip);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        fixtures::writeFile(m_dir.filePath(u"cut.zip"_s), whole.read(whole.size() - 5000));
        window.openPackage(m_dir.filePath(u"cut.zip"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), 20000);
        QVERIFY(window.errorText().contains(u"cut.zip"_s));
        QCOMPARE(window.session()->package(0), before);

        // A good file clears the message.
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->package(0) != before, 20000);
        QVERIFY(window.errorText().isEmpty());
    }

    void aHostilePackageOpensWithItsWarningsAndCannotBeExportedAsIs()
    {
        const QString packages = m_dir.filePath(u"hostile"_s);
        const auto made = fixtures::run(
            u"python3"_s, {QStringLiteral(PACKSCOPE_SOURCE_DIR "/tests/hostile/make_hostile_packages.py"), packages});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        MainWindow window;
        window.openPackage(packages + u"/dotdot-path.zip"_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QCOMPARE(window.warningsPanel()->warningCount(), 1);
        const QString out = m_dir.filePath(u"hostile-slim.zip"_s);
        window.exportSlimZip(out);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(u"escapes the extraction folder"_s), 20000);
        QVERIFY(!QFile::exists(out));
        // Excluded, the entry no longer blocks the export.
        window.session()->excludeMatching(GlobPattern(u"../../etc/cron.d/evil"_s));
        window.exportSlimZip(out);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(u"exactly as predicted"_s), 20000);
        // Every broken package ends in a message; the window keeps its package.
        window.session()->clearExclusions();  // nothing to keep: no question
        const PackagePtr shown = window.session()->package(0);
        for (const char *broken : {"truncated-in-central-directory.zip", "multi-disk.zip", "empty-file.zip",
                                   "end-offset-outside.zip", "truncated.tar.gz"}) {
            window.openPackage(packages + u'/' + QLatin1StringView(broken));
            QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), 20000);
            QVERIFY2(window.errorText().contains(QLatin1StringView(broken)), qPrintable(window.errorText()));
            QCOMPARE(window.session()->package(0), shown);
        }
    }

    // A package on show, another being read: Cancel leaves the first, and
    // the second never replaces it, even once its reader has finished.
    void cancelKeepsWhatWasShown()
    {
        MainWindow window;
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        const PackagePtr shown = window.session()->package(0);
        const QString other = makeZip(m_dir.path(), u"other.zip"_s);
        window.openPackage(other);
        QVERIFY(window.loader()->isBusy());
        window.loader()->cancel();
        QVERIFY(!window.loader()->isBusy());
        QVERIFY(QThreadPool::globalInstance()->waitForDone(20000));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(window.session()->package(0), shown);
        QCOMPARE(window.session()->package(0)->path, m_zip);
    }

    void undoAndRedoFromTheEditMenu()
    {
        MainWindow window;
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QAction *undo = findAction(window, u"Undo"_s);
        QAction *redo = findAction(window, u"Redo"_s);
        QVERIFY(undo && redo);
        QVERIFY(!undo->isEnabled());
        const PackageTree &tree = window.session()->package(0)->tree;
        NodeId model = 0;
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            model = tree.path(id) == u"model"_s ? id : model;
        window.treeView()->selectRefs({{0, model}});
        findAction(window, u"Exclude Selection"_s)->trigger();
        QCOMPARE(window.gauges()->gauge(u"zipped-direct-upload"_s)->zone(), LimitGauge::Zone::Ok);
        QVERIFY(undo->isEnabled());
        // The Edit menu names the edit when it opens.
        QMenu *edit = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            edit = menu->menu()->actions().contains(undo) ? menu->menu() : edit;
        QVERIFY(edit);
        Q_EMIT edit->aboutToShow();
        QCOMPARE(undo->text().remove(u'&'), u"Undo Exclude model"_s);
        undo->trigger();
        QCOMPARE(window.gauges()->gauge(u"zipped-direct-upload"_s)->zone(), LimitGauge::Zone::Over);
        redo->trigger();
        QCOMPARE(window.gauges()->gauge(u"zipped-direct-upload"_s)->zone(), LimitGauge::Zone::Ok);
    }

    void exportsTheSlimZipItPredicted()
    {
        MainWindow window;
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        window.session()->excludeMatching(GlobPattern(u"node_modules/**/index.js"_s));
        const std::uint64_t predicted = window.session()->measures().functionZipped;
        const QString out = m_dir.filePath(u"exported.zip"_s);
        window.exportSlimZip(out);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(u"exported.zip"_s), 20000);
        QVERIFY2(window.errorText().contains(u"exactly as predicted"_s), qPrintable(window.errorText()));
        QCOMPARE(std::uint64_t(QFileInfo(out).size()), predicted);
        // The same exclusions for the packager.
        PatternsDialog patterns(*window.session());
        patterns.setFormat(PackagerPatterns::Format::Globs);
        // Excluded by a glob: the glob itself says it, for the next build too.
        QCOMPARE(patterns.text(), u"node_modules/**/index.js\n"_s);
        patterns.setFormat(PackagerPatterns::Format::ZipCommand);
        QCOMPARE(patterns.text(), u"zip -r 'function.zip' . -x 'node_modules/*/index.js'\n"_s);
        // Over the input: refused, said so, the input intact.
        const QByteArray before = fixtures::sha256(m_zip);
        window.exportSlimZip(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(u"refusing"_s), 20000);
        QCOMPARE(fixtures::sha256(m_zip), before);
    }

    void scenariosSaveAndReopen()
    {
        const QString scenario = m_dir.filePath(u"what-if.packscope.json"_s);
        std::uint64_t zipped = 0;
        {
            MainWindow window;
            window.openPackage(m_zip);
            QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
            QVERIFY(window.session()->excludeMatching(GlobPattern(u"model/"_s)) == 1);
            zipped = window.session()->measures().functionZipped;
            QVERIFY(window.saveScenario(scenario));
        }
        MainWindow window;
        window.openScenario(scenario);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction() && !window.session()->excludedItems().empty(), 20000);
        QCOMPARE(window.session()->measures().functionZipped, zipped);
        QVERIFY2(window.errorText().contains(u"Scenario applied: 1 exclusions."_s), qPrintable(window.errorText()));
        QVERIFY(window.session()->canUndo());
    }

    void layersAreTheirOwnBranches()
    {
        MainWindow window;
        window.openPackage(m_zip, {m_zip});
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->layerCount() == 1, 20000);
        QCOMPARE(window.treeView()->model()->rowCount(), 2);
        const std::uint64_t two = window.gauges()->gauge(u"unzipped-total"_s)->result().value;
        QCOMPARE(two, 2 * window.session()->package(0)->tree.node(0).totals.unzipped);
        window.addLayer(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->layerCount() == 2, 20000);
        QCOMPARE(window.gauges()->gauge(u"layer-count"_s)->result().value, 2u);
        window.session()->removeLayer(0);
        QCOMPARE(window.treeView()->model()->rowCount(), 2);
    }

    // Opening another package while exclusions exist asks first: Cancel keeps
    // everything, Keep as Scenario saves them, Discard drops them. Adding a
    // layer is an undoable step that keeps the history.
    void workIsNeverLostWithoutAWord()
    {
        MainWindow window;
        window.show();
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        const NodeId weights = fixtures::nodeAt(window.session()->package(0)->tree, u"model/weights.bin"_s);
        QVERIFY(window.session()->exclude(0, weights));

        window.addLayer(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->layerCount() == 1, 20000);
        QVERIFY(window.session()->isExcluded({0, weights}));
        window.session()->undo();  // the layer
        QCOMPARE(window.session()->layerCount(), 0);
        QVERIFY(window.session()->canUndo());  // the exclusion before it
        QVERIFY(window.session()->isExcluded({0, weights}));

        const PackagePtr before = window.session()->package(0);
        answerQuestion(u"Cancel"_s);
        window.openPackage(m_zip);
        QVERIFY(!window.loader()->isBusy());
        QCOMPARE(window.session()->package(0), before);
        QVERIFY(window.session()->isExcluded({0, weights}));

        const QString scenario = m_dir.filePath(u"kept.packscope.json"_s);
        answerQuestion(u"Keep as Scenario"_s, scenario);
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->package(0) != before, 20000);
        QVERIFY(!window.session()->hasExclusions());
        QString error;
        const std::optional<Scenario> saved = Scenario::load(scenario, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->excluded.size(), std::size_t(1));

        QVERIFY(window.session()->exclude(0, weights));
        const PackagePtr second = window.session()->package(0);
        answerQuestion(u"Discard"_s);
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->package(0) != second, 20000);
        QVERIFY(!window.session()->hasExclusions());

        // Closing the window asks too; Cancel keeps it open.
        QVERIFY(window.session()->exclude(0, weights));
        answerQuestion(u"Cancel"_s);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        // Once saved as a scenario, nothing is lost: no question.
        QVERIFY(window.saveScenario(m_dir.filePath(u"closing.packscope.json"_s)));
        QVERIFY(window.close());
        window.show();
        // A change after the save asks again; Discard closes.
        QVERIFY(window.session()->exclude(0, fixtures::nodeAt(window.session()->package(0)->tree, u"handler.py"_s)));
        answerQuestion(u"Discard"_s);
        QVERIFY(window.close());
    }

    // The filter says what it matches, counted as the CLI counts; Exclude
    // All Matches excludes it as one step, as the glob; the Excluded panel
    // then counts exactly what `audit --exclude GLOB` reports.
    void theFilterCountsItsMatchesAndExcludesThem()
    {
        MainWindow window;
        window.show();
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QLineEdit *filter = nullptr;
        for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
            if (edit->accessibleName() == u"Filter"_s)
                filter = edit;
        }
        QVERIFY(filter);
        auto *matches = window.findChild<QLabel *>(u"filterMatches"_s);
        QVERIFY(matches);
        QAction *excludeMatches = findAction(window, u"Exclude All Matches"_s);
        QVERIFY(excludeMatches);
        QVERIFY(!excludeMatches->isEnabled());

        const auto cli = fixtures::run(fixtures::cliPath(), {u"audit"_s, m_zip, u"--exclude"_s, u"*.js"_s,
                                                             u"--format"_s, u"json"_s});
        const QJsonObject function = QJsonDocument::fromJson(cli.out)[u"packages"_s][0].toObject();
        const qint64 files = function[u"excluded_files"_s].toInteger();
        QCOMPARE(files, 40);
        const auto unzipped = std::uint64_t(function[u"excluded_unzipped_bytes"_s].toInteger());
        const auto zipped = std::uint64_t(function[u"excluded_zipped_bytes"_s].toInteger());

        filter->setText(u"*.js"_s);
        const QString expected = u"40 files, %1 (%2 zipped) match"_s.arg(formatMiB(unzipped), formatMiB(zipped));
        QTRY_COMPARE_WITH_TIMEOUT(matches->toolTip(), expected, 5000);
        QVERIFY(excludeMatches->isEnabled());
        excludeMatches->trigger();
        QCOMPARE(window.session()->excludedTotals().files, std::uint32_t(files));
        QCOMPARE(window.session()->excludedTotals().footprint, zipped);
        QVERIFY2(window.exclusionPanel()->totalText().startsWith(u"40 files excluded"_s),
                 qPrintable(window.exclusionPanel()->totalText()));
        QCOMPARE(window.session()->exclusionReason(window.session()->excludedItems().front()), Session::globReason(u"*.js"_s));
        QTRY_COMPARE_WITH_TIMEOUT(matches->toolTip(), u"Nothing kept matches"_s, 5000);
        QVERIFY(!excludeMatches->isEnabled());
        window.session()->undo();  // one step
        QVERIFY(!window.session()->hasExclusions());
    }

    void welcomePageUntilAPackageIsOpen()
    {
        MainWindow window;
        auto *pages = window.findChild<QStackedWidget *>();
        QVERIFY(pages);
        QVERIFY(qobject_cast<WelcomePage *>(pages->currentWidget()));
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QVERIFY(!qobject_cast<WelcomePage *>(pages->currentWidget()));
    }

    // One exclusion in the window: every view (gauges, tree, treemap and its
    // culprits, Excluded panel, filter count) shows it from one Evaluation.
    void oneEvaluationPerEdit()
    {
        MainWindow window;
        window.show();
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.treemap()->isUpToDate(), 20000);
        QCoreApplication::processEvents();
        const NodeId weights = fixtures::nodeAt(window.session()->package(0)->tree, u"model/weights.bin"_s);
        const int before = window.session()->evaluationsMade();
        QVERIFY(window.session()->exclude(0, weights));
        for (int i = 0; i < 10; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(20);
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.treemap()->isUpToDate(), 20000);
        QCOMPARE(window.session()->evaluationsMade(), before + 1);
        const Evaluation &shown = window.session()->evaluation();
        QCOMPARE(window.gauges()->gauge(u"zipped-direct-upload"_s)->result().value, shown.measures.functionZipped);
    }

    void everyActionIsReachableFromTheKeyboard()
    {
        MainWindow window;
        window.show();
        window.openPackage(m_zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        // Every menu has a mnemonic, every item in it a mnemonic or a shortcut.
        QCOMPARE(window.menuBar()->actions().size(), 4);  // File, Edit, View, Help
        for (QAction *top : window.menuBar()->actions()) {
            QVERIFY2(top->text().contains(u'&'), qPrintable(top->text()));
            QMenu *menu = top->menu();
            QVERIFY(menu);
            for (QAction *action : menu->actions()) {
                if (action->isSeparator() || action->menu())
                    continue;
                QVERIFY2(action->text().contains(u'&') || !action->shortcut().isEmpty(),
                         qPrintable(top->text() + u" → "_s + action->text()));
            }
        }
        // Every view takes the keyboard focus, and what a drag does a key does.
        const QList<QWidget *> views{window.treeView(), window.treemap(), window.dependencyList()->list(),
                                     window.exclusionPanel()->list(), window.suggestionsPanel()->list(),
                                     window.warningsPanel()->list()};
        for (QWidget *view : views)
            QVERIFY2(view->focusPolicy() & Qt::TabFocus, view->metaObject()->className());
        const NodeRef first{0, window.session()->package(0)->tree.children(0).front()};
        window.treemap()->setFocus();
        window.treemap()->setSelected(first);
        QTest::keyClick(window.treemap(), Qt::Key_Delete);
        QVERIFY(window.session()->isExcluded(first));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!window.session()->isExcluded(first));
    }

    void limitsHelpComesFromTheProfile()
    {
        MainWindow window;
        window.openPackage(m_zip, {m_zip});
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->layerCount() == 1, 20000);
        const QString html = LimitsHelpDialog::html(*window.session());
        for (const LimitRule &rule : window.session()->profile().limits) {
            QVERIFY(html.contains(rule.title.toHtmlEscaped()));
            if (!rule.errorText.isEmpty())
                QVERIFY(html.contains(rule.errorText.toHtmlEscaped()));
        }
        QVERIFY(html.contains(u"52,428,800 bytes"_s));
        QVERIFY(html.contains(u"262,144,000 bytes"_s));
        // With a layer: the function's remaining budget, as AWS quotes it.
        QVERIFY(html.contains(formatBytes(window.session()->functionUnzippedBudget())));
    }

    void theZerosDemoFailsOnlyTheUnzippedLimit()
    {
        QTemporaryDir folder;
        QString error;
        const QString demo = DemoPackage::ensure(folder.path(), &error, DemoPackage::Demo::Zeros);
        QVERIFY2(!demo.isEmpty(), qPrintable(error));
        QVERIFY(QFileInfo(demo).size() < 1024 * 1024);
        const LoadResult loaded = PackageReader::read(demo);
        QVERIFY(loaded.ok());
        Session session;
        session.setFunction(loaded.package);
        QVERIFY(fixtures::resultFor(session.evaluate(), u"zipped-direct-upload"_s).pass);
        const LimitResult unzipped = fixtures::resultFor(session.evaluate(), u"unzipped-total"_s);
        QVERIFY(!unzipped.pass);
        QVERIFY(unzipped.value > 350'000'000u);
    }

    void theDemoTellsTheStory()
    {
        QTemporaryDir folder;
        QString error;
        const QString demo = DemoPackage::ensure(folder.path(), &error);
        QVERIFY2(!demo.isEmpty(), qPrintable(error));
        // Written once: a second call reuses it.
        const QDateTime written = QFileInfo(demo).lastModified();
        QCOMPARE(DemoPackage::ensure(folder.path(), &error), demo);
        QCOMPARE(QFileInfo(demo).lastModified(), written);

        MainWindow window;
        window.openPackage(demo);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 30000);
        const auto results = window.session()->evaluate();
        for (const LimitResult &r : results) {
            if (r.rule.id == u"zipped-direct-upload"_s) {
                QVERIFY(!r.pass);  // ~120 MiB zipped
                QVERIFY(r.value > 100 * 1024 * 1024);
            }
            if (r.rule.id == u"unzipped-total"_s)
                QVERIFY(r.pass);
        }
        QStringList names;
        const PackageTree &tree = window.session()->package(0)->tree;
        for (NodeId id = 1; id < tree.nodeCount(); ++id)
            names << tree.path(id);
        QVERIFY(names.contains(u"classify_image.py"_s));
        QVERIFY(names.contains(u"classify_image_graph_def.pb"_s));
        QVERIFY(names.contains(u"MachineLearning-Bundle.zip"_s));
    }

private:
    QTemporaryDir m_dir;
    QString m_zip;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
