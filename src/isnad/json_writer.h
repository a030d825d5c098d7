// JsonWriter: appends JSON to a string as it goes, in exactly the bytes nlohmann::json's dump()
// gives for the same values in the same key order (ensure_ascii off, error_handler replace): the
// same escapes (\" \\ \b \f \n \r \t, \u00xx for other bytes below 0x20, nothing else), the same
// number forms, and with indent >= 0 the same line breaks and indentation ("[]" and "{}" when
// empty). The engine's JSON (json.cc) is written with it: building an nlohmann document first and
// dumping it was a quarter of analyze-plus-JSON, most of it allocation.
//
//   JsonWriter w(-1);
//   w.BeginObject(); w.Key("a"); w.Uint(1); w.Key("b"); w.BeginArray(); w.EndArray(); w.EndObject();
//   w.Take() == R"({"a":1,"b":[]})"
//
// The caller nests the calls correctly (a Key before each value in an object, none in an array).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace isnad {

class JsonWriter {
 public:
  // indent: -1 for one line, else the spaces per level of a pretty-printed document.
  explicit JsonWriter(int indent) : indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

  void String(std::string_view value);
  void Uint(uint64_t value);
  void Int(int64_t value);
  void Bool(bool value) { BeforeValue(); out_ += value ? "true" : "false"; }
  void Null() { BeforeValue(); out_ += "null"; }

  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();  // the separator and line break before a value in an array
  void Open(char bracket);
  void Close(char bracket);
  void NewLine(size_t depth);
  void Escaped(std::string_view s);

  int indent_;
  std::string out_;
  std::vector<bool> has_items_;  // one per open container: something was written in it
  bool after_key_ = false;       // the next value follows a key (no separator of its own)
};

}  // namespace isnad
