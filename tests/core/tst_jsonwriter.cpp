// JsonWriter against QJsonDocument: the same document must come out byte for
// byte, escapes, empty containers, nesting and numbers included, since the
// audit report's JSON is a contract CI jobs diff and parse.
#include "report/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace packscope;

class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCharacterIsEscapedAsQtDoes()
    {
        QString text;
        for (char16_t c = 0; c < 0x80; ++c)
            text += QChar(c);
        text += u"é€"_s + QString::fromUtf8("\xF0\x9F\x98\x80") + QChar(0xFFFD);
        // Surrogates that are not halves of a pair (a profile's JSON can hold
        // them), between and around a real pair.
        text += QChar(0xD800) + u"a"_s + QChar(0xDC00) + QChar(0xD83D) + QChar(0xDE00) + QChar(0xDBFF);
        JsonWriter json;
        json.beginObject();
        json.key("text"_L1).string(text);
        json.endObject();
        QJsonObject expected;
        expected.insert(u"text"_s, text);
        QCOMPARE(json.finish(), QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }

    void nestingEmptiesAndNumbersAsQtDoes()
    {
        JsonWriter json;
        json.beginObject();
        json.key("a_empty_array"_L1).beginArray();
        json.endArray();
        json.key("b_empty_object"_L1).beginObject();
        json.endObject();
        json.key("c_list"_L1).beginArray();
        for (const std::int64_t n : {std::int64_t(0), std::int64_t(-1), std::int64_t(262144000),
                                     std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()})
            json.number(n);
        json.beginObject();
        json.key("no"_L1).boolean(false);
        json.key("yes"_L1).boolean(true);
        json.endObject();
        json.beginArray();
        json.string(u""_s);
        json.endArray();
        json.endArray();
        json.key("d"_L1).string(u"last"_s);
        json.endObject();

        QJsonArray list;
        for (const qint64 n : {qint64(0), qint64(-1), qint64(262144000), std::numeric_limits<qint64>::max(),
                               std::numeric_limits<qint64>::min()})
            list.append(n);
        list.append(QJsonObject{{u"no"_s, false}, {u"yes"_s, true}});
        list.append(QJsonArray{u""_s});
        const QJsonObject expected{{u"a_empty_array"_s, QJsonArray()},
                                   {u"b_empty_object"_s, QJsonObject()},
                                   {u"c_list"_s, list},
                                   {u"d"_s, u"last"_s}};
        QCOMPARE(json.finish(), QJsonDocument(expected).toJson(QJsonDocument::Indented));
    }

    void emptyDocumentAsQtDoes()
    {
        JsonWriter json;
        json.beginObject();
        json.endObject();
        QCOMPARE(json.finish(), QJsonDocument(QJsonObject()).toJson(QJsonDocument::Indented));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
