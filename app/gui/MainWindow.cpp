#include "MainWindow.h"
#include "AnalysisPanes.h"

#include "AppPalette.h"
#include "LimitsHelpDialog.h"
#include "LoadStatusLine.h"
#include "FilterBar.h"
#include "PatternsDialog.h"
#include "PresentationMode.h"
#include "RecentFiles.h"
#include "ScenarioDocument.h"

#include "GaugePanel.h"
#include "MessageBar.h"
#include "PackageTreeView.h"
#include "WarningsPanel.h"
#include "TreemapWidget.h"
#include "WelcomePage.h"

#include "demo/DemoPackage.h"
#include "jobs/JobRunner.h"
#include "readers/PackageReader.h"
#include "report/SizeFormat.h"
#include "session/Session.h"
#include "slim/SlimZipWriter.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QScreen>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace packscope {

MainWindow::MainWindow(const Opening &opening, QWidget *parent)
    : QMainWindow(parent), m_session(new Session(this)), m_jobs(new JobRunner(JobRunner::Mode::Background, this)),
      m_loader(new PackageLoader(m_jobs, this)),
      m_recent(new RecentFiles(this))
{
    // Reading starts before the widgets are built, so that the two overlap
    // where there is a core to spare.
    if (!opening.package.isEmpty())
        startReading(opening.package, opening.layers);
    setWindowTitle(tr("Packscope"));
    setAcceptDrops(true);
    createActions();
    createCentralArea();
    createMenus();
    connect(m_session, &Session::packagesChanged, this, &MainWindow::updateLayerMenu);
    connect(m_session, &Session::changed, this, &MainWindow::onSessionChanged);
    connect(m_loader, &PackageLoader::finished, this, &MainWindow::onLoaded);
    connect(m_loader, &PackageLoader::started, this, &MainWindow::onLoadStarted);
    connect(m_loader, &PackageLoader::cancelled, this, &MainWindow::onLoadStopped);
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    restoreSettings();
    updateRecentMenu();
    updateLayerMenu();
    onSessionChanged();
    if (m_loader->isBusy())
        onLoadStarted(m_loader->loadingNames());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(tr("&Open Package…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a zip, jar, wheel, tar or 7z package, or a folder"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseFile);

    m_addLayerAction = new QAction(tr("Add &Layer…"), this);
    m_addLayerAction->setShortcut(tr("Ctrl+L"));
    connect(m_addLayerAction, &QAction::triggered, this, &MainWindow::chooseLayer);

    m_exportAction = new QAction(tr("&Export Slim Zip…"), this);
    m_exportAction->setShortcut(tr("Ctrl+E"));
    m_exportAction->setToolTip(tr("Write the package without the excluded items, exactly the size the gauges show"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::chooseExportFile);

    m_patternsAction = new QAction(tr("Packager &Patterns…"), this);
    m_patternsAction->setToolTip(tr("The exclusions for Serverless, CDK, a zip command line or as globs"));
    connect(m_patternsAction, &QAction::triggered, this, [this] {
        PatternsDialog dialog(*m_session, this);
        dialog.exec();
    });

    m_saveScenarioAction = new QAction(tr("&Save Scenario…"), this);
    m_saveScenarioAction->setShortcut(QKeySequence::Save);
    m_saveScenarioAction->setToolTip(tr("Save the packages and exclusions, to reopen them or check them in CI"));
    connect(m_saveScenarioAction, &QAction::triggered, this, [this] {
        const QString path = m_scenario->chooseFile();
        if (!path.isEmpty())
            saveScenario(path);
    });

    m_demoAction = new QAction(tr("Open &Demo: Model Bundle"), this);
    connect(m_demoAction, &QAction::triggered, this, [this] { openDemo(int(DemoPackage::Demo::ModelBundle)); });
    m_zerosDemoAction = new QAction(tr("Open Demo: 350 MB of &Zeros"), this);
    connect(m_zerosDemoAction, &QAction::triggered, this, [this] { openDemo(int(DemoPackage::Demo::Zeros)); });

    m_presentation = new PresentationMode(this, [this](bool on) { m_panes->setTreemapOnly(on); });

    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setToolTip(tr("Undo the last what-if change (Ctrl+Z)"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, m_session, &Session::undo);
    m_redoAction = new QAction(tr("&Redo"), this);
    m_redoAction->setToolTip(tr("Redo the change undone last (Ctrl+Shift+Z)"));
    // Ctrl+Shift+Z everywhere, plus the platform's own redo key when it differs.
    QList<QKeySequence> redoKeys{QKeySequence(tr("Ctrl+Shift+Z"))};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    m_redoAction->setShortcuts(redoKeys);
    connect(m_redoAction, &QAction::triggered, m_session, &Session::redo);

    m_excludeAction = new QAction(tr("&Exclude Selection"), this);
    m_excludeAction->setToolTip(tr("Exclude the selected items (Delete in the tree or the treemap)"));
    connect(m_excludeAction, &QAction::triggered, this, [this] {
        m_session->exclude(m_panes->tree()->selectedRefs());
    });
    m_filterBar = new FilterBar(m_session, this);
    m_restoreAllAction = new QAction(tr("Restore &All"), this);
    connect(m_restoreAllAction, &QAction::triggered, m_session, &Session::clearExclusions);

    auto *modes = new QActionGroup(this);
    m_unzippedAction = new QAction(tr("Size by &Unzipped Bytes"), modes);
    m_unzippedAction->setCheckable(true);
    m_unzippedAction->setShortcut(tr("Ctrl+1"));
    m_unzippedAction->setToolTip(tr("Tiles sized by uncompressed bytes: the 250 MiB limit"));
    m_zippedAction = new QAction(tr("Size by &Zipped Bytes"), modes);
    m_zippedAction->setCheckable(true);
    m_zippedAction->setShortcut(tr("Ctrl+2"));
    m_zippedAction->setToolTip(tr("Tiles sized by their bytes in the zip: the 50 MiB limit"));
    m_unzippedAction->setChecked(true);
    connect(modes, &QActionGroup::triggered, this, [this](QAction *action) {
        m_panes->treemap()->setSizeMode(action == m_zippedAction ? SizeMode::Zipped : SizeMode::Unzipped);
    });

    m_cushionAction = new QAction(tr("&Cushion Shading"), this);
    m_cushionAction->setCheckable(true);
    m_cushionAction->setChecked(true);
    connect(m_cushionAction, &QAction::toggled, this, [this](bool on) { m_panes->treemap()->setCushions(on); });

    m_darkAction = new QAction(tr("&Dark Palette"), this);
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, this, &MainWindow::setDark);

    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(tr("Ctrl+Up"));
}

void MainWindow::createMenus()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolbarAction = m_toolBar->toggleViewAction();
    m_toolbarAction->setText(tr("&Toolbar"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(tr("Open S&cenario…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"),
                                                          QSettings().value(u"lastFolder"_s).toString(),
                                                          tr("Packscope scenarios (*.packscope.json)"));
        if (!path.isEmpty())
            openScenario(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_saveScenarioAction);
    file->addAction(m_exportAction);
    file->addAction(m_patternsAction);
    file->addSeparator();
    file->addAction(m_addLayerAction);
    m_removeLayerMenu = file->addMenu(tr("Remo&ve Layer"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // The entries name the edit they undo or redo. They are renamed when the
    // menu opens, not on every edit: a changed action relays out the toolbar.
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::nameUndoActions);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_excludeAction);
    edit->addAction(m_filterBar->excludeMatchesAction());
    edit->addAction(m_restoreAllAction);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Filter…"), m_filterBar, &FilterBar::focusFilter);
    find->setShortcut(QKeySequence::Find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_unzippedAction);
    view->addAction(m_zippedAction);
    view->addSeparator();
    view->addAction(m_zoomOutAction);
    view->addAction(m_cushionAction);
    view->addAction(m_darkAction);
    view->addSeparator();
    view->addAction(m_toolbarAction);
    view->addAction(m_presentation->toggleAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *limits = help->addAction(tr("&Lambda Limits"), this, [this] {
        LimitsHelpDialog dialog(*m_session, this);
        dialog.exec();
    });
    limits->setShortcut(QKeySequence(Qt::Key_F1));
    help->addSeparator();
    help->addAction(m_demoAction);
    help->addAction(m_zerosDemoAction);
    help->addSeparator();
    help->addAction(tr("&About Packscope"), this, [this] {
        QMessageBox::about(this, tr("About Packscope"),
                           tr("<b>Packscope %1</b><p>See what makes an AWS Lambda deployment package too big, "
                              "and what can go so that it fits.</p>")
                               .arg(QString::fromLatin1(PACKSCOPE_VERSION)));
    });

    QToolBar *bar = m_toolBar;
    bar->addAction(m_openAction);
    bar->addAction(m_addLayerAction);
    bar->addSeparator();
    // Fixed toolbar labels: the menu entries name the edit, and a toolbar
    // that changed width on every edit would relayout the whole window.
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    m_unzippedAction->setIconText(tr("Unzipped"));
    m_zippedAction->setIconText(tr("Zipped"));
    bar->addAction(m_unzippedAction);
    bar->addAction(m_zippedAction);
    bar->addSeparator();
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_filterBar);
    bar->addAction(m_filterBar->excludeMatchesAction());
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 4, 6, 0);
    layout->setSpacing(4);

    layout->addWidget(m_presentation->createExitBar(central));

    m_messages = new MessageBar(central);
    layout->addWidget(m_messages);

    m_gauges = new GaugePanel(m_session, central);
    layout->addWidget(m_gauges);


    m_panes = new AnalysisPanes(m_session, m_jobs, central);
    layout->addWidget(m_panes, 1);
    connect(m_filterBar, &FilterBar::filterChanged, m_panes, &AnalysisPanes::setFilter);
    connect(m_panes, &AnalysisPanes::filterHidesItems, m_filterBar, &FilterBar::clear);

    // Before a package is open: the welcome page.
    m_welcome = new WelcomePage(this);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseFile);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentRequested, this, [this](const QString &path) { openPackage(path); });
    m_pages = new QStackedWidget(this);
    m_presentation->setScaledWidget(m_pages);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(central);
    setCentralWidget(m_pages);

    m_statusLine = new LoadStatusLine(m_loader, this);
    statusBar()->addWidget(m_statusLine, 1);
    m_scenario = new ScenarioDocument(m_session, m_messages, this);

    connect(m_zoomOutAction, &QAction::triggered, m_panes->treemap(), &TreemapWidget::zoomOut);
    connect(m_gauges, &GaugePanel::culpritsActivated, m_panes, &AnalysisPanes::showItems);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        // First run: as large as the layout likes, within the screen.
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1560, 940);
        resize(std::min(1560, screen.width()), std::min(940, screen.height()));
        move(screen.topLeft());
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    // Whatever was saved, a window starts with its menus and toolbar and not
    // full screen (settings of older versions were saved in presentation mode).
    m_toolBar->setVisible(true);
    menuBar()->setVisible(true);
    if (isFullScreen())
        showNormal();
    m_splitterSized = m_panes->restoreState(settings.value(u"window/mainSplitter"_s).toByteArray());
    m_panes->sideSplitter()->restoreState(settings.value(u"window/sideSplitter"_s).toByteArray());
    const bool zipped = settings.value(u"view/sizeMode"_s).toString() == u"zipped"_s;
    (zipped ? m_zippedAction : m_unzippedAction)->setChecked(true);
    m_panes->treemap()->setSizeMode(zipped ? SizeMode::Zipped : SizeMode::Unzipped);
    m_cushionAction->setChecked(settings.value(u"view/cushions"_s, true).toBool());
    m_darkAction->setChecked(settings.value(u"view/dark"_s, false).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, m_presentation->normalGeometry());
    settings.setValue(u"window/state"_s, m_presentation->normalState());
    settings.setValue(u"window/mainSplitter"_s, m_panes->saveState());
    settings.setValue(u"window/sideSplitter"_s, m_panes->sideSplitter()->saveState());
    settings.setValue(u"view/sizeMode"_s, m_zippedAction->isChecked() ? u"zipped"_s : u"unzipped"_s);
    settings.setValue(u"view/cushions"_s, m_cushionAction->isChecked());
    settings.setValue(u"view/dark"_s, m_darkAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_scenario->mayDropExclusions(ScenarioDocument::DropCause::Closing)) {
        event->ignore();
        return;
    }
    saveSettings();
    m_loader->cancel();
    event->accept();
}

void MainWindow::setDark(bool dark)
{
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        applyAppPalette(*app, dark);
}

TreemapWidget *MainWindow::treemap() const
{
    return m_panes->treemap();
}

PackageTreeView *MainWindow::treeView() const
{
    return m_panes->tree();
}

ExclusionPanel *MainWindow::exclusionPanel() const
{
    return m_panes->exclusionPanel();
}

SuggestionsPanel *MainWindow::suggestionsPanel() const
{
    return m_panes->suggestionsPanel();
}

WarningsPanel *MainWindow::warningsPanel() const
{
    return m_panes->warningsPanel();
}

CompositionChart *MainWindow::chart() const
{
    return m_panes->chart();
}

DependencyList *MainWindow::dependencyList() const
{
    return m_panes->dependencyList();
}

QString MainWindow::errorText() const
{
    return m_messages->message();
}

void MainWindow::chooseExportFile()
{
    if (!m_session->hasFunction())
        return;
    const QFileInfo input(m_session->package(0)->path);
    const QString suggested = input.absolutePath() + u'/' + input.completeBaseName() + u"-slim.zip"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Slim Zip"), suggested, tr("Zip files (*.zip)"));
    if (!path.isEmpty())
        exportSlimZip(path);
}

void MainWindow::exportSlimZip(const QString &path)
{
    if (!m_session->hasFunction() || m_exporting)
        return;
    m_exporting = true;
    m_exportAction->setEnabled(false);
    m_statusLine->showText(tr("Writing %1…").arg(path));
    // The job works on its own copy of the exclusions: editing may go on.
    const PackagePtr package = m_session->package(0);
    const ExclusionSet exclusions = m_session->exclusions(0);
    // Its own kind: a load or a layout never cancels a zip half written.
    m_jobs->run<SlimResult>(
        u"export"_s, this,
        [package, exclusions, path](const JobControl &) { return SlimZipWriter::write(*package, exclusions, path); },
        [this](SlimResult r) {
            m_exporting = false;
            m_exportAction->setEnabled(m_session->hasFunction());
            onSessionChanged();
            if (!r.ok()) {
                m_messages->showError(tr("Could not export the slim zip. %1").arg(r.error));
                return;
            }
            const QString size = formatMiBAndBytes(r.writtenBytes);
            m_messages->showNotice(r.predictionEstimated
                           ? tr("Wrote %1: %2 (the estimate was %3); %4 entries, every one checked.")
                                 .arg(r.outputPath, size, formatMiBAndBytes(r.predictedBytes))
                                 .arg(r.keptEntries)
                           : tr("Wrote %1: %2, exactly as predicted; %3 entries, every one checked.")
                                 .arg(r.outputPath, size)
                                 .arg(r.keptEntries));
        });
}

bool MainWindow::saveScenario(const QString &path)
{
    return m_scenario->save(path);
}

void MainWindow::openScenario(const QString &path)
{
    if (!m_scenario->mayDropExclusions())
        return;
    if (const auto packages = m_scenario->open(path))
        startLoading(packages->function, packages->layers);
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Package"), QSettings().value(u"lastFolder"_s).toString(),
        tr("Packages (*.zip *.jar *.whl *.war *.tar *.tgz *.tar.gz *.tar.xz *.tar.bz2 *.tar.zst *.7z);;All files (*)"));
    if (!path.isEmpty())
        openPackage(path);
}

void MainWindow::chooseLayer()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Add Layer"), QSettings().value(u"lastFolder"_s).toString(),
        tr("Packages (*.zip *.jar *.whl *.tar *.tgz *.tar.gz *.tar.xz *.7z);;All files (*)"));
    if (!path.isEmpty())
        addLayer(path);
}

void MainWindow::openPackage(const QString &path, const QStringList &layers)
{
    if (m_scenario->mayDropExclusions())
        startLoading(path, layers);
}

void MainWindow::startLoading(const QString &path, const QStringList &layers)
{
    m_messages->showError({});
    startReading(path, layers);
}

void MainWindow::startReading(const QString &path, const QStringList &layers)
{
    QSettings().setValue(u"lastFolder"_s, QFileInfo(path).absolutePath());
    m_loader->load(QStringList{path} + layers, LoadFunction);
}

void MainWindow::addLayer(const QString &path)
{
    if (!m_session->hasFunction()) {
        m_messages->showError(tr("Open the function's package before adding layers."));
        return;
    }
    m_messages->showError({});
    m_loader->load({path}, LoadLayer);
}

void MainWindow::openDemo(int demo)
{
    if (!m_scenario->mayDropExclusions())
        return;
    m_messages->showError({});
    const auto which = DemoPackage::Demo(demo);
    m_loader->run([which](const JobControl &control) {
        QString error;
        const QString path = DemoPackage::ensure(DemoPackage::defaultFolder(), &error, which);
        PackageLoader::Results results;
        results.push_back(path.isEmpty() ? LoadResult::failure(tr("Demo package"), error)
                                            : PackageReader::read(path, control.sink()));
        return results;
    }, LoadFunction);
    onLoadStarted(which == DemoPackage::Demo::Zeros ? tr("the demo package (350 MB of zeros, written once)")
                                                    : tr("the demo package (written once, ~125 MB)"));
}

void MainWindow::onLoadStarted(const QString &what)
{
    m_statusLine->showLoading(what);
}

void MainWindow::onLoadStopped()
{
    m_statusLine->stopLoading();
    onSessionChanged();
}

void MainWindow::onLoaded(const PackageLoader::Results &results, int tag)
{
    onLoadStopped();
    QStringList errors;
    for (const LoadResult &result : results) {
        if (!result.ok())
            errors << result.error;
    }
    if (tag == LoadFunction) {
        if (results.empty() || !results.front().ok()) {
            m_scenario->dropPending();
            // The package on show stays; the message says what went wrong.
            m_messages->showError(tr("Could not open the package. %1").arg(errors.join(u' ')));
            return;
        }
        std::vector<PackagePtr> layers;
        for (std::size_t i = 1; i < results.size(); ++i) {
            if (results[i].ok())
                layers.push_back(results[i].package);
        }
        m_session->open(results.front().package, std::move(layers));
        m_recent->add(results.front().package->path);
        if (m_scenario->applyPending())
            return;
    } else {
        for (const LoadResult &result : results) {
            if (result.ok())
                m_session->addLayer(result.package);
        }
    }
    m_messages->showError(errors.isEmpty() ? QString() : tr("Some layers could not be read. %1").arg(errors.join(u' ')));
}

void MainWindow::onSessionChanged()
{
    m_undoAction->setEnabled(m_session->canUndo());
    m_redoAction->setEnabled(m_session->canRedo());
    m_restoreAllAction->setEnabled(m_session->hasExclusions());
    m_addLayerAction->setEnabled(m_session->hasFunction());
    m_exportAction->setEnabled(m_session->hasFunction() && !m_exporting);
    m_patternsAction->setEnabled(m_session->hasFunction());
    m_saveScenarioAction->setEnabled(m_session->hasFunction());

    m_pages->setCurrentIndex(m_session->hasFunction() ? 1 : 0);
    if (m_session->hasFunction() && !m_splitterSized) {
        // First run: tree, treemap and side panels in proportion to the
        // window, once the splitter is on show with its real width.
        m_splitterSized = true;
        QTimer::singleShot(0, this, [this] {
            const int w = m_panes->width();
            m_panes->setSizes({w * 38 / 100, w * 38 / 100, w * 24 / 100});
            const int h = m_panes->sideSplitter()->height();
            m_panes->sideSplitter()->setSizes({h / 2, h / 2});
        });
    }
    setWindowTitle(m_session->hasFunction()
                       ? tr("%1 — Packscope").arg(QFileInfo(m_session->package(0)->path).fileName())
                       : tr("Packscope"));
    m_statusLine->showSession(*m_session, m_panes->warningsPanel()->warningCount());
}

void MainWindow::nameUndoActions()
{
    m_undoAction->setText(m_session->canUndo() ? tr("&Undo %1").arg(m_session->undoLabel()) : tr("&Undo"));
    m_redoAction->setText(m_session->canRedo() ? tr("&Redo %1").arg(m_session->redoLabel()) : tr("&Redo"));
}

bool MainWindow::isPresentationMode() const
{
    return m_presentation->isOn();
}

void MainWindow::setPresentationMode(bool on)
{
    m_presentation->setOn(on);
}

void MainWindow::updateRecentMenu()
{
    m_welcome->setRecentFiles(m_recent->paths());
    m_recentMenu->clear();
    for (const QString &path : m_recent->paths())
        m_recentMenu->addAction(path, this, [this, path] { openPackage(path); });
    if (!m_recent->paths().isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), m_recent, &RecentFiles::clear);
    }
    m_recentMenu->setEnabled(!m_recent->paths().isEmpty());
}

void MainWindow::updateLayerMenu()
{
    m_removeLayerMenu->clear();
    for (int i = 0; i < m_session->layerCount(); ++i) {
        const QString name = QFileInfo(m_session->package(i + 1)->path).fileName();
        m_removeLayerMenu->addAction(tr("Layer %1: %2").arg(i + 1).arg(name), this,
                                     [this, i] { m_session->removeLayer(i); });
    }
    m_removeLayerMenu->setEnabled(m_session->layerCount() > 0);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty()
        && event->mimeData()->urls().front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    // Dropped with a package open and Shift held: add as a layer.
    if (m_session->hasFunction() && (event->modifiers() & Qt::ShiftModifier))
        addLayer(urls.front().toLocalFile());
    else
        openPackage(urls.front().toLocalFile());
}

} // namespace packscope
