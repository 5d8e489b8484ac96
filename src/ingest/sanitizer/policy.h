// The allowlist: which elements and attributes survive, per profile (internal to the module).
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <span>
#include <string_view>

#include "ingest/sanitizer/sanitizer.h"

namespace warta::ingest::sanitizer::internal {

enum class Action {
  kUnwrap,  // element removed, children processed in its place
  kDrop,    // element removed with everything inside
  kKeep,
};

enum class AttrType {
  kText,     // free text (title, alt)
  kLink,     // URL: http, https, mailto
  kMedia,    // URL: http, https
  kNumber,   // 1-5 digits (width, height)
  kSpan,     // 1..1000 (colspan, rowspan)
  kInteger,  // optionally signed, up to 9 digits (ol start)
  kFlag,     // boolean attribute, written as name=""
  kLang,     // BCP 47-like: letters, digits, '-'
  kDir,      // ltr | rtl | auto
};

struct AttrRule {
  std::string_view name;
  AttrType type;
};

// Kinds of allowed elements, for the nesting rules that keep the output's re-parse identical
// to the tree we wrote (see sanitizer.cpp).
enum ElementFlags : std::uint8_t {
  kVoid = 1,           // no end tag, no children
  kClosesP = 2,        // its start tag closes an open <p> (HTML "close a p element")
  kSpecial = 4,        // HTML "special" category: stops the search for an open <li>/<dd>
  kScopeBoundary = 8,  // td th caption table: ends button scope (and marks active formatting)
  kHeading = 16,
  kTablePart = 32,  // only valid inside an emitted <table>
};

struct ElementRule {
  Action action = Action::kUnwrap;
  std::string_view name;  // written name (h1 is written as h2; section as div)
  std::uint8_t flags = 0;
  std::span<const AttrRule> attributes;
};

ElementRule RuleFor(GumboTag tag, Profile profile);

// h1 to h6.
bool IsHeading(GumboTag tag);

// Blocks that only section or group other content (section article header footer aside main nav
// address details hgroup fieldset): the article profile writes them as <div>, and plain text
// sets them apart like paragraphs. One list, so the two keep agreeing.
bool IsSectioningBlock(GumboTag tag);

// Attributes every kept element may carry (lang, dir).
std::span<const AttrRule> GlobalAttributes();

// Checks an attribute value of a non-URL type.
bool ValidAttrValue(AttrType type, std::string_view value);

}  // namespace warta::ingest::sanitizer::internal
