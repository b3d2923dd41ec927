// tar.*, 7z and folder packages: exact unzipped sizes, zipped size labelled as
// an estimate and close to what `zip -r` really writes.
#include "Fixtures.h"

#include "readers/PackageReader.h"

#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;

class TestArchiveReader : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString tree() const { return m_dir.filePath(u"tree"_s); }
    qint64 m_realZipSize = 0;
    SizeTotals m_folderTotals;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        fixtures::writeSampleTree(tree(), true);
        // A bigger compressible file so the estimate is tested at scale.
        QByteArray js;
        for (int i = 0; i < 60000; ++i)
            js += "function f" + QByteArray::number(i) + "(a, b) { return a * " + QByteArray::number(i % 97) + " + b; }\n";
        fixtures::writeFile(tree() + u"/node_modules/lib/index.js"_s, js);
        if (!fixtures::requireTool(u"zip"_s))
            return;
        const QString zip = m_dir.filePath(u"real.zip"_s);
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qry"_s, zip, u"."_s}, tree()).exitCode, 0);
        m_realZipSize = QFileInfo(zip).size();
    }

    void folder()
    {
        const LoadResult loaded = PackageReader::read(tree());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const Package &p = *loaded.package;
        QCOMPARE(p.format, PackageFormat::Directory);
        QVERIFY(p.zippedEstimated);
        m_folderTotals = p.tree.node(0).totals;
        QCOMPARE(m_folderTotals.symlinks, 1u);
        // Same entries as the real zip of the folder (zip -y keeps the symlink).
        const QJsonObject facts = fixtures::zipfileFacts(m_dir.filePath(u"real.zip"_s));
        QCOMPARE(qint64(m_folderTotals.files), facts[u"files"_s].toInteger());
        QCOMPARE(qint64(m_folderTotals.dirs), facts[u"dirs"_s].toInteger());
        QCOMPARE(qint64(m_folderTotals.unzipped), facts[u"unzipped"_s].toInteger());
        // The estimate is close to the real zip: within 1 %.
        const double error = std::abs(double(p.zippedBytes()) - double(m_realZipSize)) / double(m_realZipSize);
        QVERIFY2(error < 0.01, qPrintable(u"estimate %1 vs real %2"_s.arg(p.zippedBytes()).arg(m_realZipSize)));
        QVERIFY(std::any_of(p.warnings.begin(), p.warnings.end(),
                            [](const PackageWarning &w) { return w.code == u"symlink"; }));
    }

    void archives_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("format");
        QTest::addRow("tar") << u"p.tar"_s << u"tar -cf ../p.tar ."_s << int(PackageFormat::Tar);
        QTest::addRow("tar.gz") << u"p.tar.gz"_s << u"tar -czf ../p.tar.gz ."_s << int(PackageFormat::Tar);
        QTest::addRow("tgz") << u"p.tgz"_s << u"tar -czf ../p.tgz ."_s << int(PackageFormat::Tar);
        QTest::addRow("tar.xz") << u"p.tar.xz"_s << u"tar -cJf ../p.tar.xz ."_s << int(PackageFormat::Tar);
        QTest::addRow("tar.bz2") << u"p.tar.bz2"_s << u"tar -cjf ../p.tar.bz2 ."_s << int(PackageFormat::Tar);
        QTest::addRow("tar.zst") << u"p.tar.zst"_s << u"tar --zstd -cf ../p.tar.zst ."_s << int(PackageFormat::Tar);
        QTest::addRow("7z") << u"p.7z"_s << u"7z a ../p.7z . > /dev/null"_s << int(PackageFormat::SevenZip);
    }

    void archives()
    {
        QFETCH(QString, name);
        QFETCH(QString, command);
        QFETCH(int, format);
        const QString path = m_dir.filePath(name);
        const auto r = fixtures::run(u"bash"_s, {u"-c"_s, command}, tree());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const LoadResult loaded = PackageReader::read(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const Package &p = *loaded.package;
        QCOMPARE(int(p.format), format);
        QVERIFY(p.zippedEstimated);
        const SizeTotals &t = p.tree.node(0).totals;
        QCOMPARE(t.unzipped, m_folderTotals.unzipped);
        QCOMPARE(t.files, m_folderTotals.files);
        QCOMPARE(t.symlinks, m_folderTotals.symlinks);
        const double error = std::abs(double(p.zippedBytes()) - double(m_realZipSize)) / double(m_realZipSize);
        QVERIFY2(error < 0.01, qPrintable(u"estimate %1 vs real %2"_s.arg(p.zippedBytes()).arg(m_realZipSize)));
    }

    // A tar.gz reports how far it is, by bytes of the file, to the end; a
    // false from the sink stops the read at once.
    void archiveProgressAndCancel()
    {
        const QString path = m_dir.filePath(u"progress.tar.gz"_s);
        const auto r = fixtures::run(u"bash"_s, {u"-c"_s, u"tar -czf ../progress.tar.gz ."_s}, tree());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto size = std::uint64_t(QFileInfo(path).size());
        std::vector<LoadProgress> heard;
        const LoadResult loaded = PackageReader::read(path, [&heard](const LoadProgress &p) {
            heard.push_back(p);
            return true;
        });
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QVERIFY(heard.size() >= loaded.package->tree.node(0).totals.files);
        for (std::size_t i = 1; i < heard.size(); ++i) {
            QVERIFY(heard[i].bytesRead >= heard[i - 1].bytesRead);
            QVERIFY(heard[i].entries >= heard[i - 1].entries);
            QCOMPARE(heard[i].bytesTotal, size);
        }
        QVERIFY(heard.back().bytesRead > size / 2 && heard.back().bytesRead <= size);
        // Every entry of the tar, as tar lists them.
        const auto listed = fixtures::run(u"tar"_s, {u"-tzf"_s, path});
        QCOMPARE(heard.back().entries, std::uint64_t(listed.out.count('\n')));

        int calls = 0;
        const LoadResult stopped = PackageReader::read(path, [&calls](const LoadProgress &) { return ++calls < 3; });
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error, path + u": cancelled"_s);
        QCOMPARE(calls, 3);
    }

    void folderProgressAndCancel()
    {
        std::uint64_t last = 0;
        const LoadResult loaded = PackageReader::read(tree(), [&last](const LoadProgress &p) {
            last = p.entries;
            return p.bytesTotal == 0;  // a folder's total is not known ahead
        });
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const SizeTotals &t = loaded.package->tree.node(0).totals;
        QCOMPARE(last, std::uint64_t(t.files + t.dirs + t.symlinks - 1));  // the root is no entry
        int calls = 0;
        const LoadResult stopped = PackageReader::read(tree(), [&calls](const LoadProgress &) { return ++calls < 2; });
        QCOMPARE(stopped.error, tree() + u": cancelled"_s);
    }

    // Deflating for the estimate has threads of its own: a read that holds
    // the only thread of the global pool (the app reads there) still ends.
    // On the global pool this waited for work queued behind itself.
    void estimatesNeverWaitOnTheirOwnPool()
    {
        const QString path = m_dir.filePath(u"pool.tar.gz"_s);
        const auto r = fixtures::run(u"bash"_s, {u"-c"_s, u"tar -czf ../pool.tar.gz ."_s}, tree());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QThreadPool *global = QThreadPool::globalInstance();
        const int threads = global->maxThreadCount();
        global->setMaxThreadCount(1);
        QFuture<LoadResult> first = QtConcurrent::run([path] { return PackageReader::read(path); });
        QFuture<LoadResult> second = QtConcurrent::run([path] { return PackageReader::read(path); });
        const bool done = global->waitForDone(60000);
        global->setMaxThreadCount(threads);
        QVERIFY2(done, "the reads never finished: deadlock");
        QVERIFY2(first.result().ok(), qPrintable(first.result().error));
        QCOMPARE(first.result().package->zippedBytes(), second.result().package->zippedBytes());
    }

    void progressEstimatesTheEntries()
    {
        QCOMPARE((LoadProgress{500, 1000, 40}.estimatedEntries()), std::uint64_t(80));
        QCOMPARE((LoadProgress{1000, 1000, 40}.estimatedEntries()), std::uint64_t(40));
        QCOMPARE((LoadProgress{0, 1000, 0}.estimatedEntries()), std::uint64_t(0));
        QCOMPARE((LoadProgress{500, 0, 40}.estimatedEntries()), std::uint64_t(0));
        QCOMPARE((LoadProgress{500, 1000, 40}.permille()), 500);
        QCOMPARE((LoadProgress{500, 0, 40}.permille()), 0);
    }

    void notAPackage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::addRow("empty") << u"empty.zip"_s << QByteArray() << u"empty file"_s;
        QTest::addRow("text") << u"notes.txt"_s << QByteArray("just some text\n") << u"not a package"_s;
        QTest::addRow("random zip name") << u"random.zip"_s << QByteArray(3000, '\x5a') << u"not a zip archive"_s;
        QTest::addRow("truncated zip") << u"trunc.zip"_s << QByteArray("PK\x03\x04\x14\x00\x00\x00", 8)
                                       << u"no end-of-central-directory record"_s;
    }

    void notAPackage()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QString path = m_dir.filePath(name);
        fixtures::writeFile(path, content);
        const LoadResult loaded = PackageReader::read(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error.startsWith(path + u": "_s), qPrintable(loaded.error));
        QVERIFY2(loaded.error.contains(reason), qPrintable(loaded.error));
        QVERIFY(!loaded.error.contains(u'\n'));
    }
};

QTEST_GUILESS_MAIN(TestArchiveReader)
#include "tst_archivereader.moc"
