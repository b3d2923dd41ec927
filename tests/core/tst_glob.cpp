// Glob semantics of CLI.md, data-driven.
#include "whatif/GlobPattern.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace packscope;

class TestGlob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("folder");
        QTest::addColumn<bool>("expected");
        // basename at any depth
        QTest::addRow("ext top") << u"*.pyc"_s << u"a.pyc"_s << false << true;
        QTest::addRow("ext deep") << u"*.pyc"_s << u"x/y/__pycache__/a.cpython-311.pyc"_s << false << true;
        QTest::addRow("ext other") << u"*.pyc"_s << u"x/a.py"_s << false << false;
        QTest::addRow("star stays in segment") << u"a*"_s << u"ab/c"_s << false << false;
        QTest::addRow("name any depth folder") << u"__pycache__"_s << u"pkg/__pycache__"_s << true << true;
        // anchored
        QTest::addRow("anchored") << u"node_modules/aws-sdk"_s << u"node_modules/aws-sdk"_s << true << true;
        QTest::addRow("anchored not deep") << u"node_modules/aws-sdk"_s << u"x/node_modules/aws-sdk"_s << true << false;
        QTest::addRow("leading slash") << u"/handler.py"_s << u"handler.py"_s << false << true;
        QTest::addRow("leading slash anchored") << u"/handler.py"_s << u"src/handler.py"_s << false << false;
        QTest::addRow("star segment") << u"node_modules/*/test"_s << u"node_modules/foo/test"_s << true << true;
        QTest::addRow("star one segment only") << u"node_modules/*/test"_s << u"node_modules/@s/foo/test"_s << true << false;
        // double star
        QTest::addRow("globstar middle") << u"node_modules/**/*.md"_s << u"node_modules/a/b/README.md"_s << false << true;
        QTest::addRow("globstar zero") << u"node_modules/**/*.md"_s << u"node_modules/README.md"_s << false << true;
        QTest::addRow("globstar lead") << u"**/tests"_s << u"a/b/tests"_s << true << true;
        QTest::addRow("globstar lead zero") << u"**/tests"_s << u"tests"_s << true << true;
        QTest::addRow("trailing globstar folder") << u"docs/**"_s << u"docs"_s << true << true;
        QTest::addRow("trailing globstar below") << u"docs/**"_s << u"docs/a/b.txt"_s << false << true;
        QTest::addRow("trailing globstar not file") << u"docs/**"_s << u"docs"_s << false << false;
        // trailing slash: folders only
        QTest::addRow("slash folder") << u"dist/"_s << u"dist"_s << true << true;
        QTest::addRow("slash not file") << u"dist/"_s << u"dist"_s << false << false;
        QTest::addRow("slash any depth") << u"tests/"_s << u"pkg/tests"_s << true << true;
        // ? and classes
        QTest::addRow("question") << u"?.js"_s << u"a.js"_s << false << true;
        QTest::addRow("question one char") << u"?.js"_s << u"ab.js"_s << false << false;
        QTest::addRow("class") << u"*.py[co]"_s << u"m.pyc"_s << false << true;
        QTest::addRow("class miss") << u"*.py[co]"_s << u"m.py"_s << false << false;
        QTest::addRow("class range") << u"file[0-9].txt"_s << u"file7.txt"_s << false << true;
        QTest::addRow("class negated") << u"file[!0-9].txt"_s << u"file7.txt"_s << false << false;
        QTest::addRow("escape") << u"a\\*b"_s << u"a*b"_s << false << true;
        QTest::addRow("escape literal only") << u"a\\*b"_s << u"axb"_s << false << false;
        QTest::addRow("utf8") << u"caf\u00e9*"_s << u"docs/caf\u00e9.md"_s << false << true;
        QTest::addRow("backtracking") << u"*a*b*c*"_s << u"xaxbxcx"_s << false << true;
    }

    void matches()
    {
        QFETCH(QString, glob);
        QFETCH(QString, path);
        QFETCH(bool, folder);
        QFETCH(bool, expected);
        QCOMPARE(GlobPattern(glob).matches(path.toUtf8(), folder), expected);
    }

    void emptyGlobIsInvalid()
    {
        QVERIFY(!GlobPattern(u""_s).isValid());
        QVERIFY(!GlobPattern(u"/"_s).isValid());
        QVERIFY(!GlobPattern(u"/"_s).matches("anything", false));
    }
};

QTEST_GUILESS_MAIN(TestGlob)
#include "tst_glob.moc"
