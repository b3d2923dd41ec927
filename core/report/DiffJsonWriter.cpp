#include "report/DiffReportWriters.h"

#include "compare/PackageDiff.h"
#include "report/Dependencies.h"
#include "report/JsonWriter.h"

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

void bytes(JsonWriter &json, QLatin1StringView key, std::uint64_t value)
{
    json.key(key).number(std::int64_t(value));
}

void side(JsonWriter &json, QLatin1StringView key, const Inventory &inventory)
{
    json.key(key).beginObject();
    const Inventory::PackageSummary *function = inventory.packages.empty() ? nullptr : &inventory.packages.front();
    json.key("files"_L1).number(std::int64_t(inventory.files.size()));
    json.key("format"_L1).string(function ? function->format : QString());
    json.key("layers"_L1).beginArray();
    for (std::size_t p = 1; p < inventory.packages.size(); ++p) {
        json.beginObject();
        json.key("format"_L1).string(inventory.packages[p].format);
        json.key("path"_L1).string(inventory.packages[p].path);
        bytes(json, "unzipped_bytes"_L1, inventory.packages[p].unzippedBytes);
        json.endObject();
    }
    json.endArray();
    json.key("path"_L1).string(function ? function->path : QString());
    bytes(json, "unzipped_bytes"_L1, inventory.measures.totalUnzipped);
    bytes(json, "zipped_bytes"_L1, inventory.zippedTotal());
    json.key("zipped_estimated"_L1).boolean(inventory.zippedEstimated());
    json.endObject();
}

void changes(JsonWriter &json, QLatin1StringView key, const PackageDiff &diff, PackageDiff::Change kind)
{
    json.key(key).beginArray();
    for (const PackageDiff::FileChange &f : diff.files) {
        if (f.change != kind)
            continue;
        const Inventory::File *b = f.base != PackageDiff::kNone ? &diff.base.files[f.base] : nullptr;
        const Inventory::File *h = f.head != PackageDiff::kNone ? &diff.head.files[f.head] : nullptr;
        json.beginObject();
        if (b) {
            bytes(json, "base_unzipped_bytes"_L1, b->unzipped);
            bytes(json, "base_zipped_bytes"_L1, b->zipped);
        }
        if (kind == PackageDiff::Change::Moved)
            json.key("from_path"_L1).string(QString::fromUtf8(diff.base.path(*b)));
        if (h) {
            bytes(json, "head_unzipped_bytes"_L1, h->unzipped);
            bytes(json, "head_zipped_bytes"_L1, h->zipped);
        }
        json.key("package_index"_L1).number(diff.package(f));
        json.key("path"_L1).string(QString::fromUtf8(diff.path(f)));
        json.key("unzipped_delta_bytes"_L1).number(f.unzippedDelta);
        json.key("zipped_delta_bytes"_L1).number(f.zippedDelta);
        json.endObject();
    }
    json.endArray();
}

QString dependencyStatus(const PackageDiff::DependencyDelta &d)
{
    if (!d.inBase)
        return u"added"_s;
    if (!d.inHead)
        return u"removed"_s;
    return d.baseVersion != d.headVersion ? u"version"_s : u"resized"_s;
}

} // namespace

// Keys in sorted order, as JsonWriter wants them.
QByteArray DiffJsonWriter::write(const PackageDiff &diff, const QString &profileId)
{
    JsonWriter json;
    json.beginObject();
    changes(json, "added"_L1, diff, PackageDiff::Change::Added);
    side(json, "base"_L1, diff.base);
    changes(json, "changed"_L1, diff, PackageDiff::Change::Changed);

    const PackageDiff::Counts &c = diff.counts;
    json.key("counts"_L1).beginObject();
    json.key("added"_L1).number(c.added);
    json.key("changed"_L1).number(c.changed);
    json.key("moved"_L1).number(c.moved);
    json.key("recompressed"_L1).number(c.recompressed);
    json.key("removed"_L1).number(c.removed);
    json.key("unchanged"_L1).number(c.unchanged);
    json.endObject();

    json.key("dependencies"_L1).beginArray();
    for (const PackageDiff::DependencyDelta &d : diff.dependencies) {
        json.beginObject();
        json.key("base_files"_L1).number(d.baseFiles);
        bytes(json, "base_unzipped_bytes"_L1, d.baseUnzipped);
        json.key("base_version"_L1).string(d.baseVersion);
        bytes(json, "base_zipped_bytes"_L1, d.baseZipped);
        json.key("ecosystem"_L1).string(ecosystemName(d.ecosystem));
        json.key("files_delta"_L1).number(std::int64_t(d.headFiles) - std::int64_t(d.baseFiles));
        json.key("head_files"_L1).number(d.headFiles);
        bytes(json, "head_unzipped_bytes"_L1, d.headUnzipped);
        json.key("head_version"_L1).string(d.headVersion);
        bytes(json, "head_zipped_bytes"_L1, d.headZipped);
        json.key("name"_L1).string(d.name);
        json.key("package_index"_L1).number(d.package);
        json.key("status"_L1).string(dependencyStatus(d));
        json.key("unzipped_delta_bytes"_L1).number(d.unzippedDelta());
        json.key("zipped_delta_bytes"_L1).number(d.zippedDelta());
        json.endObject();
    }
    json.endArray();

    side(json, "head"_L1, diff.head);

    json.key("limits"_L1).beginArray();
    for (const PackageDiff::LimitDelta &l : diff.limits) {
        const LimitRule &rule = l.head.rule;
        json.beginObject();
        bytes(json, "base_bytes"_L1, l.base.value);
        json.key("base_headroom_bytes"_L1).number(l.base.headroom);
        json.key("base_pass"_L1).boolean(l.base.pass);
        json.key("delta_bytes"_L1).number(l.delta());
        bytes(json, "head_bytes"_L1, l.head.value);
        json.key("head_headroom_bytes"_L1).number(l.head.headroom);
        json.key("head_pass"_L1).boolean(l.head.pass);
        json.key("id"_L1).string(rule.id);
        bytes(json, "limit_bytes"_L1, rule.limit);
        json.key("new_failure"_L1).boolean(!rule.isInfo() && l.isNewFailure());
        json.key("rule"_L1).string(rule.ruleText());
        json.key("severity"_L1).string(rule.isInfo() ? u"info"_s : u"error"_s);
        json.key("title"_L1).string(rule.title);
        json.key("unit"_L1).string(rule.isCount() ? u"count"_s : u"bytes"_s);
        json.endObject();
    }
    json.endArray();

    changes(json, "moved"_L1, diff, PackageDiff::Change::Moved);
    json.key("profile"_L1).string(profileId);
    changes(json, "recompressed"_L1, diff, PackageDiff::Change::Recompressed);
    changes(json, "removed"_L1, diff, PackageDiff::Change::Removed);
    json.key("schema"_L1).string(u"packscope.diff/1"_s);

    json.key("totals"_L1).beginObject();
    json.key("files_delta"_L1).number(diff.filesDelta());
    json.key("new_failures"_L1).number(diff.newFailures());
    json.key("unzipped_delta_bytes"_L1).number(diff.unzippedDelta());
    json.key("zipped_delta_bytes"_L1).number(diff.zippedDelta());
    json.key("zipped_estimated"_L1).boolean(diff.zippedEstimated());
    json.endObject();
    json.endObject();
    return json.finish();
}

} // namespace packscope
