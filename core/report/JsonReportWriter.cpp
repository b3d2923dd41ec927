#include "report/JsonReportWriter.h"
#include "report/AuditReport.h"

#include "compare/Inventory.h"
#include "report/Dependencies.h"
#include "report/JsonWriter.h"

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// JSON numbers are doubles; byte counts up to 2^53 are exact, which covers
// every size a real package can have.
void writeBytes(JsonWriter &json, QLatin1StringView key, std::uint64_t value)
{
    json.key(key).number(std::int64_t(value));
}

QString measureName(LimitMeasure measure)
{
    switch (measure) {
    case LimitMeasure::FunctionZipped:
        return u"function-zipped"_s;
    case LimitMeasure::FunctionUnzipped:
        return u"function-unzipped"_s;
    case LimitMeasure::TotalUnzipped:
        return u"total-unzipped"_s;
    case LimitMeasure::LayerCount:
        return u"layer-count"_s;
    }
    return {};
}

void writeLimit(JsonWriter &json, const AuditReport::Limit &limit)
{
    const LimitResult &r = limit.result;
    json.beginObject();
    json.key("culprits"_L1).beginArray();
    for (std::size_t i = 0; i < limit.culprits.size(); ++i) {
        json.beginObject();
        writeBytes(json, "bytes"_L1, r.culprits[i].bytes);
        json.key("package"_L1).string(limit.culprits[i].package);
        json.key("path"_L1).string(limit.culprits[i].path);
        json.endObject();
    }
    json.endArray();
    if (!r.pass && !r.culpritsSuffice)
        json.key("culprits_suffice"_L1).boolean(false);
    if (!r.rule.errorText.isEmpty())
        json.key("error_text"_L1).string(r.rule.errorText);
    json.key("headroom_bytes"_L1).number(r.headroom);
    json.key("id"_L1).string(r.rule.id);
    writeBytes(json, "limit_bytes"_L1, r.rule.limit);
    json.key("measure"_L1).string(measureName(r.rule.measure));
    json.key("pass"_L1).boolean(r.pass);
    json.key("rule"_L1).string(r.rule.ruleText());
    json.key("severity"_L1).string(r.rule.isInfo() ? u"info"_s : u"error"_s);
    json.key("title"_L1).string(r.rule.title);
    // Every limit has the same keys so consumers can loop over them; for a
    // count limit (layer-count) "unit" says the numbers are counts.
    json.key("unit"_L1).string(r.rule.isCount() ? u"count"_s : u"bytes"_s);
    writeBytes(json, "value_bytes"_L1, r.value);
    json.endObject();
}

void writePackage(JsonWriter &json, const AuditReport::PackageSummary &p)
{
    json.beginObject();
    writeBytes(json, "compressed_bytes"_L1, p.kept.compressed);
    json.key("dirs"_L1).number(p.kept.dirs);
    json.key("excluded_dirs"_L1).number(p.excluded.dirs);
    json.key("excluded_files"_L1).number(p.excluded.files);
    writeBytes(json, "excluded_unzipped_bytes"_L1, p.excluded.unzipped);
    writeBytes(json, "excluded_zipped_bytes"_L1, p.excluded.footprint);
    json.key("files"_L1).number(p.kept.files);
    json.key("format"_L1).string(p.format);
    json.key("path"_L1).string(p.path);
    json.key("role"_L1).string(p.role);
    json.key("symlinks"_L1).number(p.kept.symlinks);
    writeBytes(json, "unzipped_bytes"_L1, p.kept.unzipped);
    writeBytes(json, "zipped_bytes"_L1, p.zippedBytes);
    json.key("zipped_estimated"_L1).boolean(p.zippedEstimated);
    json.endObject();
}

void writeDependencies(JsonWriter &json, const Inventory &inventory)
{
    json.key("dependencies"_L1).beginArray();
    for (const Inventory::DependencyWeight &d : inventory.dependencies) {
        json.beginObject();
        json.key("ecosystem"_L1).string(ecosystemName(d.ecosystem));
        json.key("files"_L1).number(d.files);
        json.key("name"_L1).string(d.name);
        json.key("package_index"_L1).number(d.package);
        writeBytes(json, "unzipped_bytes"_L1, d.unzipped);
        json.key("version"_L1).string(d.version);
        writeBytes(json, "zipped_bytes"_L1, d.zipped);
        json.endObject();
    }
    json.endArray();
}

void writeFiles(JsonWriter &json, const Inventory &inventory)
{
    json.key("files"_L1).beginArray();
    for (const Inventory::File &f : inventory.files) {
        json.beginObject();
        if (f.hasCrc)
            json.key("crc32"_L1).number(f.crc32);
        json.key("package_index"_L1).number(f.package);
        json.key("path"_L1).string(QString::fromUtf8(inventory.path(f)));
        writeBytes(json, "unzipped_bytes"_L1, f.unzipped);
        writeBytes(json, "zipped_bytes"_L1, f.zipped);
        json.endObject();
    }
    json.endArray();
}

} // namespace

// Keys are written in sorted order, as JSON objects have always listed them.
QByteArray JsonReportWriter::write(const AuditReport &report, const Inventory *inventory)
{
    JsonWriter json;
    json.beginObject();
    if (inventory) {
        writeDependencies(json, *inventory);
        writeFiles(json, *inventory);
    }
    if (report.packages.size() > 1)
        writeBytes(json, "function_unzipped_budget_bytes"_L1, report.functionBudget);

    json.key("largest"_L1).beginArray();
    for (const AuditReport::FileRef &f : report.largest) {
        json.beginObject();
        json.key("package"_L1).string(f.package);
        json.key("path"_L1).string(f.path);
        writeBytes(json, "unzipped_bytes"_L1, f.unzippedBytes);
        writeBytes(json, "zipped_bytes"_L1, f.zippedBytes);
        json.endObject();
    }
    json.endArray();

    json.key("limits"_L1).beginArray();
    for (const AuditReport::Limit &limit : report.limits)
        writeLimit(json, limit);
    json.endArray();

    json.key("packages"_L1).beginArray();
    for (const AuditReport::PackageSummary &p : report.packages)
        writePackage(json, p);
    json.endArray();

    json.key("profile"_L1).string(report.profileId);
    json.key("schema"_L1).string(u"packscope.audit/1"_s);

    json.key("warnings"_L1).beginArray();
    for (const AuditReport::Warning &w : report.warnings) {
        json.beginObject();
        json.key("code"_L1).string(w.warning.code);
        json.key("message"_L1).string(w.warning.message);
        json.key("package"_L1).string(w.package);
        json.key("path"_L1).string(w.warning.path);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.finish();
}

} // namespace packscope
