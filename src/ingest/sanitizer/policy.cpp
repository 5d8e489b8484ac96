#include "ingest/sanitizer/policy.h"

#include <array>

#include "core/ascii.h"

namespace warta::ingest::sanitizer::internal {
namespace {

constexpr std::array kLinkAttrs = {AttrRule{"href", AttrType::kLink},
                                   AttrRule{"title", AttrType::kText}};
constexpr std::array kCommentLinkAttrs = {AttrRule{"href", AttrType::kLink}};
constexpr std::array kImageAttrs = {
    AttrRule{"src", AttrType::kMedia}, AttrRule{"alt", AttrType::kText},
    AttrRule{"title", AttrType::kText}, AttrRule{"width", AttrType::kNumber},
    AttrRule{"height", AttrType::kNumber}};
constexpr std::array kIframeAttrs = {
    AttrRule{"src", AttrType::kMedia}, AttrRule{"width", AttrType::kNumber},
    AttrRule{"height", AttrType::kNumber}, AttrRule{"allowfullscreen", AttrType::kFlag}};
constexpr std::array kCellAttrs = {AttrRule{"colspan", AttrType::kSpan},
                                   AttrRule{"rowspan", AttrType::kSpan}};
constexpr std::array kListAttrs = {AttrRule{"start", AttrType::kInteger}};
constexpr std::array kTimeAttrs = {AttrRule{"datetime", AttrType::kText}};
constexpr std::array kTitleAttrs = {AttrRule{"title", AttrType::kText}};
constexpr std::array kCiteAttrs = {AttrRule{"cite", AttrType::kLink}};
constexpr std::array kGlobalAttrs = {AttrRule{"lang", AttrType::kLang},
                                     AttrRule{"dir", AttrType::kDir}};

constexpr std::uint8_t kBlock = kClosesP | kSpecial;

ElementRule Keep(std::string_view name, std::uint8_t flags = 0,
                 std::span<const AttrRule> attributes = {}) {
  return ElementRule{Action::kKeep, name, flags, attributes};
}

ElementRule Drop() { return ElementRule{Action::kDrop, {}, 0, {}}; }

// Removed with their content in every profile: executable, active, invisible or interactive.
bool AlwaysDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_MENUITEM:
      return true;
    default:
      return false;
  }
}

ElementRule CommentRule(GumboTag tag) {
  // No headings in comments, but keep the line structure.
  if (tag == GUMBO_TAG_P || IsHeading(tag)) return Keep("p", kBlock);
  switch (tag) {
    case GUMBO_TAG_BR:
      return Keep("br", kVoid | kSpecial);
    case GUMBO_TAG_A:
      return Keep("a", 0, kCommentLinkAttrs);
    case GUMBO_TAG_EM:
      return Keep("em");
    case GUMBO_TAG_STRONG:
      return Keep("strong");
    case GUMBO_TAG_CODE:
      return Keep("code");
    case GUMBO_TAG_PRE:
      return Keep("pre", kBlock);
    case GUMBO_TAG_BLOCKQUOTE:
      return Keep("blockquote", kBlock);
    case GUMBO_TAG_UL:
      return Keep("ul", kBlock);
    case GUMBO_TAG_OL:
      return Keep("ol", kBlock, kListAttrs);
    case GUMBO_TAG_LI:
      return Keep("li", kBlock);
    default:
      return {};
  }
}

ElementRule ArticleInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
      return Keep("a", 0, kLinkAttrs);
    case GUMBO_TAG_EM:
      return Keep("em");
    case GUMBO_TAG_STRONG:
      return Keep("strong");
    case GUMBO_TAG_B:
      return Keep("b");
    case GUMBO_TAG_I:
      return Keep("i");
    case GUMBO_TAG_U:
      return Keep("u");
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
      return Keep("s");
    case GUMBO_TAG_DEL:
      return Keep("del");
    case GUMBO_TAG_INS:
      return Keep("ins");
    case GUMBO_TAG_SUB:
      return Keep("sub");
    case GUMBO_TAG_SUP:
      return Keep("sup");
    case GUMBO_TAG_SMALL:
      return Keep("small");
    case GUMBO_TAG_MARK:
      return Keep("mark");
    case GUMBO_TAG_ABBR:
      return Keep("abbr", 0, kTitleAttrs);
    case GUMBO_TAG_DFN:
      return Keep("dfn", 0, kTitleAttrs);
    case GUMBO_TAG_CITE:
      return Keep("cite");
    case GUMBO_TAG_Q:
      return Keep("q", 0, kCiteAttrs);
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_TT:
      return Keep("code");
    case GUMBO_TAG_KBD:
      return Keep("kbd");
    case GUMBO_TAG_SAMP:
      return Keep("samp");
    case GUMBO_TAG_VAR:
      return Keep("var");
    case GUMBO_TAG_TIME:
      return Keep("time", 0, kTimeAttrs);
    // Ruby annotations carry the readings of Japanese text.
    case GUMBO_TAG_RUBY:
      return Keep("ruby");
    case GUMBO_TAG_RB:
      return Keep("rb");
    case GUMBO_TAG_RT:
      return Keep("rt");
    case GUMBO_TAG_RTC:
      return Keep("rtc");
    case GUMBO_TAG_RP:
      return Keep("rp");
    case GUMBO_TAG_BR:
      return Keep("br", kVoid | kSpecial);
    case GUMBO_TAG_WBR:
      return Keep("wbr", kVoid | kSpecial);
    case GUMBO_TAG_IMG:
      return Keep("img", kVoid | kSpecial, kImageAttrs);
    case GUMBO_TAG_IFRAME:
      return Keep("iframe", kSpecial, kIframeAttrs);
    default:
      return {};
  }
}

ElementRule ArticleBlock(GumboTag tag) {
  // Sectioning and layout blocks keep their line breaks as plain <div>s.
  if (IsSectioningBlock(tag)) return Keep("div", kBlock);
  switch (tag) {
    case GUMBO_TAG_P:
      return Keep("p", kBlock);
    case GUMBO_TAG_HR:
      return Keep("hr", kVoid | kBlock);
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
      return Keep("pre", kBlock);
    case GUMBO_TAG_BLOCKQUOTE:
      return Keep("blockquote", kBlock, kCiteAttrs);
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU:
      return Keep("ul", kBlock);
    case GUMBO_TAG_OL:
      return Keep("ol", kBlock, kListAttrs);
    case GUMBO_TAG_LI:
      return Keep("li", kBlock);
    case GUMBO_TAG_DL:
      return Keep("dl", kBlock);
    case GUMBO_TAG_DT:
      return Keep("dt", kBlock);
    case GUMBO_TAG_DD:
      return Keep("dd", kBlock);
    // The page's own <h1> is the headline.
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
      return Keep("h2", kBlock | kHeading);
    case GUMBO_TAG_H3:
      return Keep("h3", kBlock | kHeading);
    case GUMBO_TAG_H4:
      return Keep("h4", kBlock | kHeading);
    case GUMBO_TAG_H5:
      return Keep("h5", kBlock | kHeading);
    case GUMBO_TAG_H6:
      return Keep("h6", kBlock | kHeading);
    case GUMBO_TAG_FIGURE:
      return Keep("figure", kBlock);
    case GUMBO_TAG_FIGCAPTION:
      return Keep("figcaption", kBlock);
    case GUMBO_TAG_TABLE:
      return Keep("table", kBlock | kScopeBoundary);
    case GUMBO_TAG_CAPTION:
      return Keep("caption", kSpecial | kScopeBoundary | kTablePart);
    case GUMBO_TAG_THEAD:
      return Keep("thead", kSpecial | kTablePart);
    case GUMBO_TAG_TBODY:
      return Keep("tbody", kSpecial | kTablePart);
    case GUMBO_TAG_TFOOT:
      return Keep("tfoot", kSpecial | kTablePart);
    case GUMBO_TAG_TR:
      return Keep("tr", kSpecial | kTablePart);
    case GUMBO_TAG_TD:
      return Keep("td", kSpecial | kScopeBoundary | kTablePart, kCellAttrs);
    case GUMBO_TAG_TH:
      return Keep("th", kSpecial | kScopeBoundary | kTablePart, kCellAttrs);
    // Layout blocks too (IsSectioningBlock is also what plain text sets apart as paragraphs).
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_SUMMARY:
      return Keep("div", kBlock);
    default:
      return ArticleInline(tag);
  }
}

bool AllOf(std::string_view s, bool (*ok)(char)) {
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}

bool IsLangChar(char c) { return ascii::IsAlnum(c) || c == '-'; }

}  // namespace

ElementRule RuleFor(GumboTag tag, Profile profile) {
  if (AlwaysDropped(tag)) return Drop();
  return profile == Profile::kComment ? CommentRule(tag) : ArticleBlock(tag);
}

bool IsHeading(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

bool IsSectioningBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

std::span<const AttrRule> GlobalAttributes() { return kGlobalAttrs; }

bool ValidAttrValue(AttrType type, std::string_view value) {
  constexpr std::size_t kMaxTextBytes = 1024;
  switch (type) {
    case AttrType::kText:
      return value.size() <= kMaxTextBytes;
    case AttrType::kNumber:
      return !value.empty() && value.size() <= 5 && AllOf(value, ascii::IsDigit);
    case AttrType::kSpan:
      return !value.empty() && value.size() <= 4 && AllOf(value, ascii::IsDigit) &&
             std::stoi(std::string(value)) >= 1 && std::stoi(std::string(value)) <= 1000;
    case AttrType::kInteger: {
      const std::string_view digits = value.substr(!value.empty() && value[0] == '-' ? 1 : 0);
      return !digits.empty() && digits.size() <= 9 && AllOf(digits, ascii::IsDigit);
    }
    case AttrType::kFlag:
      return true;
    case AttrType::kLang:
      return !value.empty() && value.size() <= 35 && AllOf(value, IsLangChar);
    case AttrType::kDir:
      return value == "ltr" || value == "rtl" || value == "auto";
    case AttrType::kLink:
    case AttrType::kMedia:
      return false;  // checked by CleanUrl
  }
  return false;
}

}  // namespace warta::ingest::sanitizer::internal
