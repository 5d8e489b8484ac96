#include "web/cache/spliced_page.h"

#include <gtest/gtest.h>

#include "http/gzip.h"
#include "http/server/test_client.h"

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

// The popular list's hole takes its compressed part as a fixed piece, so a gzip page neither
// stores its text nor computes its crc32 per request; the stitched page is still the page.
TEST(SplicedPage, RawHoleWithACompressedPartIsAFixedPiece) {
  std::string rendered = "<header>" + std::string(2000, 'h') + "</header><aside>" +
                         RawSlotMarker(RawSlot::kPopular) + "</aside><b>" +
                         SlotMarker(Slot::kViewsNumber) + "</b>";
  SplicedPage page = SplicedPage::FromRendered(rendered);
  SlotValues values;
  values[static_cast<std::size_t>(Slot::kViewsNumber)] = "42";
  std::string popular;
  for (int i = 0; i < 40; ++i)
    popular += "<li><a href=\"/artikel/" + std::to_string(i) + "\">x</a></li>";
  const http::DeflatedPart popular_gzip = http::DeflatePart(popular);
  RawSlotValues raw;
  raw[static_cast<std::size_t>(RawSlot::kPopular)] = popular;
  RawSlotGzip raw_gzip{};
  raw_gzip[static_cast<std::size_t>(RawSlot::kPopular)] = &popular_gzip;

  std::string out;
  std::vector<http::BodyPiece> pieces;
  page.AppendTo(out, values, raw, pieces, raw_gzip);
  ASSERT_EQ(pieces.size(), 5u);  // fixed, popular, fixed, views, fixed
  EXPECT_EQ(pieces[1].fixed, &popular_gzip);
  EXPECT_EQ(out.substr(pieces[1].offset, pieces[1].size), popular);
  EXPECT_EQ(pieces[3].fixed, nullptr);
  std::string gz;
  ASSERT_TRUE(http::StitchGzip(out, pieces, gz));
  EXPECT_EQ(http::testing::Gunzip(gz), out);
  EXPECT_LT(gz.size(), popular.size());  // the list went compressed, not stored

  // A part that is not the value's (a list swapped between the two reads) leaves it live.
  raw[static_cast<std::size_t>(RawSlot::kPopular)] = "<li>other</li>";
  out.clear();
  page.AppendTo(out, values, raw, pieces, raw_gzip);
  EXPECT_EQ(pieces[1].fixed, nullptr);
  ASSERT_TRUE(http::StitchGzip(out, pieces, gz));
  EXPECT_EQ(http::testing::Gunzip(gz), out);
}

}  // namespace
}  // namespace warta::web
