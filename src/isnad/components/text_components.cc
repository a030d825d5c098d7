#include "isnad/components/text_components.h"

#include <algorithm>
#include <cctype>

namespace isnad {

Status InputCheckComponent::Run(Document* doc) {
  // An HTML tag: '<' followed by a letter, '/' or '!', and a '>' later on.
  const std::string& text = doc->text;
  for (size_t i = text.find('<'); i != std::string::npos && i + 1 < text.size(); i = text.find('<', i + 1)) {
    const unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (!std::isalpha(next) && next != '/' && next != '!') continue;
    const size_t close = text.find('>', i + 1);
    if (close == std::string::npos) break;
    doc->warnings.push_back({"looks_like_html",
                             "the text contains HTML-like markup; it is analyzed as plain text",
                             {static_cast<uint32_t>(i), static_cast<uint32_t>(close + 1)}});
    break;
  }
  return Status::Ok();
}

Status TokenNormComponent::Run(Document* doc) {
  // to_source is non-decreasing, so each token's normalized bytes are found by one forward walk.
  const std::vector<uint32_t>& to_source = doc->normalized.to_source;
  const std::string& norm = doc->normalized.text;
  size_t k = 0;
  for (Token& tok : doc->tokens) {
    while (k < norm.size() && to_source[k] < tok.span.begin) ++k;
    size_t end = k;
    while (end < norm.size() && to_source[end] < tok.span.end) ++end;
    tok.norm.assign(norm, k, end - k);
    tok.norm_span = {static_cast<uint32_t>(k), static_cast<uint32_t>(end)};
    k = end;
  }
  return Status::Ok();
}

}  // namespace isnad
