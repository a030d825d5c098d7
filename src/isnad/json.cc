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

// An ordered_json object built field by field in the order given, with room for `capacity` fields
// reserved up front. The caller never adds a key twice, so no field is searched for (operator[]
// would compare every key before it and copy the keys whenever the vector grows).
class Object {
 public:
  explicit Object(size_t capacity) : json_(Json::value_t::object) { fields().reserve(capacity); }
  Object& Add(const char* key, Json value) {
    fields().emplace_back(key, std::move(value));
    return *this;
  }
  Json Take() { return std::move(json_); }

 private:
  Json::object_t& fields() { return json_.get_ref<Json::object_t&>(); }
  Json json_;
};

// An empty array with room for `capacity` elements.
Json ArrayOf(size_t capacity) {
  Json array = Json::array();
  array.get_ref<Json::array_t&>().reserve(capacity);
  return array;
}

// The span fields, to be followed by `extra` more.
Object SpanObject(const Document& doc, const OffsetConverter& conv, Span span, size_t extra) {
  Object o(3 + extra);
  o.Add("start", conv(span.begin)).Add("end", conv(span.end)).Add("text", doc.SpanText(span));
  return o;
}

Json SpanJson(const Document& doc, const OffsetConverter& conv, Span span) {
  return SpanObject(doc, conv, span, 0).Take();
}

// "<prefix><index + 1>", or null for an index of -1.
Json IdOrNull(const char* prefix, int index) {
  if (index < 0) return nullptr;
  return prefix + std::to_string(index + 1);
}

Json EventsJson(const Document& doc, const OffsetConverter& conv) {
  Json events = ArrayOf(doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    Json arguments = ArrayOf(e.arguments.size());
    for (const EventArgument& a : e.arguments) {
      Object arg(5);
      arg.Add("role", a.role)
          .Add("start", conv(a.span.begin))
          .Add("end", conv(a.span.end))
          .Add("text", doc.SpanText(a.span))
          .Add("entity", IdOrNull("T", a.entity));
      arguments.push_back(arg.Take());
    }
    Object j(10);
    j.Add("id", "E" + std::to_string(i + 1))
        .Add("type", e.type)
        .Add("plover", e.plover)
        .Add("ace", e.ace.empty() ? Json(nullptr) : Json(e.ace))
        .Add("trigger", SpanJson(doc, conv, e.trigger))
        .Add("arguments", std::move(arguments))
        .Add("polarity", e.negated ? "negative" : "positive")
        .Add("modality", e.modality)
        .Add("attributed_to", IdOrNull("A", e.attributed_to));
    events.push_back(j.Take());
  }
  return events;
}

Json AttributionsJson(const Document& doc, const OffsetConverter& conv) {
  Json attributions = ArrayOf(doc.attributions.size());
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    Json via = ArrayOf(a.via.size());
    for (Span v : a.via) via.push_back(SpanJson(doc, conv, v));
    Object j(11);
    j.Add("id", "A" + std::to_string(i + 1))
        .Add("act", a.act)
        .Add("mode", a.mode)
        .Add("cue", SpanJson(doc, conv, a.cue))
        .Add("source", a.source.empty() ? Json(nullptr) : SpanJson(doc, conv, a.source))
        .Add("source_kind", a.source_kind)
        .Add("source_entity", IdOrNull("C", a.source_entity))
        .Add("via", std::move(via))
        .Add("content", SpanJson(doc, conv, a.content))
        .Add("attributed_to", IdOrNull("A", a.attributed_to));
    attributions.push_back(j.Take());
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
  Json sentences = ArrayOf(doc.sentences.size());
  for (const Sentence& s : doc.sentences) sentences.push_back(SpanJson(doc, conv, s.span));

  Json tokens = ArrayOf(options.tokens ? doc.tokens.size() : 0);
  for (size_t i = 0; options.tokens && i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    Object j = SpanObject(doc, conv, t.span, 3);
    j.Add("kind", TokenKindName(t.kind)).Add("norm", t.norm).Add("sentence", t.sentence);
    tokens.push_back(j.Take());
  }

  Json entities = ArrayOf(doc.entities.size());
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    Object j(8);
    j.Add("id", "T" + std::to_string(i + 1)).Add("type", e.type);
    if (e.type == "ORG" && !e.subtype.empty()) j.Add("subtype", e.subtype);
    j.Add("start", conv(e.span.begin)).Add("end", conv(e.span.end)).Add("text", doc.SpanText(e.span));
    if (!e.value.empty()) j.Add("value", e.value);
    if (e.cluster >= 0) j.Add("cluster", "C" + std::to_string(e.cluster + 1));
    entities.push_back(j.Take());
  }

  Json clusters = ArrayOf(doc.clusters.size());
  for (size_t c = 0; c < doc.clusters.size(); ++c) {
    const Cluster& cluster = doc.clusters[c];
    Json mentions = ArrayOf(cluster.mentions.size());
    for (uint32_t m : cluster.mentions) mentions.push_back("T" + std::to_string(m + 1));
    Object j(5);
    j.Add("id", "C" + std::to_string(c + 1)).Add("type", cluster.type).Add("name", cluster.name);
    if (!cluster.latin.empty()) j.Add("latin", cluster.latin);
    j.Add("mentions", std::move(mentions));
    clusters.push_back(j.Take());
  }

  Json warnings = ArrayOf(doc.warnings.size());
  for (const Warning& w : doc.warnings) {
    Object j = SpanObject(doc, conv, w.span, 2);
    j.Add("code", w.code).Add("message", w.message);
    warnings.push_back(j.Take());
  }

  Object out(16);
  out.Add("schema_version", kSchemaVersion).Add("engine", std::string("isnad ") + EngineVersion());
  if (!options.doc_id.empty()) out.Add("doc", options.doc_id);
  out.Add("offsets", OffsetUnitName(options.offsets));
  if (!doc.document_date.empty()) out.Add("document_date", doc.document_date);
  Object language(3);
  language.Add("script", doc.language.script).Add("code", doc.language.code).Add("analyzed", doc.language.analyzed);
  out.Add("language", language.Take())
      .Add("text", doc.text)
      .Add("sentences", std::move(sentences));
  if (options.tokens) {
    out.Add("tokens", std::move(tokens));
  } else {
    out.Add("token_count", doc.tokens.size());
  }
  out.Add("entities", std::move(entities))
      .Add("clusters", std::move(clusters))
      .Add("events", EventsJson(doc, conv))
      .Add("attributions", AttributionsJson(doc, conv))
      .Add("warnings", std::move(warnings));
  // The text is validated UTF-8, so nothing needs replacing; `replace` keeps the writer from ever
  // throwing (an uncaught exception would abort the whole wasm instance).
  return out.Take().dump(options.indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace isnad
