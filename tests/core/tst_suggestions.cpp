// Slimming suggestions: every rule matches what it claims on a fixture, the
// savings are exact, duplicates and native binaries are found by looking,
// strip --strip-debug is predicted to the byte, the fix-it plan prefers safe
// rules, and bad rule files are clear errors.
#include "Fixtures.h"
#include "SyntheticPackage.h"

#include "readers/PackageReader.h"
#include "scenario/Scenario.h"
#include "session/Session.h"
#include "slim/BinarySniffer.h"
#include "slim/ContentFacts.h"
#include "slim/DebugStripModel.h"
#include "slim/SlimRules.h"
#include "slim/SuggestionFinder.h"
#include "whatif/GlobPattern.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <map>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::SyntheticFile;

namespace {

// The paths each rule suggests, per rule id.
std::map<QString, QStringList> suggested(const Session &session)
{
    QString error;
    const SlimRules rules = SlimRules::builtin(&error);
    std::map<QString, QStringList> out;
    for (const Suggestion &s : SuggestionFinder::find(session, rules)) {
        QStringList &paths = out[s.rule.id];
        for (const NodeRef &ref : s.items)
            paths << session.package(ref.package)->tree.path(ref.node);
        paths.sort();
    }
    return out;
}

// A package with an example (and a near miss) for every glob rule.
PackagePtr everyRulePackage()
{
    std::vector<SyntheticFile> files;
    for (const char *path : {
             // any
             ".git/HEAD", "src/.DS_Store", ".vscode/settings.json", ".github/workflows/ci.yml", "build.log",
             // python (outside node_modules)
             "app/__pycache__/main.cpython-312.pyc", "app/main.py", "legacy.pyc", "numpy/tests/test_core.py",
             "numpy/core.py", "numpy-1.26.0.dist-info/RECORD", "boto3/session.py", "botocore/client.py",
             // node (inside node_modules)
             "node_modules/lib/index.js", "node_modules/lib/index.js.map", "node_modules/lib/README.md",
             "node_modules/lib/test/spec.js", "node_modules/lib/index.d.ts", "node_modules/lib/util.ts",
             "node_modules/lib/util.js", "node_modules/lib/only.ts", "node_modules/@aws-sdk/client-s3/index.js",
             "node_modules/@smithy/types/index.js", "node_modules/typescript/lib/tsc.js",
             "node_modules/@types/node/index.d.ts", "node_modules/eslint-plugin-x/index.js",
             "node_modules/aws-sdk/lib/core.js",
             // near misses: a test folder of the function's own node code, a .map outside node_modules
             "handler.js", "tests_helper.py", "node_modules/lib/tests.js"}) {
        files.push_back({QString::fromLatin1(path), 1000, 400});
    }
    return fixtures::syntheticPackage(u"all.zip"_s, files);
}

} // namespace

class TestSuggestions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString makeZip(const QString &name, const QString &code) { return fixtures::pythonFile(m_dir.filePath(name), code); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyRuleMatchesWhatItClaims()
    {
        Session session;
        session.setFunction(everyRulePackage());
        const auto got = suggested(session);
        const std::map<QString, QStringList> expected{
            {u"vcs-folders"_s, {u".git"_s}},
            {u"os-junk"_s, {u"src/.DS_Store"_s}},
            {u"editor-ci-dotfiles"_s, {u".github"_s, u".vscode"_s}},
            {u"log-files"_s, {u"build.log"_s}},
            {u"python-bytecode"_s, {u"app/__pycache__"_s, u"legacy.pyc"_s}},
            {u"python-tests"_s, {u"numpy/tests"_s}},
            {u"python-dist-metadata"_s, {u"numpy-1.26.0.dist-info"_s}},
            {u"python-aws-sdk"_s, {u"boto3"_s, u"botocore"_s}},
            {u"node-source-maps"_s, {u"node_modules/lib/index.js.map"_s}},
            {u"node-markdown"_s, {u"node_modules/lib/README.md"_s}},
            {u"node-docs-tests-examples"_s, {u"node_modules/lib/test"_s}},
            {u"node-type-declarations"_s, {u"node_modules/@types/node/index.d.ts"_s, u"node_modules/lib/index.d.ts"_s}},
            {u"node-typescript-sources"_s, {u"node_modules/lib/util.ts"_s}},
            {u"node-aws-sdk-v3"_s, {u"node_modules/@aws-sdk"_s, u"node_modules/@smithy"_s}},
            {u"node-dev-packages"_s,
             {u"node_modules/@types"_s, u"node_modules/eslint-plugin-x"_s, u"node_modules/typescript"_s}},
            {u"node-aws-sdk-v2"_s, {u"node_modules/aws-sdk"_s}},
        };
        for (const auto &[id, paths] : expected) {
            QVERIFY2(got.count(id), qPrintable(u"rule %1 found nothing"_s.arg(id)));
            QCOMPARE(got.at(id), paths);
        }
        // Every built-in rule is covered here or by its own test below.
        QString error;
        for (const SlimRule &rule : SlimRules::builtin(&error).rules)
            QVERIFY2(expected.count(rule.id) || rule.id == u"duplicate-files" || rule.id == u"foreign-os-binaries"
                         || rule.id == u"other-architecture-binaries"
                         || rule.id == u"unstripped-binaries",
                     qPrintable(rule.id));
        QVERIFY(error.isEmpty());
    }

    void excludedItemsAreNotSuggestedAgain()
    {
        Session session;
        session.setFunction(everyRulePackage());
        QVERIFY(session.excludeMatching(GlobPattern(u"node_modules/aws-sdk/"_s)) == 1);
        QVERIFY(!suggested(session).count(u"node-aws-sdk-v2"_s));
    }

    void duplicatesAndExactSavingsOnARealZip()
    {
        const QString zip = makeZip(u"dupes.zip"_s, uR"(
import sys, zipfile, random
r = random.Random(3)
blob = r.randbytes(50000)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('a/vendor/lib.js', blob)
    z.writestr('b/vendor/lib.js', blob)
    z.writestr('c/copy.js', blob)
    z.writestr('c/other.js', r.randbytes(50000))
    z.writestr('node_modules/x/index.js', 'module.exports = 1;\n' * 100)
    z.writestr('node_modules/x/index.js.map', '{"version":3}' * 300)
    z.writestr('node_modules/x/README.md', '# x\n' * 200)
    z.writestr('app/__pycache__/m.cpython-312.pyc', r.randbytes(3000))
)"_s);
        Session session;
        QVERIFY(fixtures::openPackage(session, zip));
        const auto got = suggested(session);
        QCOMPARE(got.at(u"duplicate-files"_s), (QStringList{u"b/vendor/lib.js"_s, u"c/copy.js"_s}));

        // Each suggestion saves exactly what excluding its items saves.
        QString error;
        const SlimRules rules = SlimRules::builtin(&error);
        const SessionMeasures before = session.measures();
        for (const Suggestion &s : SuggestionFinder::find(session, rules)) {
            QVERIFY(session.exclude(s.items) == int(s.items.size()));
            const SessionMeasures after = session.measures();
            QCOMPARE(before.functionZipped - after.functionZipped, s.zippedSaving);
            QCOMPARE(before.functionUnzipped - after.functionUnzipped, s.unzippedSaving);
            session.undo();
        }
    }

    void nativeBinariesAreFoundByTheirFirstBytes()
    {
        const QString zip = makeZip(u"native.zip"_s, fixtures::pythonWithElf(uR"(
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('lib/x86.so', elf(0x3E, 5000))
    z.writestr('lib/libz.so.1.2.13', elf(0x3E, 3000))
    z.writestr('lib/arm.so', elf(0xB7, 2000))
    z.writestr('darwin/sharp.node', b'\xcf\xfa\xed\xfe' + bytes(996))
    z.writestr('win/tool.exe', b'MZ' + bytes(998), compress_type=zipfile.ZIP_STORED)
    z.writestr('java/A.class', b'\xca\xfe\xba\xbe\x00\x00\x00\x34' + bytes(200))
    z.writestr('fake.so', b'not a binary at all, just text ' * 10)
    info = zipfile.ZipInfo('bin/run')
    info.external_attr = (0o100755 << 16)
    info.create_system = 3
    z.writestr(info, elf(0x3E, 800))
)"_s));
        Session session;
        QVERIFY(fixtures::openPackage(session, zip));
        const auto got = suggested(session);
        QCOMPARE(got.at(u"foreign-os-binaries"_s), (QStringList{u"darwin/sharp.node"_s, u"win/tool.exe"_s}));
        QCOMPARE(got.at(u"other-architecture-binaries"_s), QStringList{u"lib/arm.so"_s});

        // The same files in a folder on disk.
        const QString folder = m_dir.filePath(u"native"_s);
        QCOMPARE(fixtures::run(u"unzip"_s, {u"-q"_s, zip, u"-d"_s, folder}).exitCode, 0);
        Session onDisk;
        onDisk.setFunction(PackageReader::read(folder).package);
        QCOMPARE(suggested(onDisk).at(u"foreign-os-binaries"_s), (QStringList{u"darwin/sharp.node"_s, u"win/tool.exe"_s}));
    }

    // Read after the package changed on disk, contents are an error that
    // reaches the caller, not an empty answer: no binaries found would make
    // the binary rules suggest nothing and the scenario's rules match nothing.
    void contentsOfAChangedPackageAreAnError_data()
    {
        fixtures::addPackageChangeRows();
    }
    void contentsOfAChangedPackageAreAnError()
    {
        QFETCH(bool, replace);
        const QString code = fixtures::pythonWithElf(uR"(
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('lib/x86.so', elf(0x3E, 50000))
    z.writestr('lib/arm.so', elf(0xB7, 2000))
)"_s);
        const QString zip = makeZip(replace ? u"changed-replaced.zip"_s : u"changed-truncated.zip"_s, code);
        Session session;
        QVERIFY(fixtures::openPackage(session, zip));
        const Package &package = *session.package(0);
        QString error;
        const SlimRules rules = SlimRules::builtin(&error);
        QVERIFY(error.isEmpty());
        QCOMPARE(BinarySniffer::sniff(package, &error).size(), std::size_t(2));
        QVERIFY(error.isEmpty());
        const std::vector<ContentFacts> before{ContentFacts::gather(package)};
        QVERIFY(before[0].error.isEmpty());
        QVERIFY(!SuggestionFinder::find(session, rules, nullptr, &error).empty());
        QVERIFY(error.isEmpty());

        if (replace) {
            const QString other = makeZip(u"rebuilt.zip"_s, code + u"    z.writestr('more.txt', 'x' * 5000)\n"_s);
            QVERIFY(::rename(QFile::encodeName(other).constData(), QFile::encodeName(zip).constData()) == 0);
        } else {
            QVERIFY(QFile::resize(zip, QFileInfo(zip).size() / 2));
        }
        const QString changed = zip + u" changed on disk since it was opened: reopen it"_s;
        BinarySniffer::sniff(package, &error);
        QCOMPARE(error, changed);
        QCOMPARE(ContentFacts::gather(package).error, changed);
        SuggestionFinder::find(session, rules, nullptr, &error);
        QCOMPARE(error, changed);
        // Facts gathered before the change stand: nothing was read again.
        SuggestionFinder::find(session, rules, &before, &error);
        QVERIFY(error.isEmpty());
        Scenario scenario;
        scenario.rules = QStringList{u"other-architecture-binaries"_s};
        QCOMPARE(scenario.applyTo(session).error, changed);
    }

    // strip --strip-debug predicted from the headers, against the real strip,
    // on libraries built here with every kind of debug information.
    void debugStripIsPredictedToTheByte_data()
    {
        QTest::addColumn<QString>("compiler");
        QTest::addColumn<QStringList>("flags");
        QTest::newRow("C -g -O2") << u"gcc"_s << QStringList{u"-g"_s, u"-O2"_s};
        QTest::newRow("C++ -g3 -O0") << u"g++"_s << QStringList{u"-g3"_s, u"-O0"_s, u"-xc++"_s};
        QTest::newRow("compressed debug sections") << u"gcc"_s << QStringList{u"-g"_s, u"-gz"_s};
        QTest::newRow("no debug information") << u"gcc"_s << QStringList{u"-O2"_s};
    }

    void debugStripIsPredictedToTheByte()
    {
        QFETCH(QString, compiler);
        QFETCH(QStringList, flags);
        if (!fixtures::requireTool(compiler) || !fixtures::requireTool(u"strip"_s))
            return;
        const QString source = m_dir.filePath(u"lib.c"_s);
        fixtures::writeFile(source, "#include <stdio.h>\n"
                                    "struct point { int x, y; double z; };\n"
                                    "static int helper(struct point *p) { return p->x * p->y + (int)p->z; }\n"
                                    "int api_one(int a) { struct point p = {a, a + 1, 2.5}; return helper(&p); }\n"
                                    "double api_two(double *v, int n) { double t = 0; for (int i = 0; i < n; ++i) "
                                    "t += v[i] * v[i]; return t; }\n");
        const QString library = m_dir.filePath(u"libdebug.so"_s);
        QStringList arguments = flags;
        arguments << u"-shared"_s << u"-fPIC"_s << u"-o"_s << library << source;
        const auto built = fixtures::run(compiler, arguments);
        QVERIFY2(built.exitCode == 0, built.err.constData());
        QFile file(library);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const std::optional<DebugStrip> predicted = predictDebugStrip(bytes);
        QVERIFY(predicted);
        const QString stripped = m_dir.filePath(u"libdebug-stripped.so"_s);
        QFile::remove(stripped);
        QVERIFY(QFile::copy(library, stripped));
        QCOMPARE(fixtures::run(u"strip"_s, {u"--strip-debug"_s, stripped}).exitCode, 0);
        QCOMPARE(predicted->strippedSize, std::uint64_t(QFileInfo(stripped).size()));
        QCOMPARE(predicted->debugSectionBytes > 0, flags.contains(u"-g"_s) || flags.contains(u"-g3"_s));

        // In a package: a build step with exactly that saving, never part of
        // the fix-it plan or a what-if.
        const QString zip = m_dir.filePath(u"debug.zip"_s);
        QFile::remove(zip);
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qj"_s, zip, library}).exitCode, 0);
        Session session;
        QVERIFY(fixtures::openPackage(session, zip));
        QString error;
        const std::vector<Suggestion> found = SuggestionFinder::find(session, SlimRules::builtin(&error));
        const auto strip = std::find_if(found.begin(), found.end(),
                                        [](const Suggestion &s) { return s.rule.id == u"unstripped-binaries"_s; });
        if (predicted->debugSectionBytes == 0) {
            QVERIFY(strip == found.end());
            return;
        }
        QVERIFY(strip != found.end());
        QVERIFY(strip->advisory);
        QCOMPARE(strip->unzippedSaving, std::uint64_t(bytes.size()) - predicted->strippedSize);
        QVERIFY(strip->zippedSaving > 0);
        for (std::size_t i : SuggestionFinder::fixItPlan(session, found))
            QVERIFY(!found[i].advisory);
    }

    void fixItPlanPrefersSafeRules()
    {
        constexpr std::uint64_t MiB = 1024 * 1024;
        Session session;
        // 55 MiB zipped: over by 5; source maps (safe, 6 MiB) fix it, and so
        // would aws-sdk v3 (caution, 30 MiB) or aws-sdk v2 (danger).
        session.setFunction(fixtures::syntheticPackage(
            u"f.zip"_s, {{u"node_modules/lib/index.js"_s, 10 * MiB, 9 * MiB},
                         {u"node_modules/lib/index.js.map"_s, 20 * MiB, 6 * MiB},
                         {u"node_modules/@aws-sdk/client/index.js"_s, 80 * MiB, 30 * MiB},
                         {u"node_modules/aws-sdk/lib/core.js"_s, 60 * MiB, 10 * MiB}}));
        QString error;
        const std::vector<Suggestion> suggestions = SuggestionFinder::find(session, SlimRules::builtin(&error));
        bool enough = false;
        const std::vector<std::size_t> plan = SuggestionFinder::fixItPlan(session, suggestions, &enough);
        QVERIFY(enough);
        QCOMPARE(plan.size(), 1u);
        QCOMPARE(suggestions[plan[0]].rule.id, u"node-source-maps"_s);
        QVERIFY(suggestions[plan[0]].fixes.contains(u"zipped-direct-upload"_s));

        // Over by more than the safe rules save: caution comes in, never danger.
        session.setFunction(fixtures::syntheticPackage(
            u"f.zip"_s, {{u"node_modules/lib/index.js.map"_s, 20 * MiB, 6 * MiB},
                         {u"node_modules/@aws-sdk/client/index.js"_s, 80 * MiB, 60 * MiB},
                         {u"node_modules/aws-sdk/lib/core.js"_s, 60 * MiB, 10 * MiB}}));
        const std::vector<Suggestion> more = SuggestionFinder::find(session, SlimRules::builtin(&error));
        const std::vector<std::size_t> plan2 = SuggestionFinder::fixItPlan(session, more, &enough);
        QVERIFY(enough);
        QStringList ids;
        for (std::size_t i : plan2)
            ids << more[i].rule.id;
        QCOMPARE(ids, QStringList{u"node-aws-sdk-v3"_s});  // the source maps turned out unnecessary
    }

    void malformedRuleFilesAreClearErrors()
    {
        QString error;
        SlimRules::fromJson("{", u"broken.json"_s, &error);
        QVERIFY(error.startsWith(u"broken.json: not a rules file"_s));
        error.clear();
        SlimRules::fromJson(R"({"schema":"packscope.rules/1","ecosystem":"any","rules":[{"id":"x","title":"X",
            "reason":"r","risk":"maybe","match":["*.x"]}]})", u"r.json"_s, &error);
        QVERIFY(error.contains(u"\"risk\" must be safe, caution or danger"_s));
        error.clear();
        SlimRules::fromJson(R"({"schema":"packscope.rules/1","ecosystem":"any","rules":[{"id":"x","title":"X",
            "reason":"r","risk":"safe"}]})", u"r.json"_s, &error);
        QVERIFY(error.contains(u"either \"match\" globs or a \"detector\""_s));
    }

};

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
