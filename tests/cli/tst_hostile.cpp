// Hostile and broken packages through packscope-cli, end to end: every one
// ends in exit 0/1 with the right warning codes, or exit 2 with one line that
// names the file and the reason; none is modified, `slim` never writes an
// entry whose name escapes the extraction folder, and the check of written
// zips reads each one without leaving it. The packages come from
// tests/hostile/make_hostile_packages.py, which breaks one thing per file.
#include "Fixtures.h"
#include "FuzzedPackage.h"
#include "readers/ZipPackageReader.h"
#include "slim/ZipVerifier.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

fixtures::ToolRun cli(const QStringList &arguments, const QString &workingDir)
{
    return fixtures::run(fixtures::cliPath(), arguments, workingDir);
}

QStringList warningCodes(const QJsonObject &report)
{
    QStringList codes;
    for (const QJsonValue &w : report[u"warnings"_s].toArray())
        codes << w[u"code"_s].toString();
    return codes;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_packages;
    QMap<QString, QByteArray> m_hashes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_packages = m_dir.filePath(u"hostile"_s);
        const auto made = fixtures::run(u"python3"_s, {QStringLiteral(PACKSCOPE_SOURCE_DIR "/tests/hostile/make_hostile_packages.py"),
                                                       m_packages, u"--large"_s});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        for (const QString &name : QDir(m_packages).entryList(QDir::Files))
            m_hashes[name] = fixtures::sha256(m_packages + u'/' + name);
        QVERIFY(m_hashes.size() > 30);
    }

    // Readable packages: exit 0 or 1 (the limits decide) and the warnings
    // that name what is odd.
    void readable_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("files");
        QTest::addColumn<QStringList>("codes");
        auto row = [](const char *file, int exitCode, int files, QStringList codes) {
            QTest::newRow(file) << QString::fromLatin1(file) << exitCode << files << codes;
        };
        row("good.zip", 0, 3, {});
        row("valid-empty.zip", 0, 0, {u"empty-package"_s});
        row("end-count-lies.zip", 0, 3, {u"entry-count-mismatch"_s});
        row("size-ffffffff-without-zip64.zip", 1, 1, {u"zip64-missing"_s, u"local-header-mismatch"_s});
        row("sizes-past-2-63.zip", 1, 3, {u"size-overflow"_s});
        row("shared-local-header.zip", 0, 2, {u"overlapping-entries"_s});
        row("compressed-near-2-64.zip", 0, 1, {u"overlapping-entries"_s});
        row("overlapping-local-records.zip", 0, 2, {u"overlapping-entries"_s});
        row("local-crc-differs.zip", 0, 1, {u"local-header-mismatch"_s});
        row("local-name-differs.zip", 0, 1, {u"local-header-mismatch"_s});
        row("local-signature-missing.zip", 0, 1, {u"bad-local-header"_s});
        row("encrypted.zip", 0, 2, {u"encrypted"_s});
        row("dotdot-path.zip", 0, 2, {u"unsafe-path"_s});
        row("absolute-path.zip", 0, 1, {u"unsafe-path"_s});
        row("drive-letter.zip", 0, 1, {u"unsafe-path"_s});
        row("nul-in-name.zip", 0, 1, {u"unsafe-path"_s});
        row("backslash-path.zip", 0, 1, {u"backslash-path"_s});
        row("invalid-utf8-name.zip", 0, 1, {u"invalid-utf8"_s});
        row("duplicate-names.zip", 0, 2, {u"duplicate-name"_s});
        row("symlink-outside.zip", 0, 3, {u"symlink"_s, u"symlink-escapes"_s});
        row("nested-zip.zip", 0, 2, {});  // the inner zip is one file, not expanded
        row("hostile.tar.gz", 0, 4, {u"unsafe-path"_s, u"symlink-escapes"_s});
        row("zeros-1gb.zip", 1, 1, {});
        row("entries-200k.zip", 0, 200000, {});
    }

    void readable()
    {
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        QFETCH(int, files);
        QFETCH(QStringList, codes);
        const auto r = cli({u"audit"_s, file, u"--format"_s, u"json"_s}, m_packages);
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        // Odd names (NUL, backslash, invalid UTF-8) come out escaped exactly
        // as QJsonDocument escapes them.
        QCOMPARE(r.out, QJsonDocument(report).toJson(QJsonDocument::Indented));
        const QJsonObject package = report[u"packages"_s][0].toObject();
        QCOMPARE(package[u"files"_s].toInt(), files);
        const QStringList found = warningCodes(report);
        for (const QString &code : codes)
            QVERIFY2(found.contains(code), qPrintable(code + u" not in "_s + found.join(u", "_s)));
        if (codes.isEmpty()) {
            // Python's zipfile writes mode 0600 by default, which is worth a warning.
            QStringList unexpected = found;
            unexpected.removeAll(u"not-world-readable"_s);
            QVERIFY2(unexpected.isEmpty(), qPrintable(u"unexpected warnings: "_s + unexpected.join(u", "_s)));
        }
    }

    void verifierStaysInsideEveryHostileZip()
    {
        // The check every written zip gets, run on the hostile ones: it must
        // fail cleanly, never read outside the file (a compressed size near
        // 2^64 once wrapped its bounds check).
        const QStringList large = {u"zeros-1gb.zip"_s, u"entries-200k.zip"_s};
        int verified = 0;
        for (const QString &name : QDir(m_packages).entryList({u"*.zip"_s}, QDir::Files)) {
            if (large.contains(name))
                continue;
            QFile file(m_packages + u'/' + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            if (file.size() == 0)
                continue;
            const uchar *data = file.map(0, file.size());
            QVERIFY(data);
            const packscope::ZipVerification v = packscope::ZipVerifier::verify(data, std::uint64_t(file.size()), 0);
            if (name == u"compressed-near-2-64.zip")
                QVERIFY2(v.error.contains(u"runs into the central directory"_s), qPrintable(v.error));
            ++verified;
        }
        QVERIFY(verified > 25);
    }

    void oneAndTwoThreadsReadEveryZipAlike()
    {
        // A large central directory is walked by two threads, a small one by
        // one: what the reader makes of a zip must not depend on which.
        using packscope::ZipPackageReader;
        int compared = 0;
        for (const QString &name : QDir(m_packages).entryList({u"*.zip"_s}, QDir::Files)) {
            const QString path = m_packages + u'/' + name;
            const QByteArray one = describeRead(ZipPackageReader::read(path, ZipPackageReader::Threads::One));
            const QByteArray two = describeRead(ZipPackageReader::read(path, ZipPackageReader::Threads::Two));
            QVERIFY2(one == two, qPrintable(name));
            ++compared;
        }
        QVERIFY(compared > 25);
    }

    void sizesComeFromHeaders()
    {
        // Counted from the headers: 10^9 bytes declared, never inflated; three
        // entries of 2^62 bytes capped rather than wrapped around.
        auto unzipped = [&](const QString &file) {
            const auto r = cli({u"audit"_s, file, u"--format"_s, u"json"_s}, m_packages);
            return QJsonDocument::fromJson(r.out).object()[u"packages"_s][0][u"unzipped_bytes"_s].toDouble();
        };
        QCOMPARE(unzipped(u"zeros-1gb.zip"_s), 1e9);
        QCOMPARE(unzipped(u"size-ffffffff-without-zip64.zip"_s), 4294967295.0);
        QVERIFY(unzipped(u"sizes-past-2-63.zip"_s) >= std::ldexp(1.0, 60));
    }

    // Unreadable packages: exit 2, nothing on stdout, one line naming the file
    // and the reason.
    void invalid_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        auto row = [](const char *file, const QString &reason) {
            QTest::newRow(file) << QString::fromLatin1(file) << reason;
        };
        row("empty-file.zip", u"empty file"_s);
        row("random-bytes.zip", u"not a zip archive"_s);
        row("truncated-in-data.zip", u"no end-of-central-directory record"_s);
        row("truncated-at-central-directory.zip", u"no end-of-central-directory record"_s);
        row("truncated-in-central-directory.zip", u"no end-of-central-directory record"_s);
        row("truncated-in-end-record.zip", u"no end-of-central-directory record"_s);
        row("truncated-last-byte.zip", u"no end-of-central-directory record"_s);
        row("corrupted-central-record.zip", u"central directory record 2"_s);
        row("end-offset-outside.zip", u"central directory offset"_s);
        row("end-size-outside.zip", u"central directory size"_s);
        row("multi-disk.zip", u"multi-disk (split or spanned) zip archives are not supported"_s);
        row("truncated.tar.gz", u"truncated gzip input"_s);
    }

    void invalid()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const auto r = cli({u"audit"_s, file, u"--format"_s, u"json"_s}, m_packages);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.contains(u'\n'), qPrintable(err));
        QVERIFY2(err.contains(file + u": "_s), qPrintable(err));
        QVERIFY2(err.contains(reason), qPrintable(err));
    }

    void damagedZipsSayWhatIsRecoverable()
    {
        const auto r = cli({u"audit"_s, u"truncated-in-central-directory.zip"_s}, m_packages);
        QVERIFY2(r.err.contains("a scan of local headers recovers 4 entries"), r.err.constData());
    }

    // The export refuses a kept entry whose name escapes, leaves no file
    // behind, and writes once the entry is excluded.
    void slimRefusesEscapingNames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("exclude");
        QTest::newRow("dotdot") << u"dotdot-path.zip"_s << QStringList{u"../../etc/cron.d/evil"_s};
        QTest::newRow("absolute") << u"absolute-path.zip"_s << QStringList{u"etc/passwd"_s};
        QTest::newRow("tar") << u"hostile.tar.gz"_s << QStringList{u"../evil.sh"_s, u"abs.txt"_s, u"shadow"_s};
        // A link out of the package: a later entry written through it would land anywhere.
        QTest::newRow("symlink") << u"symlink-outside.zip"_s << QStringList{u"passwd"_s};
    }

    void slimRefusesEscapingNames()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, exclude);
        const QString out = m_dir.filePath(u"slim-"_s + file + u".zip"_s);
        const auto refused = cli({u"slim"_s, file, u"-o"_s, out}, m_packages);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("escapes the extraction folder") || refused.err.contains("points outside the package"),
                 refused.err.constData());
        QVERIFY(!QFile::exists(out));
        QVERIFY(QDir(m_dir.path()).entryList({QFileInfo(out).fileName() + u'*'}, QDir::Files | QDir::Hidden).isEmpty());

        QStringList arguments{u"slim"_s, file, u"-o"_s, out};
        for (const QString &glob : exclude)
            arguments << u"--exclude"_s << glob;
        const auto written = cli(arguments, m_packages);
        QVERIFY2(written.exitCode == 0, written.err.constData());
        const auto listing = fixtures::run(u"unzip"_s, {u"-Z1"_s, out});
        QVERIFY(!listing.out.contains(".."));
        QVERIFY(!listing.out.startsWith('/'));
    }

    void slimOfABrokenZipLeavesNothing()
    {
        const QString out = m_dir.filePath(u"from-broken.zip"_s);
        const auto r = cli({u"slim"_s, u"shared-local-header.zip"_s, u"-o"_s, out}, m_packages);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("shared-local-header.zip"), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void cleanupTestCase()
    {
        // Reading never modifies a package.
        for (auto it = m_hashes.cbegin(); it != m_hashes.cend(); ++it)
            QCOMPARE(fixtures::sha256(m_packages + u'/' + it.key()), it.value());
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
