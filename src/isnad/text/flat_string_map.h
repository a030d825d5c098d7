// FlatStringMap<V>: a map from byte strings to values for the lexicons' hot lookups (gazetteer
// names, word forms, TIME words). Looked up by std::string_view, so a caller never builds a
// std::string to ask; the keys live in one byte arena and the slots in one array (open
// addressing, linear probing, each slot holding the top half of its key's hash beside the entry
// index), so a miss usually costs one cache line and no string comparison.
//
// Contract:
//   - Find returns the value of `key`, or null. Insert returns the value of `key`, adding a
//     value-initialized one when it is absent. Erase removes `key` (a no-op when absent).
//   - Insert and Erase invalidate every pointer and reference into the map; Find does not.
//   - Reserve(n, key_bytes) makes room for n keys of key_bytes bytes in all, so that inserting up
//     to that many does not grow the table (a loader that knows its size builds without rehashing).
//   - ForEach visits every (key, value) once, in an unspecified order.
//   - Erased keys' bytes stay in the arena until the map is destroyed (erasing is rare: the
//     lexicons only erase while being built).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace isnad {

// A 64-bit hash of the bytes of `s` (8 bytes at a time). Not stable across versions: never store
// it. Equal strings hash equal.
uint64_t StringHash(std::string_view s);

template <typename V>
class FlatStringMap {
 public:
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  const V* Find(std::string_view key) const {
    const int32_t e = FindEntry(key, StringHash(key));
    return e < 0 ? nullptr : &entries_[e].value;
  }
  V* Find(std::string_view key) {
    const int32_t e = FindEntry(key, StringHash(key));
    return e < 0 ? nullptr : &entries_[e].value;
  }

  V& Insert(std::string_view key) {
    const uint64_t hash = StringHash(key);
    // One probe: it ends at the key, or at the free slot where the key goes unless the table
    // must grow first (load at most 3/4).
    size_t slot = 0;
    const int32_t found = FindEntry(key, hash, &slot);
    if (found >= 0) return entries_[found].value;
    const bool grow = (entries_.size() + 1) * 4 > slots_.size() * 3;
    if (grow) Grow();
    Entry entry;
    entry.offset = static_cast<uint32_t>(arena_.size());
    entry.length = static_cast<uint32_t>(key.size());
    entry.hash = hash;
    arena_.append(key);
    entries_.push_back(std::move(entry));
    const uint32_t index = static_cast<uint32_t>(entries_.size() - 1);
    if (grow) {
      Place(hash, index);
    } else {
      slots_[slot] = Slot(hash, index);
    }
    return entries_.back().value;
  }

  void Reserve(size_t entries, size_t key_bytes) {
    entries_.reserve(entries);
    arena_.reserve(key_bytes);
    int bits = 4;
    while ((size_t{1} << bits) * 3 < entries * 4) ++bits;  // load at most 3/4 at `entries`
    if ((size_t{1} << bits) > slots_.size()) Rehash(bits);
  }

  void Erase(std::string_view key) {
    const uint64_t hash = StringHash(key);
    size_t slot = Home(hash);
    while (true) {
      const uint64_t s = slots_.empty() ? kEmpty : slots_[slot];
      if (s == kEmpty) return;
      if (Tag(s) == Tag(hash) && KeyOf(entries_[Index(s)]) == key) break;
      slot = (slot + 1) & (slots_.size() - 1);
    }
    const uint32_t erased = Index(slots_[slot]);
    RemoveSlot(slot);
    // The last entry moves into the erased one's place; its slot follows it.
    const uint32_t last = static_cast<uint32_t>(entries_.size() - 1);
    if (erased != last) {
      *SlotOf(last) = Slot(entries_[last].hash, erased);
      entries_[erased] = std::move(entries_[last]);
    }
    entries_.pop_back();
  }

  template <typename F>
  void ForEach(F f) const {
    for (const Entry& e : entries_) f(KeyOf(e), e.value);
  }
  template <typename F>
  void ForEach(F f) {
    for (Entry& e : entries_) f(KeyOf(e), e.value);
  }

 private:
  // A slot: the top 32 bits of the key's hash, then the entry's index; kEmpty when free.
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static uint64_t Slot(uint64_t hash, uint32_t index) { return (hash & 0xFFFFFFFF00000000ull) | index; }
  static uint64_t Tag(uint64_t slot_or_hash) { return slot_or_hash >> 32; }
  static uint32_t Index(uint64_t slot) { return static_cast<uint32_t>(slot); }
  struct Entry {
    uint32_t offset = 0;  // the key's bytes: arena_[offset, offset + length)
    uint32_t length = 0;
    uint64_t hash = 0;
    V value{};
  };

  std::string_view KeyOf(const Entry& e) const { return std::string_view(arena_).substr(e.offset, e.length); }
  size_t Home(uint64_t hash) const { return slots_.empty() ? 0 : static_cast<size_t>(hash >> shift_); }

  // The entry of `key`, or -1; then `free_slot` (when given) is the empty slot the probe ended on.
  int32_t FindEntry(std::string_view key, uint64_t hash, size_t* free_slot = nullptr) const {
    if (slots_.empty()) return -1;
    for (size_t slot = Home(hash);; slot = (slot + 1) & (slots_.size() - 1)) {
      const uint64_t s = slots_[slot];
      if (s == kEmpty) {
        if (free_slot) *free_slot = slot;
        return -1;
      }
      if (Tag(s) != Tag(hash)) continue;
      const Entry& e = entries_[Index(s)];
      if (e.hash == hash && KeyOf(e) == key) return static_cast<int32_t>(Index(s));
    }
  }

  // The slot that holds entry `index`.
  uint64_t* SlotOf(uint32_t index) {
    size_t slot = Home(entries_[index].hash);
    while (slots_[slot] == kEmpty || Index(slots_[slot]) != index) slot = (slot + 1) & (slots_.size() - 1);
    return &slots_[slot];
  }

  void Place(uint64_t hash, uint32_t index) {
    size_t slot = Home(hash);
    while (slots_[slot] != kEmpty) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = Slot(hash, index);
  }

  // Empties `slot` and shifts back the entries after it that probed past it (no tombstones).
  void RemoveSlot(size_t slot) {
    const size_t mask = slots_.size() - 1;
    size_t hole = slot;
    for (size_t next = (hole + 1) & mask; slots_[next] != kEmpty; next = (next + 1) & mask) {
      const size_t home = Home(entries_[Index(slots_[next])].hash);
      // The entry at `next` may move to the hole when its home does not lie in (hole, next].
      const bool stays = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
      if (stays) continue;
      slots_[hole] = slots_[next];
      hole = next;
    }
    slots_[hole] = kEmpty;
  }

  void Grow() {
    int bits = 4;
    while ((size_t{1} << bits) * 3 < (entries_.size() + 1) * 4 * 2) ++bits;
    Rehash(bits);
  }

  void Rehash(int bits) {
    slots_.assign(size_t{1} << bits, kEmpty);
    shift_ = 64 - bits;
    for (uint32_t i = 0; i < entries_.size(); ++i) Place(entries_[i].hash, i);
  }

  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<uint64_t> slots_;  // [2^k] Slot(hash, index into entries_), or kEmpty
  int shift_ = 64;               // slot of a hash: its top k bits
};

}  // namespace isnad
