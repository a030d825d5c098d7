#include "isnad/text/flat_string_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace isnad {
namespace {

TEST(FlatStringMapTest, FindsWhatWasInsertedByView) {
  FlatStringMap<int> map;
  EXPECT_EQ(map.Find("بغداد"), nullptr);
  map.Insert("بغداد") = 1;
  map.Insert("مطار بغداد") = 2;
  map.Insert("") = 3;  // the empty key is a key like any other
  const std::string text = "في مطار بغداد";
  const std::string_view name = std::string_view(text).substr(text.find("مطار"));  // a view into other text
  ASSERT_NE(map.Find(name), nullptr);
  EXPECT_EQ(*map.Find(name), 2);
  EXPECT_EQ(*map.Find("بغداد"), 1);
  EXPECT_EQ(*map.Find(""), 3);
  EXPECT_EQ(map.Find("بغدا"), nullptr);
  EXPECT_EQ(map.size(), 3u);
}

TEST(FlatStringMapTest, InsertKeepsAnExistingValue) {
  FlatStringMap<std::string> map;
  map.Insert("a") = "first";
  EXPECT_EQ(map.Insert("a"), "first");
  EXPECT_EQ(map.size(), 1u);
}

TEST(FlatStringMapTest, EraseThenFindAndReinsert) {
  FlatStringMap<int> map;
  map.Insert("x") = 1;
  map.Insert("y") = 2;
  map.Erase("x");
  map.Erase("absent");
  EXPECT_EQ(map.Find("x"), nullptr);
  EXPECT_EQ(*map.Find("y"), 2);
  map.Insert("x") = 3;
  EXPECT_EQ(*map.Find("x"), 3);
  EXPECT_EQ(map.size(), 2u);
}

// Many keys, inserted and erased at random, against std::map: probing chains that wrap around
// the slot array and the back-shifting of erased slots must keep every key findable.
TEST(FlatStringMapTest, AgreesWithStdMapUnderRandomInsertsAndErases) {
  FlatStringMap<int> map;
  std::map<std::string, int> expected;
  std::mt19937 random(7);
  for (int step = 0; step < 20000; ++step) {
    const std::string key = "k" + std::to_string(random() % 700);
    if (random() % 3 == 0) {
      map.Erase(key);
      expected.erase(key);
    } else {
      map.Insert(key) = step;
      expected[key] = step;
    }
  }
  EXPECT_EQ(map.size(), expected.size());
  for (int k = 0; k < 700; ++k) {
    const std::string key = "k" + std::to_string(k);
    const int* found = map.Find(key);
    auto it = expected.find(key);
    if (it == expected.end()) {
      EXPECT_EQ(found, nullptr) << key;
    } else {
      ASSERT_NE(found, nullptr) << key;
      EXPECT_EQ(*found, it->second) << key;
    }
  }
  std::map<std::string, int> visited;
  map.ForEach([&](std::string_view key, int value) { visited.emplace(std::string(key), value); });
  EXPECT_EQ(visited, expected);
}

TEST(FlatStringMapTest, ReserveKeepsEntriesAndDoesNotGrowUpToItsCount) {
  FlatStringMap<int> map;
  map.Insert("بغداد") = -1;
  map.Reserve(1000, 16000);  // after an insert: what is there stays findable
  ASSERT_NE(map.Find("بغداد"), nullptr);
  EXPECT_EQ(*map.Find("بغداد"), -1);
  const int* first = map.Find("بغداد");
  for (int i = 0; i < 999; ++i) map.Insert("key " + std::to_string(i)) = i;
  EXPECT_EQ(map.Find("بغداد"), first);  // no insert up to the reserved count moved the entries
  EXPECT_EQ(map.size(), 1000u);
  for (int i = 0; i < 999; ++i) {
    const int* v = map.Find("key " + std::to_string(i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(*v, i);
  }
  map.Insert("one more") = 7;  // past the reserve it grows as usual
  EXPECT_EQ(*map.Find("one more"), 7);
  EXPECT_EQ(*map.Find("key 998"), 998);
}

TEST(FlatStringMapTest, HashDependsOnEveryByte) {
  EXPECT_EQ(StringHash("abcdefghij"), StringHash(std::string("abcdefghij")));
  EXPECT_NE(StringHash("abcdefghij"), StringHash("abcdefghik"));
  EXPECT_NE(StringHash("a"), StringHash(std::string_view("a\0", 2)));  // the length counts
}

}  // namespace
}  // namespace isnad
