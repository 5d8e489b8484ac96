#include "app/demo_words.h"

namespace warta::app {
namespace {

using W = std::string_view;

// Word tables, packed by hand: clang-format would give each word a line of its own.
// clang-format off
// --- Indonesian ---
constexpr W kIdSubjects[] = {
    "Pemerintah Jepang", "Perdana menteri", "Bank sentral", "Kementerian luar negeri",
    "Para peneliti", "Pemerintah kota", "Perusahaan otomotif", "Badan meteorologi",
    "Asosiasi pengusaha", "Warga setempat", "Kepolisian prefektur", "Universitas negeri",
    "Serikat pekerja", "Operator kereta", "Tim nasional", "Produsen elektronik",
    "Menteri keuangan", "Dewan kota", "Para petani", "Komisi pemilihan", "Rumah sakit daerah",
    "Badan antariksa", "Maskapai penerbangan", "Kelompok nelayan", "Lembaga survei",
    "Pengadilan distrik", "Para siswa", "Gubernur prefektur", "Industri pariwisata",
    "Kedutaan besar", "Perusahaan rintisan", "Bursa efek", "Koperasi beras", "Pasukan bela diri",
    "Pelatih kepala", "Sutradara muda", "Penerbit buku", "Museum nasional", "Kuil tua",
    "Pabrik baja"};
constexpr W kIdVerbs[] = {
    "mengumumkan", "meninjau", "menyetujui", "menolak", "meluncurkan", "membahas",
    "memperkenalkan", "menunda", "memperluas", "mengkaji", "mendukung", "menargetkan",
    "memperkuat", "menghentikan", "menaikkan", "menurunkan", "membangun", "merayakan",
    "menandatangani", "memperingatkan", "menyelidiki", "mengembangkan", "memulihkan",
    "menyiapkan", "mengevaluasi", "mengurangi", "menambah", "menguji", "membuka", "menutup"};
constexpr W kIdObjects[] = {
    "anggaran tambahan", "rencana energi baru", "kerja sama ekonomi", "jalur kereta cepat",
    "program beasiswa", "aturan imigrasi", "harga beras", "suku bunga", "sistem peringatan dini",
    "pembangkit listrik tenaga surya", "festival musim panas", "proyek jembatan",
    "kebijakan pajak", "layanan kesehatan lansia", "pabrik semikonduktor", "kuota penangkapan ikan",
    "jadwal penerbangan", "perjanjian perdagangan", "uji coba kendaraan otonom",
    "pameran seni kontemporer", "pusat data", "stok vaksin", "tarif listrik", "kurikulum sekolah",
    "pelabuhan baru", "laporan tahunan", "pertandingan persahabatan", "pemugaran istana",
    "penelitian gempa", "upah minimum", "program magang", "robot perawat", "bandara regional",
    "sistem pembayaran digital", "cadangan devisa", "armada kapal listrik", "kebun teh",
    "stadion baru", "jaringan serat optik", "tempat penampungan darurat"};
constexpr W kIdPlaces[] = {
    "di Tokyo", "di Osaka", "di Hokkaido", "di Kyoto", "di Okinawa", "di Fukuoka",
    "di Nagoya", "di Sendai", "di Hiroshima", "di Kobe", "di Yokohama", "di Niigata",
    "di Nagano", "di Kumamoto", "di Kanazawa", "di Jakarta", "di Surabaya", "di Bandung",
    "di kawasan Kansai", "di wilayah Tohoku", "di pesisir Pasifik", "di pulau Shikoku"};
constexpr W kIdTimes[] = {
    "pada Senin", "pada Selasa", "pada Rabu", "pada Kamis", "pada Jumat", "akhir pekan ini",
    "bulan depan", "tahun depan", "pekan lalu", "sejak awal tahun", "menjelang musim dingin",
    "dalam lima tahun ke depan", "hingga akhir bulan", "pada kuartal ketiga"};
constexpr W kIdJoiners[] = {", sementara", ", dan", ", tetapi", ", sehingga", ", setelah",
                            ", meskipun", ", karena", " ketika"};
constexpr W kIdComments[] = {
    "Berita yang menarik, terima kasih.", "Semoga kerja sama ini bermanfaat bagi kedua negara.",
    "Saya pernah tinggal di sana, kotanya sangat rapi.", "Kapan kebijakan ini mulai berlaku?",
    "Bagus sekali, Indonesia perlu belajar dari ini.", "Ditunggu kelanjutan beritanya.",
    "Harganya masih terlalu mahal untuk warga biasa.", "Wah, saya baru tahu soal ini."};

// --- English ---
constexpr W kEnSubjects[] = {
    "The government", "The prime minister", "The central bank", "The foreign ministry",
    "Researchers", "The city council", "A carmaker", "The weather agency", "Business leaders",
    "Local residents", "Prefectural police", "A national university", "The labour union",
    "The rail operator", "The national team", "An electronics maker", "The finance minister",
    "Farmers", "The election commission", "A regional hospital", "The space agency",
    "The airline", "Fishing cooperatives", "Pollsters", "The district court", "Students",
    "The governor", "The tourism industry", "The embassy", "A start-up", "The stock exchange",
    "The coach", "A young director", "The publisher", "The national museum", "The steel mill"};
constexpr W kEnVerbs[] = {
    "announced", "reviewed", "approved", "rejected", "launched", "discussed", "introduced",
    "postponed", "expanded", "studied", "backed", "targeted", "strengthened", "halted",
    "raised", "lowered", "built", "celebrated", "signed", "warned about", "investigated",
    "developed", "restored", "prepared", "evaluated", "reduced", "tested", "opened", "closed"};
constexpr W kEnObjects[] = {
    "a supplementary budget", "a new energy plan", "economic cooperation", "a high-speed rail line",
    "a scholarship programme", "immigration rules", "the price of rice", "interest rates",
    "an early warning system", "a solar power plant", "the summer festival", "a bridge project",
    "tax policy", "care for the elderly", "a semiconductor plant", "fishing quotas",
    "flight schedules", "a trade agreement", "trials of self-driving buses",
    "a contemporary art fair", "a data centre", "vaccine stocks", "electricity tariffs",
    "the school curriculum", "a new port", "the annual report", "a friendly match",
    "the castle restoration", "earthquake research", "the minimum wage", "an internship scheme",
    "care robots", "a regional airport", "digital payments", "foreign reserves",
    "electric ferries", "tea plantations", "a new stadium", "fibre networks", "storm shelters"};
constexpr W kEnPlaces[] = {
    "in Tokyo", "in Osaka", "in Hokkaido", "in Kyoto", "in Okinawa", "in Fukuoka",
    "in Nagoya", "in Sendai", "in Hiroshima", "in Kobe", "in Yokohama", "in Niigata",
    "in Nagano", "in Kumamoto", "in Kanazawa", "in Jakarta", "in the Kansai region",
    "in the Tohoku region", "along the Pacific coast", "on Shikoku island"};
constexpr W kEnTimes[] = {
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "this weekend",
    "next month", "next year", "last week", "since January", "before the winter",
    "over the next five years", "by the end of the month", "in the third quarter"};
constexpr W kEnJoiners[] = {", while", ", and", ", but", ", so", " after", ", although",
                            " because", " as"};
constexpr W kEnComments[] = {
    "Interesting report, thank you.", "I hope this works out for both countries.",
    "I lived there for two years, lovely city.", "When does this take effect?",
    "Good news, other countries should follow.", "Looking forward to the follow-up.",
    "Still far too expensive for ordinary people.", "I had no idea about this."};

// --- Japanese (sentences: subject は object を verb。) ---
constexpr W kJaSubjects[] = {
    "政府", "首相", "日本銀行", "外務省", "研究チーム", "市議会", "自動車メーカー", "気象庁",
    "経済団体", "地元の住民", "県警", "国立大学", "労働組合", "鉄道会社", "日本代表",
    "電機メーカー", "財務相", "農家", "選挙管理委員会", "病院", "宇宙航空研究開発機構",
    "航空会社", "漁業協同組合", "調査会社", "地方裁判所", "学生", "知事", "観光業界",
    "大使館", "新興企業", "証券取引所", "監督", "出版社", "博物館"};
constexpr W kJaVerbs[] = {"発表した",   "検討した", "承認した", "拒否した", "開始した",
                          "議論した",   "導入した", "延期した", "拡大した", "支持した",
                          "強化した",   "停止した", "引き上げた", "引き下げた", "建設した",
                          "祝った",     "署名した", "調査した", "開発した", "修復した",
                          "準備した",   "評価した", "削減した", "試験した", "公開した"};
constexpr W kJaObjects[] = {
    "補正予算", "新しいエネルギー計画", "経済協力", "新幹線の延伸", "奨学金制度", "入国管理の規則",
    "米の価格", "金利", "早期警報システム", "太陽光発電所", "夏祭り", "橋の建設計画", "税制",
    "高齢者の介護", "半導体工場", "漁獲枠", "運航計画", "貿易協定", "自動運転バスの実験",
    "現代美術展", "データセンター", "ワクチンの在庫", "電気料金", "学習指導要領", "新しい港",
    "年次報告書", "親善試合", "城の修復", "地震の研究", "最低賃金", "介護ロボット", "地方空港",
    "電子決済", "外貨準備", "電気フェリー", "茶畑", "新しいスタジアム", "光ファイバー網"};
constexpr W kJaPlaces[] = {"東京で",   "大阪で",   "北海道で", "京都で", "沖縄で", "福岡で",
                           "名古屋で", "仙台で",   "広島で",   "神戸で", "横浜で", "新潟で",
                           "長野で",   "熊本で",   "金沢で",   "ジャカルタで"};
constexpr W kJaTimes[] = {"月曜日に", "火曜日に", "水曜日に", "木曜日に", "金曜日に", "今週末に",
                          "来月",     "来年",     "先週",     "年明けから", "冬までに", "今後五年間で"};
constexpr W kJaJoiners[] = {"一方、", "また、", "しかし、", "そのため、", "さらに、", "これを受けて、"};
constexpr W kJaComments[] = {"興味深い記事でした。", "両国にとって良い結果になればいいですね。",
                             "いつから始まるのでしょうか。", "続報を待っています。",
                             "まだ高すぎると思います。", "知りませんでした。"};

// --- tags, places, sources, bylines ---
constexpr W kTagTopics[] = {
    "Jepang", "ekonomi", "politik", "teknologi", "budaya", "olahraga", "pariwisata", "gempa",
    "cuaca", "pendidikan", "kesehatan", "energi", "perdagangan", "anime", "kuliner",
    "transportasi", "sepak bola", "lingkungan", "diplomasi", "Olimpiade", "sains", "startup",
    "pertanian", "perikanan", "otomotif", "semikonduktor", "pemilu", "imigrasi", "tenaga kerja",
    "pasar saham", "yen", "inflasi", "musim semi", "sakura", "festival", "kereta cepat",
    "robot", "kecerdasan buatan", "antariksa", "film", "musik", "manga", "bisbol", "sumo",
    "topan", "tsunami", "gunung berapi", "lansia", "populasi", "perumahan", "pajak",
    "anggaran", "pertahanan", "ASEAN", "Indonesia", "Korea Selatan", "Tiongkok", "Amerika Serikat",
    "Uni Eropa", "nuklir", "tenaga surya", "hidrogen", "baterai", "kendaraan listrik",
    "e-sports", "permainan video", "museum", "kuil", "onsen", "salju", "mode", "desain",
    "arsitektur", "kriminal", "pengadilan", "kesehatan mental", "vaksin", "rumah sakit",
    "universitas", "beasiswa", "bahasa Jepang", "magang", "pelabuhan", "penerbangan",
    "bandara", "pos", "bank", "asuransi", "fintech", "e-commerce", "ritel", "konbini",
    "kopi", "teh hijau", "beras", "ikan", "wagyu", "sake", "ramen", "sushi"};
constexpr W kPlaces[] = {
    "Tokyo", "Osaka", "Hokkaido", "Kyoto", "Okinawa", "Fukuoka", "Nagoya", "Sendai",
    "Hiroshima", "Kobe", "Yokohama", "Niigata", "Nagano", "Kumamoto", "Kanazawa", "Nara",
    "Kagoshima", "Shizuoka", "Chiba", "Saitama", "Aomori", "Akita", "Iwate", "Yamagata",
    "Fukushima", "Ibaraki", "Tochigi", "Gunma", "Yamanashi", "Gifu", "Mie", "Shiga",
    "Wakayama", "Hyogo", "Tottori", "Shimane", "Okayama", "Yamaguchi", "Tokushima", "Kagawa",
    "Ehime", "Kochi", "Saga", "Nagasaki", "Oita", "Miyazaki", "Toyama", "Ishikawa", "Fukui"};
constexpr W kSourceNames[] = {
    "KYODO", "NHK", "Jiji Press", "ANTARA", "Asahi Shimbun", "Yomiuri Shimbun",
    "Mainichi Shimbun", "Nikkei", "Japan Times", "Kompas", "Tempo", "Sankei Shimbun",
    "Tokyo Shimbun", "Hokkaido Shimbun", "Chunichi Shimbun", "Nishinippon Shimbun",
    "Kobe Shimbun", "Ryukyu Shimpo", "Okinawa Times", "Media Jepang"};
constexpr W kAuthorNames[] = {
    "Sari Wulandari", "Kenji Arimura", "Dewi Lestari Putri", "Yuki Hanamura", "Budi Santoso",
    "Aiko Morisaki", "Rina Kusuma", "Takeshi Ogawara", "Fajar Nugroho", "Mei Tachibana",
    "Indra Wijaya", "Haruka Sonoda", "Putri Anggraini", "Daisuke Kawabe", "Agus Setiawan",
    "Emi Nakazono", "Wulan Sari", "Ryo Fujisaki", "Hendra Gunawan", "Naomi Ishizaki",
    "Citra Maharani", "Kaito Shimamura", "Yoga Pratama", "Sakura Hoshino", "Lina Marlina",
    "Shun Kuroda", "Rudi Hartono", "Mio Takamine", "Nina Rahmawati", "Sota Aizawa",
    "Eka Saputra", "Rika Yoshimura", "Tono Wibisono", "Ayane Kitagawa", "Maya Safitri",
    "Hiroto Kameda", "Bayu Firmansyah", "Nana Okuda", "Tari Handayani", "Jun Sakakibara"};

// clang-format on

template <typename T, std::size_t N>
std::span<const T> All(const T (&items)[N]) {
  return std::span<const T>(items, N);
}

}  // namespace

const LanguageWords& IndonesianWords() {
  static const LanguageWords words{All(kIdSubjects), All(kIdVerbs), All(kIdObjects),
                                   All(kIdPlaces),   All(kIdTimes), All(kIdJoiners),
                                   All(kIdComments)};
  return words;
}

const LanguageWords& EnglishWords() {
  static const LanguageWords words{All(kEnSubjects), All(kEnVerbs), All(kEnObjects),
                                   All(kEnPlaces),   All(kEnTimes), All(kEnJoiners),
                                   All(kEnComments)};
  return words;
}

const LanguageWords& JapaneseWords() {
  static const LanguageWords words{All(kJaSubjects), All(kJaVerbs), All(kJaObjects),
                                   All(kJaPlaces),   All(kJaTimes), All(kJaJoiners),
                                   All(kJaComments)};
  return words;
}

std::span<const std::string_view> TagTopics() { return All(kTagTopics); }
std::span<const std::string_view> Places() { return All(kPlaces); }
std::span<const std::string_view> SourceNames() { return All(kSourceNames); }
std::span<const std::string_view> AuthorNames() { return All(kAuthorNames); }

}  // namespace warta::app
