// Storage for the few arrays that grow with the input (the stays, the person
// table, the row hashes): blocks of 2 MB and more are mapped on their own,
// 2 MB-aligned and marked for transparent huge pages, so that a million stays
// cost a few hundred page faults and TLB misses instead of tens of thousands.
// Smaller blocks, and every block under a sanitizer, come from operator new.
#pragma once
#include <cstddef>
#include <vector>

namespace ctreport::util {

// Blocks of at least this many bytes are mapped with huge pages.
inline constexpr size_t k_large_block = size_t{2} << 20;

void* allocate_large(size_t bytes);            // throws std::bad_alloc
void deallocate_large(void* p, size_t bytes);  // `bytes` as given to allocate_large

template <class T>
struct LargeArrayAllocator {
  using value_type = T;
  LargeArrayAllocator() = default;
  template <class U>
  LargeArrayAllocator(const LargeArrayAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(allocate_large(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { deallocate_large(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const LargeArrayAllocator<U>&) const { return true; }
};

template <class T>
using LargeVector = std::vector<T, LargeArrayAllocator<T>>;

}  // namespace ctreport::util
