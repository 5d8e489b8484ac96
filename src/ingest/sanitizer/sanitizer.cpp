#include "ingest/sanitizer/sanitizer.h"

#include <gumbo.h>

#include <algorithm>

#include "core/html_escape.h"
#include "ingest/sanitizer/html_parse.h"
#include "ingest/sanitizer/policy.h"
#include "ingest/sanitizer/url.h"

namespace warta::ingest::sanitizer {
namespace {

using internal::Action;
using internal::AttrRule;
using internal::AttrType;
using internal::ElementRule;

// What is open in the output around a node. The HTML tree builder closes or moves some
// elements depending on what is open (a <div> closes an open <p>, an <a> closes an open <a>,
// an <li> an open <li>, a heading a heading that is its parent, <rt> an open <p>; table parts
// outside a table are ignored). gumbo's tree is already shaped that way, but unwrapping an element
// can bring such pairs together; those elements are unwrapped too, so that parsing our output gives
// back the tree we wrote, and sanitizing is idempotent.
struct Context {
  int depth = 0;  // written elements open
  bool p_open = false;
  bool a_open = false;
  bool li_open = false;
  bool dd_open = false;     // dd or dt
  std::string_view parent;  // the written parent element
  bool table_ok = false;    // the nearest table ancestor was written
};

struct Frame {
  const GumboVector* children = nullptr;
  unsigned next_child = 0;
  Context context;             // for the children
  std::string_view end_tag;    // empty when the element was unwrapped
  std::size_t start = 0;       // output offset of the start tag
  std::size_t content = 0;     // output offset after it
  bool drop_if_blank = false;  // <p> or <div> with nothing visible inside
};

constexpr const char* kSpaces = " \t\n\r\f";  // ascii::IsHtmlSpace, for find_first_not_of

// Text needs no quotes escaped, and ' is safe inside our double-quoted attributes: they stay as
// typed, which keeps the output readable. U+00A0 is written &nbsp; so that it stays visible in
// the source (and IsBlank sees it). xml_chars: a control character that arrived as a reference
// ("&#8;") is dropped, not written raw: raw, it would read back as U+FFFD (the output would not
// be idempotent; found by fuzz/sanitizer_fuzz.cpp) and make the feeds that carry it ill-formed XML.
constexpr EscapeOptions kTextEscape{
    .double_quote = false, .apostrophe = Apostrophe::kKeep, .nbsp = true, .xml_chars = true};
constexpr EscapeOptions kAttributeEscape{
    .apostrophe = Apostrophe::kKeep, .nbsp = true, .xml_chars = true};

// Appends `text` escaped, each CR written as LF. A CR reaches the tree only through a
// reference ("&#xd;"): an HTML parser turns every raw CR into LF, so written raw it would read
// back as LF and the output would not be idempotent (found by fuzz/sanitizer_fuzz.cpp).
void AppendWithoutCr(std::string& out, std::string_view text, const EscapeOptions& options) {
  if (text.find('\r') == std::string_view::npos) return AppendEscaped(out, text, options);
  std::string copy(text);
  std::replace(copy.begin(), copy.end(), '\r', '\n');
  AppendEscaped(out, copy, options);
}

bool IsBlank(std::string_view html) {
  while (!html.empty()) {
    if (html[0] == ' ' || html[0] == '\n' || html[0] == '\t' || html[0] == '\r' ||
        html[0] == '\f') {
      html.remove_prefix(1);
    } else if (html.rfind("&nbsp;", 0) == 0) {
      html.remove_prefix(6);
    } else if (html.rfind("<br>", 0) == 0) {
      html.remove_prefix(4);
    } else {
      return false;
    }
  }
  return true;
}

const GumboAttribute* FindAttribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name);
}

class Writer {
 public:
  Writer(const SanitizeOptions& options, SanitizeReport& report)
      : options_(options), report_(report) {}

  std::string Run(const GumboNode* root) {
    stack_.push_back(Frame{&root->v.element.children, 0, Context{}, {}, 0, 0, false});
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      if (top.next_child >= top.children->length) {
        Close();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(top.children->data[top.next_child++]);
      const Context context = top.context;  // `top` may move when the stack grows
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
          Text(child->v.text.text);
          break;
        case GUMBO_NODE_ELEMENT:
          Element(child->v.element, context);
          break;
        case GUMBO_NODE_TEMPLATE:
          ++report_.dropped_elements;
          break;
        default:
          break;  // comments; CDATA exists only in svg/math, which are dropped
      }
    }
    // White space around everything (a whole page's <head>, indentation) shows nowhere.
    const std::size_t first = out_.find_first_not_of(kSpaces);
    if (first == std::string::npos) return {};
    out_.erase(out_.find_last_not_of(kSpaces) + 1);
    out_.erase(0, first);
    return std::move(out_);
  }

 private:
  void Text(std::string_view text) {
    // The parser drops a newline right after <pre>: double it so the one we mean survives.
    if (out_.size() == pre_content_ && !text.empty() && text[0] == '\n') out_ += '\n';
    AppendWithoutCr(out_, text, kTextEscape);
  }

  void Close() {
    Frame& frame = stack_.back();
    if (frame.drop_if_blank && IsBlank(std::string_view(out_).substr(frame.content))) {
      out_.erase(frame.start);
    } else if (!frame.end_tag.empty()) {
      out_ += "</";
      out_.append(frame.end_tag);
      out_ += '>';
    }
    stack_.pop_back();
  }

  void Unwrap(const GumboElement& element, const Context& context) {
    ++report_.unwrapped_elements;
    stack_.push_back(Frame{&element.children, 0, context, {}, 0, 0, false});
  }

  // Whether the nesting rules (see Context) let `rule`'s element be written here.
  static bool Fits(const ElementRule& rule, GumboTag tag, const Context& c) {
    using namespace internal;  // NOLINT(google-build-using-namespace): the flag names
    if ((rule.flags & kClosesP) && c.p_open) return false;
    if ((rule.flags & kHeading) && c.parent.size() == 2 && c.parent[0] == 'h') return false;
    // Ruby parts close an open p, li, dd or dt: keep them right inside their ruby.
    if ((rule.name == "rb" || rule.name == "rtc") && c.parent != "ruby") return false;
    if ((rule.name == "rt" || rule.name == "rp") && c.parent != "ruby" && c.parent != "rtc") {
      return false;
    }
    if ((rule.flags & kTablePart) && !c.table_ok) return false;
    if (rule.name == "a" && c.a_open) return false;
    if (rule.name == "li" && c.li_open) return false;
    if ((rule.name == "dd" || rule.name == "dt") && c.dd_open) return false;
    // A table needs room for table, tbody, tr and a cell.
    if (tag == GUMBO_TAG_TABLE && c.depth + 4 > kMaxDepth) return false;
    return true;
  }

  static Context ChildContext(const ElementRule& rule, Context c) {
    using namespace internal;  // NOLINT(google-build-using-namespace)
    ++c.depth;
    if ((rule.flags & kSpecial) && rule.name != "div" && rule.name != "p") {
      c.li_open = false;
      c.dd_open = false;
    }
    if (rule.flags & kScopeBoundary) c.p_open = false;
    if (rule.name == "td" || rule.name == "th" || rule.name == "caption") {
      c.a_open = false;
      c.table_ok = false;
    }
    c.p_open = c.p_open || rule.name == "p";
    c.a_open = c.a_open || rule.name == "a";
    c.li_open = c.li_open || rule.name == "li";
    c.dd_open = c.dd_open || rule.name == "dd" || rule.name == "dt";
    c.parent = rule.name;
    if (rule.name == "table") c.table_ok = true;
    return c;
  }

  void Element(const GumboElement& element, const Context& context) {
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) {  // svg, math and all inside them
      ++report_.dropped_elements;
      return;
    }
    const ElementRule rule = internal::RuleFor(element.tag, options_.profile);
    if (rule.action == Action::kDrop) {
      ++report_.dropped_elements;
      return;
    }
    const bool is_void = (rule.flags & internal::kVoid) != 0;
    if (rule.action == Action::kUnwrap || !Fits(rule, element.tag, context)) {
      if (!is_void) Unwrap(element, context);
      return;
    }
    if (!is_void && context.depth >= kMaxDepth) {
      report_.depth_limited = true;
      Unwrap(element, context);
      return;
    }
    const std::size_t start = out_.size();
    switch (WriteStartTag(element, rule)) {
      case Written::kNo:
        out_.erase(start);
        if (element.tag == GUMBO_TAG_A) {
          Unwrap(element, context);
        } else {
          ++report_.dropped_elements;
        }
        return;
      case Written::kYes:
        break;
    }
    if (is_void) return;
    if (element.tag == GUMBO_TAG_IFRAME) {  // its content is fallback text for old browsers
      out_ += "</iframe>";
      return;
    }
    if (rule.name == "pre") pre_content_ = out_.size();
    stack_.push_back(Frame{&element.children, 0, ChildContext(rule, context), rule.name, start,
                           out_.size(), rule.name == "p" || rule.name == "div"});
  }

  enum class Written { kNo, kYes };

  // Writes the start tag with its allowed attributes; kNo when the element is useless or unsafe
  // without an attribute that was refused (img and iframe without src, a without href).
  Written WriteStartTag(const GumboElement& element, const ElementRule& rule) {
    std::optional<std::string> url;
    if (element.tag == GUMBO_TAG_IMG || element.tag == GUMBO_TAG_IFRAME ||
        element.tag == GUMBO_TAG_A) {
      if (element.tag == GUMBO_TAG_IMG && !options_.allow_images) return Written::kNo;
      const char* name = element.tag == GUMBO_TAG_A ? "href" : "src";
      const GumboAttribute* attr = FindAttribute(element, name);
      if (attr == nullptr) return Written::kNo;
      url = CleanUrl(attr->value, options_.base_url,
                     element.tag == GUMBO_TAG_A ? UrlKind::kLink : UrlKind::kMedia);
      if (!url) {
        ++report_.dropped_attributes;
        return Written::kNo;
      }
      if (element.tag == GUMBO_TAG_IFRAME && !IframeAllowed(*url)) return Written::kNo;
      if (element.tag == GUMBO_TAG_IMG && !ImageAllowed(*url)) {
        ++report_.dropped_attributes;
        return Written::kNo;
      }
    }
    out_ += '<';
    out_.append(rule.name);
    WriteAttributes(element, rule);
    if (element.tag == GUMBO_TAG_A) {
      out_ += options_.profile == Profile::kComment ? " rel=\"noopener noreferrer nofollow ugc\""
                                                    : " rel=\"noopener noreferrer nofollow\"";
    } else if (element.tag == GUMBO_TAG_IMG) {
      out_ += " loading=\"lazy\" decoding=\"async\"";
    } else if (element.tag == GUMBO_TAG_IFRAME) {
      out_ += " sandbox=\"allow-scripts allow-same-origin allow-popups\" loading=\"lazy\"";
    }
    out_ += '>';
    return Written::kYes;
  }

  bool ImageAllowed(const std::string& url) const {
    const std::string& prefix = options_.image_path_prefix;
    return prefix.empty() ||
           (url.compare(0, prefix.size(), prefix) == 0 && url.find("..") == std::string::npos);
  }

  bool IframeAllowed(const std::string& url) const {
    if (options_.profile != Profile::kArticle || url.rfind("https://", 0) != 0) return false;
    const std::string host = UrlHost(url);
    for (const std::string& allowed : options_.iframe_hosts) {
      if (allowed.size() == host.size() &&
          std::equal(host.begin(), host.end(), allowed.begin(), [](char a, char b) {
            return a == ((b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b);
          })) {
        return true;
      }
    }
    return false;
  }

  void WriteAttributes(const GumboElement& element, const ElementRule& rule) {
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      const AttrRule* allowed = FindRule(rule, attr->name);
      std::optional<std::string> value;
      if (allowed != nullptr && attr->attr_namespace == GUMBO_ATTR_NAMESPACE_NONE) {
        value = CheckValue(*allowed, attr->value);
      }
      if (!value) {
        ++report_.dropped_attributes;
        continue;
      }
      out_ += ' ';
      out_.append(allowed->name);
      out_ += "=\"";
      AppendWithoutCr(out_, *value, kAttributeEscape);
      out_ += '"';
    }
  }

  const AttrRule* FindRule(const ElementRule& rule, std::string_view name) const {
    for (const AttrRule& a : rule.attributes) {
      if (a.name == name) return &a;
    }
    if (options_.profile == Profile::kArticle) {
      for (const AttrRule& a : internal::GlobalAttributes()) {
        if (a.name == name) return &a;
      }
    }
    return nullptr;
  }

  std::optional<std::string> CheckValue(const AttrRule& rule, std::string_view value) const {
    switch (rule.type) {
      case AttrType::kLink:
        return CleanUrl(value, options_.base_url, UrlKind::kLink);
      case AttrType::kMedia:
        return CleanUrl(value, options_.base_url, UrlKind::kMedia);
      case AttrType::kFlag:
        return std::string();
      default:
        if (!internal::ValidAttrValue(rule.type, value)) return std::nullopt;
        return std::string(value);
    }
  }

  const SanitizeOptions& options_;
  SanitizeReport& report_;
  std::string out_;
  std::vector<Frame> stack_;
  std::size_t pre_content_ = std::string::npos;
};

}  // namespace

std::string Sanitize(std::string_view html, const SanitizeOptions& options,
                     SanitizeReport* report) {
  return internal::WithParsedFragment(html, report,
                                      [&options](const GumboNode* root, SanitizeReport& r) {
                                        return Writer(options, r).Run(root);
                                      });
}

}  // namespace warta::ingest::sanitizer
