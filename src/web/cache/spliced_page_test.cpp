#include "web/cache/spliced_page.h"

#include <gtest/gtest.h>

namespace warta::web {
namespace {

TEST(SplicedPage, ReplacesEverySlotOccurrenceWithEscapedValues) {
  std::string rendered = "<p aria-label=\"" + SlotMarker(Slot::kViewsLabel) + "\">" +
                         SlotMarker(Slot::kViewsNumber) + "</p><i>" +
                         SlotMarker(Slot::kViewsNumber) + "</i>";
  SplicedPage page = SplicedPage::FromRendered(rendered);
  EXPECT_EQ(page.slot_count(), 3u);
  SlotValues values;
  values[static_cast<std::size_t>(Slot::kViewsNumber)] = "1.234";
  values[static_cast<std::size_t>(Slot::kViewsLabel)] = "1.234 \"views\" <x>";
  std::string out;
  page.AppendTo(out, values);
  EXPECT_EQ(out, "<p aria-label=\"1.234 &quot;views&quot; &lt;x&gt;\">1.234</p><i>1.234</i>");
}

TEST(SplicedPage, TextWithoutMarkersIsKeptVerbatim) {
  SplicedPage page = SplicedPage::FromRendered("plain \x1e text \x1f end");
  EXPECT_EQ(page.slot_count(), 0u);
  std::string out;
  page.AppendTo(out, SlotValues{});
  EXPECT_EQ(out, "plain \x1e text \x1f end");
}

TEST(SplicedPage, MarkerWithUnknownIndexIsNotASlot) {
  std::string bogus{'\x1e', 'z', '\x1f'};
  SplicedPage page = SplicedPage::FromRendered("a" + bogus + "b");
  EXPECT_EQ(page.slot_count(), 0u);
}

TEST(SplicedPage, RawSlotsTakeHtmlAsGiven) {
  std::string rendered = "<aside>" + RawSlotMarker(RawSlot::kPopular) + "</aside><b>" +
                         SlotMarker(Slot::kViewsNumber) + "</b>";
  SplicedPage page = SplicedPage::FromRendered(rendered);
  EXPECT_EQ(page.slot_count(), 2u);
  SlotValues values;
  values[static_cast<std::size_t>(Slot::kViewsNumber)] = "1 < 3";
  RawSlotValues raw;
  raw[static_cast<std::size_t>(RawSlot::kPopular)] = "<ol><li>x</li></ol>";
  std::string out;
  page.AppendTo(out, values, raw);
  EXPECT_EQ(out, "<aside><ol><li>x</li></ol></aside><b>1 &lt; 3</b>");
  out.clear();
  page.AppendTo(out, values);  // raw holes left empty
  EXPECT_EQ(out, "<aside></aside><b>1 &lt; 3</b>");
}

}  // namespace
}  // namespace warta::web
