// packscope-cli end to end: run the binary, parse what it prints, check the
// exit codes and the CLI.md contract on the seed's scenarios.
#include "Fixtures.h"
#include "OpenGate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

fixtures::ToolRun cli(const QStringList &arguments)
{
    return fixtures::run(fixtures::cliPath(), arguments);
}

// A function whose contents the CLI reads: native binaries (one for another
// machine, so a rule matches), an npm package with a version and a Python
// distribution with its RECORD.
const char *kMakeReadFunction = R"(
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('lib/x86.so', elf(0x3E, 50000))
    z.writestr('lib/arm.so', elf(0xB7, 2000))
    z.writestr('node_modules/left-pad/package.json', '{"version": "1.3.0"}')
    z.writestr('node_modules/left-pad/index.js', 'x' * 3000)
    z.writestr('python/six-1.16.0.dist-info/RECORD', 'six.py,,\n')
    z.writestr('python/six.py', 's' * 800)
    z.writestr('handler.py', 'def handler(event, context):\n    return 42\n' * int(sys.argv[2]))
)";

// Changes `path` the two ways builds do: cut short where it lies, or
// replaced by `replacement` (another size) renamed over it. False when the
// system refused.
bool change(const QString &path, const QString &replacement)
{
    if (replacement.isEmpty())
        return ::truncate(QFile::encodeName(path).constData(), QFileInfo(path).size() / 2) == 0;
    return ::rename(QFile::encodeName(replacement).constData(), QFile::encodeName(path).constData()) == 0;
}

QJsonObject limitById(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &v : report[u"limits"_s].toArray()) {
        if (v[u"id"_s].toString() == id)
            return v.toObject();
    }
    return {};
}


} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_sampleZip;
    QString m_modelZip;
    QString m_zerosZip;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!fixtures::requireTool(u"zip"_s))
            return;
        const QString tree = m_dir.filePath(u"tree"_s);
        fixtures::writeSampleTree(tree, false);
        m_sampleZip = m_dir.filePath(u"function.zip"_s);
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qr"_s, m_sampleZip, u"."_s}, tree).exitCode, 0);

        // The seed's model bundle: ~125 MB of model data that does not compress.
        const QString model = m_dir.filePath(u"model"_s);
        fixtures::writeFile(model + u"/classify_image.py"_s, "import tensorflow as tf\n");
        fixtures::writeRandomFile(model + u"/classify_image_graph_def.pb"_s, 95 * 1000 * 1000, 3);
        fixtures::writeRandomFile(model + u"/MachineLearning-Bundle.zip"_s, 30 * 1000 * 1000, 4);
        fixtures::writeFile(model + u"/imagenet_synset_to_human_label_map.txt"_s, QByteArray(700000, 'n'));
        m_modelZip = m_dir.filePath(u"model-bundle.zip"_s);
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qr"_s, m_modelZip, u"."_s}, model).exitCode, 0);

        // 350,000,000 bytes of zeros: tiny zipped, over the unzipped limit.
        const QString zeros = m_dir.filePath(u"zeros"_s);
        QDir().mkpath(zeros);
        {
            QFile file(zeros + u"/zeros.bin"_s);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(350000000));  // sparse file of zeros
        }
        m_zerosZip = m_dir.filePath(u"zeros.zip"_s);
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qr"_s, m_zerosZip, u"."_s}, zeros).exitCode, 0);
    }

    void versionAndHelp()
    {
        const auto version = cli({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("packscope-cli "));
        QCOMPARE(cli({u"--help"_s}).exitCode, 0);
        QCOMPARE(cli({u"audit"_s, u"--help"_s}).exitCode, 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no command") << QStringList{} << u"no command"_s;
        QTest::addRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command"_s;
        QTest::addRow("no package") << QStringList{u"audit"_s} << u"exactly one PACKAGE"_s;
        QTest::addRow("bad format") << QStringList{u"audit"_s, u"x.zip"_s, u"--format"_s, u"xml"_s} << u"--format"_s;
        QTest::addRow("bad top") << QStringList{u"audit"_s, u"x.zip"_s, u"--top"_s, u"-3"_s} << u"--top"_s;
        QTest::addRow("unknown option") << QStringList{u"audit"_s, u"x.zip"_s, u"--frob"_s} << u"frob"_s;
        QTest::addRow("empty glob") << QStringList{u"audit"_s, u"x.zip"_s, u"--exclude"_s, u""_s} << u"empty glob"_s;
        QTest::addRow("missing file") << QStringList{u"audit"_s, u"/nonexistent/f.zip"_s}
                                      << u"/nonexistent/f.zip: no such file"_s;
        QTest::addRow("bad profile") << QStringList{u"audit"_s, u"x.zip"_s, u"--profile"_s, u"nope"_s}
                                     << u"not a built-in profile"_s;
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto r = cli(arguments);
        QCOMPARE(r.exitCode, 2);
        const QString firstLine = QString::fromUtf8(r.err).section(u'\n', 0, 0);
        QVERIFY2(firstLine.startsWith(u"packscope-cli: error: "_s), r.err.constData());
        QVERIFY2(firstLine.contains(message), r.err.constData());
    }

    void jsonContract()
    {
        const auto r = cli({u"audit"_s, m_sampleZip, u"--format"_s, u"json"_s, u"--top"_s, u"3"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        // Byte for byte what QJsonDocument writes (sorted keys, 4-space indent).
        QCOMPARE(r.out, QJsonDocument(report).toJson(QJsonDocument::Indented));
        QCOMPARE(report[u"schema"_s].toString(), u"packscope.audit/1"_s);
        QCOMPARE(report[u"profile"_s].toString(), u"aws-lambda"_s);
        const QJsonObject facts = fixtures::zipfileFacts(m_sampleZip);
        const QJsonObject package = report[u"packages"_s][0].toObject();
        QCOMPARE(package[u"path"_s].toString(), m_sampleZip);
        QCOMPARE(package[u"role"_s].toString(), u"function"_s);
        QCOMPARE(package[u"format"_s].toString(), u"zip"_s);
        QCOMPARE(package[u"files"_s].toInteger(), facts[u"files"_s].toInteger());
        QCOMPARE(package[u"dirs"_s].toInteger(), facts[u"dirs"_s].toInteger());
        QCOMPARE(package[u"symlinks"_s].toInteger(), 0);
        QCOMPARE(package[u"unzipped_bytes"_s].toInteger(), facts[u"unzipped"_s].toInteger());
        QCOMPARE(package[u"zipped_bytes"_s].toInteger(), QFileInfo(m_sampleZip).size());
        QCOMPARE(package[u"zipped_estimated"_s].toBool(), false);
        for (const char *key : {"excluded_files", "excluded_zipped_bytes", "excluded_unzipped_bytes"})
            QCOMPARE(package[QLatin1String(key)].toInteger(), 0);
        for (const QString &id : {u"zipped-direct-upload"_s, u"unzipped-total"_s, u"layer-count"_s, u"console-editor"_s}) {
            const QJsonObject limit = limitById(report, id);
            QVERIFY2(!limit.isEmpty(), qPrintable(id));
            for (const char *key : {"limit_bytes", "value_bytes", "pass", "headroom_bytes", "culprits"})
                QVERIFY2(limit.contains(QLatin1String(key)), key);
            QCOMPARE(limit[u"headroom_bytes"_s].toInteger(),
                     limit[u"limit_bytes"_s].toInteger() - limit[u"value_bytes"_s].toInteger());
        }
        QCOMPARE(report[u"largest"_s].toArray().size(), 3);
        QVERIFY(report[u"largest"_s][0][u"unzipped_bytes"_s].toInteger()
                >= report[u"largest"_s][1][u"unzipped_bytes"_s].toInteger());
        QVERIFY(report[u"warnings"_s].isArray());
    }

    void modelBundleFailsDirectUploadOnly()
    {
        const auto r = cli({u"audit"_s, m_modelZip, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        const QJsonObject zipped = limitById(report, u"zipped-direct-upload"_s);
        QCOMPARE(zipped[u"pass"_s].toBool(), false);
        QCOMPARE(zipped[u"value_bytes"_s].toInteger(), QFileInfo(m_modelZip).size());
        QVERIFY(limitById(report, u"unzipped-total"_s)[u"pass"_s].toBool());
        // The graph file alone brings it under 50 MiB: one culprit.
        const QJsonArray culprits = zipped[u"culprits"_s].toArray();
        QCOMPARE(culprits.size(), 1);
        QCOMPARE(culprits[0][u"path"_s].toString(), u"classify_image_graph_def.pb"_s);
        QVERIFY(culprits[0][u"bytes"_s].toInteger() > 95000000);

        // Excluding it: predicted size equals `zip -d`, and the exit code is 0.
        const auto slim = cli({u"audit"_s, m_modelZip, u"--format"_s, u"json"_s, u"--exclude"_s, u"*.pb"_s});
        QCOMPARE(slim.exitCode, 0);
        const QJsonObject slimPackage = QJsonDocument::fromJson(slim.out).object()[u"packages"_s][0].toObject();
        const QString copy = m_dir.filePath(u"model-d.zip"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_modelZip, copy));
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qd"_s, copy, u"classify_image_graph_def.pb"_s}).exitCode, 0);
        QCOMPARE(slimPackage[u"zipped_bytes"_s].toInteger(), QFileInfo(copy).size());
        QCOMPARE(slimPackage[u"excluded_files"_s].toInteger(), 1);
        QCOMPARE(slimPackage[u"excluded_unzipped_bytes"_s].toInteger(), 95000000);
        QCOMPARE(slimPackage[u"excluded_zipped_bytes"_s].toInteger(),
                 QFileInfo(m_modelZip).size() - QFileInfo(copy).size());
    }

    void zerosFailUnzippedOnly()
    {
        QVERIFY(QFileInfo(m_zerosZip).size() < 1000000);
        const auto r = cli({u"audit"_s, m_zerosZip, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY(limitById(report, u"zipped-direct-upload"_s)[u"pass"_s].toBool());
        const QJsonObject unzipped = limitById(report, u"unzipped-total"_s);
        QCOMPARE(unzipped[u"pass"_s].toBool(), false);
        QCOMPARE(unzipped[u"value_bytes"_s].toInteger(), 350000000);
        QCOMPARE(unzipped[u"headroom_bytes"_s].toInteger(), 262144000 - 350000000);
        QCOMPARE(unzipped[u"culprits"_s][0][u"path"_s].toString(), u"zeros.bin"_s);
    }

    void textReport()
    {
        const auto r = cli({u"audit"_s, m_modelZip});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split(u'\n');
        QCOMPARE(lines.last(), u"FAIL [pass:2 fail:1]"_s);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY(text.contains(u"FAIL  zipped-direct-upload"_s));
        QVERIFY(text.contains(u"PASS  unzipped-total"_s));
        QVERIFY(text.contains(u"Zipped size must be smaller than 52428800 bytes"_s));
        QVERIFY(text.contains(u"classify_image_graph_def.pb"_s));
        QVERIFY(text.contains(u"(52,428,800 bytes)"_s));
    }

    void layers()
    {
        // A 125 MB layer: it does not count for the direct upload, it does for
        // the unzipped limit, and the text states the function's remaining budget.
        auto r = cli({u"audit"_s, m_sampleZip, u"--layer"_s, m_modelZip});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli({u"audit"_s, m_sampleZip, u"--layer"_s, m_zerosZip}).exitCode, 1);
        r = cli({u"audit"_s, m_sampleZip, u"--layer"_s, m_modelZip, u"--format"_s, u"json"_s});
        QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY(limitById(report, u"zipped-direct-upload"_s)[u"pass"_s].toBool());
        const QJsonArray packages = report[u"packages"_s].toArray();
        QCOMPARE(packages.size(), 2);
        QCOMPARE(packages[1][u"role"_s].toString(), u"layer"_s);
        const qint64 total = packages[0][u"unzipped_bytes"_s].toInteger() + packages[1][u"unzipped_bytes"_s].toInteger();
        QCOMPARE(limitById(report, u"unzipped-total"_s)[u"value_bytes"_s].toInteger(), total);
        QCOMPARE(report[u"function_unzipped_budget_bytes"_s].toInteger(),
                 262144000 - packages[1][u"unzipped_bytes"_s].toInteger());
        const auto text = cli({u"audit"_s, m_sampleZip, u"--layer"_s, m_modelZip});
        const QString budget = QString::number(262144000 - packages[1][u"unzipped_bytes"_s].toInteger());
        QVERIFY(QString::fromUtf8(text.out).remove(u',').contains(budget));

        QStringList six = {u"audit"_s, m_sampleZip, u"--format"_s, u"json"_s};
        for (int i = 0; i < 6; ++i)
            six << u"--layer"_s << m_sampleZip;
        r = cli(six);
        QCOMPARE(r.exitCode, 1);
        report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(r.out, QJsonDocument(report).toJson(QJsonDocument::Indented));
        const QJsonObject count = limitById(report, u"layer-count"_s);
        QCOMPARE(count[u"pass"_s].toBool(), false);
        QCOMPARE(count[u"value_bytes"_s].toInteger(), 6);
    }

    void csv()
    {
        const auto r = cli({u"audit"_s, m_sampleZip, u"--format"_s, u"csv"_s, u"--exclude"_s, u"*.txt"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("path,zipped_bytes,unzipped_bytes,excluded,package"));
        const QJsonObject facts = fixtures::zipfileFacts(m_sampleZip);
        QCOMPARE(lines.size() - 1, facts[u"files"_s].toInt());
        bool sawExcluded = false;
        for (const QByteArray &line : lines.mid(1)) {
            const bool txt = line.startsWith("lib/big.txt,");
            if (txt)
                sawExcluded = line.contains(",true,");
            else
                QVERIFY2(line.contains(",false,"), line.constData());
        }
        QVERIFY(sawExcluded);
    }

    void outputFileIsAtomicAndNeverTheInput()
    {
        const QString out = m_dir.filePath(u"report.json"_s);
        auto r = cli({u"audit"_s, m_sampleZip, u"--format"_s, u"json"_s, u"-o"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(file.readAll()).isObject());

        const QByteArray before = fixtures::sha256(m_sampleZip);
        r = cli({u"audit"_s, m_sampleZip, u"-o"_s, m_sampleZip});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("refusing to write the report over an input package"));
        QCOMPARE(fixtures::sha256(m_sampleZip), before);
    }

    void damagedZipIsExitTwoWithRecoveryCount()
    {
        const QString broken = m_dir.filePath(u"broken.zip"_s);
        QFile::remove(broken);
        QVERIFY(QFile::copy(m_sampleZip, broken));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 40));  // cut into the central directory and end record
        file.close();
        const auto r = cli({u"audit"_s, broken, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QString line = QString::fromUtf8(r.err).section(u'\n', 0, 0);
        QVERIFY2(line.contains(broken), qPrintable(line));
        const int files = fixtures::zipfileFacts(m_sampleZip)[u"files"_s].toInt();
        const int dirs = fixtures::zipfileFacts(m_sampleZip)[u"dirs"_s].toInt();
        QVERIFY2(line.contains(u"recovers %1 entries"_s.arg(files + dirs)), qPrintable(line));
    }

    // A package that changes on disk after the CLI read it and before it
    // reads its contents (binaries, package.json, RECORD) is an error, not a
    // report that silently finds no binaries. The moment: the layer's first
    // open, after the function was read and before anything reads contents.
    void changedPackageIsAnErrorNotAnEmptyReport_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("replace");
        for (const QString &command : {u"suggest"_s, u"audit --scenario"_s}) {
            QTest::addRow("%s, truncated", qPrintable(command)) << command << false;
            QTest::addRow("%s, replaced", qPrintable(command)) << command << true;
        }
    }
    void changedPackageIsAnErrorNotAnEmptyReport()
    {
        QFETCH(QString, command);
        QFETCH(bool, replace);
        const QString dir = m_dir.filePath(u"changed-%1-%2"_s.arg(command.section(u' ', 0, 0)).arg(replace));
        QVERIFY(QDir().mkpath(dir));
        const QString function = dir + u"/function.zip"_s;
        fixtures::python(fixtures::pythonWithElf(QString::fromLatin1(kMakeReadFunction)), {function, u"1"_s});
        const QString replacement = dir + u"/rebuilt.zip"_s;
        fixtures::python(fixtures::pythonWithElf(QString::fromLatin1(kMakeReadFunction)), {replacement, u"40"_s});
        QVERIFY(QFileInfo(replacement).size() != QFileInfo(function).size());
        const QString layer = dir + u"/layer.zip"_s;
        QCOMPARE(fixtures::run(u"zip"_s, {u"-qj"_s, layer, function}).exitCode, 0);
        QStringList arguments{command.section(u' ', 0, 0), function, u"--layer"_s, layer};
        if (command.contains(u"--scenario"_s)) {
            const QString scenario = dir + u"/slim.packscope.json"_s;
            fixtures::writeFile(scenario, R"({"schema": "packscope.scenario/1", "package": {"path": "function.zip"},
                                           "rules": ["other-architecture-binaries"]})");
            arguments << u"--scenario"_s << scenario;
        }
        const QString expected =
            u"packscope-cli: error: %1 changed on disk since it was opened: reopen it\n"_s.arg(function);

        std::atomic<bool> changed = false;
        const fixtures::OpenGate gate(layer, [&](int open) {
            if (open == 1)
                changed = change(function, replace ? replacement : QString());
        });
        QVERIFY2(gate.error().isEmpty(), qPrintable(gate.error()));
        const auto r = cli(arguments);
        QVERIFY(changed);
        QCOMPARE(QString::fromUtf8(r.err), expected);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
    }

    // --rules on a package that changed after it was read: the rules that
    // read binaries would find none, so slim and patterns stop instead of
    // writing what those rules never saw. The moment is the package's third
    // open: PackageReader sniffs its format (1), the zip reader reads it
    // (2), then the binaries are read (3).
    void rulesOnAChangedPackageAreAnError_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("patterns") << u"patterns"_s;
        QTest::newRow("slim") << u"slim"_s;
    }
    void rulesOnAChangedPackageAreAnError()
    {
        QFETCH(QString, command);
        const QString dir = m_dir.filePath(u"rules-changed-"_s + command);
        QVERIFY(QDir().mkpath(dir + u"/out"_s));
        const QString package = dir + u"/function.zip"_s;
        fixtures::python(fixtures::pythonWithElf(QString::fromLatin1(kMakeReadFunction)), {package, u"1"_s});
        QStringList arguments{command, package, u"--rules"_s, u"caution"_s, u"-o"_s, dir + u"/out/result"_s};
        const auto unchanged = cli(arguments);
        QVERIFY2(unchanged.exitCode == 0, unchanged.err.constData());
        QVERIFY(QFile::remove(dir + u"/out/result"_s));

        std::atomic<bool> changed = false;
        const fixtures::OpenGate gate(package, [&](int open) {
            if (open == 3)
                changed = change(package, {});
        });
        QVERIFY2(gate.error().isEmpty(), qPrintable(gate.error()));
        const auto r = cli(arguments);
        QVERIFY(changed);
        QCOMPARE(QString::fromUtf8(r.err),
                 u"packscope-cli: error: %1 changed on disk since it was opened: reopen it\n"_s.arg(package));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QDir(dir + u"/out"_s).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // Changed between being read and being slimmed: the slim writer's first
    // step, creating its temporary file beside OUT.zip, is the moment. The
    // package is refused and nothing is left in the output folder.
    void packageChangedBeforeTheSlimWriteIsRefused_data()
    {
        fixtures::addPackageChangeRows();
    }
    void packageChangedBeforeTheSlimWriteIsRefused()
    {
        QFETCH(bool, replace);
        const QString dir = m_dir.filePath(replace ? u"slim-replaced"_s : u"slim-truncated"_s);
        const QString out = dir + u"/out"_s;
        QVERIFY(QDir().mkpath(out));
        const QString package = dir + u"/function.zip"_s;
        QVERIFY(QFile::copy(m_sampleZip, package));
        const QString replacement = dir + u"/rebuilt.zip"_s;
        fixtures::python(fixtures::pythonWithElf(QString::fromLatin1(kMakeReadFunction)), {replacement, u"40"_s});
        std::atomic<bool> changed = false;
        const fixtures::OpenGate gate(out, [&](int open) {
            if (open == 1)
                changed = change(package, replace ? replacement : QString());
        });
        QVERIFY2(gate.error().isEmpty(), qPrintable(gate.error()));
        const auto r = cli({u"slim"_s, package, u"-o"_s, out + u"/slim.zip"_s});
        QVERIFY(changed);
        QCOMPARE(QString::fromUtf8(r.err),
                 u"packscope-cli: error: %1 changed on disk since it was opened: reopen it\n"_s.arg(package));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void folderAndTarAreEstimates()
    {
        const QString tree = m_dir.filePath(u"tree"_s);
        const auto r = cli({u"audit"_s, tree, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject package = QJsonDocument::fromJson(r.out).object()[u"packages"_s][0].toObject();
        QCOMPARE(package[u"format"_s].toString(), u"directory"_s);
        QCOMPARE(package[u"zipped_estimated"_s].toBool(), true);
        const auto text = cli({u"audit"_s, tree});
        QVERIFY(text.out.contains("zipped (estimate)"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
