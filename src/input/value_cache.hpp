// What the raw texts of a column were found to mean (a category, a place, a
// site), remembered by their exact bytes: the values of a column repeat row
// after row, and this lookup runs for several columns of every row read.
// Open addressing on a power-of-two table of 16-byte slots, the texts end to
// end in one arena: one hash, one slot and one compare per lookup, no
// allocation, no division (std::unordered_map costs a modulo and a node).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/hash.hpp"

namespace ctreport::input {

template <typename Value>
class ValueCache {
 public:
  // At most `capacity` texts are remembered; later ones are not (add() is then ignored).
  explicit ValueCache(size_t capacity = 4096) : m_capacity(capacity) {}

  const Value* find(std::string_view text) const {
    if (m_values.empty()) return nullptr;
    const Slot& s = m_slots[slot_of(hash_of(text), text)];
    return s.index == k_empty ? nullptr : &m_values[s.index];
  }

  void add(std::string_view text, const Value& value) {
    if (m_values.size() >= m_capacity) return;
    if ((m_values.size() + 1) * 2 > m_slots.size()) grow();
    const uint32_t h = hash_of(text);
    Slot& s = m_slots[slot_of(h, text)];
    if (s.index != k_empty) return;  // already there
    s = {h, static_cast<uint32_t>(m_bytes.size()), static_cast<uint32_t>(text.size()),
         static_cast<uint32_t>(m_values.size())};
    m_bytes.append(text);
    m_values.push_back(value);
  }

  size_t size() const { return m_values.size(); }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t offset = 0, length = 0;
    uint32_t index = k_empty;  // into m_values
  };
  static constexpr uint32_t k_empty = UINT32_MAX;

  static uint32_t hash_of(std::string_view text) { return static_cast<uint32_t>(util::short_string_hash(text)); }

  size_t slot_of(uint32_t hash, std::string_view text) const {
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = m_slots[i];
      if (s.index == k_empty) return i;
      // As string_views: an empty text may have a null data(), which memcmp must not be given.
      if (s.hash == hash && std::string_view(m_bytes.data() + s.offset, s.length) == text) return i;
    }
  }

  void grow() {
    std::vector<Slot> old(m_slots.empty() ? 64 : m_slots.size() * 2);
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (const Slot& s : old) {
      if (s.index == k_empty) continue;
      size_t i = s.hash & mask;
      while (m_slots[i].index != k_empty) i = (i + 1) & mask;
      m_slots[i] = s;
    }
  }

  size_t m_capacity;
  std::vector<Slot> m_slots;
  std::string m_bytes;
  std::vector<Value> m_values;
};

}  // namespace ctreport::input
