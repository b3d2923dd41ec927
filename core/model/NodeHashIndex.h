#pragma once

#include "model/PackageTree.h"

#include <cstdint>
#include <vector>

namespace packscope {

// Open-addressing map from 64-bit hashes to node ids, for building trees of
// hundreds of thousands of entries without one allocation per entry. Hashes
// may collide: find() asks the caller to confirm each candidate.
class NodeHashIndex
{
public:
    explicit NodeHashIndex(std::size_t expected = 0) { rehash(capacityFor(expected)); }

    template<typename Equal>
    NodeId find(std::uint64_t hash, Equal &&equal) const
    {
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            if (m_ids[i] == kNoNode)
                return kNoNode;
            if (m_hashes[i] == hash && equal(m_ids[i]))
                return m_ids[i];
        }
    }

    void insert(std::uint64_t hash, NodeId id)
    {
        if ((m_size + 1) * 2 > m_ids.size())
            rehash(m_ids.size() * 2);
        place(hash, id);
        ++m_size;
    }

    void clear()
    {
        m_hashes = {};
        m_ids = {};
        m_size = 0;
        rehash(16);
    }

private:
    static std::size_t capacityFor(std::size_t expected)
    {
        std::size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        return capacity;
    }
    void place(std::uint64_t hash, NodeId id)
    {
        std::size_t i = hash & m_mask;
        while (m_ids[i] != kNoNode)
            i = (i + 1) & m_mask;
        m_hashes[i] = hash;
        m_ids[i] = id;
    }
    void rehash(std::size_t capacity)
    {
        std::vector<std::uint64_t> hashes = std::move(m_hashes);
        std::vector<NodeId> ids = std::move(m_ids);
        m_hashes.assign(capacity, 0);
        m_ids.assign(capacity, kNoNode);
        m_mask = capacity - 1;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i] != kNoNode)
                place(hashes[i], ids[i]);
        }
    }

    std::vector<std::uint64_t> m_hashes;
    std::vector<NodeId> m_ids;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace packscope
