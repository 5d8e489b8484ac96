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

  // Named factories, so call sites read as what went wrong:
  //   return Error::NotFound(fmt::format("sqlite: no article {}", id));
  static Error InvalidArgument(std::string message, std::string user_key = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(user_key)};
  }
  static Error NotFound(std::string message, std::string user_key = {}) {
    return {ErrorCode::kNotFound, std::move(message), std::move(user_key)};
  }
  static Error AlreadyExists(std::string message, std::string user_key = {}) {
    return {ErrorCode::kAlreadyExists, std::move(message), std::move(user_key)};
  }
  static Error Io(std::string message, std::string user_key = {}) {
    return {ErrorCode::kIo, std::move(message), std::move(user_key)};
  }
  static Error Corrupt(std::string message, std::string user_key = {}) {
    return {ErrorCode::kCorrupt, std::move(message), std::move(user_key)};
  }
  static Error Unavailable(std::string message, std::string user_key = {}) {
    return {ErrorCode::kUnavailable, std::move(message), std::move(user_key)};
  }
  static Error TooLarge(std::string message, std::string user_key = {}) {
    return {ErrorCode::kTooLarge, std::move(message), std::move(user_key)};
  }
  static Error Timeout(std::string message, std::string user_key = {}) {
    return {ErrorCode::kTimeout, std::move(message), std::move(user_key)};
  }
  static Error PermissionDenied(std::string message, std::string user_key = {}) {
    return {ErrorCode::kPermissionDenied, std::move(message), std::move(user_key)};
  }
  static Error Internal(std::string message, std::string user_key = {}) {
    return {ErrorCode::kInternal, std::move(message), std::move(user_key)};
  }

  bool is(ErrorCode c) const { return code == c; }
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

// Evaluates a Result<T> expression; on error returns the error, else moves the value into
// `lhs`, which may declare a variable:
//   WARTA_ASSIGN_OR_RETURN(auto article, store.articles().FindById(id));
// Expands to more than one statement: not for the body of an unbraced if or loop.
#define WARTA_ASSIGN_OR_RETURN(lhs, expr) \
  WARTA_ASSIGN_OR_RETURN_IMPL_(WARTA_RESULT_CONCAT_(warta_result_, __LINE__), lhs, expr)
// tmp is a name and lhs may be a declaration ("auto x"): neither can be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define WARTA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.error();                 \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
#define WARTA_RESULT_CONCAT_(a, b) WARTA_RESULT_CONCAT_INNER_(a, b)
#define WARTA_RESULT_CONCAT_INNER_(a, b) a##b
