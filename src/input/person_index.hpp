// The person identifiers of an export interned as numbers 0, 1, 2… in order of
// first appearance: a flat open-addressing table over one byte arena, so that a
// million identifiers cost no allocation each and few cache misses.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/large_array.hpp"

namespace ctreport::input {

class PersonIndex {
 public:
  PersonIndex();
  // The number of `id` if it was seen, else `next`, remembered for `id` (inserted is then true).
  uint32_t find_or_add(std::string_view id, uint32_t next, bool& inserted);
  // Starts loading the slot where `id`'s search begins, so that a
  // find_or_add(id) a little later finds it in cache.
  void prefetch(std::string_view id) const;
  // The number of `id`, or std::nullopt when it was never added.
  std::optional<uint32_t> find(std::string_view id) const;
  size_t size() const { return m_size; }
  // Room for `identifiers` without growing (one rehash now instead of several later).
  void reserve(size_t identifiers) { rehash_for(identifiers); }
  // Adds the identifiers of `other`, an index of the rows after this one's,
  // whose numbers run from 0 to other_count - 1 (those of rows without an
  // identifier included): returns, for each number of `other`, the number
  // it has here; `count`, the numbers given out here, grows by the new ones,
  // in the order `other` gave them out.
  std::vector<uint32_t> absorb(const PersonIndex& other, size_t other_count, size_t& count);

 private:
  struct Slot {  // 16 bytes: four to a cache line
    uint32_t hash = 0;  // the lower half of the 64-bit hash: its low bits pick the slot
    uint32_t offset = 0, length = 0;
    uint32_t number = k_empty;
  };
  static constexpr uint32_t k_empty = UINT32_MAX;
  size_t slot_of(uint32_t hash, std::string_view id) const;
  void insert_at(size_t slot, uint32_t hash, std::string_view id, uint32_t number);
  void grow();
  void rehash(size_t slots);
  void rehash_for(size_t size);

  util::LargeVector<Slot> m_slots;  // power-of-two size, at most half full
  util::LargeVector<char> m_bytes;  // every identifier, end to end
  size_t m_size = 0;
};

}  // namespace ctreport::input
