#include "isnad/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "isnad/json.h"
#include "test_support.h"

namespace isnad {
namespace {

using Ordered = nlohmann::ordered_json;

// nlohmann's own dump of the same document: what JsonWriter must reproduce byte for byte.
std::string Redump(const std::string& json, int indent) {
  return Ordered::parse(json).dump(indent, ' ', false, Ordered::error_handler_t::replace);
}

TEST(JsonWriter, EscapesLikeNlohmann) {
  std::string every_byte_below_space;
  for (int c = 1; c < 0x20; ++c) every_byte_below_space += static_cast<char>(c);
  for (const std::string& s : {std::string("plain"), std::string("\"quoted\" back\\slash /"), every_byte_below_space,
                               std::string("\x7f DEL, نص عربي, 😀"), std::string("nul\0inside", 10), std::string()}) {
    JsonWriter w(-1);
    w.String(s);
    EXPECT_EQ(w.Take(), Ordered(s).dump(-1, ' ', false, Ordered::error_handler_t::replace)) << s;
  }
}

TEST(JsonWriter, InvalidUtf8IsReplacedLikeNlohmann) {
  for (const std::string& s : {std::string("a\xff" "b"), std::string("\xc3"), std::string("\xed\xa0\x80 surrogate"),
                               std::string("\xe0\x80\x80 overlong")}) {
    JsonWriter w(-1);
    w.String(s);
    EXPECT_EQ(w.Take(), Ordered(s).dump(-1, ' ', false, Ordered::error_handler_t::replace));
  }
}

TEST(JsonWriter, NumbersNestingAndIndentation) {
  for (int indent : {-1, 0, 2, 4}) {
    JsonWriter w(indent);
    w.BeginObject();
    w.Key("n");
    w.Int(-42);
    w.Key("u");
    w.Uint(18446744073709551615ull);
    w.Key("z");
    w.Int(0);
    w.Key("empty_array");
    w.BeginArray();
    w.EndArray();
    w.Key("empty_object");
    w.BeginObject();
    w.EndObject();
    w.Key("list");
    w.BeginArray();
    w.Bool(true);
    w.Null();
    w.BeginObject();
    w.Key("k");
    w.String("v");
    w.EndObject();
    w.BeginArray();
    w.Uint(1);
    w.EndArray();
    w.EndArray();
    w.EndObject();
    const std::string out = w.Take();
    EXPECT_EQ(out, Redump(out, indent)) << indent;
  }
}

// The engine's documents, compact and pretty, in every offset unit: exactly nlohmann's bytes.
TEST(JsonWriter, EngineDocumentsMatchNlohmannDumps) {
  auto analyzer = testing::ShippedAnalyzer();
  const std::string text =
      "قال المتحدث باسم وزارة الخارجية \"العراقية\" أحمد الصحاف في بغداد أمس إن «القصف لم يحدث».\n"
      "ونقلت وكالة الأنباء عن مصادر مطلعة أن الوفد وصل\t😀 <b>html</b> \x01 back\\slash.";
  Document doc = testing::MustAnalyze(*analyzer, text);
  ASSERT_FALSE(doc.entities.empty());
  ASSERT_FALSE(doc.attributions.empty());
  for (OffsetUnit unit : {OffsetUnit::kUtf16, OffsetUnit::kCodepoint, OffsetUnit::kUtf8}) {
    for (int indent : {-1, 2}) {
      JsonOptions options;
      options.offsets = unit;
      options.indent = indent;
      options.doc_id = "doc-1";
      const std::string out = ToJson(doc, options);
      EXPECT_EQ(out, Redump(out, indent)) << OffsetUnitName(unit) << " " << indent;
    }
  }
}

}  // namespace
}  // namespace isnad
