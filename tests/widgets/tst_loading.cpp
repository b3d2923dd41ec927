// Reading a package the user waits for: the window says how far it is (bytes
// of the file, entries read and estimated) with a bar that fills, and Cancel
// stops the reader itself, not just the wait. A package that changes on disk
// after it was read is caught at the next read, never half-exported.
#include "Fixtures.h"

#include "DependencyList.h"
#include "MainWindow.h"
#include "SuggestionsPanel.h"
#include "PackageLoader.h"

#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

QString statusText(MainWindow &window)
{
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(u"Reading"_s))
            return label->text();
    }
    return {};
}

} // namespace

class TestLoading : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_tarGz;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // 120 MB in 600 files that do not compress: seconds to read and
        // estimate on any machine, so the progress can be seen on its way.
        m_tarGz = fixtures::pythonFile(m_dir.filePath(u"big.tar.gz"_s), uR"(
import io, random, sys, tarfile
r = random.Random(3)
with tarfile.open(sys.argv[1], 'w:gz', compresslevel=1) as t:
    for i in range(600):
        data = r.randbytes(200 * 1000)
        info = tarfile.TarInfo('node_modules/pkg%d/blob%03d.bin' % (i % 40, i))
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
)"_s);
    }

    void aLongLoadShowsHowFarItIs()
    {
        MainWindow window;
        window.show();
        auto *bar = window.statusBar()->findChild<QProgressBar *>();
        QVERIFY(bar);
        window.openPackage(m_tarGz);
        QVERIFY(window.loader()->isBusy());
        // The bar turns determinate and fills; the line says it in words.
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() == 1000 && bar->value() > 0 && bar->value() < 1000, 20000);
        const QString text = statusText(window);
        QVERIFY2(text.contains(u"big.tar.gz"_s) && text.contains(u" %"_s) && text.contains(u" MiB of "_s)
                     && text.contains(u"of about"_s),
                 qPrintable(text));
        const int seen = bar->value();
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > seen || !window.loader()->isBusy(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 60000);
        QVERIFY(bar->isHidden());
        QCOMPARE(window.session()->package(0)->tree.node(0).totals.files, 600u);
    }

    // A package given at start (the command line) is being read before the
    // window is built, and the window says so once it is.
    void aPackageGivenAtStartIsReadWhileTheWindowIsBuilt()
    {
        MainWindow window({m_tarGz, {}});
        QVERIFY(window.loader()->isBusy());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(statusText(window).contains(u"big.tar.gz"_s) || window.session()->hasFunction(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 60000);
        QCOMPARE(window.session()->package(0)->path, m_tarGz);
        QCOMPARE(window.session()->package(0)->tree.node(0).totals.files, 600u);
    }

    // Cancel goes back at once, and the reader stops working soon after.
    void cancelStopsTheReader()
    {
        MainWindow window;
        window.show();
        auto *bar = window.statusBar()->findChild<QProgressBar *>();
        window.openPackage(m_tarGz);
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() == 1000 && bar->value() > 0, 20000);
        QPushButton *cancel = nullptr;
        for (QPushButton *b : window.statusBar()->findChildren<QPushButton *>()) {
            if (b->text() == u"Cancel"_s)
                cancel = b;
        }
        QVERIFY(cancel && cancel->isVisible());
        cancel->click();
        QVERIFY(!window.loader()->isBusy());
        QVERIFY(!window.session()->hasFunction());
        QElapsedTimer stopping;
        stopping.start();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        // Far less than the rest of the read would take (seconds).
        QVERIFY2(stopping.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(stopping.elapsed())));
    }

    // The build rewrites the package while it is open: every later read of
    // it (here the export) says so and writes nothing; reopening mends it.
    void aPackageChangedUnderTheWindow()
    {
        const QString zip = m_dir.filePath(u"changing.zip"_s);
        const QString make = uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for i in range(int(sys.argv[2])):
        z.writestr('lib/file%03d.js' % i, 'module.exports = %d;\n' % i * 400)
)"_s;
        fixtures::python(make, {zip, u"50"_s});
        MainWindow window;
        window.show();
        window.openPackage(zip);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasFunction(), 20000);
        QVERIFY(window.session()->excludeMatching(GlobPattern(u"lib/file00*.js"_s)) > 0);
        const QString out = m_dir.filePath(u"out/slim.zip"_s);
        QVERIFY(QDir().mkpath(QFileInfo(out).path()));
        const QString changed = zip + u" changed on disk since it was opened: reopen it"_s;

        // Replaced by a new build (a new file renamed over it).
        fixtures::python(make, {zip + u".new"_s, u"60"_s});
        QVERIFY(::rename(QFile::encodeName(zip + u".new"_s).constData(), QFile::encodeName(zip).constData()) == 0);
        window.exportSlimZip(out);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(changed), 20000);
        QCOMPARE(QDir(QFileInfo(out).path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

        // Truncated where it lies.
        QVERIFY(::truncate(QFile::encodeName(zip).constData(), 1000) == 0);
        window.exportSlimZip(out);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(changed) && !window.errorText().contains(u"exactly"_s),
                                 20000);
        QCOMPARE(QDir(QFileInfo(out).path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

        // Rebuilt and reopened, it exports again.
        fixtures::python(make, {zip, u"50"_s});
        window.session()->clearExclusions();
        window.openPackage(zip);
        QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), 20000);
        window.exportSlimZip(out);
        QTRY_VERIFY_WITH_TIMEOUT(window.errorText().contains(u"exactly as predicted"_s), 20000);
        QVERIFY(QFile::exists(out));
    }

    // Read for the first time after the package changed (the Packages and
    // Suggestions tabs read contents when first shown): each says so rather
    // than showing an empty list as if there were nothing.
    void panelsReadingAChangedPackageSaySo()
    {
        const QString zip = fixtures::pythonFile(m_dir.filePath(u"deps.zip"_s), uR"(
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('index.js', 'x' * 1000)
    z.writestr('node_modules/left-pad/package.json', json.dumps({'name': 'left-pad', 'version': '1.3.0'}))
    z.writestr('node_modules/left-pad/index.js', 'y' * 5000)
    z.writestr('node_modules/sharp/build/sharp.node', b'\xcf\xfa\xed\xfe' + bytes(40000))
)"_s);
        MainWindow window;
        window.show();
        window.openPackage(zip);
        QTRY_VERIFY2_WITH_TIMEOUT(window.session()->hasFunction(), qPrintable(window.errorText()), 20000);
        QVERIFY(::truncate(QFile::encodeName(zip).constData(), 100) == 0);
        const QString changed = zip + u" changed on disk since it was opened: reopen it"_s;
        auto *dependencies = window.dependencyList();
        qobject_cast<QTabWidget *>(dependencies->parentWidget()->parentWidget())->setCurrentWidget(dependencies);
        QTRY_VERIFY_WITH_TIMEOUT(dependencies->summaryText().contains(changed), 20000);
        auto *suggestions = window.suggestionsPanel();
        qobject_cast<QTabWidget *>(suggestions->parentWidget()->parentWidget())->setCurrentWidget(suggestions);
        QTRY_VERIFY_WITH_TIMEOUT(suggestions->summaryText().contains(changed.toHtmlEscaped()), 20000);
    }
};

QTEST_MAIN(TestLoading)
#include "tst_loading.moc"
