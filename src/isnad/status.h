// Status: the result of every engine call that can fail on its input or its model.
// Cheap to return on success; carries a code and a human-readable message otherwise.
#pragma once

#include <string>
#include <utility>

namespace isnad {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (e.g. invalid UTF-8)
  kDataLoss,         // a model file is truncated or corrupt
  kUnimplemented,    // a model or option from a newer engine
  kInternal,         // an ICU or other library call failed
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status Unimplemented(std::string m) { return {StatusCode::kUnimplemented, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

}  // namespace isnad
