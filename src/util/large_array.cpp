// Huge-page blocks for the large arrays: mmap with room to align, trim, madvise.
#include "util/large_array.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define CTREPORT_PLAIN_NEW 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CTREPORT_PLAIN_NEW 1
#endif

namespace ctreport::util {

namespace {

constexpr size_t round_up(size_t bytes) { return (bytes + k_large_block - 1) & ~(k_large_block - 1); }

bool mapped(size_t bytes) {
#if defined(CTREPORT_PLAIN_NEW) || !defined(MADV_HUGEPAGE)
  (void)bytes;
  return false;  // sanitizers check heap blocks only
#else
  return bytes >= k_large_block;
#endif
}

}  // namespace

void* allocate_large(size_t bytes) {
  if (!mapped(bytes)) return ::operator new(bytes);
  const size_t size = round_up(bytes);
  if (size < bytes || size + k_large_block < size) throw std::bad_alloc();
  // Map one block more than needed, then unmap the parts before and after the
  // 2 MB-aligned range, so that the kernel can back it with whole huge pages.
  void* raw = mmap(nullptr, size + k_large_block, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + k_large_block - 1) & ~(uintptr_t{k_large_block} - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t end = aligned + size, raw_end = start + size + k_large_block;
  if (raw_end > end) munmap(reinterpret_cast<void*>(end), raw_end - end);
#ifdef MADV_HUGEPAGE
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advice only: failure is harmless
#endif
  return reinterpret_cast<void*>(aligned);
}

void deallocate_large(void* p, size_t bytes) {
  if (!p) return;
  if (!mapped(bytes)) return ::operator delete(p);
  munmap(p, round_up(bytes));
}

}  // namespace ctreport::util
