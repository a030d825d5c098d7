#include "isnad/status.h"

namespace isnad {

std::string Status::ToString() const {
  switch (code_) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "invalid argument: " + message_;
    case StatusCode::kDataLoss: return "bad model: " + message_;
    case StatusCode::kUnimplemented: return "unsupported: " + message_;
    case StatusCode::kInternal: return "internal error: " + message_;
  }
  return message_;
}

}  // namespace isnad
