#pragma once

#include "PackageLoader.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace packscope {

class AnalysisPanes;
class JobRunner;

class CompositionChart;
class ExclusionPanel;
class SuggestionsPanel;
class WarningsPanel;
class DependencyList;
class FilterBar;
class PresentationMode;
class GaugePanel;
class LoadStatusLine;
class ScenarioDocument;
class MessageBar;
class PackageTreeView;
class RecentFiles;
class Session;
class TreemapBreadcrumb;
class TreemapWidget;
class WelcomePage;

// The Packscope window: limit gauges across the top, the package tree and
// the treemap side by side, the Excluded panel and the composition chart on
// the right. Owns the session every view observes, the loader, the actions
// (menus, toolbar, shortcuts) and the window's settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // What the window opens as it starts (a package given on the command line).
    struct Opening {
        QString package;
        QStringList layers;
    };
    explicit MainWindow(const Opening &opening = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    PackageLoader *loader() const { return m_loader; }
    TreemapWidget *treemap() const;
    PackageTreeView *treeView() const;
    GaugePanel *gauges() const { return m_gauges; }
    ExclusionPanel *exclusionPanel() const;
    CompositionChart *chart() const;
    SuggestionsPanel *suggestionsPanel() const;
    WarningsPanel *warningsPanel() const;
    DependencyList *dependencyList() const;
    // The message shown after a failed load (empty when none).
    QString errorText() const;

    // Opens a function package (and its layers) in the background; the
    // current package stays until the new one is read.
    void openPackage(const QString &path, const QStringList &layers = {});
    void addLayer(const QString &path);
    void openDemo(int demo = 0);  // DemoPackage::Demo
    void setPresentationMode(bool on);
    bool isPresentationMode() const;
    // Writes the function package without its excluded items, in the
    // background; the outcome appears in the message bar.
    void exportSlimZip(const QString &path);
    // Saves the what-if as a scenario file; opens one (its packages, then its exclusions).
    bool saveScenario(const QString &path);
    void openScenario(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum LoadTag { LoadFunction, LoadLayer };

    void createActions();
    void createMenus();
    void createCentralArea();
    void restoreSettings();
    void saveSettings() const;

    void onSessionChanged();
    void onLoaded(const PackageLoader::Results &results, int tag);
    void onLoadStarted(const QString &what);
    void onLoadStopped();
    void chooseExportFile();
    void updateRecentMenu();
    void nameUndoActions();
    void updateLayerMenu();
    void chooseFile();
    // Clears the last error and reads; startReading() only reads (the
    // constructor's, before there is a message bar).
    void startLoading(const QString &path, const QStringList &layers);
    void startReading(const QString &path, const QStringList &layers);
    void chooseLayer();
    void setDark(bool dark);

    Session *m_session;
    JobRunner *m_jobs;  // everything slow: loads, facts, layouts
    PackageLoader *m_loader;
    RecentFiles *m_recent;

    GaugePanel *m_gauges = nullptr;
    FilterBar *m_filterBar = nullptr;
    PresentationMode *m_presentation = nullptr;
    AnalysisPanes *m_panes = nullptr;  // tree, treemap and side panels
    MessageBar *m_messages = nullptr;
    bool m_exporting = false;
    bool m_splitterSized = false;  // restored from settings, or set on first show
    LoadStatusLine *m_statusLine = nullptr;
    ScenarioDocument *m_scenario = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_addLayerAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_patternsAction = nullptr;
    QAction *m_saveScenarioAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_excludeAction = nullptr;
    QAction *m_restoreAllAction = nullptr;
    QAction *m_unzippedAction = nullptr;
    QAction *m_zippedAction = nullptr;
    QAction *m_cushionAction = nullptr;
    QAction *m_darkAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_zerosDemoAction = nullptr;
    QAction *m_toolbarAction = nullptr;
    QToolBar *m_toolBar = nullptr;
    // The window as it was before presentation mode, which is what gets saved:
    // a restart never comes back full screen or without menus and toolbar.
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_removeLayerMenu = nullptr;
};

} // namespace packscope
