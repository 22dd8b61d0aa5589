// Person identifier interning: linear probing on a 32-bit hash (tables of up
// to 2^32 slots), keys in one arena.
#include "input/person_index.hpp"

#include <cstring>

#include "util/errors.hpp"
#include "util/hash.hpp"

namespace ctreport::input {


PersonIndex::PersonIndex() : m_slots(1 << 6) {}  // small: grown as identifiers come

uint32_t PersonIndex::find_or_add(std::string_view id, uint32_t next, bool& inserted) {
  const auto h = static_cast<uint32_t>(util::short_string_hash(id));
  const size_t slot = slot_of(h, id);
  inserted = m_slots[slot].number == k_empty;
  if (!inserted) return m_slots[slot].number;
  insert_at(slot, h, id, next);
  return next;
}

void PersonIndex::prefetch(std::string_view id) const {
  const uint64_t h = util::short_string_hash(id);
  __builtin_prefetch(&m_slots[static_cast<size_t>(h) & (m_slots.size() - 1)]);
}

std::optional<uint32_t> PersonIndex::find(std::string_view id) const {
  const Slot& s = m_slots[slot_of(static_cast<uint32_t>(util::short_string_hash(id)), id)];
  if (s.number == k_empty) return std::nullopt;
  return s.number;
}

// One pass over `other`'s numbers in order: each identifier looked up here
// and, when new, added with the next number. The slots are read ahead, two
// levels deep: `other`'s slot (for its hash), then the slot it hashes to here.
std::vector<uint32_t> PersonIndex::absorb(const PersonIndex& other, size_t other_count, size_t& count) {
  rehash_for(m_size + other.m_size);
  const size_t mask = m_slots.size() - 1;
  constexpr uint32_t k_none = UINT32_MAX;
  std::vector<uint32_t> slot_of_number(other_count, k_none);  // k_none: a row without an identifier
  for (size_t i = 0; i < other.m_slots.size(); ++i)
    if (other.m_slots[i].number != k_empty) slot_of_number[other.m_slots[i].number] = static_cast<uint32_t>(i);
  std::vector<uint32_t> number(other_count);
  constexpr size_t k_near = 8, k_far = 16;
  for (size_t n = 0; n < other_count; ++n) {
    if (n + k_far < other_count && slot_of_number[n + k_far] != k_none)
      __builtin_prefetch(&other.m_slots[slot_of_number[n + k_far]]);
    if (n + k_near < other_count && slot_of_number[n + k_near] != k_none)
      __builtin_prefetch(&m_slots[other.m_slots[slot_of_number[n + k_near]].hash & mask]);
    if (slot_of_number[n] == k_none) {
      number[n] = static_cast<uint32_t>(count++);
      continue;
    }
    const Slot& o = other.m_slots[slot_of_number[n]];
    const std::string_view id(other.m_bytes.data() + o.offset, o.length);
    const size_t slot = slot_of(o.hash, id);
    if (m_slots[slot].number != k_empty) {
      number[n] = m_slots[slot].number;
    } else {
      number[n] = static_cast<uint32_t>(count++);
      insert_at(slot, o.hash, id, number[n]);
    }
  }
  return number;
}

// The slot holding `id`, or the empty one where it belongs.
size_t PersonIndex::slot_of(uint32_t hash, std::string_view id) const {
  const size_t mask = m_slots.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = m_slots[i];
    if (s.number == k_empty) return i;
    // As string_views: an empty id may have a null data(), which memcmp must not be given.
    if (s.hash == hash && std::string_view(m_bytes.data() + s.offset, s.length) == id) return i;
  }
}

void PersonIndex::insert_at(size_t slot, uint32_t hash, std::string_view id, uint32_t number) {
  if (m_bytes.size() + id.size() > UINT32_MAX) throw DataError("too many person identifiers (over 4 GB of them)");
  Slot& s = m_slots[slot];
  s.hash = hash;
  s.offset = static_cast<uint32_t>(m_bytes.size());
  s.length = static_cast<uint32_t>(id.size());
  s.number = number;
  m_bytes.insert(m_bytes.end(), id.begin(), id.end());
  if (++m_size * 2 > m_slots.size()) grow();
}

// A table large enough for `size` identifiers, rehashed once.
void PersonIndex::rehash_for(size_t size) {
  size_t slots = m_slots.size();
  while (size * 2 > slots) slots *= 2;
  if (slots != m_slots.size()) rehash(slots);
}

void PersonIndex::grow() { rehash(m_slots.size() * 2); }

void PersonIndex::rehash(size_t slots) {
  util::LargeVector<Slot> old(slots);
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
