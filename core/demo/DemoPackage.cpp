#include "demo/DemoPackage.h"
#include "io/VerifiedSaveFile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <cstdint>
#include <vector>
#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr auto kFileName = "inception-v3-classifier.zip";
constexpr auto kZerosFileName = "zeros-350MB.zip";

// xorshift64*: fast, deterministic filler with no structure deflate can use.
class NoiseSource
{
public:
    explicit NoiseSource(std::uint64_t seed) : m_state(seed | 1) {}
    void fill(char *data, qsizetype size)
    {
        qsizetype i = 0;
        for (; i + 8 <= size; i += 8) {
            const std::uint64_t v = next();
            std::memcpy(data + i, &v, 8);
        }
        const std::uint64_t v = next();
        std::memcpy(data + i, &v, std::size_t(size - i));
    }

private:
    std::uint64_t next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1DULL;
    }
    std::uint64_t m_state;
};

QByteArray classifierScript()
{
    return R"PY("""Simple image classification with Inception-v3.

Runs a pretrained Inception-v3 graph on an image from S3 and returns the top
five ImageNet labels. Packaged with its model files for AWS Lambda.
"""
import json
import os
import re

import numpy as np
import tensorflow as tf

MODEL_DIR = os.path.dirname(os.path.abspath(__file__))
GRAPH = os.path.join(MODEL_DIR, 'classify_image_graph_def.pb')
LABELS = os.path.join(MODEL_DIR, 'imagenet_synset_to_human_label_map.txt')
LABEL_MAP = os.path.join(MODEL_DIR, 'imagenet_2012_challenge_label_map_proto.pbtxt')


class NodeLookup(object):
    """Converts integer node ids to human readable labels."""

    def __init__(self):
        uid_to_human = {}
        for line in open(LABELS):
            parsed = re.findall(r'[n\d]*[ \S,]*', line)
            uid_to_human[parsed[0]] = parsed[2]
        self.node_id_to_name = {}
        uid = None
        for line in open(LABEL_MAP):
            if line.startswith('  target_class:'):
                target_class = int(line.split(': ')[1])
            if line.startswith('  target_class_string:'):
                uid = line.split(': ')[1][1:-2]
                self.node_id_to_name[target_class] = uid_to_human.get(uid, uid)

    def id_to_string(self, node_id):
        return self.node_id_to_name.get(node_id, '')


def create_graph():
    with tf.io.gfile.GFile(GRAPH, 'rb') as f:
        graph_def = tf.compat.v1.GraphDef()
        graph_def.ParseFromString(f.read())
        tf.import_graph_def(graph_def, name='')


def handler(event, context):
    image_data = tf.io.gfile.GFile(event['image'], 'rb').read()
    create_graph()
    with tf.compat.v1.Session() as sess:
        softmax = sess.graph.get_tensor_by_name('softmax:0')
        predictions = np.squeeze(sess.run(softmax, {'DecodeJpeg/contents:0': image_data}))
        lookup = NodeLookup()
        top = predictions.argsort()[-5:][::-1]
        return json.dumps([{'label': lookup.id_to_string(int(i)), 'score': float(predictions[i])} for i in top])
)PY"_ba;
}

QByteArray labelMap()
{
    QByteArray text;
    NoiseSource noise(7);
    static const char *const words[] = {"tench",   "goldfish", "shark",  "hen",    "ostrich", "finch",
                                        "robin",   "jay",      "magpie", "eagle",  "vulture", "owl",
                                        "newt",    "frog",     "turtle", "lizard", "cobra",   "spider",
                                        "peacock", "pelican",  "koala",  "panda",  "tabby",   "tiger"};
    for (int i = 0; i < 21842; ++i) {
        char pick[2];
        noise.fill(pick, 2);
        text += "n" + QByteArray::number(1440764 + i * 37).rightJustified(8, '0') + '\t'
            + words[std::uint8_t(pick[0]) % 24] + ", " + words[std::uint8_t(pick[1]) % 24] + '\n';
    }
    return text;
}

QByteArray challengeMap()
{
    QByteArray text;
    for (int i = 1; i <= 1000; ++i) {
        text += "entry {\n  target_class: " + QByteArray::number(i) + "\n  target_class_string: \"n"
            + QByteArray::number(1440764 + i * 37).rightJustified(8, '0') + "\"\n}\n";
    }
    return text;
}

QByteArray noise(qint64 size, std::uint64_t seed)
{
    QByteArray data(size, Qt::Uninitialized);
    NoiseSource(seed).fill(data.data(), data.size());
    return data;
}

struct DemoFile {
    QString name;
    QByteArray data;
    bool store;  // already as compressed as it gets: `zip` would store it too
    qint64 zeros = 0;  // written as this many zero bytes instead of `data`
};

bool writeEntry(QuaZip &zip, const DemoFile &file, QString *error)
{
    QuaZipFile out(&zip);
    QuaZipNewInfo info(file.name);
    info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                        | QFileDevice::ReadOther);
    info.dateTime = QDateTime(QDate(2017, 6, 1), QTime(12, 0));
    const int method = file.store ? 0 : Z_DEFLATED;
    bool written = out.open(QIODevice::WriteOnly, info, nullptr, 0, method, file.store ? 0 : 6)
        && out.write(file.data) == file.data.size();
    const QByteArray zeros(1 << 20, '\0');
    for (qint64 left = file.zeros; written && left > 0; left -= zeros.size())
        written = out.write(zeros.constData(), std::min<qint64>(left, zeros.size())) == std::min<qint64>(left, zeros.size());
    if (!written) {
        *error = u"cannot write %1 into the demo package"_s.arg(file.name);
        return false;
    }
    out.close();
    if (out.getZipError() != ZIP_OK) {
        *error = u"cannot finish %1 in the demo package"_s.arg(file.name);
        return false;
    }
    return true;
}

} // namespace

QString DemoPackage::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/demo"_s;
}

QString DemoPackage::ensure(const QString &folder, QString *error, Demo demo)
{
    const bool zerosDemo = demo == Demo::Zeros;
    const QString path = QDir(folder).filePath(QString::fromLatin1(zerosDemo ? kZerosFileName : kFileName));
    // A complete earlier demo is at least as large as its big files zip to
    // (VerifiedSaveFile never leaves a partial one behind).
    if (QFileInfo(path).size() > (zerosDemo ? 100'000 : kGraphBytes + kBundleBytes))
        return path;
    if (!QDir().mkpath(folder)) {
        *error = u"%1: cannot create the folder for the demo package"_s.arg(folder);
        return {};
    }
    VerifiedSaveFile save(path);
    if (!save.open()) {
        *error = u"%1: %2"_s.arg(path, save.errorString());
        return {};
    }
    QuaZip zip(&save.device());
    zip.setAutoClose(false);
    if (!zip.open(QuaZip::mdCreate)) {
        *error = u"%1: cannot start the demo zip"_s.arg(path);
        return {};
    }
    std::vector<DemoFile> files;
    if (zerosDemo) {
        files = {{u"handler.py"_s, "def handler(event, context):\n    return open('data/zeros.bin', 'rb').read(1)\n"_ba,
                  false},
                 {u"data/zeros.bin"_s, {}, false, kZeroBytes}};
    } else {
        files = {{u"classify_image.py"_s, classifierScript(), false},
                 {u"classify_image_graph_def.pb"_s, noise(kGraphBytes, 0x1ce9710), true},
                 {u"MachineLearning-Bundle.zip"_s, noise(kBundleBytes, 0xb0d1e), true},
                 {u"imagenet_synset_to_human_label_map.txt"_s, labelMap(), false},
                 {u"imagenet_2012_challenge_label_map_proto.pbtxt"_s, challengeMap(), false},
                 {u"cropped_panda.jpg"_s, noise(2'767, 0x9a9da), true}};
    }
    for (const DemoFile &file : files) {
        if (!writeEntry(zip, file, error)) {
            if (save.writeFailed())
                *error = u"%1: %2"_s.arg(path, save.errorString());
            return {};
        }
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK || !save.commit()) {
        *error = u"%1: cannot finish the demo zip: %2"_s.arg(path, save.errorString());
        return {};
    }
    return path;
}

} // namespace packscope
