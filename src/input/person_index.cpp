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

// Walks `other`'s slots in table order (its hashes, stored, place them
// here too: this table's mask bits are the low bits of the same hash), the
// slots looked up here prefetched a few steps ahead; then numbers the
// identifiers not seen here, in `other`'s order, and adds them.
std::vector<uint32_t> PersonIndex::absorb(const PersonIndex& other, size_t other_count, size_t& count) {
  rehash_for(m_size + other.m_size);
  const size_t mask = m_slots.size() - 1;
  constexpr uint32_t k_new = UINT32_MAX;
  std::vector<uint32_t> number(other_count, k_new);  // k_new: no identifier, or one not seen here
  std::vector<uint32_t> fresh;                       // other's slots of the identifiers not seen here
  const size_t slots = other.m_slots.size();
  constexpr size_t k_ahead = 16;
  for (size_t i = 0; i < slots; ++i) {
    if (i + k_ahead < slots && other.m_slots[i + k_ahead].number != k_empty)
      __builtin_prefetch(&m_slots[other.m_slots[i + k_ahead].hash & mask]);
    const Slot& o = other.m_slots[i];
    if (o.number == k_empty) continue;
    std::string_view id(other.m_bytes.data() + o.offset, o.length);
    const Slot& here = m_slots[slot_of(o.hash, id)];
    if (here.number != k_empty) number[o.number] = here.number;
    else fresh.push_back(static_cast<uint32_t>(i));
  }
  for (auto& n : number)
    if (n == k_new) n = static_cast<uint32_t>(count++);
  for (size_t f = 0; f < fresh.size(); ++f) {
    if (f + k_ahead < fresh.size()) __builtin_prefetch(&m_slots[other.m_slots[fresh[f + k_ahead]].hash & mask]);
    const Slot& o = other.m_slots[fresh[f]];
    std::string_view id(other.m_bytes.data() + o.offset, o.length);
    insert_at(slot_of(o.hash, id), o.hash, id, number[o.number]);
  }
  return number;
}

// The slot holding `id`, or the empty one where it belongs.
size_t PersonIndex::slot_of(uint32_t hash, std::string_view id) const {
  const size_t mask = m_slots.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = m_slots[i];
    if (s.number == k_empty) return i;
    if (s.hash == hash && s.length == id.size() && std::memcmp(m_bytes.data() + s.offset, id.data(), id.size()) == 0)
      return i;
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
