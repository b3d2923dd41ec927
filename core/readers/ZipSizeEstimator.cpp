#include "readers/ZipSizeEstimator.h"
#include "readers/ZipFormat.h"

#include <QThreadPool>

#include <zlib.h>

#include <utility>

namespace packscope {

namespace {

constexpr qsizetype kPieceBytes = 1 << 20;
constexpr qsizetype kDictionaryBytes = 32 * 1024;
// Info-ZIP on Unix adds "UT" (13 bytes local, 9 central) and "ux" (15 bytes
// each) extra fields to every entry.
constexpr std::uint64_t kLocalExtraBytes = 28;
constexpr std::uint64_t kCentralExtraBytes = 24;

// One raw-deflate stream per pool thread, reset for every piece.
class ThreadDeflater
{
public:
    ThreadDeflater()
    {
        m_ok = deflateInit2(&m_stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~ThreadDeflater()
    {
        if (m_ok)
            deflateEnd(&m_stream);
    }
    std::uint64_t deflatedSize(const QByteArray &dictionary, const QByteArray &data, bool last)
    {
        if (!m_ok)
            return std::uint64_t(data.size());
        deflateReset(&m_stream);
        if (!dictionary.isEmpty())
            deflateSetDictionary(&m_stream, reinterpret_cast<const Bytef *>(dictionary.constData()),
                                 uInt(dictionary.size()));
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        m_stream.avail_in = uInt(data.size());
        std::uint64_t produced = 0;
        const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
        int status;
        do {
            m_stream.next_out = m_out;
            m_stream.avail_out = sizeof(m_out);
            status = deflate(&m_stream, flush);
            produced += sizeof(m_out) - m_stream.avail_out;
        } while (status == Z_OK && (m_stream.avail_out == 0 || m_stream.avail_in > 0));
        return produced;
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
    Bytef m_out[64 * 1024];
};

// Deflating gets its own threads, one per core. On the global pool it would
// share them with the job that reads the package (the app reads off the GUI
// thread, on that pool), and on two cores the estimate would run on one.
QThreadPool &deflatePool()
{
    static QThreadPool pool;
    return pool;
}

} // namespace

// One batch of pieces, deflated on a pool thread; frees its slot when done.
class ZipSizeEstimator::DeflateBatch final : public QRunnable
{
public:
    DeflateBatch(std::vector<Piece> pieces, std::counting_semaphore<> &slots)
        : m_pieces(std::move(pieces)), m_slots(slots)
    {
        m_handedOver.store(true, std::memory_order_release);
    }
    void run() override
    {
        // The pool hands the batch over under a lock of its own, on a futex
        // that ThreadSanitizer does not see; this says the same in the open.
        m_handedOver.load(std::memory_order_acquire);
        thread_local ThreadDeflater deflater;
        for (const Piece &piece : m_pieces)
            piece.result->fetch_add(deflater.deflatedSize(piece.dictionary, piece.data, piece.last));
        m_pieces.clear();
        m_slots.release();
    }

private:
    std::vector<Piece> m_pieces;
    std::counting_semaphore<> &m_slots;
    std::atomic<bool> m_handedOver = false;
};

ZipSizeEstimator::ZipSizeEstimator()
    : m_maxInFlight(2 * std::max(1, deflatePool().maxThreadCount()))
{
    m_slots.release(m_maxInFlight);
}

ZipSizeEstimator::~ZipSizeEstimator()
{
    for (int i = 0; i < m_maxInFlight; ++i)
        m_slots.acquire();
}

std::uint64_t ZipSizeEstimator::recordOverhead(std::uint64_t nameLength)
{
    return zip::local::kSize + kLocalExtraBytes + zip::central::kSize + kCentralExtraBytes + 2 * nameLength;
}

std::uint32_t ZipSizeEstimator::beginFile()
{
    m_deflated.emplace_back(0);
    m_raw.push_back(0);
    m_current.clear();
    m_dictionary.clear();
    return std::uint32_t(m_raw.size() - 1);
}

void ZipSizeEstimator::addData(const char *data, std::size_t size)
{
    m_raw.back() += size;
    while (size > 0) {
        const auto room = std::size_t(kPieceBytes - m_current.size());
        const std::size_t take = std::min(room, size);
        m_current.append(data, qsizetype(take));
        data += take;
        size -= take;
        if (m_current.size() == kPieceBytes)
            flushPiece(false);
    }
}

void ZipSizeEstimator::endFile()
{
    flushPiece(true);
}

void ZipSizeEstimator::flushPiece(bool last)
{
    if (!last && m_current.isEmpty())
        return;
    QByteArray nextDictionary = last ? QByteArray() : m_current.right(kDictionaryBytes);
    m_batchBytes += std::size_t(m_current.size()) + 64;
    m_batch.push_back({&m_deflated.back(), std::move(m_dictionary), std::move(m_current), last});
    m_current = QByteArray();
    m_current.reserve(last ? 0 : kPieceBytes);
    m_dictionary = std::move(nextDictionary);
    if (m_batchBytes >= std::size_t(kPieceBytes))
        submitBatch();
}

void ZipSizeEstimator::submitBatch()
{
    if (m_batch.empty())
        return;
    m_slots.acquire();
    auto *batch = new DeflateBatch(std::move(m_batch), m_slots);  // the pool deletes it
    m_batch.clear();
    m_batchBytes = 0;
    deflatePool().start(batch);
}

std::vector<std::uint64_t> ZipSizeEstimator::finish()
{
    submitBatch();
    for (int i = 0; i < m_maxInFlight; ++i)
        m_slots.acquire();
    m_slots.release(m_maxInFlight);
    std::vector<std::uint64_t> sizes(m_raw.size());
    for (std::size_t i = 0; i < sizes.size(); ++i)
        sizes[i] = std::min<std::uint64_t>(m_deflated[i].load(), m_raw[i]);
    return sizes;
}

} // namespace packscope
