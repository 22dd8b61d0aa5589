// Person identifier interning: linear probing on a 64-bit hash, keys in one arena.
#include "input/person_index.hpp"

#include <cstring>

#include "util/errors.hpp"

namespace ctreport::input {

namespace {

// Eight bytes at a time; identifiers are short (5-20 bytes). Not seeded: the
// input is the user's own file.
uint64_t hash_of(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  uint64_t w = 0;
  std::memcpy(&w, s.data() + i, s.size() - i);
  h = (h ^ w) * 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

}  // namespace

PersonIndex::PersonIndex() : m_slots(1 << 12) {}

uint32_t PersonIndex::find_or_add(std::string_view id, uint32_t next, bool& inserted) {
  const uint64_t h = hash_of(id);
  size_t mask = m_slots.size() - 1;
  for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
    Slot& s = m_slots[i];
    if (s.number == k_empty) {
      if (m_bytes.size() + id.size() > UINT32_MAX) throw DataError("too many person identifiers (over 4 GB of them)");
      s.hash = h;
      s.offset = static_cast<uint32_t>(m_bytes.size());
      s.length = static_cast<uint32_t>(id.size());
      s.number = next;
      m_bytes.append(id);
      inserted = true;
      if (++m_size * 2 > m_slots.size()) grow();
      return next;
    }
    if (s.hash == h && s.length == id.size() && std::memcmp(m_bytes.data() + s.offset, id.data(), id.size()) == 0) {
      inserted = false;
      return s.number;
    }
  }
}

void PersonIndex::grow() {
  std::vector<Slot> old(m_slots.size() * 2);
  old.swap(m_slots);
  size_t mask = m_slots.size() - 1;
  for (const Slot& s : old) {
    if (s.number == k_empty) continue;
    size_t i = static_cast<size_t>(s.hash) & mask;
    while (m_slots[i].number != k_empty) i = (i + 1) & mask;
    m_slots[i] = s;
  }
}

}  // namespace ctreport::input
