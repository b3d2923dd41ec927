#pragma once

#include <QString>

#include <cstdint>

namespace packscope {

// Where a zip's central directory is, found from its end records: the
// end-of-central-directory record (searched backwards past any archive
// comment), the zip64 locator and record when present, and how far the
// archive was shifted by data prepended to it (self-extracting stubs).
struct ZipEndRecords {
    std::uint64_t endOffset = 0;          // position of the classic end record
    std::uint64_t endLength = 0;          // classic end record + comment
    std::uint64_t zip64RecordOffset = 0;  // position of the zip64 end record, if any
    std::uint64_t zip64Length = 0;        // zip64 end record + locator, 0 without zip64
    std::uint64_t centralStart = 0;       // actual file position of the central directory
    std::uint64_t centralSize = 0;
    std::uint64_t declaredEntries = 0;
    // Added to every offset the archive declares to get a file position: >0
    // when data was prepended without adjusting offsets.
    std::uint64_t offsetShift = 0;
    std::uint64_t trailingBytes = 0;  // bytes after the end record's comment
    bool zip64 = false;
    bool entryCountFromZip64 = false;
};

// Result of locating the end records; `error` says what is wrong when not ok.
struct ZipEndRecordsResult {
    ZipEndRecords records;
    QString error;
    // The lowest file position the search read, or would have read once it
    // knew where to look (a zip64 end record, the central directory): a
    // caller that has only read the file's tail reads on down to here and
    // searches again, until this lies within what it has read.
    std::uint64_t reach = 0;
    bool ok() const { return error.isEmpty(); }
};

// Locates the end records in the whole file `data` of `size` bytes.
// Errors: no end record, multi-disk archive, central directory outside the file.
// `readFrom`: where the bytes in `data` begin to be the file's (below, they
// are not read yet). A zip64 end record declared down there is only looked
// for when none sits right before its locator, so that a self-extracting
// zip whose locator ignores the stub does not have the stub read.
ZipEndRecordsResult locateZipEndRecords(const unsigned char *data, std::uint64_t size, std::uint64_t readFrom = 0);

// True when the file's tail holds an end-of-central-directory record: used to
// recognise zips (also self-extracting ones) before committing to a reader.
bool hasZipEndRecord(const unsigned char *data, std::uint64_t size);

} // namespace packscope
