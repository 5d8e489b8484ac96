#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "core/utf8.h"
#include "ingest/sanitizer/sanitizer.h"

namespace warta::markdown {
namespace {

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CharFree {
  void operator()(char* s) const { std::free(s); }  // cmark's default allocator is malloc
};

// Extensions for readers' habits: bare URLs become links, ~~strike~~ works. Tables and task
// lists are left out of comments: the comment profile would unwrap them anyway.
constexpr const char* kCommentExtensions[] = {"autolink", "strikethrough"};
constexpr const char* kArticleExtensions[] = {"autolink", "strikethrough", "table"};

// Raw HTML is shown as what the writer typed: inline HTML becomes text and an
// HTML block a code block, instead of vanishing as CMARK_OPT_SAFE would make it. Both are
// leaf nodes, so they are collected first and replaced after the walk.
void ShowHtmlAsText(cmark_node* document) {
  std::vector<cmark_node*> raw;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER &&
        (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
      raw.push_back(node);
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : raw) {
    const bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
    cmark_node* text = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
    const char* literal = cmark_node_get_literal(node);
    if (text == nullptr || cmark_node_set_literal(text, literal != nullptr ? literal : "") == 0 ||
        cmark_node_replace(node, text) == 0) {
      if (text != nullptr) cmark_node_free(text);
      cmark_node_unlink(node);  // it could not be shown as text: left out
    }
    cmark_node_free(node);
  }
}

}  // namespace

std::size_t CodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

Result<Rendered> Render(std::string_view source, Profile profile) {
  if (!utf8::IsValid(source)) return Error::InvalidArgument("markdown: text is not valid UTF-8");
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  const int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
  if (!parser) return Error::Internal("markdown: cmark parser not created");
  const bool article = profile == Profile::kArticle;
  auto attach = [&parser](const char* name) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension != nullptr) cmark_parser_attach_syntax_extension(parser.get(), extension);
  };
  if (article) {
    for (const char* name : kArticleExtensions) attach(name);
  } else {
    for (const char* name : kCommentExtensions) attach(name);
  }
  cmark_parser_feed(parser.get(), source.data(), source.size());
  std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));
  if (!document) return Error::Internal("markdown: cmark parse failed");
  ShowHtmlAsText(document.get());
  std::unique_ptr<char, CharFree> html(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  if (!html) return Error::Internal("markdown: cmark render failed");

  ingest::sanitizer::SanitizeOptions sanitize;
  if (article) {
    sanitize.profile = ingest::sanitizer::Profile::kArticle;
    sanitize.image_path_prefix = "/media/";
  } else {
    sanitize.profile = ingest::sanitizer::Profile::kComment;
    sanitize.allow_images = false;
  }
  ingest::sanitizer::SanitizeReport report;
  Rendered rendered;
  rendered.html = ingest::sanitizer::Sanitize(html.get(), sanitize, &report);
  if (report.too_large || report.too_complex) {
    return Error::InvalidArgument("markdown: text too complex to render");
  }
  rendered.has_link = rendered.html.find("<a ") != std::string::npos;
  return rendered;
}

}  // namespace warta::markdown
