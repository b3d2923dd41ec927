// packscope-cli diff end to end: two real builds of a package (zipped by two
// producers), a saved audit report as BASE, the exit codes CI relies on and
// the PR comment's size bound. Deltas are checked against what Python's
// zipfile and the file system say, not against Packscope's own numbers.
#include "Fixtures.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

fixtures::ToolRun cli(const QStringList &arguments)
{
    return fixtures::run(fixtures::cliPath(), arguments);
}

QJsonObject json(const fixtures::ToolRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

QJsonObject limitById(const QJsonObject &diff, const QString &id)
{
    for (const QJsonValue &v : diff[u"limits"_s].toArray()) {
        if (v[u"id"_s].toString() == id)
            return v.toObject();
    }
    return {};
}

QJsonObject entryByPath(const QJsonArray &list, const QString &path)
{
    for (const QJsonValue &v : list) {
        if (v[u"path"_s].toString() == path)
            return v.toObject();
    }
    return {};
}

// name -> file_size, from Python's zipfile.
QMap<QString, qint64> zipSizes(const QString &zip)
{
    QMap<QString, qint64> sizes;
    for (const QJsonValue &e : fixtures::zipfileFacts(zip)[u"entries"_s].toArray()) {
        if (!e[u"is_dir"_s].toBool())
            sizes.insert(e[u"name"_s].toString(), e[u"file_size"_s].toInteger());
    }
    return sizes;
}

} // namespace

class TestDiff : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_base;  // Python's zipfile
    QString m_head;  // Info-ZIP zip, from a folder

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!fixtures::requireTool(u"zip"_s))
            return;
        // BASE: a function with two npm packages. HEAD: one upgraded (and
        // grown), one dropped, one new, a module moved to another folder,
        // the handler edited, the rest as it was.
        m_base = fixtures::pythonFile(m_dir.filePath(u"base.zip"_s), uR"(
import json, random, sys, zipfile
r = random.Random(1)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('handler.js', 'exports.handler = async () => 1;\n' * 20)
    z.writestr('lib/util.js', 'module.exports = 42;\n' * 300)
    z.writestr('README.md', 'same in both\n' * 50)
    z.writestr('node_modules/left-pad/package.json', json.dumps({'name': 'left-pad', 'version': '1.3.0'}))
    z.writestr('node_modules/left-pad/index.js', 'x' * 3000)
    z.writestr('node_modules/sharp/package.json', json.dumps({'name': 'sharp', 'version': '0.32.0'}))
    z.writestr('node_modules/sharp/build/sharp.node', r.randbytes(300000))
)"_s);
        const QString tree = m_dir.filePath(u"head-tree"_s);
        fixtures::python(uR"(
import json, os, random, sys
r = random.Random(1)
root = sys.argv[1]
def put(path, data):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())
r.randbytes(300000)  # as BASE drew it, so that the rest differs
put('handler.js', 'exports.handler = async () => 2;\n' * 20)
put('src/util.js', 'module.exports = 42;\n' * 300)
put('README.md', 'same in both\n' * 50)
put('node_modules/sharp/package.json', json.dumps({'name': 'sharp', 'version': '0.33.2'}))
put('node_modules/sharp/build/sharp.node', r.randbytes(700000))
put('node_modules/uuid/package.json', json.dumps({'name': 'uuid', 'version': '9.0.1'}))
put('node_modules/uuid/dist/index.js', 'u' * 5000)
)"_s, {tree});
        m_head = m_dir.filePath(u"head.zip"_s);
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qrX"_s, m_head, u"."_s}, tree).exitCode, 0);
    }

    // Every kind of change, each with the exact deltas the two zips give.
    void twoBuildsOfAFunction()
    {
        const fixtures::ToolRun run = cli({u"diff"_s, m_base, m_head, u"--format"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject diff = json(run);
        QCOMPARE(diff[u"schema"_s].toString(), u"packscope.diff/1"_s);
        QCOMPARE(diff[u"base"_s][u"path"_s].toString(), m_base);
        QCOMPARE(diff[u"head"_s][u"format"_s].toString(), u"zip"_s);

        const QMap<QString, qint64> base = zipSizes(m_base), head = zipSizes(m_head);
        // Whole zips: the zipped limit's values are the files' sizes.
        const QJsonObject zipped = limitById(diff, u"zipped-direct-upload"_s);
        QCOMPARE(zipped[u"base_bytes"_s].toInteger(), QFileInfo(m_base).size());
        QCOMPARE(zipped[u"head_bytes"_s].toInteger(), QFileInfo(m_head).size());
        QCOMPARE(zipped[u"delta_bytes"_s].toInteger(), QFileInfo(m_head).size() - QFileInfo(m_base).size());
        QCOMPARE(diff[u"totals"_s][u"zipped_delta_bytes"_s].toInteger(), zipped[u"delta_bytes"_s].toInteger());
        qint64 unzippedDelta = 0;
        for (qint64 s : head)
            unzippedDelta += s;
        for (qint64 s : base)
            unzippedDelta -= s;
        QCOMPARE(diff[u"totals"_s][u"unzipped_delta_bytes"_s].toInteger(), unzippedDelta);
        QCOMPARE(limitById(diff, u"unzipped-total"_s)[u"delta_bytes"_s].toInteger(), unzippedDelta);
        QCOMPARE(diff[u"totals"_s][u"files_delta"_s].toInteger(), qint64(head.size() - base.size()));

        const QJsonObject counts = diff[u"counts"_s].toObject();
        QCOMPARE(counts[u"added"_s].toInt(), 2);    // uuid's two files
        QCOMPARE(counts[u"removed"_s].toInt(), 2);  // left-pad's two files
        QCOMPARE(counts[u"moved"_s].toInt(), 1);
        QCOMPARE(counts[u"changed"_s].toInt(), 3);  // handler.js, sharp's package.json and binary
        // README.md is the same bytes; Info-ZIP and zipfile may store it
        // alike or not, but it is never "changed".
        QCOMPARE(counts[u"unchanged"_s].toInt() + counts[u"recompressed"_s].toInt(), 1);

        const QJsonObject moved = diff[u"moved"_s].toArray().first().toObject();
        QCOMPARE(moved[u"from_path"_s].toString(), u"lib/util.js"_s);
        QCOMPARE(moved[u"path"_s].toString(), u"src/util.js"_s);
        QCOMPARE(moved[u"unzipped_delta_bytes"_s].toInteger(), 0);
        QVERIFY(entryByPath(diff[u"removed"_s].toArray(), u"lib/util.js"_s).isEmpty());

        const QJsonObject binary = entryByPath(diff[u"changed"_s].toArray(), u"node_modules/sharp/build/sharp.node"_s);
        QCOMPARE(binary[u"unzipped_delta_bytes"_s].toInteger(), 400000);
        QCOMPARE(binary[u"base_unzipped_bytes"_s].toInteger(), 300000);
        const QJsonObject added = entryByPath(diff[u"added"_s].toArray(), u"node_modules/uuid/dist/index.js"_s);
        QCOMPARE(added[u"unzipped_delta_bytes"_s].toInteger(), 5000);
        const QJsonObject removed = entryByPath(diff[u"removed"_s].toArray(), u"node_modules/left-pad/index.js"_s);
        QCOMPARE(removed[u"unzipped_delta_bytes"_s].toInteger(), -3000);

        // Dependencies: new and dropped first, then the upgrade.
        const QJsonArray deps = diff[u"dependencies"_s].toArray();
        QCOMPARE(deps.size(), 3);
        QStringList firstTwo{deps[0][u"name"_s].toString(), deps[1][u"name"_s].toString()};
        firstTwo.sort();
        QCOMPARE(firstTwo, (QStringList{u"left-pad"_s, u"uuid"_s}));
        const QJsonObject sharp = deps[2].toObject();
        QCOMPARE(sharp[u"name"_s].toString(), u"sharp"_s);
        QCOMPARE(sharp[u"base_version"_s].toString(), u"0.32.0"_s);
        QCOMPARE(sharp[u"head_version"_s].toString(), u"0.33.2"_s);
        QCOMPARE(sharp[u"unzipped_delta_bytes"_s].toInteger(),
                 head[u"node_modules/sharp/build/sharp.node"_s] + head[u"node_modules/sharp/package.json"_s]
                     - base[u"node_modules/sharp/build/sharp.node"_s] - base[u"node_modules/sharp/package.json"_s]);

        // The CSV lists the same changes, one a row.
        const fixtures::ToolRun csv = cli({u"diff"_s, m_base, m_head, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> rows = csv.out.trimmed().split('\n');
        QCOMPARE(rows.size(), 1 + 2 + 2 + 1 + 3 + counts[u"recompressed"_s].toInt());
        QVERIFY(csv.out.contains("moved,0,src/util.js,lib/util.js,"));
    }

    // CI keeps the last release's report, not its zip: the diff is the same.
    void aSavedReportIsAsGoodAsItsZip()
    {
        const QString report = m_dir.filePath(u"base.json"_s);
        const fixtures::ToolRun audit =
            cli({u"audit"_s, m_base, u"--format"_s, u"json"_s, u"--with-files"_s, u"-o"_s, report});
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        const QJsonObject saved = QJsonDocument::fromJson([&] {
            QFile f(report);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }()).object();
        QCOMPARE(saved[u"files"_s].toArray().size(), 7);
        QVERIFY(saved[u"files"_s][0].toObject().contains(u"crc32"_s));
        QCOMPARE(saved[u"dependencies"_s].toArray().size(), 2);
        for (const QString &format : {u"json"_s, u"text"_s, u"markdown"_s, u"csv"_s}) {
            const fixtures::ToolRun fromZip = cli({u"diff"_s, m_base, m_head, u"--format"_s, format});
            const fixtures::ToolRun fromReport = cli({u"diff"_s, report, m_head, u"--format"_s, format});
            QCOMPARE(fromReport.exitCode, 0);
            // The report names the package it was made from; everything else is equal.
            QCOMPARE(QString::fromUtf8(fromReport.out).replace(report, m_base), QString::fromUtf8(fromZip.out));
        }
        // The default audit JSON stays small: no file list.
        const QJsonObject plain = json(cli({u"audit"_s, m_base, u"--format"_s, u"json"_s}));
        QVERIFY(!plain.contains(u"files"_s) && !plain.contains(u"dependencies"_s));
        // A damaged report is one line naming it and what is wrong.
        QFile source(report);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray whole = source.readAll();
        const QString cut = m_dir.filePath(u"cut.json"_s);
        fixtures::writeFile(cut, whole.left(whole.size() / 2));
        const fixtures::ToolRun damaged = cli({u"diff"_s, cut, m_head});
        QCOMPARE(damaged.exitCode, 2);
        QVERIFY2(damaged.err.contains("cut.json: not valid JSON") && damaged.err.count('\n') == 1, damaged.err.constData());
        const QString other = m_dir.filePath(u"other.json"_s);
        fixtures::writeFile(other, QByteArray(whole).replace("packscope.audit/1", "packscope.suggest/1"));
        QVERIFY(cli({u"diff"_s, other, m_head}).err.contains("other.json: not a packscope.audit/1 report"));
        // A report that claims more than JSON holds exactly is refused, not rounded.
        const QString huge = m_dir.filePath(u"huge.json"_s);
        QByteArray inflated = whole;
        const qsizetype at = inflated.indexOf("\"zipped_bytes\": ") + 16;
        inflated.insert(at, "99999999999999999999");
        fixtures::writeFile(huge, inflated);
        QCOMPARE(cli({u"diff"_s, huge, m_head}).exitCode, 2);
        // A report without files cannot be a BASE, and says how to make one.
        const QString small = m_dir.filePath(u"small.json"_s);
        QCOMPARE(cli({u"audit"_s, m_base, u"--format"_s, u"json"_s, u"-o"_s, small}).exitCode, 0);
        const fixtures::ToolRun refused = cli({u"diff"_s, small, m_head});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("small.json") && refused.err.contains("--with-files"), refused.err.constData());
    }

    void exitCodes()
    {
        // A tiny profile that BASE already fails and HEAD fails more.
        const QString profile = m_dir.filePath(u"tiny.json"_s);
        fixtures::writeFile(profile, R"({"id": "tiny", "name": "Tiny", "limits": [
            {"id": "zipped", "title": "Zipped", "measure": "function-zipped", "limit": 1000, "comparison": "<"},
            {"id": "unzipped", "title": "Unzipped", "measure": "total-unzipped", "limit": 500000, "comparison": "<"}]})");
        const fixtures::ToolRun failing = cli({u"diff"_s, m_base, m_head, u"--profile"_s, profile});
        QVERIFY2(failing.exitCode == 1, failing.err.constData());
        QVERIFY(failing.out.contains("NEW FAIL  unzipped"));  // 303,990 bytes before, 1 MB after
        QVERIFY(failing.out.contains("FAIL [new failures:1 failing:2]"));
        const QJsonObject diff = json(cli({u"diff"_s, m_base, m_head, u"--profile"_s, profile, u"--format"_s, u"json"_s}));
        QVERIFY(limitById(diff, u"unzipped"_s)[u"new_failure"_s].toBool());
        QVERIFY(!limitById(diff, u"zipped"_s)[u"new_failure"_s].toBool());
        QCOMPARE(diff[u"totals"_s][u"new_failures"_s].toInt(), 1);

        // Only new failures fail the job: none when HEAD is BASE.
        QCOMPARE(cli({u"diff"_s, m_base, m_base, u"--profile"_s, profile}).exitCode, 1);
        QCOMPARE(cli({u"diff"_s, m_base, m_base, u"--profile"_s, profile, u"--fail-on-new-failure"_s}).exitCode, 0);
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--profile"_s, profile, u"--fail-on-new-failure"_s}).exitCode, 1);

        // Growth: HEAD's unzipped size more than doubles.
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--fail-on-growth"_s, u"1000"_s}).exitCode, 1);
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--fail-on-growth"_s, u"50%"_s}).exitCode, 1);
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--fail-on-growth"_s, u"500%"_s}).exitCode, 0);
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--fail-on-growth"_s, u"10000000"_s}).exitCode, 0);
        const fixtures::ToolRun grew = cli({u"diff"_s, m_base, m_head, u"--fail-on-growth"_s, u"1000"_s});
        QVERIFY2(grew.err.contains("unzipped-total grew by"), grew.err.constData());

        // Usage and input errors.
        QCOMPARE(cli({u"diff"_s, m_base}).exitCode, 2);
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--format"_s, u"yaml"_s}).exitCode, 2);
        QCOMPARE(cli({u"diff"_s, m_base, m_head, u"--fail-on-growth"_s, u"lots"_s}).exitCode, 2);
        const fixtures::ToolRun missing = cli({u"diff"_s, m_base, m_dir.filePath(u"nope.zip"_s)});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("nope.zip"));
        QCOMPARE(missing.err.count('\n'), 1);
    }

    // A layer attached in HEAD only: the unzipped total and the layer count move.
    void aLayerAdded()
    {
        const QString layer = fixtures::pythonFile(m_dir.filePath(u"layer.zip"_s), uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('python/lib/big.txt', 'l' * 123456)
)"_s);
        const QJsonObject diff =
            json(cli({u"diff"_s, m_base, m_base, u"--layer"_s, layer, u"--format"_s, u"json"_s}));
        QCOMPARE(limitById(diff, u"layer-count"_s)[u"delta_bytes"_s].toInt(), 1);
        QCOMPARE(limitById(diff, u"unzipped-total"_s)[u"delta_bytes"_s].toInt(), 123456);
        QCOMPARE(limitById(diff, u"zipped-direct-upload"_s)[u"delta_bytes"_s].toInt(), 0);
        QCOMPARE(diff[u"head"_s][u"layers"_s].toArray().size(), 1);
        const QJsonObject added = diff[u"added"_s].toArray().first().toObject();
        QCOMPARE(added[u"path"_s].toString(), u"python/lib/big.txt"_s);
        QCOMPARE(added[u"package_index"_s].toInt(), 1);
    }

    // Without CRCs (tar), a move is found by name and size.
    void tarMovesByNameAndSize()
    {
        const QString make = uR"(
import io, sys, tarfile
with tarfile.open(sys.argv[1], 'w:gz') as t:
    for name, data in ((sys.argv[2] + '/model.bin', b'm' * 40000), ('app.py', b'print(1)\n')):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
)"_s;
        const QString a = m_dir.filePath(u"a.tar.gz"_s), b = m_dir.filePath(u"b.tar.gz"_s);
        fixtures::python(make, {a, u"old"_s});
        fixtures::python(make, {b, u"assets/new"_s});
        const fixtures::ToolRun run = cli({u"diff"_s, a, b, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject diff = json(run);
        QCOMPARE(diff[u"counts"_s][u"moved"_s].toInt(), 1);
        QCOMPARE(diff[u"moved"_s][0][u"from_path"_s].toString(), u"old/model.bin"_s);
        QVERIFY(diff[u"totals"_s][u"zipped_estimated"_s].toBool());
        QVERIFY(cli({u"diff"_s, a, b}).out.contains("zipped (estimate)"));
    }

    // A Python function before and after adding a distribution: the new
    // distribution weighs what its RECORD names, and is listed first.
    void aPythonDistributionAdded()
    {
        const QString make = uR"(
import os, sys, zipfile
def dist(z, name, version, files):
    info = '%s-%s.dist-info' % (name, version)
    record = ''.join('%s,,\n' % f for f in list(files) + [info + '/METADATA', info + '/RECORD'])
    z.writestr(info + '/METADATA', 'Name: %s\nVersion: %s\n' % (name, version))
    z.writestr(info + '/RECORD', record)
    for f, size in files.items():
        z.writestr(f, 'p' * size)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('handler.py', 'def handler(e, c):\n    return 1\n')
    dist(z, 'six', '1.16.0', {'six.py': 34000})
    if sys.argv[2] == 'head':
        dist(z, 'requests', '2.31.0', {'requests/__init__.py': 5000, 'requests/models.py': 35000})
)"_s;
        const QString before = m_dir.filePath(u"py-before.zip"_s), after = m_dir.filePath(u"py-after.zip"_s);
        fixtures::python(make, {before, u"base"_s});
        fixtures::python(make, {after, u"head"_s});
        const QJsonObject diff = json(cli({u"diff"_s, before, after, u"--format"_s, u"json"_s}));
        const QJsonArray deps = diff[u"dependencies"_s].toArray();
        QCOMPARE(deps.size(), 1);  // six is the same on both sides
        const QJsonObject requests = deps[0].toObject();
        QCOMPARE(requests[u"name"_s].toString(), u"requests"_s);
        QCOMPARE(requests[u"ecosystem"_s].toString(), u"python"_s);
        QCOMPARE(requests[u"status"_s].toString(), u"added"_s);
        QCOMPARE(requests[u"head_version"_s].toString(), u"2.31.0"_s);
        const QMap<QString, qint64> head = zipSizes(after);
        qint64 weight = 0;
        for (auto it = head.cbegin(); it != head.cend(); ++it) {
            if (it.key().startsWith(u"requests"_s))
                weight += it.value();
        }
        QCOMPARE(requests[u"unzipped_delta_bytes"_s].toInteger(), weight);
        QCOMPARE(diff[u"totals"_s][u"unzipped_delta_bytes"_s].toInteger(), weight);
        QCOMPARE(diff[u"counts"_s][u"added"_s].toInt(), 4);
        const fixtures::ToolRun md = cli({u"diff"_s, before, after, u"--format"_s, u"markdown"_s});
        QVERIFY(md.out.contains("| `requests` | (new) | 2.31.0 |"));
    }

    // The same files written with zip64 records: only the zipped bytes move,
    // each file by exactly what its zip64 fields add.
    void zip64AgainstPlainZip()
    {
        const QString make = uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    for i in range(3):
        with z.open('data/f%d.bin' % i, 'w', force_zip64=(sys.argv[2] == '64')) as f:
            f.write(b'z' * (1000 * (i + 1)))
)"_s;
        const QString plain = m_dir.filePath(u"plain.zip"_s), wide = m_dir.filePath(u"wide.zip"_s);
        fixtures::python(make, {plain, u"32"_s});
        fixtures::python(make, {wide, u"64"_s});
        const QJsonObject diff = json(cli({u"diff"_s, plain, wide, u"--format"_s, u"json"_s}));
        QCOMPARE(diff[u"counts"_s][u"recompressed"_s].toInt(), 3);
        QCOMPARE(diff[u"totals"_s][u"unzipped_delta_bytes"_s].toInteger(), 0);
        QCOMPARE(diff[u"totals"_s][u"zipped_delta_bytes"_s].toInteger(), QFileInfo(wide).size() - QFileInfo(plain).size());
        qint64 sum = 0;
        for (const QJsonValue &v : diff[u"recompressed"_s].toArray())
            sum += v[u"zipped_delta_bytes"_s].toInteger();
        QCOMPARE(sum, QFileInfo(wide).size() - QFileInfo(plain).size());
    }

    // However many files change, the PR comment fits GitHub's 65,536.
    void markdownFitsAComment()
    {
        const QString big = fixtures::pythonFile(m_dir.filePath(u"big.zip"_s), uR"(
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    for i in range(4000):
        z.writestr('node_modules/pkg%d/%s/file%05d.js' % (i % 50, 'deep/' * 30, i), 'x' * (i + 1))
)"_s);
        const fixtures::ToolRun run = cli({u"diff"_s, m_base, big, u"--format"_s, u"markdown"_s, u"--top"_s, u"100000"_s});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.size() < 65000, qPrintable(QString::number(text.size())));
        QVERIFY(text.contains(u"| Limit | Base | Head |"_s));
        QVERIFY(text.contains(u"#### Largest file changes"_s));
        QVERIFY(text.contains(u"`packscope-cli diff --format csv` lists them all"_s));
        // The largest change is listed first, its long path cut in the middle.
        QVERIFY(text.contains(u"file03999.js`"_s));
        QVERIFY(text.contains(u"…"_s));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
