// Reading a package the user waits for: the window says how far it is (bytes
// of the file, entries read and estimated) with a bar that fills, and Cancel
// stops the reader itself, not just the wait.
#include "Fixtures.h"

#include "MainWindow.h"
#include "PackageLoader.h"

#include "session/Session.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

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
};

QTEST_MAIN(TestLoading)
#include "tst_loading.moc"
