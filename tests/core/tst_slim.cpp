// Slimming: slim zips of folders and archives, the guarantees of the
// writer (never over the input, nothing left behind on failure), packager
// patterns and scenarios, end to end through packscope-cli. Byte-for-byte slim zips of every zip producer are
// checked in tst_zipreader against an independent slimmer.
#include "Fixtures.h"
#include "SyntheticPackage.h"

#include "io/FileIdentity.h"
#include "readers/EntryContents.h"
#include "readers/PackageReader.h"
#include "scenario/Scenario.h"
#include "session/Session.h"
#include "slim/PackagerPatterns.h"
#include "slim/SuggestionFinder.h"
#include "slim/SlimRules.h"
#include "slim/SlimZipWriter.h"
#include "whatif/GlobPattern.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <set>
#include <thread>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace packscope;

class TestSlim : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString makeZip(const QString &name, const QString &code) { return fixtures::pythonFile(m_dir.filePath(name), code); }
    // The function's zipped size once these globs are excluded from it.
    static std::uint64_t zippedWithout(const PackagePtr &package, const QStringList &globs)
    {
        Session session;
        session.setFunction(package);
        for (const QString &glob : globs)
            session.excludeMatching(GlobPattern(glob));
        return session.measures().functionZipped;
    }
    // The names of a zip's files (not its directories), sorted, as Python's zipfile lists them.
    static QStringList files(const QString &zip)
    {
        QStringList names;
        for (const QJsonValue &e : fixtures::zipfileFacts(zip).value(u"entries"_s).toArray()) {
            if (!e[u"is_dir"_s].toBool())
                names << e[u"name"_s].toString();
        }
        names.sort();
        return names;
    }

    // Unpacks `zip`, runs there the zip command the patterns export (writing
    // `name`.zip beside the unpacked folder) and lists that zip's files;
    // empty when a step fails. `command` gets the command line.
    QStringList rezipWithCommand(const QString &zip, const PackagerPatterns &patterns, const QString &name,
                                 QString *command)
    {
        const QString unpacked = m_dir.filePath(name + u"-unpacked"_s);
        *command = patterns.text(PackagerPatterns::Format::ZipCommand, u"../%1.zip"_s.arg(name));
        if (fixtures::run(u"unzip"_s, {u"-q"_s, zip, u"-d"_s, unpacked}).exitCode != 0
            || fixtures::run(u"bash"_s, {u"-c"_s, *command}, unpacked).exitCode != 0)
            return {};
        return files(m_dir.filePath(name + u".zip"_s));
    }

    // A zip of `files` stored (uncompressed) entries of `bytes` random bytes each.
    QString makeStoredZip(const QString &path, int files, int bytes)
    {
        return fixtures::pythonFile(path, u"import sys, zipfile, random\n"
                                          u"r = random.Random(7)\n"
                                          u"with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:\n"
                                          u"    for i in range(%1):\n"
                                          u"        z.writestr('data/part%d.bin' % i, r.randbytes(%2))\n"_s.arg(files)
                                              .arg(bytes));
    }
    // Names in `dir`, hidden ones (temporary files) included.
    static QStringList namesIn(const QString &dir)
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    }
    // While it lives, file permissions bind this thread even as root (the
    // tests run as root): CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH leave its
    // effective capabilities, and come back after as they stay permitted.
    class PermissionsBind
    {
    public:
        PermissionsBind()
        {
            m_ok = ::syscall(SYS_capget, &m_header, m_saved) == 0;
            __user_cap_data_struct bound[2] = {m_saved[0], m_saved[1]};
            bound[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
            m_ok = m_ok && ::syscall(SYS_capset, &m_header, bound) == 0;
        }
        ~PermissionsBind() { ::syscall(SYS_capset, &m_header, m_saved); }
        PermissionsBind(const PermissionsBind &) = delete;
        PermissionsBind &operator=(const PermissionsBind &) = delete;
        bool ok() const { return m_ok; }

    private:
        __user_cap_header_struct m_header{_LINUX_CAPABILITY_VERSION_3, 0};  // pid 0: this thread
        __user_cap_data_struct m_saved[2]{};
        bool m_ok = false;
    };
    // Mounts a tmpfs of `options` on `dir` (created); false after a failure naming why.
    static bool mountTmpfs(const QString &dir, const QString &options)
    {
        QDir().mkpath(dir);
        const auto mounted = fixtures::run(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, options, u"tmpfs"_s, dir});
        if (mounted.exitCode != 0) {
            qWarning("mount -t tmpfs failed (%d): %s", mounted.exitCode, mounted.err.constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void folderAndArchiveAreZippedAnew()
    {
        const QString tree = m_dir.filePath(u"tree"_s);
        fixtures::writeSampleTree(tree, true);
        const QString tarball = m_dir.filePath(u"tree.tar.gz"_s);
        if (!fixtures::requireTool(u"bsdtar"_s) || !fixtures::requireTool(u"unzip"_s))
            return;
        QCOMPARE(fixtures::run(u"bsdtar"_s, {u"-czf"_s, tarball, u"-C"_s, tree, u"."_s}).exitCode, 0);
        for (const QString &input : {tree, tarball}) {
            const LoadResult loaded = PackageReader::read(input);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error));
            Session session;
            session.setFunction(loaded.package);
            QVERIFY(session.excludeMatching(GlobPattern(u"docs/"_s)) > 0);
            const QString out = m_dir.filePath(u"rebuilt.zip"_s);
            QFile::remove(out);
            const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), out);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY(r.predictionEstimated);
            QCOMPARE(qint64(r.writtenBytes), QFileInfo(out).size());
            QCOMPARE(fixtures::run(u"unzip"_s, {u"-tq"_s, out}).exitCode, 0);
            // Its entries are the kept items, nothing else.
            std::set<QString> expected;
            const PackageTree &t = loaded.package->tree;
            for (NodeId id = 1; id < t.nodeCount(); ++id) {
                if (!session.isExcluded({0, id}))
                    expected.insert(t.path(id) + (t.isFolder(id) ? u"/"_s : QString()));
            }
            std::set<QString> written;
            for (const QJsonValue &e : fixtures::zipfileFacts(out).value(u"entries"_s).toArray())
                written.insert(e[u"name"_s].toString());
            QVERIFY(written == expected);
            QCOMPARE(qint64(session.measures().functionUnzipped),
                     fixtures::zipfileFacts(out).value(u"unzipped"_s).toInteger());
            // The same input gives the same bytes.
            const QByteArray first = fixtures::sha256(out);
            QFile::remove(out);
            QVERIFY(SlimZipWriter::write(*loaded.package, session.exclusions(0), out).ok());
            QCOMPARE(fixtures::sha256(out), first);
        }
    }

    void neverOverTheInputAndNothingLeftBehind()
    {
        const QString zip = makeZip(u"input.zip"_s, uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('a.txt', 'a' * 1000)
    z.writestr('b/c.txt', 'c' * 1000)
)"_s);
        const QByteArray before = fixtures::sha256(zip);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY(loaded.ok());
        Session session;
        session.setFunction(loaded.package);
        QVERIFY(session.excludeMatching(GlobPattern(u"b/"_s)) == 1);

        // The input itself, a hard link to it, a symlink to it.
        const QString hardLink = m_dir.filePath(u"hard.zip"_s);
        const QString softLink = m_dir.filePath(u"soft.zip"_s);
        QVERIFY(::link(QFile::encodeName(zip).constData(), QFile::encodeName(hardLink).constData()) == 0);
        QVERIFY(QFile::link(zip, softLink));
        for (const QString &target : {zip, hardLink, softLink}) {
            const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), target);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.contains(u"refusing to write over the package"_s), qPrintable(r.error));
        }
        QCOMPARE(fixtures::sha256(zip), before);

        // A folder that does not exist: an error, no file.
        const QString nowhere = m_dir.filePath(u"missing/slim.zip"_s);
        QVERIFY(!SlimZipWriter::write(*loaded.package, session.exclusions(0), nowhere).ok());
        QVERIFY(!QFileInfo::exists(nowhere));

        // An older slim zip survives a failed write, and no temporary remains.
        const QString previous = m_dir.filePath(u"keep/slim.zip"_s);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"keep"_s)));
        fixtures::writeFile(previous, "older slim zip");
        auto broken = std::make_shared<Package>(*loaded.package);
        broken->fileSize += 1;  // as if the input changed on disk since it was read
        QVERIFY(!SlimZipWriter::write(*broken, session.exclusions(0), previous).ok());
        QFile old(previous);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("older slim zip"));
        QCOMPARE(QDir(m_dir.filePath(u"keep"_s)).entryList(QDir::Files | QDir::Hidden), QStringList{u"slim.zip"_s});

        // And a good write: exact, checked, the input untouched.
        const QString out = m_dir.filePath(u"slim.zip"_s);
        const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), out);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.writtenBytes, r.predictedBytes);
        QCOMPARE(r.keptEntries, 1u);
        QCOMPARE(fixtures::sha256(zip), before);
    }

    void overlappingEntriesAreRefused()
    {
        // Two central records pointing at one local record.
        const QString zip = makeZip(u"overlap.zip"_s, uR"(
import struct, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('one.txt', 'x' * 100)
    z.writestr('two.txt', 'y' * 100)
data = bytearray(open(sys.argv[1], 'rb').read())
cd = data.rindex(b'PK\x01\x02')  # the second central record
data[cd + 42:cd + 46] = struct.pack('<I', 0)
open(sys.argv[1], 'wb').write(data)
)"_s);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        Session session;
        session.setFunction(loaded.package);
        const QString out = m_dir.filePath(u"overlap-slim.zip"_s);
        const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), out);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"no local record of its own"_s), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(out));
    }

    void zipCommandLineGivesTheSlimZipsFiles()
    {
        if (!fixtures::requireTool(u"zip"_s) || !fixtures::requireTool(u"unzip"_s))
            return;
        const QString zip = makeZip(u"patterns.zip"_s, uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name in ['index.js', 'index.js.map', 'lib/a.js', 'lib/a.js.map', 'lib/deep/b.js.map',
                 'node_modules/aws-sdk/lib/core.js', 'node_modules/aws-sdk/README.md', 'node_modules/x/y.js',
                 'odd [name]*.txt', 'keep me.txt']:
        z.writestr(name, name * 20)
)"_s);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY(loaded.ok());
        Session session;
        session.setFunction(loaded.package);
        session.excludeMatching(GlobPattern(u"node_modules/aws-sdk/"_s));
        session.excludeMatching(GlobPattern(u"*.map"_s));
        session.excludeMatching(GlobPattern(u"odd*"_s));
        const PackagerPatterns patterns(session);
        // Items a glob excluded are exported as that glob: the next build is covered too.
        QCOMPARE(patterns.globs(), (QStringList{u"node_modules/aws-sdk/"_s, u"*.map"_s, u"odd*"_s}));
        // Those globs exclude exactly the same again.
        QCOMPARE(zippedWithout(loaded.package, patterns.globs()), session.measures().functionZipped);
        const QString slim = m_dir.filePath(u"patterns-slim.zip"_s);
        QVERIFY(SlimZipWriter::write(*loaded.package, session.exclusions(0), slim).ok());

        // Unpack, run the exported command line there, compare the files.
        QString command;
        const QStringList rezipped = rezipWithCommand(zip, patterns, u"rezipped"_s, &command);
        QVERIFY(command.startsWith(u"zip -r '../rezipped.zip' . -x "_s));
        QCOMPARE(rezipped, files(slim));
        QCOMPARE(files(slim), (QStringList{u"index.js"_s, u"keep me.txt"_s, u"lib/a.js"_s, u"node_modules/x/y.js"_s}));

        // The packager formats carry the same globs.
        QVERIFY(patterns.text(PackagerPatterns::Format::Serverless).contains(u"- '!node_modules/aws-sdk/**'"_s));
        QVERIFY(patterns.text(PackagerPatterns::Format::Serverless).contains(u"- '!**/*.map'"_s));
        QVERIFY(patterns.text(PackagerPatterns::Format::PythonRequirements).contains(u"slimPatterns:"_s));
        QVERIFY(patterns.text(PackagerPatterns::Format::Cdk).contains(u"exclude: ['node_modules/aws-sdk/**', '**/*.map'"_s));
        const auto cli = fixtures::run(fixtures::cliPath(), {u"patterns"_s, zip, u"--exclude"_s, u"*.map"_s, u"--format"_s,
                                                             u"serverless"_s});
        QCOMPARE(cli.exitCode, 0);
        QCOMPARE(cli.out, QByteArray("package:\n  patterns:\n    - '!**/*.map'\n"));
    }

    // The bytecode rule applied to a tree of many __pycache__ folders gives
    // the rule's globs, not one line per folder; once an item the glob
    // matches is kept again, the glob would say more than the session and
    // the items are listed one by one. The zip -x line leaves out the same.
    void aRulesExclusionIsExportedAsItsGlob()
    {
        const QString zip = makeZip(u"bytecode.zip"_s, uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('handler.py', 'x' * 100)
    z.writestr('__pycache__/handler.cpython-311.pyc', 'c' * 100)
    for pkg in ['boto3', 'botocore', 'botocore/data', 'urllib3', 'urllib3/util', 's3transfer']:
        z.writestr(pkg + '/__init__.py', 'p' * 100)
        z.writestr(pkg + '/__pycache__/__init__.cpython-311.pyc', 'c' * 100)
)"_s);
        const auto cli = fixtures::run(fixtures::cliPath(), {u"patterns"_s, zip, u"--rules"_s, u"safe"_s,
                                                             u"--format"_s, u"serverless"_s});
        QCOMPARE(cli.exitCode, 0);
        QVERIFY2(cli.out.contains("- '!**/__pycache__/**'"), cli.out.constData());
        QVERIFY2(!cli.out.contains("boto3/__pycache__"), cli.out.constData());

        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY(loaded.ok());
        Session session;
        session.setFunction(loaded.package);
        QString error;
        const SlimRules rules = SlimRules::builtin(&error);
        for (const Suggestion &s : SuggestionFinder::find(session, rules)) {
            if (s.rule.id == u"python-bytecode"_s)
                session.exclude(s.items, s.rule.title);
        }
        const PackagerPatterns patterns(session);
        QVERIFY2(patterns.globs().contains(u"**/__pycache__/"_s), qPrintable(patterns.globs().join(u' ')));
        QCOMPARE(patterns.globs().size(), 3);  // the rule's own three globs
        QCOMPARE(zippedWithout(loaded.package, patterns.globs()), session.measures().functionZipped);

        // The exported zip command line leaves out exactly what the slim zip does.
        const QString slim = m_dir.filePath(u"bytecode-slim.zip"_s);
        QVERIFY(SlimZipWriter::write(*loaded.package, session.exclusions(0), slim).ok());
        QString command;
        QCOMPARE(rezipWithCommand(zip, patterns, u"bytecode-rezipped"_s, &command), files(slim));

        // One __pycache__ kept: the rule's glob no longer describes the session.
        QVERIFY(session.restore(0, fixtures::nodeAt(loaded.package->tree, u"urllib3/__pycache__"_s)));
        const PackagerPatterns partial(session);
        QVERIFY(!partial.globs().contains(u"**/__pycache__/"_s));
        QVERIFY(partial.globs().contains(u"boto3/__pycache__/"_s));
        QVERIFY(!partial.globs().contains(u"urllib3/__pycache__/"_s));
    }

    void scenariosRoundTrip()
    {
        const QString folder = m_dir.filePath(u"scenario"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString zip = folder + u"/function.zip"_s;
        fixtures::python(uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name in ['index.js', 'index.js.map', 'lib/a.js', 'lib/a.js.map', 'lib/b.js', 'node_modules/aws-sdk/x.js',
                 'node_modules/aws-sdk/y.js', 'node_modules/other/z.js']:
        z.writestr(name, name * 50)
)"_s, {zip});
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY(loaded.ok());
        Session session;
        session.setFunction(loaded.package);
        const PackageTree &tree = loaded.package->tree;
        // A file marked inside a folder that is excluded too: both come back.
        QVERIFY(session.exclude(0, fixtures::nodeAt(tree, u"node_modules/aws-sdk/x.js"_s)));
        QVERIFY(session.exclude(0, fixtures::nodeAt(tree, u"node_modules/aws-sdk"_s)));
        QVERIFY(session.exclude({{0, fixtures::nodeAt(tree, u"lib/b.js"_s)}}, u"npm package b"_s));
        const QString file = folder + u"/slim.packscope.json"_s;
        Scenario saved = Scenario::capture(session, file, {u"node-source-maps"_s});
        QString error;
        QVERIFY2(saved.save(file, &error), qPrintable(error));
        QCOMPARE(saved.function.path, u"function.zip"_s);  // beside the scenario: stored relative
        QCOMPARE(saved.function.sha256, QString::fromLatin1(fixtures::sha256(zip)));

        const std::optional<Scenario> read = Scenario::load(file, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->functionPath(file), zip);
        Session again;
        const LoadResult reloaded = PackageReader::read(read->functionPath(file));
        again.setFunction(reloaded.package);
        const Scenario::Outcome outcome = read->applyTo(again);
        QVERIFY(outcome.changed.isEmpty() && outcome.missing.isEmpty() && outcome.unknownRules.isEmpty());
        QCOMPARE(outcome.applied, 5);  // three marks and the two source maps
        const PackageTree &t2 = reloaded.package->tree;
        QVERIFY(again.exclusions(0).isMarked(fixtures::nodeAt(t2, u"node_modules/aws-sdk/x.js"_s)));
        QVERIFY(again.isExcluded({0, fixtures::nodeAt(t2, u"index.js.map"_s)}));
        QVERIFY(!again.isExcluded({0, fixtures::nodeAt(t2, u"lib/a.js"_s)}));
        // Why each item went comes back with it: the Excluded panel groups by it.
        QCOMPARE(again.exclusionReason({0, fixtures::nodeAt(t2, u"lib/b.js"_s)}), u"npm package b"_s);
        QVERIFY(again.exclusionReason({0, fixtures::nodeAt(t2, u"node_modules/aws-sdk"_s)}).isEmpty());
        again.undo();  // one edit
        QVERIFY(again.excludedItems().empty());

        // The package changed: said, and what still matches is applied.
        const QString changed = folder + u"/changed.zip"_s;
        fixtures::python(uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('index.js', 'v2')
    z.writestr('lib/b.js', 'v2')
)"_s, {changed});
        Scenario moved = *read;
        moved.function.path = u"changed.zip"_s;
        Session third;
        third.setFunction(PackageReader::read(moved.functionPath(file)).package);
        const Scenario::Outcome partial = moved.applyTo(third);
        QCOMPARE(partial.changed.size(), 1);
        QCOMPARE(partial.applied, 1);
        QCOMPARE(partial.missing.size(), 2);

        // Headless: the scenario alone names the package.
        const auto audit = fixtures::run(fixtures::cliPath(), {u"audit"_s, u"--scenario"_s, file, u"--format"_s, u"json"_s});
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(audit.out).object();
        QCOMPARE(report[u"packages"_s][0][u"zipped_bytes"_s].toInteger(), qint64(session.measures().functionZipped)
                                                                               - qint64(session.package(0)->tree.node(
                                                                                   fixtures::nodeAt(tree, u"index.js.map"_s)).totals.footprint)
                                                                               - qint64(session.package(0)->tree.node(
                                                                                   fixtures::nodeAt(tree, u"lib/a.js.map"_s)).totals.footprint));
        QCOMPARE(fixtures::run(fixtures::cliPath(), {u"audit"_s, u"--scenario"_s, m_dir.filePath(u"none.json"_s)}).exitCode, 2);
    }

    void cliSlimEndToEnd()
    {
        const QString zip = makeZip(u"cli.zip"_s, uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('index.js', 'exports.handler = async () => 42;\n' * 50)
    z.writestr('node_modules/x/index.js', 'module.exports = 1;\n' * 100)
    z.writestr('node_modules/x/index.js.map', '{"version":3}' * 300)
    z.writestr('node_modules/aws-sdk/lib/core.js', 'var AWS = {};\n' * 500)
)"_s);
        const QByteArray before = fixtures::sha256(zip);
        const QString out = m_dir.filePath(u"cli-slim.zip"_s);
        const auto audit = fixtures::run(fixtures::cliPath(), {u"audit"_s, zip, u"--exclude"_s,
                                                               u"node_modules/aws-sdk/"_s, u"--exclude"_s, u"*.map"_s,
                                                               u"--format"_s, u"json"_s});
        const qint64 predicted = QJsonDocument::fromJson(audit.out)[u"packages"_s][0][u"zipped_bytes"_s].toInteger();
        const auto slim = fixtures::run(fixtures::cliPath(), {u"slim"_s, zip, u"-o"_s, out, u"--exclude"_s,
                                                              u"node_modules/aws-sdk/"_s, u"--rules"_s, u"safe"_s});
        QCOMPARE(slim.exitCode, 0);
        QVERIFY2(slim.out.contains("exactly as predicted"), slim.out.constData());
        QCOMPARE(QFileInfo(out).size(), predicted);
        QCOMPARE(fixtures::sha256(zip), before);

        const auto over = fixtures::run(fixtures::cliPath(), {u"slim"_s, zip, u"-o"_s, zip});
        QCOMPARE(over.exitCode, 2);
        QVERIFY(over.err.startsWith("packscope-cli: error: "));
        QVERIFY(over.err.contains("refusing to write over"));
        QCOMPARE(fixtures::run(fixtures::cliPath(), {u"slim"_s, zip}).exitCode, 2);
        QCOMPARE(fixtures::run(fixtures::cliPath(), {u"slim"_s, zip, u"-o"_s, out, u"--rules"_s, u"danger"_s}).exitCode,
                 2);
        QCOMPARE(fixtures::sha256(zip), before);

        const auto suggest = fixtures::run(fixtures::cliPath(), {u"suggest"_s, zip, u"--format"_s, u"json"_s});
        QCOMPARE(suggest.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(suggest.out).object();
        QCOMPARE(report[u"schema"_s].toString(), u"packscope.suggest/1"_s);
        QStringList ids;
        for (const QJsonValue &s : report[u"suggestions"_s].toArray())
            ids << s[u"id"_s].toString();
        QVERIFY(ids.contains(u"node-aws-sdk-v2"_s));
        QVERIFY(ids.contains(u"node-source-maps"_s));
        // The dependencies, weighed: aws-sdk's zipped bytes are what excluding it saves.
        const QJsonArray dependencies = report[u"dependencies"_s].toArray();
        QVERIFY(!dependencies.isEmpty());
        const QJsonObject sdk = dependencies.first().toObject();
        QCOMPARE(sdk[u"name"_s].toString(), u"aws-sdk"_s);
        QCOMPARE(sdk[u"ecosystem"_s].toString(), u"npm"_s);
        const auto without = fixtures::run(fixtures::cliPath(), {u"audit"_s, zip, u"--exclude"_s,
                                                                 u"node_modules/aws-sdk/"_s, u"--format"_s, u"json"_s});
        const auto whole = fixtures::run(fixtures::cliPath(), {u"audit"_s, zip, u"--format"_s, u"json"_s});
        QCOMPARE(QJsonDocument::fromJson(whole.out)[u"packages"_s][0][u"zipped_bytes"_s].toInteger()
                     - QJsonDocument::fromJson(without.out)[u"packages"_s][0][u"zipped_bytes"_s].toInteger(),
                 sdk[u"zipped_bytes"_s].toInteger());
    }

    void packageChangedAfterOpeningIsRefused_data()
    {
        fixtures::addPackageChangeRows();
    }
    void packageChangedAfterOpeningIsRefused()
    {
        QFETCH(bool, replace);
        const QString dir = m_dir.filePath(replace ? u"changed-replaced"_s : u"changed-truncated"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString zip = makeStoredZip(dir + u"/in.zip"_s, 4, 64 * 1024);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        if (replace) {
            // What a build does: a new file (same size, other bytes) renamed over the old one.
            const QString other = makeStoredZip(dir + u"/other.zip"_s, 4, 64 * 1024);
            fixtures::writeFile(other, QByteArray(int(QFileInfo(zip).size()), 'x'));
            QVERIFY(::rename(QFile::encodeName(other).constData(), QFile::encodeName(zip).constData()) == 0);
        } else {
            QVERIFY(QFile::resize(zip, QFileInfo(zip).size() / 2));
        }
        const QString expected = zip + u" changed on disk since it was opened: reopen it"_s;
        const QString out = m_dir.filePath(u"changed-out"_s);
        QVERIFY(QDir().mkpath(out));
        Session session;
        session.setFunction(loaded.package);
        const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), out + u"/slim.zip"_s);
        QCOMPARE(r.error, expected);
        QCOMPARE(namesIn(out), QStringList());
        const EntryContents contents(*loaded.package);
        QVERIFY(contents.head(loaded.package->tree.root() + 1, 16).isEmpty());
        QVERIFY(!contents.isReadable());
        QCOMPARE(contents.error(), expected);
    }

    // Truncated from another thread while the slim copy runs: never a
    // crash; either the copy finished first or the change is reported.
    void truncationDuringTheCopyNeverCrashes()
    {
        const QString dir = m_dir.filePath(u"midread"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString pristine = makeStoredZip(dir + u"/pristine.zip"_s, 3, 10 * 1024 * 1024);
        const QString zip = dir + u"/in.zip"_s;
        const QString outDir = dir + u"/out"_s;
        QVERIFY(QDir().mkpath(outDir));
        int refused = 0;
        for (int round = 0; round < 8; ++round) {
            QFile::remove(zip);
            QVERIFY(QFile::copy(pristine, zip));
            const LoadResult loaded = PackageReader::read(zip);
            QVERIFY2(loaded.ok(), qPrintable(loaded.error));
            Session session;
            session.setFunction(loaded.package);
            std::thread truncator([&zip, round] {
                std::this_thread::sleep_for(std::chrono::milliseconds(round * 3));
                (void)::truncate(QFile::encodeName(zip).constData(), 4096);
            });
            const QString out = outDir + u"/slim.zip"_s;
            QFile::remove(out);
            const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), out);
            truncator.join();
            if (r.ok()) {
                QVERIFY(QFileInfo::exists(out));
            } else {
                QCOMPARE(r.error, zip + u" changed on disk since it was opened: reopen it"_s);
                QCOMPARE(namesIn(outDir), QStringList());
                ++refused;
            }
        }
        QVERIFY(refused > 0);  // the file was shorter before most copies even started
    }

    void writeErrorsSayTheSystemsReason()
    {
        const QString full = m_dir.filePath(u"full"_s);
        QVERIFY2(mountTmpfs(full, u"size=1m"_s), "cannot mount a 1 MiB tmpfs (the tests run as root)");
        const auto unmount = qScopeGuard([&] { fixtures::run(u"umount"_s, {full}); });
        const QString zip = makeStoredZip(m_dir.filePath(u"big.zip"_s), 2, 1024 * 1024);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        Session session;
        session.setFunction(loaded.package);
        const QString out = full + u"/slim.zip"_s;
        const SlimResult r = SlimZipWriter::write(*loaded.package, session.exclusions(0), out);
        QVERIFY2(r.error.startsWith(out + u": "_s) && r.error.contains(u"No space left on device"_s),
                 qPrintable(r.error));
        QCOMPARE(namesIn(full), QStringList());
        const auto cli = fixtures::run(fixtures::cliPath(), {u"slim"_s, zip, u"-o"_s, out});
        QCOMPARE(cli.exitCode, 2);
        QVERIFY2(cli.err.contains(QByteArray(out.toUtf8() + ": No space left on device")), cli.err.constData());
        QCOMPARE(cli.err.count('\n'), 1);
        QCOMPARE(namesIn(full), QStringList());

        // A full disk for the small files too: report, scenario.
        fixtures::run(u"dd"_s, {u"if=/dev/zero"_s, u"of="_s + full + u"/filler"_s, u"bs=64k"_s});
        const QString report = full + u"/report.json"_s;
        const auto audit = fixtures::run(fixtures::cliPath(), {u"audit"_s, zip, u"--format"_s, u"json"_s, u"-o"_s, report});
        QCOMPARE(audit.exitCode, 2);
        QVERIFY2(audit.err.contains(QByteArray(report.toUtf8() + ": No space left on device")), audit.err.constData());
        const QString patterns = full + u"/patterns.txt"_s;
        const auto globs = fixtures::run(fixtures::cliPath(), {u"patterns"_s, zip, u"--exclude"_s, u"data/"_s,
                                                               u"-o"_s, patterns});
        QCOMPARE(globs.exitCode, 2);
        QVERIFY2(globs.err.contains(QByteArray(patterns.toUtf8() + ": No space left on device")), globs.err.constData());
        QCOMPARE(namesIn(full), QStringList{u"filler"_s});

        // Read-only.
        QFile::remove(full + u"/filler"_s);
        QCOMPARE(fixtures::run(u"mount"_s, {u"-o"_s, u"remount,ro"_s, full}).exitCode, 0);
        const SlimResult ro = SlimZipWriter::write(*loaded.package, session.exclusions(0), out);
        QVERIFY2(ro.error.startsWith(out + u": "_s) && ro.error.contains(u"Read-only file system"_s),
                 qPrintable(ro.error));
        const auto roCli = fixtures::run(fixtures::cliPath(), {u"audit"_s, zip, u"-o"_s, report});
        QCOMPARE(roCli.exitCode, 2);
        QVERIFY2(roCli.err.contains(QByteArray(report.toUtf8() + ": Read-only file system")), roCli.err.constData());
        QCOMPARE(namesIn(full), QStringList());
    }

    // A scenario saved where it cannot be: on a full disk, a read-only file
    // system and in a folder it may not write to. The error is the path and
    // the system's reason; the folder holds what it held before, no
    // temporary file.
    void scenarioSaveErrorsSayTheSystemsReason()
    {
        const QString zip = makeStoredZip(m_dir.filePath(u"scenario-source.zip"_s), 2, 1024);
        const LoadResult loaded = PackageReader::read(zip);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        Session session;
        session.setFunction(loaded.package);
        QVERIFY(session.excludeMatching(GlobPattern(u"data/part0.bin"_s)) > 0);
        auto saveInto = [&](const QString &folder) {
            const QString file = folder + u"/slim.packscope.json"_s;
            QString error;
            const bool saved = Scenario::capture(session, file).save(file, &error);
            return std::pair{file, saved ? QString() : error};
        };

        const QString full = m_dir.filePath(u"scenario-full"_s);
        QVERIFY2(mountTmpfs(full, u"size=1m"_s), "cannot mount a 1 MiB tmpfs (the tests run as root)");
        const auto unmount = qScopeGuard([&] { fixtures::run(u"umount"_s, {full}); });
        fixtures::run(u"dd"_s, {u"if=/dev/zero"_s, u"of="_s + full + u"/filler"_s, u"bs=64k"_s});
        const auto [onFull, noSpace] = saveInto(full);
        QCOMPARE(noSpace, onFull + u": No space left on device"_s);
        QCOMPARE(namesIn(full), QStringList{u"filler"_s});

        QCOMPARE(fixtures::run(u"mount"_s, {u"-o"_s, u"remount,ro"_s, full}).exitCode, 0);
        const auto [onReadOnly, readOnly] = saveInto(full);
        QCOMPARE(readOnly, onReadOnly + u": Read-only file system"_s);
        QCOMPARE(namesIn(full), QStringList{u"filler"_s});

        const QString locked = m_dir.filePath(u"scenario-locked"_s);
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                                  | QFile::ReadOther | QFile::ExeOther));  // 0555
        const auto unlock = qScopeGuard([&] { QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner
                                                                                | QFile::ExeOwner); });
        std::pair<QString, QString> denied;
        {
            const PermissionsBind bind;
            QVERIFY2(bind.ok(), "cannot drop CAP_DAC_OVERRIDE for this thread");
            denied = saveInto(locked);
        }
        QCOMPARE(denied.second, denied.first + u": Permission denied"_s);
        QCOMPARE(namesIn(locked), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSlim)
#include "tst_slim.moc"
