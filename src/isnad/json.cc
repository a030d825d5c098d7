#include "isnad/json.h"

#include "isnad/analyzer.h"
#include "isnad/json_writer.h"

namespace isnad {
namespace {

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

// "<prefix><index + 1>": the ids that tie the result together (T1, C2, A3, E4).
void Id(JsonWriter& w, char prefix, size_t index) {
  char buf[24];
  buf[0] = prefix;
  const std::string digits = std::to_string(index + 1);
  digits.copy(buf + 1, digits.size());
  w.String(std::string_view(buf, digits.size() + 1));
}

// Writes "start", "end" and "text" of a span into the open object.
void SpanFields(JsonWriter& w, const Document& doc, const OffsetConverter& conv, Span span) {
  w.Key("start");
  w.Uint(conv(span.begin));
  w.Key("end");
  w.Uint(conv(span.end));
  w.Key("text");
  w.String(doc.SpanText(span));
}

void SpanObject(JsonWriter& w, const Document& doc, const OffsetConverter& conv, Span span) {
  w.BeginObject();
  SpanFields(w, doc, conv, span);
  w.EndObject();
}

// "<prefix><index + 1>", or null for an index of -1.
void IdOrNull(JsonWriter& w, char prefix, int index) {
  if (index < 0) {
    w.Null();
    return;
  }
  Id(w, prefix, static_cast<size_t>(index));
}

void EventsJson(JsonWriter& w, const Document& doc, const OffsetConverter& conv) {
  w.BeginArray();
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    w.BeginObject();
    w.Key("id");
    Id(w, 'E', i);
    w.Key("type");
    w.String(e.type);
    w.Key("plover");
    w.String(e.plover);
    w.Key("ace");
    if (e.ace.empty()) w.Null(); else w.String(e.ace);
    w.Key("trigger");
    SpanObject(w, doc, conv, e.trigger);
    w.Key("arguments");
    w.BeginArray();
    for (const EventArgument& a : e.arguments) {
      w.BeginObject();
      w.Key("role");
      w.String(a.role);
      SpanFields(w, doc, conv, a.span);
      w.Key("entity");
      IdOrNull(w, 'T', a.entity);
      w.EndObject();
    }
    w.EndArray();
    w.Key("polarity");
    w.String(e.negated ? "negative" : "positive");
    w.Key("modality");
    w.String(e.modality);
    w.Key("attributed_to");
    IdOrNull(w, 'A', e.attributed_to);
    w.EndObject();
  }
  w.EndArray();
}

void AttributionsJson(JsonWriter& w, const Document& doc, const OffsetConverter& conv) {
  w.BeginArray();
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    w.BeginObject();
    w.Key("id");
    Id(w, 'A', i);
    w.Key("act");
    w.String(a.act);
    w.Key("mode");
    w.String(a.mode);
    w.Key("cue");
    SpanObject(w, doc, conv, a.cue);
    w.Key("source");
    if (a.source.empty()) w.Null(); else SpanObject(w, doc, conv, a.source);
    w.Key("source_kind");
    w.String(a.source_kind);
    w.Key("source_entity");
    IdOrNull(w, 'C', a.source_entity);
    w.Key("via");
    w.BeginArray();
    for (Span v : a.via) SpanObject(w, doc, conv, v);
    w.EndArray();
    w.Key("content");
    SpanObject(w, doc, conv, a.content);
    w.Key("attributed_to");
    IdOrNull(w, 'A', a.attributed_to);
    w.EndObject();
  }
  w.EndArray();
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
  JsonWriter w(options.indent);
  w.BeginObject();
  w.Key("schema_version");
  w.Int(kSchemaVersion);
  w.Key("engine");
  w.String(std::string("isnad ") + EngineVersion());
  if (!options.doc_id.empty()) {
    w.Key("doc");
    w.String(options.doc_id);
  }
  w.Key("offsets");
  w.String(OffsetUnitName(options.offsets));
  if (!doc.document_date.empty()) {
    w.Key("document_date");
    w.String(doc.document_date);
  }
  w.Key("language");
  w.BeginObject();
  w.Key("script");
  w.String(doc.language.script);
  w.Key("code");
  w.String(doc.language.code);
  w.Key("analyzed");
  w.Bool(doc.language.analyzed);
  w.EndObject();
  w.Key("text");
  w.String(doc.text);

  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : doc.sentences) SpanObject(w, doc, conv, s.span);
  w.EndArray();

  w.Key("tokens");
  w.BeginArray();
  for (const Token& t : doc.tokens) {
    w.BeginObject();
    SpanFields(w, doc, conv, t.span);
    w.Key("kind");
    w.String(TokenKindName(t.kind));
    w.Key("norm");
    w.String(t.norm);
    w.Key("sentence");
    w.Uint(t.sentence);
    w.EndObject();
  }
  w.EndArray();

  w.Key("entities");
  w.BeginArray();
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    w.BeginObject();
    w.Key("id");
    Id(w, 'T', i);
    w.Key("type");
    w.String(e.type);
    if (e.type == "ORG" && !e.subtype.empty()) {
      w.Key("subtype");
      w.String(e.subtype);
    }
    SpanFields(w, doc, conv, e.span);
    if (!e.value.empty()) {
      w.Key("value");
      w.String(e.value);
    }
    if (e.cluster >= 0) {
      w.Key("cluster");
      Id(w, 'C', static_cast<size_t>(e.cluster));
    }
    w.EndObject();
  }
  w.EndArray();

  w.Key("clusters");
  w.BeginArray();
  for (size_t c = 0; c < doc.clusters.size(); ++c) {
    const Cluster& cluster = doc.clusters[c];
    w.BeginObject();
    w.Key("id");
    Id(w, 'C', c);
    w.Key("type");
    w.String(cluster.type);
    w.Key("name");
    w.String(cluster.name);
    if (!cluster.latin.empty()) {
      w.Key("latin");
      w.String(cluster.latin);
    }
    w.Key("mentions");
    w.BeginArray();
    for (uint32_t m : cluster.mentions) Id(w, 'T', m);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  w.Key("events");
  EventsJson(w, doc, conv);
  w.Key("attributions");
  AttributionsJson(w, doc, conv);

  w.Key("warnings");
  w.BeginArray();
  for (const Warning& warning : doc.warnings) {
    w.BeginObject();
    SpanFields(w, doc, conv, warning.span);
    w.Key("code");
    w.String(warning.code);
    w.Key("message");
    w.String(warning.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace isnad
