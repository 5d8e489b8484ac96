// The demo site's newsroom (`warta demo`): sections in order, two staff writers with bios,
// the static pages every Indonesian news site carries (About, Contact and its guidelines for
// online reporting), two articles written in the newsroom, one of them corrected, and the
// footer links to the pages. Everything here is FICTIONAL and written for warta: the people,
// the address and the events do not exist.
#include "app/demo_newsroom.h"

#include <spdlog/spdlog.h>

#include "newsroom/body.h"
#include "newsroom/service.h"
#include "storage/author_store.h"
#include "storage/page_store.h"
#include "storage/section_store.h"
#include "storage/settings_store.h"
#include "web/site.h"

namespace warta::app {
namespace {

struct DemoSection {
  const char* slug;
  const char* name;
  const char* description;
};

constexpr DemoSection kSections[] = {
    {"nasional", "Nasional", "Berita Jepang tentang politik, pemerintahan dan masyarakat."},
    {"ekonomi", "Ekonomi", "Bisnis, pasar dan kerja sama ekonomi Indonesia-Jepang."},
    {"teknologi", "Teknologi", "Riset, industri dan kehidupan digital."},
    {"budaya", "Budaya", "Seni, kuliner, musim dan kehidupan sehari-hari."},
};

struct DemoPage {
  const char* slug;
  const char* title;
  const char* markdown;
};

const DemoPage kPages[] = {
    {"tentang-kami", "Tentang Kami",
     "**Media Jepang** adalah situs contoh yang menyertai warta, portal berita yang dapat "
     "dipasang sendiri. Redaksi fiktif kami merangkum kabar dari Jepang untuk pembaca "
     "berbahasa Indonesia: setiap berita menyebut sumber aslinya, dan berita yang kami tulis "
     "sendiri mencantumkan nama penulisnya.\n\n"
     "Semua nama, alamat dan peristiwa di situs contoh ini rekaan belaka.\n\n"
     "## Redaksi\n\n"
     "- Pemimpin redaksi: Sari Wulandari\n"
     "- Redaktur teknologi dan ekonomi: Kenji Arimura\n"},
    {"kontak", "Kontak",
     "Ada koreksi, tanggapan atau usulan liputan? Hubungi redaksi:\n\n"
     "- Surel: redaksi@media-jepang.invalid\n"
     "- Alamat: Jalan Contoh No. 1, Jakarta (alamat rekaan)\n\n"
     "Permintaan koreksi kami tanggapi paling lambat dua hari kerja. Koreksi yang kami muat "
     "tercantum di halaman [Koreksi](/koreksi)."},
    {"pedoman-pemberitaan-media-siber", "Pedoman Pemberitaan Media Siber",
     "Pedoman ini menjelaskan cara redaksi Media Jepang bekerja di media daring. Kami "
     "menyusunnya sendiri untuk situs contoh ini, mengikuti semangat kode etik jurnalistik "
     "yang berlaku di Indonesia.\n\n"
     "## 1. Verifikasi dan keberimbangan\n\n"
     "Setiap berita kami periksa kebenarannya sebelum terbit. Berita dari kantor berita atau "
     "media lain selalu menyebut sumbernya dan menautkan artikel aslinya. Bila sebuah berita "
     "memuat tuduhan, kami meminta tanggapan pihak yang dituduh.\n\n"
     "## 2. Isi buatan pengguna\n\n"
     "Komentar pembaca menjadi tanggung jawab penulisnya. Kami menolak komentar yang memuat "
     "kebohongan, fitnah, kebencian berdasarkan suku, agama, ras atau golongan, serta iklan "
     "terselubung. Komentar dapat dilaporkan oleh pembaca dan ditinjau oleh moderator.\n\n"
     "## 3. Ralat, koreksi dan hak jawab\n\n"
     "Kesalahan dalam berita yang sudah terbit kami perbaiki secara terbuka: berita itu "
     "memuat catatan koreksi dengan tanggal dan isi perbaikannya, dan semua koreksi tercantum "
     "di halaman [Koreksi](/koreksi). Pihak yang dirugikan oleh pemberitaan dapat mengirim hak "
     "jawab melalui halaman [Kontak](/halaman/kontak).\n\n"
     "## 4. Pencabutan berita\n\n"
     "Berita yang sudah terbit tidak kami hapus diam-diam. Bila sebuah berita harus ditarik "
     "karena alasan hukum atau keselamatan, alamatnya menyatakan bahwa berita itu telah "
     "ditarik.\n\n"
     "## 5. Iklan\n\n"
     "Situs ini tidak memuat iklan. Bila kelak ada konten berbayar, konten itu akan ditandai "
     "dengan jelas dan terpisah dari berita."},
};

newsroom::ArticleInput Story(const char* title, const char* dek, const char* author,
                             const char* section, const char* markdown,
                             std::vector<std::string> tags, std::int64_t published_at) {
  newsroom::ArticleInput input;
  input.title = title;
  input.dek = dek;
  input.author = author;
  input.section = section;
  input.lang = "id";
  input.body_markdown = markdown;
  input.tags = std::move(tags);
  input.status = "published";
  input.published_at = published_at;
  return input;
}

Result<void> AddSectionsAndPages(storage::Store& store, std::int64_t now) {
  model::AuditEntry audit;
  audit.created_at = now;
  audit.action = "section.create";
  audit.target_type = "section";
  audit.summary = "demo";
  std::int64_t position = 0;
  for (const DemoSection& demo : kSections) {
    model::Section section;
    section.slug = demo.slug;
    section.name = demo.name;
    section.description = demo.description;
    section.position = ++position;
    auto created = store.sections().Create(section, audit);
    if (!created.ok()) return created.error();
  }
  audit.action = "page.create";
  audit.target_type = "page";
  for (const DemoPage& demo : kPages) {
    model::Page page;
    page.slug = demo.slug;
    page.title = demo.title;
    page.body_markdown = demo.markdown;
    auto html = newsroom::PreviewMarkdown(page.body_markdown);
    if (!html.ok()) return html.error();
    page.body_html = std::move(html).value();
    page.created_at = now;
    page.updated_at = now;
    auto created = store.pages().Create(page, audit);
    if (!created.ok()) return created.error();
  }
  return Ok();
}

Result<void> AddBios(storage::Store& store, std::int64_t now) {
  const std::pair<const char*, const char*> bios[] = {
      {"sari-wulandari",
       "Pemimpin redaksi Media Jepang (tokoh rekaan). Menulis tentang kebijakan publik dan "
       "hubungan Indonesia-Jepang."},
      {"kenji-arimura",
       "Redaktur teknologi dan ekonomi (tokoh rekaan). Meliput riset, industri dan "
       "perkeretaapian."},
  };
  model::AuditEntry audit;
  audit.created_at = now;
  audit.action = "author.update";
  audit.target_type = "author";
  audit.summary = "demo bio";
  for (const auto& [slug, bio] : bios) {
    auto author = store.authors().FindBySlug(slug);
    if (!author.ok()) return author.error();
    if (!author->has_value()) continue;
    model::Author updated = **author;
    updated.bio = bio;
    audit.target_id = updated.id;
    WARTA_RETURN_IF_ERROR(store.authors().Update(updated, audit));
  }
  return Ok();
}

}  // namespace

Result<void> LoadDemoNewsroom(storage::Store& store, const Clock& clock) {
  const std::int64_t now = clock.NowUnix();
  WARTA_RETURN_IF_ERROR(AddSectionsAndPages(store, now));
  newsroom::NewsroomOptions options;
  options.languages = {"id", "en", "ja"};
  newsroom::EditorialService editorial(store, clock, options);
  const newsroom::Principal system = newsroom::System();

  auto first = editorial.Create(
      system,
      Story("Kereta tanpa masinis mulai diuji di jalur pedesaan Hokkaido",
            "Uji coba dua tahun ini menjadi jawaban operator atas kekurangan masinis di daerah "
            "yang penduduknya terus berkurang.",
            "Kenji Arimura", "teknologi",
            "Sebuah operator kereta di Hokkaido mulai menguji kereta tanpa masinis di jalur "
            "pedesaan sepanjang 40 kilometer. Selama uji coba, seorang petugas tetap berada di "
            "kabin untuk mengambil alih bila diperlukan.\n\n"
            "Menurut operator, separuh masinis di jalur itu akan pensiun dalam sepuluh tahun. "
            "Uji coba direncanakan berlangsung dua tahun sebelum keputusan dibuat.",
            {"kereta", "teknologi"}, now - 3 * 86400));
  if (!first.ok()) return first.error();
  // The published story needs a fix: a correction note readers see on the page, in its
  // JSON-LD, in the feeds and on /koreksi.
  newsroom::ArticleInput fix;
  fix.version = first->version;
  fix.body_markdown =
      "Sebuah operator kereta di Hokkaido mulai menguji kereta tanpa masinis di jalur "
      "pedesaan sepanjang 42 kilometer. Selama uji coba, seorang petugas tetap berada di "
      "kabin untuk mengambil alih bila diperlukan.\n\n"
      "Menurut operator, separuh masinis di jalur itu akan pensiun dalam sepuluh tahun. "
      "Uji coba direncanakan berlangsung dua tahun sebelum keputusan dibuat.";
  fix.correction =
      "Panjang jalur uji coba adalah 42 kilometer, bukan 40 kilometer seperti "
      "tertulis sebelumnya.";
  auto fixed = editorial.Update(system, first->id, fix);
  if (!fixed.ok()) return fixed.error();

  auto second = editorial.Create(
      system,
      Story("Festival lampion musim dingin kembali digelar di Kanazawa",
            "Setelah tiga tahun libur, ribuan lampion kertas kembali menerangi taman kota.",
            "Sari Wulandari", "budaya",
            "Festival lampion musim dingin di Kanazawa kembali digelar akhir pekan ini. "
            "Panitia memasang sekitar tiga ribu lampion kertas buatan warga di sepanjang "
            "jalan setapak taman kota.\n\n"
            "Pengunjung dapat menulis harapan mereka di lampion kosong yang disediakan panitia.",
            {"festival", "budaya"}, now - 86400));
  if (!second.ok()) return second.error();
  WARTA_RETURN_IF_ERROR(AddBios(store, now));

  const web::FooterLink links[] = {
      {"Tentang Kami", "/halaman/tentang-kami"},
      {"Kontak", "/halaman/kontak"},
      {"Pedoman Media Siber", "/halaman/pedoman-pemberitaan-media-siber"},
      {"Koreksi", "/koreksi"}};
  WARTA_RETURN_IF_ERROR(store.settings().Set(
      web::kSettingSiteFooterLinks,
      web::StoredFooterLinks(std::vector<web::FooterLink>(std::begin(links), std::end(links)))));
  return store.settings().Set(web::kSettingSiteTagline,
                              "Kabar Jepang dalam bahasa Indonesia (situs contoh warta)");
}

}  // namespace warta::app
