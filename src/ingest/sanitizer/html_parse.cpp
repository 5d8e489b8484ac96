#include "ingest/sanitizer/html_parse.h"

#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/clock.h"
#include "ingest/sanitizer/char_refs.h"
#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::sanitizer {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{256} * 1024;
constexpr std::size_t kAlign = alignof(std::max_align_t);
// gumbo needs roughly 30-60x the input in memory; beyond this the input is hostile.
constexpr std::size_t kMaxArenaBytes = std::size_t{512} * 1024 * 1024;
// Reading the thread CPU clock is a system call: look at it once per this many allocations.
constexpr unsigned kClockEveryAllocations = 512;

}  // namespace

// Bump allocator for one parse. gumbo frees as it goes (vector growth, temporary buffers);
// those frees are no-ops here, which at most doubles the memory of a parse. Chunks are plain
// malloc blocks in a list, so nothing here can throw into gumbo's C frames.
struct ParsedHtml::Arena {
  struct Chunk {
    Chunk* previous;
  };
  static constexpr std::size_t kHeader = (sizeof(Chunk) + kAlign - 1) / kAlign * kAlign;

  Chunk* chunks = nullptr;
  std::byte* next = nullptr;
  std::size_t left = 0;
  std::size_t total = 0;
  unsigned allocations = 0;
  double cpu_deadline = 0;
  // The input with oversized character references rewritten (char_refs.h), when it had any:
  // gumbo's nodes point into it.
  std::string rewritten;
  // Where the allocator jumps to when over budget. Only gumbo's C frames and Allocate (trivial
  // locals only) lie between, so no destructor is skipped.
  std::jmp_buf over_budget;

  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    while (chunks != nullptr) {
      Chunk* previous = chunks->previous;
      std::free(chunks);  // NOLINT(cppcoreguidelines-no-malloc)
      chunks = previous;
    }
  }

  void* Allocate(std::size_t size) {
    size = (size + kAlign - 1) / kAlign * kAlign;
    if (++allocations % kClockEveryAllocations == 0 && ThreadCpuSeconds() > cpu_deadline) {
      std::longjmp(over_budget, 1);
    }
    if (size <= left) {
      void* p = next;
      next += size;
      left -= size;
      return p;
    }
    const bool own_block = size > kChunkBytes / 4;
    const std::size_t bytes = kHeader + (own_block ? size : kChunkBytes);
    if (total + bytes > kMaxArenaBytes) std::longjmp(over_budget, 1);
    void* block = std::malloc(bytes);  // NOLINT(cppcoreguidelines-no-malloc)
    if (block == nullptr) std::longjmp(over_budget, 1);
    auto* chunk = static_cast<Chunk*>(block);
    chunk->previous = chunks;
    chunks = chunk;
    total += bytes;
    std::byte* data = static_cast<std::byte*>(block) + kHeader;
    if (own_block) return data;
    next = data + size;
    left = kChunkBytes - size;
    return data;
  }
};

namespace {

void* ArenaAllocate(void* userdata, std::size_t size) {
  return static_cast<ParsedHtml::Arena*>(userdata)->Allocate(size);
}

void ArenaFree(void* /*userdata*/, void* /*ptr*/) {}

// setjmp lives in this small frame with nothing to destroy; returns null when the budget ran out.
GumboOutput* RunGumbo(ParsedHtml::Arena* arena, const GumboOptions* options,
                      std::string_view html) {
  if (setjmp(arena->over_budget) != 0) return nullptr;
  return gumbo_parse_with_options(options, html.data(), html.size());
}

}  // namespace

ParsedHtml::ParsedHtml(std::string_view html, HtmlInput input, const ParseLimits& limits)
    : arena_(std::make_unique<Arena>()) {
  if (html.size() > limits.max_input_bytes) {
    status_ = ParseStatus::kTooLarge;
    return;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = arena_.get();
  options.max_errors = 0;  // we never read gumbo's error list
  if (input == HtmlInput::kFragment) {
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  }
  if (auto rewritten = internal::RewriteOversizedCharRefs(html)) {
    arena_->rewritten = std::move(*rewritten);
    html = arena_->rewritten;
  }
  arena_->cpu_deadline = ThreadCpuSeconds() + limits.max_cpu_seconds;
  GumboOutput* output = RunGumbo(arena_.get(), &options, html);
  if (output == nullptr || output->root == nullptr) {
    status_ = ParseStatus::kTooComplex;
    return;
  }
  root_ = output->root;
}

// The arena owns every gumbo allocation: no gumbo_destroy_output needed (nor wanted: it
// recurses over the tree).
ParsedHtml::~ParsedHtml() = default;

}  // namespace warta::ingest::sanitizer
