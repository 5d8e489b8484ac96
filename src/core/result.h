// Result<T>: a value or an Error, for failures that are expected (bad input, missing rows,
// I/O). Exceptions are caught in three places only (per request, per ingest job, main);
// everything else reports failure through these values.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace warta {

enum class ErrorCode {
  kInvalidArgument,   // the caller's input is wrong (bad JSON, bad flag, bad id)
  kNotFound,          // the thing asked for does not exist
  kAlreadyExists,     // a unique key is taken
  kIo,                // file system, socket or database I/O failed
  kCorrupt,           // stored data does not have the shape we expect
  kUnavailable,       // busy / locked / temporarily not possible
  kTooLarge,          // a size limit was exceeded
  kTimeout,           // a time limit was exceeded
  kPermissionDenied,  // not allowed for this caller
  kInternal,          // a bug: an invariant did not hold
};

const char* ErrorCodeName(ErrorCode code);

// message: technical, prefixed with the module ("sqlite: ..."), for logs and the CLI.
// user_key: optional message-catalog key for what a reader or site owner is shown.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string user_key;

  std::string ToString() const;
};

inline Error MakeError(ErrorCode code, std::string message, std::string user_key = {}) {
  return Error{code, std::move(message), std::move(user_key)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error)
      : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

inline Result<void> Ok() { return {}; }

}  // namespace warta

// Returns early with the error of a failed Result expression.
#define WARTA_RETURN_IF_ERROR(expr)                        \
  do {                                                     \
    auto warta_status_ = (expr);                           \
    if (!warta_status_.ok()) return warta_status_.error(); \
  } while (false)
