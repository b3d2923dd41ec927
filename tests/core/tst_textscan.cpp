// The word-at-a-time byte scans (path scan, ASCII check, comparison, hash) against plain
// byte loops, at every length and position, so no tail or boundary case
// can hide: they decide what the tree warns about and where it splits paths.
#include "text/ByteHash.h"
#include "text/Cp437.h"
#include "text/ByteWords.h"
#include "text/PathScan.h"

#include <QtTest>

#include <set>

using namespace packscope;

namespace {

// The meaning of PathScan, one byte at a time.
PathScan referenceScan(QByteArrayView path)
{
    PathScan r;
    const qsizetype n = path.size();
    r.mayNeedCleaning = n == 0 || path.front() == '/' || path.front() == '.';
    for (qsizetype i = 0; i < n; ++i) {
        const char c = path[i];
        r.highBytes |= static_cast<unsigned char>(c) >= 0x80;
        r.backslash |= c == '\\';
        r.nul |= c == '\0';
        if (c == '/') {
            r.lastSlash = i;
            if (i + 1 < n && (path[i + 1] == '/' || path[i + 1] == '.'))
                r.mayNeedCleaning = true;
        }
    }
    return r;
}

QString describe(const PathScan &s)
{
    return QStringLiteral("clean %1 high %2 backslash %3 nul %4 slash %5")
        .arg(s.mayNeedCleaning)
        .arg(s.highBytes)
        .arg(s.backslash)
        .arg(s.nul)
        .arg(s.lastSlash);
}

} // namespace

class TestTextScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathScanMatchesAByteLoopEverywhere()
    {
        // Each special byte at each position of paths of 0 to 40 bytes, read
        // from an offset inside a larger buffer so the scan cannot lean on
        // bytes beyond the path.
        const char specials[] = {'/', '.', '\\', '\0', char(0xC3), 'a'};
        int checked = 0;
        for (int length = 0; length <= 50; ++length) {
            for (int at = 0; at < std::max(1, length); ++at) {
                for (const char special : specials) {
                    for (const char second : specials) {
                        QByteArray buffer(length + 16, '/');
                        QByteArray path(length, 'x');
                        if (length > 0) {
                            path[at] = special;
                            path[(at * 7 + 3) % length] = second;
                        }
                        buffer.replace(5, length, path);
                        const QByteArrayView view(buffer.constData() + 5, length);
                        const PathScan want = referenceScan(view);
                        for (const PathScan &got : {scanPath(view), scanPathByWords(view)}) {
                            QVERIFY2(describe(got) == describe(want),
                                     qPrintable(QString::fromLatin1(view.toByteArray().toHex()) + u": "_qs
                                                + describe(got) + u" vs "_qs + describe(want)));
                        }
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked > 20000);
    }

    void pairsAcrossEveryBlockBoundary()
    {
        // "//" and "/." with their two bytes anywhere, block edges included.
        for (int length = 2; length <= 50; ++length) {
            for (int at = 0; at + 1 < length; ++at) {
                for (const char second : {'/', '.'}) {
                    QByteArray path(length, 'x');
                    path[at] = '/';
                    path[at + 1] = second;
                    const PathScan want = referenceScan(path);
                    QVERIFY(want.mayNeedCleaning);
                    for (const PathScan &got : {scanPath(path), scanPathByWords(path)}) {
                        QVERIFY2(describe(got) == describe(want),
                                 qPrintable(QString::fromLatin1(path) + u": "_qs + describe(got)));
                    }
                }
            }
        }
    }

    void isAsciiAtEveryLengthAndPosition()
    {
        for (int length = 0; length <= 33; ++length) {
            const QByteArray ascii(length, 'k');
            QVERIFY(isAscii(ascii));
            for (int at = 0; at < length; ++at) {
                QByteArray high = ascii;
                high[at] = char(0x80);
                QVERIFY2(!isAscii(high), qPrintable(QString::number(length) + u"@"_qs + QString::number(at)));
            }
        }
    }

    void sameBytesAtEveryLengthAndPosition()
    {
        for (int length = 0; length <= 41; ++length) {
            // Unaligned copies, so no length or offset gets a lucky alignment.
            const QByteArray a = "#" + QByteArray(length, 'p');
            const QByteArray b = "##" + QByteArray(length, 'p');
            QVERIFY(words::sameBytes(a.constData() + 1, b.constData() + 2, std::size_t(length)));
            for (int at = 0; at < length; ++at) {
                for (const char other : {'q', '\0', char(0xF0)}) {
                    QByteArray c = b;
                    c[2 + at] = other;
                    QVERIFY2(!words::sameBytes(a.constData() + 1, c.constData() + 2, std::size_t(length)),
                             qPrintable(QString::number(length) + u"@"_qs + QString::number(at)));
                }
            }
        }
    }

    void hashDependsOnBytesNotOnWhereTheyLie()
    {
        const QByteArray text("node_modules/@aws-sdk/client-s3/dist-cjs/index.js");
        std::set<std::uint64_t> seen;
        for (int length = 0; length <= text.size(); ++length) {
            const QByteArrayView prefix(text.constData(), length);
            QByteArray elsewhere = "##" + prefix.toByteArray();
            QCOMPARE(hashBytes(prefix), hashBytes(QByteArrayView(elsewhere).sliced(2)));
            seen.insert(hashBytes(prefix));
        }
        // Every prefix hashes apart, trailing NULs included.
        QCOMPARE(seen.size(), std::size_t(text.size() + 1));
        QVERIFY(hashBytes(QByteArrayView("ab", 2)) != hashBytes(QByteArrayView("ab\0", 3)));
        QVERIFY(hashBytes(QByteArrayView("abcdefgh\0", 9)) != hashBytes(QByteArrayView("abcdefgh", 8)));
    }
};

QTEST_GUILESS_MAIN(TestTextScan)
#include "tst_textscan.moc"
