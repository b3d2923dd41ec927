#pragma once

#include <QByteArray>

#include <atomic>
#include <cstdint>
#include <deque>
#include <semaphore>
#include <vector>

namespace packscope {

// Estimates what `zip -r` (Info-ZIP, default level 6) would write for files
// that are not in a zip yet (folders, tar and 7z packages). Contents are fed
// one file at a time, in order; they are cut into 1 MiB pieces, each deflated
// on a pool of its own with the previous 32 KiB as its dictionary, so the sum is
// within a few bytes per MiB of one serial deflate stream. Small files are
// batched so that the pool never runs jobs of a few bytes.
class ZipSizeEstimator
{
public:
    ZipSizeEstimator();
    ~ZipSizeEstimator();
    ZipSizeEstimator(const ZipSizeEstimator &) = delete;
    ZipSizeEstimator &operator=(const ZipSizeEstimator &) = delete;

    // Starts the next file; returns its slot (0, 1, 2, ...).
    std::uint32_t beginFile();
    void addData(const char *data, std::size_t size);
    void endFile();

    // Waits for every piece; returns each file's estimated compressed size:
    // the deflated size, or the raw size when deflating does not shrink it
    // (zip then stores the file).
    std::vector<std::uint64_t> finish();

    // Bytes of local and central headers `zip -r` writes for an entry whose
    // stored name has `nameLength` bytes (Unix extra fields included).
    static std::uint64_t recordOverhead(std::uint64_t nameLength);
    // Bytes of the end-of-central-directory record of such a zip.
    static constexpr std::uint64_t kEndRecordBytes = 22;

private:
    struct Piece {
        std::atomic<std::uint64_t> *result;
        QByteArray dictionary;
        QByteArray data;
        bool last;
    };
    class DeflateBatch;
    void flushPiece(bool last);
    void submitBatch();

    std::deque<std::atomic<std::uint64_t>> m_deflated;
    std::vector<std::uint64_t> m_raw;
    QByteArray m_current;
    QByteArray m_dictionary;
    std::vector<Piece> m_batch;
    std::size_t m_batchBytes = 0;
    // std::, not QSemaphore: its ordering is in atomics ThreadSanitizer
    // sees, where QSemaphore's is on a futex inside libQt6Core.
    std::counting_semaphore<> m_slots{0};
    int m_maxInFlight;
};

} // namespace packscope
