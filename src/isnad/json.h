// JSON output: the engine's Document as the schema of shared/spec/annotation.md, with offsets in
// the unit the caller asks for. This is the only place offsets leave the engine.
#pragma once

#include <string>

#include "isnad/document.h"
#include "isnad/status.h"

namespace isnad {

enum class OffsetUnit { kUtf16, kCodepoint, kUtf8 };

const char* OffsetUnitName(OffsetUnit unit);
// Parses "utf16" | "codepoint" | "utf8".
Status ParseOffsetUnit(std::string_view name, OffsetUnit* out);

struct JsonOptions {
  OffsetUnit offsets = OffsetUnit::kUtf16;
  int indent = -1;   // -1: one line; >= 0: pretty-printed with that indent
  std::string doc_id;  // written as "doc" when not empty
  // false: the "tokens" list, most of the output (~160 bytes a token), is left out and
  // "token_count" takes its place, for callers that only show entities, events and attributions.
  bool tokens = true;
};

std::string ToJson(const Document& doc, const JsonOptions& options);

}  // namespace isnad
