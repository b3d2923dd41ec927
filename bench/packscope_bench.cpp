// packscope-bench: measures the budgets of DESIGN.md and prints them. Not a
// test: it asserts nothing about time, it reports. Usage:
//   packscope-bench [--entries N] [--runs N] [--gui-entries N]
// The GUI measurements run on the offscreen platform unless one is set.
#include "CompositionChart.h"
#include "MainWindow.h"
#include "PackageLoader.h"
#include "jobs/JobRunner.h"
#include "TreemapWidget.h"

#include "readers/PackageReader.h"
#include "session/Session.h"
#include "treemap/TreemapLayout.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

struct ProcessRun {
    double seconds = 0;
    double markerSeconds = -1;  // when the marker appeared on stderr; -1: never
    long maxRssKiB = 0;
    int exitCode = -1;
};

// Runs a command with output discarded; wall time and the child's peak RSS.
// With a marker, stderr is read and the time the marker appears on it is
// taken too: a point in the run, from spawning the process.
ProcessRun runProcess(const QStringList &command, const QByteArray &stderrMarker = {})
{
    std::vector<QByteArray> storage;
    std::vector<char *> argv;
    for (const QString &arg : command)
        storage.push_back(arg.toLocal8Bit());
    for (QByteArray &arg : storage)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    int pipeFds[2] = {-1, -1};
    if (stderrMarker.isEmpty() || pipe2(pipeFds, O_CLOEXEC) != 0) {
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    } else {
        posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 2);
    }
    ProcessRun run;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const bool spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0;
    if (pipeFds[1] >= 0)
        close(pipeFds[1]);
    if (pipeFds[0] >= 0) {
        QByteArray seen;
        char buffer[4096];
        ssize_t got = 0;
        while (spawned && (got = read(pipeFds[0], buffer, sizeof buffer)) > 0) {
            seen.append(buffer, got);
            if (run.markerSeconds < 0 && seen.contains(stderrMarker))
                run.markerSeconds = double(timer.nsecsElapsed()) / 1e9;
        }
        close(pipeFds[0]);
    }
    if (!spawned)
        return run;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.maxRssKiB = usage.ru_maxrss;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return run;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// How the test zip orders its entries. Zip tools (zip -r, bsdtar, jar,
// Python's shutil) write a tree folder by folder; the interleaved order sends
// every entry to another folder than the last, the worst case for the tree
// build's folder lookup.
enum class EntryOrder { FolderByFolder, Interleaved };

bool makeZip(const QString &path, int entries, EntryOrder order = EntryOrder::Interleaved)
{
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, uR"(
import sys, zipfile
n = int(sys.argv[2])
names = ['node_modules/pkg%d/lib/sub%d/file%06d.js' % (i % 700, i % 13, i) for i in range(n)]
if sys.argv[3] == 'sorted':
    names.sort()
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for i, name in enumerate(names):
        z.writestr(name, b'module.exports = %d;\n' % i * (1 + i % 5))
)"_s, path, QString::number(entries), order == EntryOrder::FolderByFolder ? u"sorted"_s : u"interleaved"_s});
    return python.waitForFinished(-1) && python.exitCode() == 0;
}

// packscope-cli audit --format json against zipinfo -t on one zip, runs
// alternating so both see the same machine; prints both and the ratio.
bool compareWithZipinfo(const QString &zip, const char *label, int runs)
{
    const QString cli = QCoreApplication::applicationDirPath() + u"/../app/packscope-cli"_s;
    std::vector<double> cliTimes, zipinfoTimes;
    long cliRss = 0;
    const bool haveZipinfo = !QStandardPaths::findExecutable(u"zipinfo"_s).isEmpty();
    for (int i = 0; i < runs; ++i) {
        const ProcessRun c = runProcess({cli, u"audit"_s, zip, u"--format"_s, u"json"_s});
        if (c.exitCode != 0 && c.exitCode != 1) {
            std::fprintf(stderr, "packscope-bench: packscope-cli failed (exit %d)\n", c.exitCode);
            return false;
        }
        cliTimes.push_back(c.seconds);
        cliRss = std::max(cliRss, c.maxRssKiB);
        if (haveZipinfo)
            zipinfoTimes.push_back(runProcess({u"zipinfo"_s, u"-t"_s, zip}).seconds);
    }
    const double cliMs = median(cliTimes) * 1000, zipinfoMs = median(zipinfoTimes) * 1000;
    std::printf("%s\n", label);
    std::printf("%-52s %9.1f ms\n", "  packscope-cli audit --format json (whole process)", cliMs);
    if (haveZipinfo)
        std::printf("%-52s %9.1f ms   ratio %.2fx (budget 3x)\n", "  zipinfo -t (whole process)", zipinfoMs,
                    cliMs / zipinfoMs);
    std::printf("%-52s %9.1f MiB  (budget 64 MiB)\n", "  packscope-cli peak RSS", double(cliRss) / 1024.0);
    return true;
}

// A tar.gz of the same files as `makeZip` writes, with Python's tarfile.
bool makeTarGz(const QString &path, int entries)
{
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, uR"(
import io, sys, tarfile
n = int(sys.argv[2])
with tarfile.open(sys.argv[1], 'w:gz') as t:
    for i in range(n):
        data = b'module.exports = %d;\n' % i * (1 + i % 5)
        info = tarfile.TarInfo('node_modules/pkg%d/lib/sub%d/file%06d.js' % (i % 700, i % 13, i))
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
)"_s, path, QString::number(entries)});
    return python.waitForFinished(-1) && python.exitCode() == 0;
}

// packscope-cli diff of two zips against auditing each of them (the
// budget: at most twice the two audits together); medians, runs alternating.
bool compareDiffWithAudits(const QString &base, const QString &head, int runs)
{
    const QString cli = QCoreApplication::applicationDirPath() + u"/../app/packscope-cli"_s;
    std::vector<double> diffs, audits;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun d = runProcess({cli, u"diff"_s, base, head, u"--format"_s, u"json"_s});
        const ProcessRun a = runProcess({cli, u"audit"_s, base, u"--format"_s, u"json"_s});
        const ProcessRun b = runProcess({cli, u"audit"_s, head, u"--format"_s, u"json"_s});
        if (d.exitCode != 0 && d.exitCode != 1) {
            std::fprintf(stderr, "packscope-bench: packscope-cli diff failed (exit %d)\n", d.exitCode);
            return false;
        }
        diffs.push_back(d.seconds * 1000);
        audits.push_back((a.seconds + b.seconds) * 1000);
    }
    std::printf("%-52s %9.1f ms\n", "packscope-cli audit of each zip, together", median(audits));
    std::printf("%-52s %9.1f ms   ratio %.2fx (budget 2x)\n", "packscope-cli diff of the two --format json", median(diffs),
                median(diffs) / median(audits));
    return true;
}

// The window from spawning the process until the package's first treemap
// is on screen (packscope --quit-after-first-paint says so on stderr; the
// window's teardown after it is not counted), against the whole of
// packscope-cli audit of the same file; medians, runs alternating.
void compareFirstPaint(const QString &package, const char *label, int runs, const char *budget)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/../app/"_s;
    std::vector<double> app, cli;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun a = runProcess({dir + u"packscope"_s, package, u"--quit-after-first-paint"_s}, "first paint");
        const ProcessRun c = runProcess({dir + u"packscope-cli"_s, u"audit"_s, package, u"--format"_s, u"json"_s});
        if (a.exitCode != 0 || a.markerSeconds < 0) {
            std::fprintf(stderr, "packscope-bench: packscope failed on %s (exit %d)\n", qPrintable(package), a.exitCode);
            return;
        }
        app.push_back(a.markerSeconds * 1000);
        cli.push_back(c.seconds * 1000);
    }
    std::printf("%s\n", label);
    std::printf("%-52s %9.1f ms   (%s)\n", "  spawn to first painted treemap", median(app), budget);
    std::printf("%-52s %9.1f ms   ratio %.2fx\n", "  packscope-cli audit (whole process)", median(cli),
                median(app) / median(cli));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption entriesOption(u"entries"_s, u"Entries in the test zip."_s, u"N"_s, u"70000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions per measurement."_s, u"N"_s, u"9"_s);
    const QCommandLineOption guiEntriesOption(u"gui-entries"_s, u"Entries of the package the window toggles on."_s,
                                              u"N"_s, u"15000"_s);
    parser.addOptions({entriesOption, runsOption, guiEntriesOption});
    parser.addHelpOption();
    parser.process(app);
    const int entries = parser.value(entriesOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int guiEntries = parser.value(guiEntriesOption).toInt();

    QTemporaryDir dir;
    const QString zip = dir.filePath(u"bench.zip"_s);
    if (!makeZip(zip, entries)) {
        std::fprintf(stderr, "packscope-bench: cannot build the test zip (python3 needed)\n");
        return 2;
    }
    const int processRuns = std::max(runs, 21);
    std::printf("Packscope benchmarks (%d-entry zip, %.1f MiB; medians of %d runs, %d for whole processes)\n\n",
                entries, double(QFileInfo(zip).size()) / 1048576.0, runs, processRuns);

    // 1. Whole-process CLI audit vs zipinfo -t on the same file, in the
    // order zip tools write and in the worst order for the tree build.
    const QString orderedZip = dir.filePath(u"ordered.zip"_s);
    if (!makeZip(orderedZip, entries, EntryOrder::FolderByFolder)) {
        std::fprintf(stderr, "packscope-bench: cannot build the test zip (python3 needed)\n");
        return 2;
    }
    if (!compareWithZipinfo(orderedZip, "Entries folder by folder, as zip tools write them:", processRuns)
        || !compareWithZipinfo(zip, "Entries interleaved across folders (worst case):", processRuns))
        return 2;
    // The same files in two orders: every file is matched and compared.
    if (!compareDiffWithAudits(orderedZip, zip, runs))
        return 2;
    std::printf("\n");

    // 2. In-process: read, memory per entry.
    LoadResult loaded;
    std::vector<double> reads;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        loaded = PackageReader::read(zip);
        reads.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const double readMs = median(reads);
    QElapsedTimer timer;
    if (!loaded.ok()) {
        std::fprintf(stderr, "packscope-bench: %s\n", qPrintable(loaded.error));
        return 2;
    }
    const PackageTree &tree = loaded.package->tree;
    std::printf("%-52s %9.1f ms\n", "read central directory + build tree (in process)", readMs);
    std::printf("%-52s %9.1f B    (budget 300 B)\n", "tree memory per entry",
                double(tree.memoryBytes()) / double(std::max<std::size_t>(1, tree.zipLocations().size())));

    // 3. One what-if toggle: exclude a file, re-evaluate every limit (culprits included).
    Session session;
    session.setFunction(loaded.package);
    std::vector<double> toggles;
    NodeId file = 0;
    for (NodeId id = 1; id < tree.nodeCount() && !file; ++id)
        file = tree.isFolder(id) ? 0 : id;
    for (int i = 0; i < std::max(runs, 50); ++i) {
        timer.restart();
        if (i % 2 == 0)
            session.exclude(0, file);
        else
            session.restore(0, file);
        const auto &results = session.evaluation().limits;
        toggles.push_back(double(timer.nsecsElapsed()) / 1e3);
        if (results.empty())
            return 2;
    }
    std::printf("%-52s %9.1f us\n", "what-if toggle + all limits re-evaluated", median(toggles));

    // 4. Treemap layout of the whole package, as the window sizes it.
    std::vector<double> layouts;
    std::size_t tileCount = 0;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        const TreemapLayout layout = TreemapLayout::compute(session, {{0, 0}}, QRectF(0, 0, 1200, 800), {});
        layouts.push_back(double(timer.nsecsElapsed()) / 1e6);
        tileCount = layout.tiles().size();
    }
    std::printf("%-52s %9.2f ms   (%zu tiles; budget 16 ms)\n",
                qPrintable(u"treemap layout, %1 files, 1200x800"_s.arg(entries)), median(layouts), tileCount);

    // 5. One exclusion in the real window: session edit, limits and culprits,
    // gauges, tree, treemap relayout and repaint of the whole window.
    const QString guiZip = dir.filePath(u"gui.zip"_s);
    if (!makeZip(guiZip, guiEntries)) {
        std::fprintf(stderr, "packscope-bench: cannot build the GUI test zip\n");
        return 2;
    }
    LoadResult guiLoaded = PackageReader::read(guiZip);
    if (!guiLoaded.ok())
        return 2;
    MainWindow window;
    window.resize(1560, 940);
    window.show();
    window.session()->setFunction(guiLoaded.package);
    QCoreApplication::processEvents();
    window.repaint();
    const PackageTree &guiTree = guiLoaded.package->tree;
    std::vector<NodeId> folders;
    for (NodeId id : guiTree.children(guiTree.children(guiTree.root()).front()))
        folders.push_back(id);
    // One toggle as the user gets it: the edit (limits, culprits, gauges, tree
    // model and Excluded panel answer the session's signal) and the event
    // loop's next turn, which repaints every widget the edit made dirty and
    // hands the treemap's relayout and repaint to a worker. Then the time
    // until the new treemap is on screen. The chart follows on its own timer.
    std::vector<double> frames, untilShown, charts, maps;
    for (int i = 0; i < std::max(runs, 20); ++i) {
        const NodeId folder = folders[std::size_t(i / 2) % folders.size()];
        timer.restart();
        if (i % 2 == 0)
            window.session()->exclude(0, folder);
        else
            window.session()->restore(0, folder);
        QCoreApplication::processEvents();
        frames.push_back(double(timer.nsecsElapsed()) / 1e6);
        while (!window.treemap()->isUpToDate())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::processEvents();  // the paint of the new picture
        untilShown.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        window.chart()->refresh();
        charts.push_back(double(timer.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents();  // the chart's own repaint, not part of the next toggle
        timer.restart();
        window.treemap()->refreshNow();
        maps.push_back(double(timer.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents();
    }
    std::printf("%-52s %9.2f ms   (budget 16 ms)\n",
                qPrintable(u"exclusion toggle, GUI thread, %1 files"_s.arg(guiEntries)), median(frames));
    std::printf("%-52s %9.2f ms   (budget 16 ms)\n", "  until the new treemap is on screen", median(untilShown));
    std::printf("%-52s %9.2f ms\n", "  treemap relayout + repaint on the GUI thread", median(maps));
    std::printf("%-52s %9.2f ms   (120 ms after the edit)\n", "  composition chart update", median(charts));
    std::printf("\n");

    // 6. Open to first paint, whole process, on this platform.
    const int paintRuns = std::max(5, runs / 2);
    compareFirstPaint(guiZip, qPrintable(u"%1-entry zip:"_s.arg(guiEntries)), paintRuns, "budget 400 ms for 13,000");
    compareFirstPaint(zip, qPrintable(u"%1-entry zip:"_s.arg(entries)), paintRuns, "budget 600 ms");
    const QString tarGz = dir.filePath(u"gui.tar.gz"_s);
    if (!makeTarGz(tarGz, guiEntries)) {
        std::fprintf(stderr, "packscope-bench: cannot build the test tar.gz\n");
        return 2;
    }
    compareFirstPaint(tarGz, qPrintable(u"%1-entry tar.gz:"_s.arg(guiEntries)), paintRuns, "budget 1.2x the CLI audit");

    // 7. Cancel of a long load: from the click until no thread works on it.
    const QString bigTarGz = dir.filePath(u"big.tar.gz"_s);
    if (!makeTarGz(bigTarGz, entries))
        return 2;
    std::vector<double> cancels;
    for (int i = 0; i < std::max(3, runs / 3); ++i) {
        JobRunner jobs;
        PackageLoader loader(&jobs);
        loader.load({bigTarGz}, 0);
        QElapsedTimer reading;
        reading.start();
        while (reading.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        timer.restart();
        loader.cancel();
        jobs.waitForIdle();
        cancels.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("\n%-52s %9.1f ms   (budget 100 ms)\n", "cancel of a tar.gz load until its threads are idle",
                median(cancels));
    return 0;
}
