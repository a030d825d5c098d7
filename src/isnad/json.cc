#include "isnad/json.h"

#include <nlohmann/json.hpp>

#include "isnad/analyzer.h"

namespace isnad {
namespace {

using Json = nlohmann::ordered_json;

// Converts UTF-8 byte offsets of one text into the requested unit. [text.size() + 1] entries.
class OffsetConverter {
 public:
  OffsetConverter(const std::string& text, OffsetUnit unit) : unit_(unit) {
    if (unit == OffsetUnit::kUtf8) return;
    // table_[i] counts the units before byte i. Spans start and end on character boundaries, so
    // only the entries of lead bytes (and of text.size()) are ever read.
    table_.resize(text.size() + 1);
    uint32_t units = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      table_[i] = units;
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      // A 4-byte sequence is one code point but two UTF-16 code units (a surrogate pair).
      units += (unit == OffsetUnit::kUtf16 && c >= 0xF0) ? 2 : 1;
    }
    table_[text.size()] = units;
  }
  uint32_t operator()(uint32_t byte_offset) const { return unit_ == OffsetUnit::kUtf8 ? byte_offset : table_[byte_offset]; }

 private:
  OffsetUnit unit_;
  std::vector<uint32_t> table_;
};

Json SpanJson(const Document& doc, const OffsetConverter& conv, Span span) {
  Json j;
  j["start"] = conv(span.begin);
  j["end"] = conv(span.end);
  j["text"] = doc.SpanText(span);
  return j;
}

// "<prefix><index + 1>", or null for an index of -1.
Json IdOrNull(const char* prefix, int index) {
  if (index < 0) return nullptr;
  return prefix + std::to_string(index + 1);
}

Json EventsJson(const Document& doc, const OffsetConverter& conv) {
  Json events = Json::array();
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    Json j;
    j["id"] = "E" + std::to_string(i + 1);
    j["type"] = e.type;
    j["plover"] = e.plover;
    j["ace"] = e.ace.empty() ? Json(nullptr) : Json(e.ace);
    j["trigger"] = SpanJson(doc, conv, e.trigger);
    Json arguments = Json::array();
    for (const EventArgument& a : e.arguments) {
      Json arg;
      arg["role"] = a.role;
      arg.update(SpanJson(doc, conv, a.span));
      arg["entity"] = IdOrNull("T", a.entity);
      arguments.push_back(std::move(arg));
    }
    j["arguments"] = std::move(arguments);
    j["polarity"] = e.negated ? "negative" : "positive";
    j["modality"] = e.modality;
    j["attributed_to"] = IdOrNull("A", e.attributed_to);
    events.push_back(std::move(j));
  }
  return events;
}

Json AttributionsJson(const Document& doc, const OffsetConverter& conv) {
  Json attributions = Json::array();
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    Json j;
    j["id"] = "A" + std::to_string(i + 1);
    j["act"] = a.act;
    j["mode"] = a.mode;
    j["cue"] = SpanJson(doc, conv, a.cue);
    j["source"] = a.source.empty() ? Json(nullptr) : SpanJson(doc, conv, a.source);
    j["source_kind"] = a.source_kind;
    j["source_entity"] = IdOrNull("C", a.source_entity);
    Json via = Json::array();
    for (Span v : a.via) via.push_back(SpanJson(doc, conv, v));
    j["via"] = std::move(via);
    j["content"] = SpanJson(doc, conv, a.content);
    j["attributed_to"] = IdOrNull("A", a.attributed_to);
    attributions.push_back(std::move(j));
  }
  return attributions;
}

}  // namespace

const char* OffsetUnitName(OffsetUnit unit) {
  switch (unit) {
    case OffsetUnit::kUtf16: return "utf16";
    case OffsetUnit::kCodepoint: return "codepoint";
    case OffsetUnit::kUtf8: return "utf8";
  }
  return "utf16";
}

Status ParseOffsetUnit(std::string_view name, OffsetUnit* out) {
  for (OffsetUnit unit : {OffsetUnit::kUtf16, OffsetUnit::kCodepoint, OffsetUnit::kUtf8}) {
    if (name == OffsetUnitName(unit)) {
      *out = unit;
      return Status::Ok();
    }
  }
  return InvalidArgument("unknown offset unit '" + std::string(name) + "' (utf16, codepoint or utf8)");
}

std::string ToJson(const Document& doc, const JsonOptions& options) {
  const OffsetConverter conv(doc.text, options.offsets);
  Json out;
  out["schema_version"] = kSchemaVersion;
  out["engine"] = std::string("isnad ") + EngineVersion();
  if (!options.doc_id.empty()) out["doc"] = options.doc_id;
  out["offsets"] = OffsetUnitName(options.offsets);
  if (!doc.document_date.empty()) out["document_date"] = doc.document_date;
  out["language"] = {{"script", doc.language.script}, {"code", doc.language.code}, {"analyzed", doc.language.analyzed}};
  out["text"] = doc.text;

  Json sentences = Json::array();
  for (const Sentence& s : doc.sentences) sentences.push_back(SpanJson(doc, conv, s.span));
  out["sentences"] = std::move(sentences);

  Json tokens = Json::array();
  for (const Token& t : doc.tokens) {
    Json j = SpanJson(doc, conv, t.span);
    j["kind"] = TokenKindName(t.kind);
    j["norm"] = t.norm;
    j["sentence"] = t.sentence;
    tokens.push_back(std::move(j));
  }
  out["tokens"] = std::move(tokens);
  Json entities = Json::array();
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    Json j;
    j["id"] = "T" + std::to_string(i + 1);
    j["type"] = e.type;
    if (e.type == "ORG" && !e.subtype.empty()) j["subtype"] = e.subtype;
    j["start"] = conv(e.span.begin);
    j["end"] = conv(e.span.end);
    j["text"] = doc.SpanText(e.span);
    if (!e.value.empty()) j["value"] = e.value;
    if (e.cluster >= 0) j["cluster"] = "C" + std::to_string(e.cluster + 1);
    entities.push_back(std::move(j));
  }
  out["entities"] = std::move(entities);
  Json clusters = Json::array();
  for (size_t c = 0; c < doc.clusters.size(); ++c) {
    Json j;
    j["id"] = "C" + std::to_string(c + 1);
    j["type"] = doc.clusters[c].type;
    j["name"] = doc.clusters[c].name;
    if (!doc.clusters[c].latin.empty()) j["latin"] = doc.clusters[c].latin;
    Json mentions = Json::array();
    for (uint32_t m : doc.clusters[c].mentions) mentions.push_back("T" + std::to_string(m + 1));
    j["mentions"] = std::move(mentions);
    clusters.push_back(std::move(j));
  }
  out["clusters"] = std::move(clusters);
  out["events"] = EventsJson(doc, conv);
  out["attributions"] = AttributionsJson(doc, conv);

  Json warnings = Json::array();
  for (const Warning& w : doc.warnings) {
    Json j = SpanJson(doc, conv, w.span);
    j["code"] = w.code;
    j["message"] = w.message;
    warnings.push_back(std::move(j));
  }
  out["warnings"] = std::move(warnings);
  // The text is validated UTF-8, so nothing needs replacing; `replace` keeps the writer from ever
  // throwing (an uncaught exception would abort the whole wasm instance).
  return out.dump(options.indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace isnad
