// Person identifier interning: linear probing on a 32-bit hash (tables of up
// to 2^32 slots), keys in one arena.
#include "input/person_index.hpp"

#include <cstring>

#include "util/errors.hpp"
#include "util/hash.hpp"

namespace ctreport::input {


PersonIndex::PersonIndex() : m_slots(1 << 6) {}  // small: grown as identifiers come

uint32_t PersonIndex::find_or_add(std::string_view id, uint32_t next, bool& inserted) {
  const uint64_t h = util::short_string_hash(id);
  size_t mask = m_slots.size() - 1;
  for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
    Slot& s = m_slots[i];
    if (s.number == k_empty) {
      if (m_bytes.size() + id.size() > UINT32_MAX) throw DataError("too many person identifiers (over 4 GB of them)");
      s.hash = static_cast<uint32_t>(h);
      s.offset = static_cast<uint32_t>(m_bytes.size());
      s.length = static_cast<uint32_t>(id.size());
      s.number = next;
      m_bytes.insert(m_bytes.end(), id.begin(), id.end());
      inserted = true;
      if (++m_size * 2 > m_slots.size()) grow();
      return next;
    }
    if (s.hash == static_cast<uint32_t>(h) && s.length == id.size() && std::memcmp(m_bytes.data() + s.offset, id.data(), id.size()) == 0) {
      inserted = false;
      return s.number;
    }
  }
}

void PersonIndex::prefetch(std::string_view id) const {
  const uint64_t h = util::short_string_hash(id);
  __builtin_prefetch(&m_slots[static_cast<size_t>(h) & (m_slots.size() - 1)]);
}

std::optional<uint32_t> PersonIndex::find(std::string_view id) const {
  const uint64_t h = util::short_string_hash(id);
  size_t mask = m_slots.size() - 1;
  for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
    const Slot& s = m_slots[i];
    if (s.number == k_empty) return std::nullopt;
    if (s.hash == static_cast<uint32_t>(h) && s.length == id.size() && std::memcmp(m_bytes.data() + s.offset, id.data(), id.size()) == 0)
      return s.number;
  }
}

void PersonIndex::grow() {
  util::LargeVector<Slot> old(m_slots.size() * 2);
  old.swap(m_slots);
  size_t mask = m_slots.size() - 1;
  for (const Slot& s : old) {
    if (s.number == k_empty) continue;
    size_t i = s.hash & mask;
    while (m_slots[i].number != k_empty) i = (i + 1) & mask;
    m_slots[i] = s;
  }
}

}  // namespace ctreport::input
