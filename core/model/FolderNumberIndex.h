#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <utility>

namespace packscope {

// The tree builder's folder numbers by the hash of each folder's path: an
// open-addressing map, for building trees of hundreds of thousands of
// entries without one allocation per entry. A slot is 8 bytes (a 32-bit
// digest of the hash, the folder number + 1), so a probe costs one cache
// line and the table of 10,000 folders is 128 KiB. The digest also picks the
// home slot, which lets the table grow without the original hashes. Digests
// collide: find() asks the caller to confirm each candidate whose digest matches.
class FolderNumberIndex
{
public:
    static constexpr std::uint32_t kNotFound = ~std::uint32_t(0);

    explicit FolderNumberIndex(std::size_t expected = 0) { rehash(capacityFor(expected)); }

    // The folder number whose hash is `hash` and for which `equal(number)`
    // holds; kNotFound when there is none.
    template<typename Equal>
    std::uint32_t find(std::uint64_t hash, Equal &&equal) const
    {
        const std::uint32_t digest = digestOf(hash);
        for (std::size_t i = digest & m_mask;; i = (i + 1) & m_mask) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0)
                return kNotFound;
            if (std::uint32_t(slot >> 32) == digest && equal(numberOf(slot)))
                return numberOf(slot);
        }
    }

    void insert(std::uint64_t hash, std::uint32_t number)
    {
        if ((m_size + 1) * 4 > (m_mask + 1) * 3)
            rehash((m_mask + 1) * 2);
        place((std::uint64_t(digestOf(hash)) << 32) | (std::uint64_t(number) + 1));
        ++m_size;
    }

    void clear()
    {
        m_size = 0;
        m_slots.reset();
        rehash(16);
    }

private:
    struct FreeSlots {
        void operator()(std::uint64_t *p) const { std::free(p); }
    };

    static std::uint32_t digestOf(std::uint64_t hash) { return std::uint32_t(hash ^ (hash >> 32)); }
    static std::uint32_t numberOf(std::uint64_t slot) { return std::uint32_t(slot) - 1; }
    static std::size_t capacityFor(std::size_t expected)
    {
        std::size_t capacity = 16;
        while (capacity * 3 < expected * 4)
            capacity *= 2;
        return capacity;
    }
    void place(std::uint64_t slot)
    {
        std::size_t i = (slot >> 32) & m_mask;
        while (m_slots[i] != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = slot;
    }
    void rehash(std::size_t capacity)
    {
        const std::unique_ptr<std::uint64_t[], FreeSlots> old = std::move(m_slots);
        const std::size_t oldCapacity = old ? m_mask + 1 : 0;
        // calloc: fresh pages come zeroed from the system, with no clearing pass.
        m_slots.reset(static_cast<std::uint64_t *>(std::calloc(capacity, sizeof(std::uint64_t))));
        if (!m_slots)
            throw std::bad_alloc();
        m_mask = capacity - 1;
        for (std::size_t i = 0; i < oldCapacity; ++i) {
            if (old[i] != 0)
                place(old[i]);
        }
    }

    std::unique_ptr<std::uint64_t[], FreeSlots> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace packscope
