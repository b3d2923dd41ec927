#include "compare/AuditSnapshot.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// A byte count or count: a whole number >= 0 that JSON holds exactly.
bool readCount(const QJsonObject &object, QLatin1StringView key, std::uint64_t *value)
{
    const QJsonValue v = object.value(key);
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740992.0 || d != double(std::int64_t(d)))
        return false;
    *value = std::uint64_t(v.toInteger());
    return true;
}

} // namespace

bool AuditSnapshot::isReport(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray start = file.read(256);
    for (const char c : start) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '{';
    }
    return false;
}

std::optional<Inventory> AuditSnapshot::read(const QString &path, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<Inventory> {
        *error = u"%1: %2"_s.arg(path, why);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not valid JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject root = document.object();
    if (root.value("schema"_L1).toString() != u"packscope.audit/1")
        return fail(u"not a packscope.audit/1 report"_s);
    if (!root.value("files"_L1).isArray())
        return fail(u"the report lists no files: write it with 'packscope-cli audit --format json --with-files'"_s);

    Inventory inventory;
    const QJsonArray packages = root.value("packages"_L1).toArray();
    if (packages.isEmpty())
        return fail(u"the report names no package"_s);
    for (const QJsonValue &value : packages) {
        const QJsonObject p = value.toObject();
        Inventory::PackageSummary summary;
        summary.path = p.value("path"_L1).toString();
        summary.role = p.value("role"_L1).toString();
        summary.format = p.value("format"_L1).toString();
        summary.zippedEstimated = p.value("zipped_estimated"_L1).toBool();
        if (!readCount(p, "zipped_bytes"_L1, &summary.zippedBytes)
            || !readCount(p, "unzipped_bytes"_L1, &summary.unzippedBytes))
            return fail(u"package %1 has no zipped_bytes or unzipped_bytes"_s.arg(inventory.packages.size()));
        inventory.packages.push_back(std::move(summary));
    }

    const QJsonArray files = root.value("files"_L1).toArray();
    inventory.files.reserve(std::size_t(files.size()));
    for (qsizetype k = 0; k < files.size(); ++k) {
        const QJsonObject f = files.at(k).toObject();
        Inventory::File file;
        std::uint64_t package = 0, crc = 0;
        if (!readCount(f, "package_index"_L1, &package) || package >= inventory.packages.size()
            || !readCount(f, "zipped_bytes"_L1, &file.zipped) || !readCount(f, "unzipped_bytes"_L1, &file.unzipped)
            || !f.value("path"_L1).isString())
            return fail(u"file %1 of the report is incomplete"_s.arg(k));
        if (f.contains("crc32"_L1)) {
            if (!readCount(f, "crc32"_L1, &crc) || crc > 0xffffffffu)
                return fail(u"file %1 of the report has a bad crc32"_s.arg(k));
            file.crc32 = std::uint32_t(crc);
            file.hasCrc = true;
        }
        file.package = std::uint16_t(package);
        if (!inventory.files.empty() && file.package < inventory.files.back().package)
            return fail(u"the report's files are not listed package by package"_s);
        inventory.addFile(f.value("path"_L1).toString().toUtf8(), file);
    }
    for (std::size_t p = 0; p < inventory.packages.size(); ++p) {
        Inventory::PackageSummary &summary = inventory.packages[p];
        std::uint32_t first = 0;
        while (first < inventory.files.size() && inventory.files[first].package < p)
            ++first;
        std::uint32_t end = first;
        while (end < inventory.files.size() && inventory.files[end].package == p)
            ++end;
        summary.firstFile = first;
        summary.fileCount = end - first;
    }

    for (const QJsonValue &value : root.value("dependencies"_L1).toArray()) {
        const QJsonObject d = value.toObject();
        Inventory::DependencyWeight dependency;
        std::uint64_t package = 0, count = 0;
        if (!readCount(d, "package_index"_L1, &package) || package >= inventory.packages.size()
            || !readCount(d, "zipped_bytes"_L1, &dependency.zipped)
            || !readCount(d, "unzipped_bytes"_L1, &dependency.unzipped) || !readCount(d, "files"_L1, &count))
            return fail(u"a dependency of the report is incomplete"_s);
        dependency.package = int(package);
        dependency.files = std::uint32_t(count);
        dependency.ecosystem = d.value("ecosystem"_L1).toString() == u"npm" ? Ecosystem::Node : Ecosystem::Python;
        dependency.name = d.value("name"_L1).toString();
        dependency.version = d.value("version"_L1).toString();
        inventory.dependencies.push_back(std::move(dependency));
    }
    inventory.measures = Inventory::measuresOf(inventory.packages);
    return inventory;
}

} // namespace packscope
