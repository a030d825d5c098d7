// dump_translit: writes genrb source text for a subset of ICU's translit/root.res.
//
//   dump_translit DIR ID...
//
// DIR holds an unpacked translit/root.res (e.g. from `icupkg -x`). The output (stdout, UTF-8) is a
// `root { ... }` bundle holding every top-level resource of the original except that
// RuleBasedTransliteratorIDs keeps only the IDs given plus everything they reference, transitively:
// `alias` targets and the IDs named by `::ID` statements in rule text. The IDs kept are listed on
// stderr ("keep ID"); references that are not in the table (built-ins such as NFD, Lower, Null)
// are listed as "builtin ID".
//
// Why not derb: its output does not round-trip through genrb (it miscounts strings containing `"`
// and does not escape `\`). Here every string is escaped explicitly.
//
// Built natively against the system ICU (same version as the data): g++ ... -licuuc -licui18n.
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

[[noreturn]] void die(const std::string& msg) {
  std::fprintf(stderr, "dump_translit: %s\n", msg.c_str());
  std::exit(1);
}

void check(UErrorCode status, const std::string& what) {
  if (U_FAILURE(status)) die(what + ": " + u_errorName(status));
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// genrb string literal: printable ASCII and visible non-ASCII as is (UTF-8), `"` and `\` escaped,
// everything invisible or ambiguous (controls, format characters, separators, unassigned,
// surrogates, private use, non-space whitespace) as \uXXXX / \UXXXXXXXX.
std::string quote(const icu::UnicodeString& s) {
  std::string out = "\"";
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      int8_t type = u_charType(c);
      bool escape = c < 0x20 || (c >= 0x7f && c <= 0x9f) || type == U_FORMAT_CHAR ||
                    type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR ||
                    type == U_SPACE_SEPARATOR || type == U_UNASSIGNED || type == U_SURROGATE ||
                    type == U_PRIVATE_USE_CHAR || u_isUWhiteSpace(c) || c == 0xfeff;
      if (escape) {
        char buf[16];
        if (c > 0xffff)
          std::snprintf(buf, sizeof buf, "\\U%08X", static_cast<unsigned>(c));
        else
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
        out += buf;
      } else {
        out += utf8(icu::UnicodeString(c));
      }
    }
  }
  out += '"';
  return out;
}

std::string keyOf(const UResourceBundle* r) {
  const char* k = ures_getKey(r);
  return k ? k : "";
}

icu::UnicodeString stringOf(const UResourceBundle* r) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;
  const UChar* s = ures_getString(r, &len, &status);
  check(status, "ures_getString(" + keyOf(r) + ")");
  return icu::UnicodeString(s, len);
}

void indent(std::string& out, int depth) { out.append(static_cast<size_t>(depth) * 4, ' '); }

// Writes one resource in genrb syntax. `named` is false for array elements.
void write(std::string& out, UResourceBundle* r, int depth, bool named) {
  indent(out, depth);
  if (named) out += quote(icu::UnicodeString::fromUTF8(keyOf(r)));
  UErrorCode status = U_ZERO_ERROR;
  switch (ures_getType(r)) {
    case URES_STRING:
      out += (named ? ":string { " : "") + quote(stringOf(r)) + (named ? " }\n" : ",\n");
      break;
    case URES_INT: {
      int32_t v = ures_getInt(r, &status);
      check(status, "ures_getInt");
      out += ":int { " + std::to_string(v) + " }" + (named ? "\n" : ",\n");
      break;
    }
    case URES_TABLE:
    case URES_ARRAY: {
      bool table = ures_getType(r) == URES_TABLE;
      out += table ? ":table {\n" : ":array {\n";
      ures_resetIterator(r);
      while (ures_hasNext(r)) {
        UResourceBundle* child = ures_getNextResource(r, nullptr, &status);
        check(status, "ures_getNextResource");
        write(out, child, depth + 1, table);
        ures_close(child);
      }
      indent(out, depth);
      out += named ? "}\n" : "},\n";
      break;
    }
    default:
      die("unsupported resource type " + std::to_string(ures_getType(r)) + " at key " + keyOf(r));
  }
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Splits transliteration rule text (or a compound ID) into statements at `;`, ignoring `;` inside
// quotes, after a backslash, and inside [...] sets.
std::vector<std::string> statements(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      cur += c;
      cur += text[++i];
      continue;
    }
    if (c == '\'') quoted = !quoted;
    if (!quoted) {
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if (c == ';' && depth == 0) {
        out.push_back(trim(cur));
        cur.clear();
        continue;
      }
    }
    cur += c;
  }
  if (!trim(cur).empty()) out.push_back(trim(cur));
  return out;
}

// Drops a leading [...] filter (balanced, with escapes) from an ID statement.
std::string dropFilter(const std::string& s) {
  std::string t = trim(s);
  if (t.empty() || t[0] != '[') return t;
  int depth = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
      continue;
    }
    if (t[i] == '[') ++depth;
    if (t[i] == ']' && --depth == 0) return trim(t.substr(i + 1));
  }
  return "";
}

// "ID", "ID (REVERSE)", "(REVERSE)", "[filter] ID" -> forward and reverse IDs (either may be "").
void splitId(const std::string& stmt, std::string& fwd, std::string& rev) {
  std::string t = dropFilter(stmt);
  size_t p = t.find('(');
  if (p == std::string::npos) {
    fwd = trim(t);
    rev.clear();
    return;
  }
  fwd = trim(t.substr(0, p));
  size_t q = t.find(')', p);
  rev = dropFilter(t.substr(p + 1, (q == std::string::npos ? t.size() : q) - p - 1));
}

std::string stripSpaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DIR ID...\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  if (dir.back() != '/') dir += '/';  // a trailing '/' makes ICU treat it as a directory

  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* root = ures_openDirect(dir.c_str(), "root", &status);
  check(status, "cannot open " + dir + "root.res");
  UResourceBundle* ids = ures_getByKey(root, "RuleBasedTransliteratorIDs", nullptr, &status);
  check(status, "no RuleBasedTransliteratorIDs in " + dir + "root.res");

  // Closure over aliases and ::ID references.
  std::set<std::string> keep;
  std::deque<std::pair<std::string, std::string>> todo;  // (ID, referenced by)
  for (int i = 2; i < argc; ++i) todo.emplace_back(argv[i], "");
  std::set<std::string> builtins;
  while (!todo.empty()) {
    auto [id, from] = todo.front();
    todo.pop_front();
    id = stripSpaces(id);
    if (id.empty() || keep.count(id)) continue;
    status = U_ZERO_ERROR;
    UResourceBundle* entry = ures_getByKey(ids, id.c_str(), nullptr, &status);
    if (status == U_MISSING_RESOURCE_ERROR && id.find('-') == std::string::npos) {
      // "Lower" means "Any-Lower".
      status = U_ZERO_ERROR;
      std::string any = "Any-" + id;
      if (keep.count(any)) continue;
      entry = ures_getByKey(ids, any.c_str(), nullptr, &status);
      if (U_SUCCESS(status)) id = any;
    }
    if (status == U_MISSING_RESOURCE_ERROR) {
      if (from.empty()) die("requested ID " + id + " is not in RuleBasedTransliteratorIDs");
      builtins.insert(id);
      continue;
    }
    check(status, "lookup " + id);
    keep.insert(id);
    std::fprintf(stderr, "keep %s%s%s\n", id.c_str(), from.empty() ? "" : " (from ",
                 from.empty() ? "" : (from + ")").c_str());

    status = U_ZERO_ERROR;
    UResourceBundle* kind = ures_getByIndex(entry, 0, nullptr, &status);
    check(status, id + ": empty entry");
    std::string type = keyOf(kind);
    if (type == "alias") {
      for (const std::string& part : statements(utf8(stringOf(kind)))) {
        std::string fwd, rev;
        splitId(part, fwd, rev);
        todo.emplace_back(fwd, id);
      }
    } else if (type == "file" || type == "internal") {
      UResourceBundle* res = ures_getByKey(kind, "resource", nullptr, &status);
      check(status, id + ": no resource");
      UResourceBundle* dirRes = ures_getByKey(kind, "direction", nullptr, &status);
      check(status, id + ": no direction");
      bool reverse = utf8(stringOf(dirRes)) != "FORWARD";
      for (const std::string& st : statements(utf8(stringOf(res)))) {
        if (st.compare(0, 2, "::") != 0) continue;
        std::string fwd, rev;
        splitId(st.substr(2), fwd, rev);
        todo.emplace_back(reverse ? rev : fwd, id);
      }
      ures_close(dirRes);
      ures_close(res);
    } else {
      die(id + ": unknown entry type " + type);
    }
    ures_close(kind);
    ures_close(entry);
  }
  for (const std::string& b : builtins) std::fprintf(stderr, "builtin %s\n", b.c_str());

  // Output: all top-level resources, RuleBasedTransliteratorIDs filtered.
  std::string out =
      "// Generated by toolchain/icu-data/dump_translit from ICU's translit/root.res.\n"
      "// Only the transliterators Isnad uses (and what they reference) are kept.\n"
      "root:table {\n";
  ures_resetIterator(root);
  while (ures_hasNext(root)) {
    status = U_ZERO_ERROR;
    UResourceBundle* top = ures_getNextResource(root, nullptr, &status);
    check(status, "ures_getNextResource(root)");
    if (keyOf(top) == "RuleBasedTransliteratorIDs") {
      out += "    \"RuleBasedTransliteratorIDs\":table {\n";
      for (const std::string& id : keep) {
        UResourceBundle* entry = ures_getByKey(top, id.c_str(), nullptr, &status);
        check(status, "lookup " + id);
        write(out, entry, 2, true);
        ures_close(entry);
      }
      out += "    }\n";
    } else {
      write(out, top, 1, true);
    }
    ures_close(top);
  }
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  ures_close(ids);
  ures_close(root);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
