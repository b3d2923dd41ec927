#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

// GCC says AddressSanitizer is on with a macro, clang with a feature test.
#if defined(__SANITIZE_ADDRESS__)
#define PACKSCOPE_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PACKSCOPE_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(__linux__) && !defined(PACKSCOPE_ADDRESS_SANITIZER)
#define PACKSCOPE_OWN_MAPPINGS 1
#else
#define PACKSCOPE_OWN_MAPPINGS 0
#endif

namespace packscope {

// Big buffers (2 MiB and up) in their own mapping, 2 MiB-aligned and backed
// by 2 MiB pages where the system allows: a fresh 4 KiB page costs a page
// fault of about 2.5 µs, so a 10 MiB tree built in 4 KiB pages spends some
// 7 ms in the kernel, and as long again handing the pages back at exit.
// Reserved but untouched storage costs no memory, as with any mapping.
namespace hugepages {
constexpr std::size_t kPageBytes = std::size_t(2) << 20;
// Under AddressSanitizer big buffers come from operator new like any other,
// so that every access to them stays checked.
constexpr bool kOwnMappings = PACKSCOPE_OWN_MAPPINGS;
void *allocate(std::size_t bytes);  // throws std::bad_alloc
void release(void *data, std::size_t bytes) noexcept;
} // namespace hugepages

// std::allocator for small requests, hugepages for big ones. Elements are
// default-initialized, so resizing a char buffer reserves it without
// writing (and so committing) a byte of it.
template <typename T>
class HugePageAllocator
{
public:
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t count)
    {
        if (count > std::size_t(-1) / sizeof(T))
            throw std::bad_array_new_length();
        if (count * sizeof(T) < hugepages::kPageBytes)
            return std::allocator<T>().allocate(count);
        return static_cast<T *>(hugepages::allocate(count * sizeof(T)));
    }
    void deallocate(T *data, std::size_t count) noexcept
    {
        if (count * sizeof(T) < hugepages::kPageBytes)
            std::allocator<T>().deallocate(data, count);
        else
            hugepages::release(data, count * sizeof(T));
    }

    template <typename U>
    void construct(U *at) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void *>(at)) U;
    }
    template <typename U, typename... Args>
    void construct(U *at, Args &&...args)
    {
        ::new (static_cast<void *>(at)) U(std::forward<Args>(args)...);
    }

    template <typename U>
    bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }
};

template <typename T>
using LargeVector = std::vector<T, HugePageAllocator<T>>;

} // namespace packscope
