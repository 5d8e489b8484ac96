#include "core/result.h"

namespace warta {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid argument";
    case ErrorCode::kNotFound:
      return "not found";
    case ErrorCode::kAlreadyExists:
      return "already exists";
    case ErrorCode::kIo:
      return "i/o error";
    case ErrorCode::kCorrupt:
      return "corrupt data";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kTooLarge:
      return "too large";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kPermissionDenied:
      return "permission denied";
    case ErrorCode::kInternal:
      return "internal error";
  }
  return "unknown error";
}

std::string Error::ToString() const { return message.empty() ? ErrorCodeName(code) : message; }

}  // namespace warta
