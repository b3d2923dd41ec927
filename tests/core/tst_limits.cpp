// Limit profiles and verdicts: exact boundaries (strict "<"), layers and the
// remaining budget, culprits as the fewest files, malformed profiles.
#include "limits/LimitProfile.h"
#include "model/PackageTreeBuilder.h"
#include "session/Session.h"

#include "SyntheticPackage.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;
using fixtures::resultFor;

namespace {

// A package whose files have the given unzipped sizes and footprints.
PackagePtr makePackage(const QString &name, const std::vector<std::pair<std::uint64_t, std::uint64_t>> &files,
                       std::uint64_t fixed = 22)
{
    auto package = std::make_shared<Package>();
    package->path = name;
    PackageTreeBuilder builder(&package->warnings);
    int i = 0;
    for (const auto &[unzipped, footprint] : files) {
        EntryData d;
        d.unzipped = unzipped;
        d.footprint = footprint;
        builder.addEntry(QByteArray("dir" + QByteArray::number(i % 2) + "/file" + QByteArray::number(i)), d);
        ++i;
    }
    package->tree = builder.finish();
    package->fixedZipBytes = fixed;
    return package;
}


} // namespace

class TestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinProfileHasTheDocumentedLimits()
    {
        const LimitProfile p = LimitProfile::awsLambda();
        QCOMPARE(p.id, u"aws-lambda"_s);
        QCOMPARE(p.rule(u"zipped-direct-upload"_s)->limit, 52428800u);
        QCOMPARE(p.rule(u"unzipped-total"_s)->limit, 262144000u);
        QCOMPARE(p.rule(u"layer-count"_s)->limit, 5u);
        QCOMPARE(p.rule(u"layer-count"_s)->comparison, LimitRule::Comparison::LessOrEqual);
        QCOMPARE(p.rule(u"console-editor"_s)->limit, 3145728u);
        QVERIFY(p.rule(u"console-editor"_s)->isInfo());
        QCOMPARE(p.rule(u"zipped-direct-upload"_s)->errorText, u"Zipped size must be smaller than 52428800 bytes"_s);
    }

    void strictBoundary_data()
    {
        QTest::addColumn<quint64>("unzipped");
        QTest::addColumn<bool>("pass");
        QTest::addRow("one below") << quint64(262143999) << true;
        QTest::addRow("equal fails") << quint64(262144000) << false;
        QTest::addRow("accepted by AWS") << quint64(262143000) << true;
        QTest::addRow("350 MB of zeros") << quint64(350000000) << false;
    }

    void strictBoundary()
    {
        QFETCH(quint64, unzipped);
        QFETCH(bool, pass);
        Session session;
        session.setFunction(makePackage(u"f.zip"_s, {{unzipped, 400000}}));
        const auto results = session.evaluate();
        const LimitResult &r = resultFor(results, u"unzipped-total"_s);
        QCOMPARE(r.pass, pass);
        QCOMPARE(r.headroom, std::int64_t(262144000) - std::int64_t(unzipped));
        QCOMPARE(r.culprits.empty(), pass);
        QVERIFY(resultFor(results, u"zipped-direct-upload"_s).pass);
    }

    void culpritsAreFewestLargestFirst()
    {
        // zipped 22 + 30M + 20M + 5M + 1M = 56M+22 > 50 MiB; need >= 3,571,223 bytes:
        // the 30M file alone suffices.
        const std::uint64_t M = 1000000;
        Session session;
        session.setFunction(makePackage(u"f.zip"_s, {{M, 5 * M}, {M, 30 * M}, {M, 1 * M}, {M, 20 * M}}));
        const auto results = session.evaluate();
        const LimitResult &z = resultFor(results, u"zipped-direct-upload"_s);
        QVERIFY(!z.pass);
        QCOMPARE(z.value, 56 * M + 22);
        QCOMPARE(z.culprits.size(), std::size_t(1));
        QCOMPARE(z.culprits[0].bytes, 30 * M);
        // After excluding it the package passes, with no culprits.
        QVERIFY(session.exclude(0, z.culprits[0].node));
        QVERIFY(resultFor(session.evaluate(), u"zipped-direct-upload"_s).pass);
    }

    void culpritsNeedSeveralFiles()
    {
        const std::uint64_t M = 1 << 20;
        Session session;
        // 60 MiB in 12 files of 5 MiB: must drop 10 MiB + 1 byte + fixed -> 3 files.
        std::vector<std::pair<std::uint64_t, std::uint64_t>> files(12, {1, 5 * M});
        session.setFunction(makePackage(u"f.zip"_s, files, 0));
        const LimitResult &z = resultFor(session.evaluate(), u"zipped-direct-upload"_s);
        QCOMPARE(z.culprits.size(), std::size_t(3));
        QVERIFY(z.culpritsSuffice);
    }

    void layersCountAndBudget()
    {
        Session session;
        session.setFunction(makePackage(u"f.zip"_s, {{100000000, 1000}}));
        session.addLayer(makePackage(u"l1.zip"_s, {{176936801, 1000}}));
        QCOMPARE(session.functionUnzippedBudget(), 85207199u);  // AWS's "must be smaller than 85207199 bytes"
        auto results = session.evaluate();
        const LimitResult &total = resultFor(results, u"unzipped-total"_s);
        QVERIFY(!total.pass);
        QCOMPARE(total.value, 276936801u);
        // The biggest file is in the layer: culprits span packages.
        QCOMPARE(total.culprits.front().package, 1);
        QVERIFY(resultFor(results, u"layer-count"_s).pass);
        for (int i = 0; i < 5; ++i)
            session.addLayer(makePackage(u"extra.zip"_s, {{1, 1}}));
        results = session.evaluate();
        QCOMPARE(resultFor(results, u"layer-count"_s).value, 6u);
        QVERIFY(!resultFor(results, u"layer-count"_s).pass);
        // The zipped limit ignores layers.
        QCOMPARE(resultFor(results, u"zipped-direct-upload"_s).value, 1000u + 22u);
    }

    void malformedProfiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("not json") << QByteArray("{") << u"not valid JSON"_s;
        QTest::addRow("array") << QByteArray("[]") << u"must be a JSON object"_s;
        QTest::addRow("no id") << QByteArray(R"({"limits":[]})") << u"missing \"id\""_s;
        QTest::addRow("no limits") << QByteArray(R"({"id":"x"})") << u"\"limits\""_s;
        QTest::addRow("bad measure")
            << QByteArray(R"({"id":"x","limits":[{"id":"a","measure":"weight","limit":1}]})") << u"\"measure\""_s;
        QTest::addRow("negative limit")
            << QByteArray(R"({"id":"x","limits":[{"id":"a","measure":"function-zipped","limit":-1}]})")
            << u"\"limit\""_s;
        QTest::addRow("fraction")
            << QByteArray(R"({"id":"x","limits":[{"id":"a","measure":"function-zipped","limit":1.5}]})")
            << u"\"limit\""_s;
        QTest::addRow("bad rule")
            << QByteArray(R"({"id":"x","limits":[{"id":"a","measure":"function-zipped","limit":1,"rule":">"}]})")
            << u"\"rule\""_s;
        QTest::addRow("duplicate")
            << QByteArray(R"({"id":"x","limits":[{"id":"a","measure":"function-zipped","limit":1},)"
                          R"({"id":"a","measure":"layer-count","limit":1}]})")
            << u"duplicate id"_s;
    }

    void malformedProfiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        const LimitProfile profile = LimitProfile::fromJson(json, &error);
        QVERIFY(!profile.isValid());
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void userProfileFromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tight.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"id":"tight","limits":[{"id":"small","measure":"function-zipped","limit":100,"rule":"<="}]})");
        file.close();
        QString error;
        const LimitProfile profile = LimitProfile::load(path, &error);
        QVERIFY2(profile.isValid(), qPrintable(error));
        Session session;
        session.setProfile(profile);
        session.setFunction(makePackage(u"f.zip"_s, {{10, 78}}));  // 78 + 22 = 100: passes "<="
        QVERIFY(session.evaluate().front().pass);
        QVERIFY(!LimitProfile::load(u"no-such-profile"_s, &error).isValid());
        QVERIFY(error.contains(u"aws-lambda"_s));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
