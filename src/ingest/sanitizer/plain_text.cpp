// ToPlainText: the visible text of HTML, for search, snippets and extracted articles.
#include <gumbo.h>

#include <algorithm>
#include <vector>

#include "core/ascii.h"
#include "ingest/sanitizer/html_parse.h"
#include "ingest/sanitizer/policy.h"
#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::sanitizer {
namespace {

// How far apart the text before and after a point must be; breaks only grow until text comes.
enum class Break { kNone, kSpace, kLine, kParagraph };

Break BreakAround(GumboTag tag) {
  if (internal::IsHeading(tag) || internal::IsSectioningBlock(tag)) return Break::kParagraph;
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FORM:
      return Break::kParagraph;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
      return Break::kLine;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Break::kSpace;
    default:
      return Break::kNone;
  }
}

bool Invisible(const GumboElement& element) {
  return element.tag_namespace != GUMBO_NAMESPACE_HTML || element.tag == GUMBO_TAG_IFRAME ||
         internal::RuleFor(element.tag, Profile::kArticle).action == internal::Action::kDrop;
}

class TextWriter {
 public:
  void Text(std::string_view text, bool preformatted) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n' && preformatted) {
        Want(Break::kLine);
      } else if (ascii::IsHtmlSpace(c)) {
        if (preformatted) {
          Flush();
          out_ += c;
        } else {
          Want(Break::kSpace);
        }
      } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        Want(Break::kSpace);  // no-break spaces collapse like spaces
        ++i;
      } else {
        Flush();
        out_ += c;
      }
    }
  }

  void Want(Break b) { pending_ = std::max(pending_, b); }

  // <br><br> is how many feeds separate paragraphs.
  void LineBreak() { pending_ = pending_ >= Break::kLine ? Break::kParagraph : Break::kLine; }

  std::string Take() { return std::move(out_); }

 private:
  void Flush() {
    if (!out_.empty()) {
      switch (pending_) {
        case Break::kNone:
          break;
        case Break::kSpace:
          out_ += ' ';
          break;
        case Break::kLine:
          out_ += '\n';
          break;
        case Break::kParagraph:
          out_ += "\n\n";
          break;
      }
    }
    pending_ = Break::kNone;
  }

  std::string out_;
  Break pending_ = Break::kNone;
};

struct Frame {
  const GumboVector* children;
  unsigned next_child;
  Break after;
  bool preformatted;
};

std::string TextOf(const GumboNode* root) {
  TextWriter writer;
  std::vector<Frame> stack{{&root->v.element.children, 0, Break::kNone, false}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next_child >= top.children->length) {
      writer.Want(top.after);
      stack.pop_back();
      continue;
    }
    const auto* node = static_cast<const GumboNode*>(top.children->data[top.next_child++]);
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      writer.Text(node->v.text.text, top.preformatted);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT || Invisible(node->v.element)) continue;
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_BR) {
      writer.LineBreak();
      continue;
    }
    const Break around = BreakAround(element.tag);
    writer.Want(around);
    const bool pre =
        top.preformatted || element.tag == GUMBO_TAG_PRE || element.tag == GUMBO_TAG_LISTING;
    stack.push_back(Frame{&element.children, 0, around, pre});
  }
  return writer.Take();
}

}  // namespace

std::string ToPlainText(std::string_view html, SanitizeReport* report) {
  return internal::WithParsedFragment(
      html, report, [](const GumboNode* root, SanitizeReport&) { return TextOf(root); });
}

}  // namespace warta::ingest::sanitizer
