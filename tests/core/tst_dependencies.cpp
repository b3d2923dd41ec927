// Dependencies by package: npm packages (scoped, nested, with versions from
// package.json) and Python distributions (from .dist-info and RECORD, with
// namespace packages and shared __pycache__ split apart), their sizes exact
// and following exclusions; the name-matching fallback for tar packages.
#include "Fixtures.h"
#include "SyntheticPackage.h"

#include "jobs/JobControl.h"
#include "report/Dependencies.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;

namespace {

// Writes the sample site: an npm tree and a Python site-packages, as a zip
// (deflated, as pip-built Lambda zips are) and as a tar.gz.
const char *kMakeSite = R"(
import io, os, sys, tarfile, zipfile
files = {}
def add(path, data):
    files[path] = data if isinstance(data, bytes) else data.encode()
add('node_modules/aws-sdk/package.json', '{"name": "aws-sdk", "version": "2.1692.0"}')
add('node_modules/aws-sdk/lib/core.js', 'x' * 5000)
add('node_modules/@aws-sdk/client-s3/package.json', '{"name": "@aws-sdk/client-s3", "version": "3.600.0"}')
add('node_modules/@aws-sdk/client-s3/index.js', 'y' * 3000)
add('node_modules/outer/package.json', '{"version": "1.0.0"}')
add('node_modules/outer/index.js', 'o' * 1000)
add('node_modules/outer/node_modules/inner/package.json', '{"version": "0.1.0"}')
add('node_modules/outer/node_modules/inner/index.js', 'i' * 700)
add('node_modules/.bin/tsc', '#!/bin/sh\n')
site = 'python/'
def dist(name, version, paths):
    info = '%s-%s.dist-info' % (name, version)
    record = [p + ',sha256=x,' + str(len(files.get(site + p, b''))) for p in paths]
    record += [info + '/METADATA,,', info + '/RECORD,,', '../../bin/tool,,']
    add(site + info + '/METADATA', 'Name: ' + name)
    add(site + info + '/RECORD', '\n'.join(record) + '\n')
add(site + 'numpy/__init__.py', 'n' * 4000)
add(site + 'numpy/core/_multiarray.so', 'N' * 9000)
add(site + 'numpy.libs/libopenblas.so', 'B' * 6000)
dist('numpy', '1.26.4', ['numpy/__init__.py', 'numpy/core/_multiarray.so', 'numpy.libs/libopenblas.so'])
add(site + 'six.py', 's' * 800)
add(site + '__pycache__/six.cpython-312.pyc', 'S' * 500)
add(site + '__pycache__/typing_extensions.cpython-312.pyc', 'T' * 600)
add(site + 'typing_extensions.py', 't' * 900)
dist('six', '1.16.0', ['six.py', '__pycache__/six.cpython-312.pyc'])
dist('typing_extensions', '4.12.2', ['typing_extensions.py', '__pycache__/typing_extensions.cpython-312.pyc'])
add(site + 'google/protobuf/message.py', 'p' * 2500)
add(site + 'google/api_core/client.py', 'a' * 1500)
dist('protobuf', '5.27.0', ['google/protobuf/message.py'])
dist('google_api_core', '2.19.0', ['google/api_core/client.py'])
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for path in sorted(files):
        z.writestr(path, files[path])
with tarfile.open(sys.argv[2], 'w:gz') as t:
    for path in sorted(files):
        info = tarfile.TarInfo(path)
        info.size = len(files[path])
        t.addfile(info, io.BytesIO(files[path]))
)";

const Dependency *named(const std::vector<Dependency> &deps, const QString &name)
{
    for (const Dependency &d : deps) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

} // namespace

class TestDependencies : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_zip;
    QString m_tar;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_zip = m_dir.filePath(u"site.zip"_s);
        m_tar = m_dir.filePath(u"site.tar.gz"_s);
        fixtures::python(QString::fromLatin1(kMakeSite), {m_zip, m_tar});
        QVERIFY(QFile::exists(m_zip) && QFile::exists(m_tar));
    }

    // A cancelled search stops at once with nothing more; one not cancelled
    // finds what a search without a control finds.
    void cancelledSearchStops()
    {
        Session session;
        QVERIFY(fixtures::openPackage(session, m_zip));
        const std::vector<Dependency> all = findDependencies(*session.package(0));
        QVERIFY(!all.empty());
        const JobControl running;
        QCOMPARE(findDependencies(*session.package(0), nullptr, &running).size(), all.size());
        const JobControl cancelled;
        cancelled.cancel();
        QVERIFY(findDependencies(*session.package(0), nullptr, &cancelled).empty());
    }

    void npmPackages()
    {
        Session session;
        QVERIFY(fixtures::openPackage(session, m_zip));
        const std::vector<Dependency> deps = findDependencies(*session.package(0));
        const Dependency *sdk = named(deps, u"aws-sdk"_s);
        QVERIFY(sdk);
        QCOMPARE(sdk->ecosystem, Ecosystem::Node);
        QCOMPARE(sdk->version, u"2.1692.0"_s);
        QCOMPARE(keptTotals(*sdk, session.exclusions(0)).unzipped, 5000u + 42u);
        const Dependency *scoped = named(deps, u"@aws-sdk/client-s3"_s);
        QVERIFY(scoped);
        QCOMPARE(scoped->version, u"3.600.0"_s);
        QVERIFY(!named(deps, u".bin"_s));
        // A nested package is its own, and not counted in the one holding it.
        const Dependency *outer = named(deps, u"outer"_s);
        const Dependency *inner = named(deps, u"inner"_s);
        QVERIFY(outer && inner);
        QCOMPARE(keptTotals(*inner, session.exclusions(0)).files, 2u);
        QCOMPARE(keptTotals(*outer, session.exclusions(0)).files, 2u);
        QCOMPARE(keptTotals(*outer, session.exclusions(0)).unzipped,
                 session.package(0)->tree.node(fixtures::nodeAt(session.package(0)->tree, u"node_modules/outer"_s))
                         .totals.unzipped
                     - keptTotals(*inner, session.exclusions(0)).unzipped);
    }

    void pythonDistributionsFromRecord()
    {
        Session session;
        QVERIFY(fixtures::openPackage(session, m_zip));
        const PackageTree &tree = session.package(0)->tree;
        const std::vector<Dependency> deps = findDependencies(*session.package(0));
        const Dependency *numpy = named(deps, u"numpy"_s);
        QVERIFY(numpy);
        QCOMPARE(numpy->ecosystem, Ecosystem::Python);
        QCOMPARE(numpy->version, u"1.26.4"_s);
        QStringList paths;
        for (NodeId node : numpy->nodes)
            paths << tree.path(node);
        paths.sort();
        QCOMPARE(paths, (QStringList{u"python/numpy"_s, u"python/numpy-1.26.4.dist-info"_s, u"python/numpy.libs"_s}));
        // __pycache__ and the google namespace are shared: split a level down.
        const Dependency *six = named(deps, u"six"_s);
        QVERIFY(six);
        paths.clear();
        for (NodeId node : six->nodes)
            paths << tree.path(node);
        paths.sort();
        QCOMPARE(paths, (QStringList{u"python/__pycache__/six.cpython-312.pyc"_s, u"python/six-1.16.0.dist-info"_s,
                                     u"python/six.py"_s}));
        const Dependency *protobuf = named(deps, u"protobuf"_s);
        QVERIFY(protobuf);
        QVERIFY(std::count(protobuf->nodes.begin(), protobuf->nodes.end(),
                           fixtures::nodeAt(tree, u"python/google/protobuf"_s)) == 1);
        QVERIFY(std::count(protobuf->nodes.begin(), protobuf->nodes.end(), fixtures::nodeAt(tree, u"python/google"_s))
                == 0);
    }

    void sizesFollowExclusionsAndRankHeaviestFirst()
    {
        Session session;
        QVERIFY(fixtures::openPackage(session, m_zip));
        std::vector<std::vector<Dependency>> found{findDependencies(*session.package(0))};
        std::vector<DependencySize> ranked = rankDependencies(session, found);
        QVERIFY(ranked.size() >= 8);
        QCOMPARE(ranked.front().dependency->name, u"numpy"_s);
        for (std::size_t i = 1; i < ranked.size(); ++i)
            QVERIFY(ranked[i - 1].kept.unzipped >= ranked[i].kept.unzipped);
        // What excluding a dependency saves is exactly what it weighs.
        const Dependency *numpy = ranked.front().dependency;
        const SizeTotals weight = ranked.front().kept;
        const std::uint64_t zippedBefore = session.measures().functionZipped;
        std::vector<NodeRef> refs;
        for (NodeId node : numpy->nodes)
            refs.push_back({0, node});
        session.exclude(refs);
        QCOMPARE(zippedBefore - session.measures().functionZipped, weight.footprint);
        ranked = rankDependencies(session, found);
        QVERIFY(std::none_of(ranked.begin(), ranked.end(),
                             [](const DependencySize &d) { return d.dependency->name == u"numpy"_s; }));
        // Half of it excluded: it weighs the rest.
        session.undo();
        session.excludeMatching(GlobPattern(u"python/numpy.libs"_s));
        ranked = rankDependencies(session, found);
        QCOMPARE(ranked.front().kept.unzipped, weight.unzipped - 6000);
    }

    // Read after the package changed on disk, the versions and RECORDs are
    // an error for the caller, not dependencies without versions.
    void changedPackageIsAnError()
    {
        const QString zip = m_dir.filePath(u"changed-site.zip"_s);
        QVERIFY(QFile::copy(m_zip, zip));
        Session session;
        QVERIFY(fixtures::openPackage(session, zip));
        QString error;
        QCOMPARE(named(findDependencies(*session.package(0), &error), u"aws-sdk"_s)->version, u"2.1692.0"_s);
        QVERIFY(error.isEmpty());
        QVERIFY(QFile::resize(zip, QFileInfo(zip).size() - 100));
        findDependencies(*session.package(0), &error);
        QCOMPARE(error, zip + u" changed on disk since it was opened: reopen it"_s);
        // A tar's contents are never read again: nothing to say.
        Session tar;
        QVERIFY(fixtures::openPackage(tar, m_tar));
        findDependencies(*tar.package(0), &error);
        QVERIFY(error.isEmpty());
    }

    void tarFallsBackToNames()
    {
        // Tar contents are not read again: the distribution's own folder and
        // .libs stand in for its RECORD, and package.json versions are unknown.
        Session session;
        QVERIFY(fixtures::openPackage(session, m_tar));
        const PackageTree &tree = session.package(0)->tree;
        const std::vector<Dependency> deps = findDependencies(*session.package(0));
        const Dependency *numpy = named(deps, u"numpy"_s);
        QVERIFY(numpy);
        QCOMPARE(numpy->nodes.size(), std::size_t(3));
        const Dependency *six = named(deps, u"six"_s);
        QVERIFY(six);
        QVERIFY(std::count(six->nodes.begin(), six->nodes.end(), fixtures::nodeAt(tree, u"python/six.py"_s)) == 1);
        const Dependency *sdk = named(deps, u"aws-sdk"_s);
        QVERIFY(sdk);
        QVERIFY(sdk->version.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDependencies)
#include "tst_dependencies.moc"
