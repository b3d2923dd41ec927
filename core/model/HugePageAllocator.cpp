#include "model/HugePageAllocator.h"

#include <cstdint>

#if PACKSCOPE_OWN_MAPPINGS
#include <sys/mman.h>
#endif

namespace packscope::hugepages {

#if PACKSCOPE_OWN_MAPPINGS

namespace {

std::size_t roundedUp(std::size_t bytes)
{
    return (bytes + kPageBytes - 1) & ~(kPageBytes - 1);
}

} // namespace

void *allocate(std::size_t bytes)
{
    const std::size_t size = roundedUp(bytes);
    if (size < bytes)
        throw std::bad_alloc();
    // Map one 2 MiB page more than needed and trim both ends, so the buffer
    // starts on a 2 MiB boundary whatever address the kernel picks.
    const std::size_t mapped = size + kPageBytes;
    void *raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto begin = reinterpret_cast<std::uintptr_t>(raw);
    const auto aligned = (begin + kPageBytes - 1) & ~std::uintptr_t(kPageBytes - 1);
    if (aligned > begin)
        munmap(raw, aligned - begin);
    const std::uintptr_t tail = begin + mapped - (aligned + size);
    if (tail > 0)
        munmap(reinterpret_cast<void *>(aligned + size), tail);
#ifdef MADV_HUGEPAGE
    // Only advice: where 2 MiB pages are off or short, 4 KiB pages serve.
    madvise(reinterpret_cast<void *>(aligned), size, MADV_HUGEPAGE);
#endif
    return reinterpret_cast<void *>(aligned);
}

void release(void *data, std::size_t bytes) noexcept
{
    if (data)
        munmap(data, roundedUp(bytes));
}

#else

void *allocate(std::size_t bytes)
{
    return ::operator new(bytes);
}

void release(void *data, std::size_t) noexcept
{
    ::operator delete(data);
}

#endif

} // namespace packscope::hugepages
