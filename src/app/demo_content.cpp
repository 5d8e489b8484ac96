// Demo content for "Media Jepang". Every article below is FICTIONAL: written for warta as sample
// data, realistic in tone but describing no real event, and copying no published article or the
// seed page. Sources are named as a Japanese news portal would name them; URLs use the .invalid
// top-level domain, which never resolves. Data, not logic: this file is long on purpose.
//
// Later search tests rely on two Indonesian articles containing "kemitraan keamanan" and on the
// Japanese article of 2024-11-12 being the only text with its second paragraph's first sentence
// (Japan and the EU strengthening defence cooperation): keep those when editing.
#include "app/demo_content.h"

namespace warta::app {

const std::vector<DemoArticle>& DemoArticles() {
  static const std::vector<DemoArticle> kArticles = {
      {
          .title = "Badan Meteorologi Perkirakan Musim Dingin Lebih Hangat dari Biasanya",
          .source = "JIJI",
          .url = "",
          .published = "2024-10-18T15:35:00+09:00",
          .lang = "id",
          .body_text =
              "Badan Meteorologi Jepang memperkirakan musim dingin tahun ini lebih hangat "
              "dari rata-rata di sebagian besar wilayah negara itu. Meski begitu, salju lebat "
              "tetap mungkin turun di sisi Laut Jepang dalam periode singkat.\n\n"
              "Dalam prakiraan tiga bulanannya, lembaga itu menyebut suhu laut yang tinggi di "
              "sekitar Jepang sebagai salah satu faktor. Udara dingin dari daratan Asia "
              "diperkirakan lebih jarang masuk dibandingkan tahun-tahun sebelumnya.\n\n"
              "Pengelola resor ski di Nagano dan Niigata berharap salju tetap cukup untuk "
              "membuka lintasan pada pertengahan Desember. Sebagian resor telah menyiapkan "
              "mesin pembuat salju sebagai cadangan.",
          .tags = {"cuaca", "pariwisata"},
          .views = 0,
          .likes = 0,
          .shares = 0,
      },
      {
          .title = "Regional Railway Tests Sleeper Service Aimed at Overseas Visitors",
          .source = "THE JAPAN NEWS",
          .url = "https://demo.warta.invalid/japannews/2024/10/22/sleeper-train-trial",
          .published = "2024-10-22T10:30:00+09:00",
          .lang = "en",
          .body_text =
              "A regional railway operator in western Japan has begun trial runs of an "
              "overnight sleeper service designed mainly for overseas tourists, reviving a "
              "way of travelling that had all but disappeared from the country's timetables.\n\n"
              "The train, converted from older carriages, offers private compartments, a "
              "small lounge car and a breakfast made with local ingredients. It runs twice a "
              "week between a large city and a hot spring town on the coast.\n\n"
              "Tickets for the trial period sold out within days, according to the operator, "
              "which will decide next spring whether to make the service permanent. Crew "
              "members on board speak English and basic Chinese.\n\n"
              "Rail enthusiasts welcomed the project, while some residents along the line "
              "said they hoped visitors would stay longer in their towns rather than only "
              "passing through.",
          .tags = {"transportasi", "pariwisata"},
          .views = 8650,
          .likes = 102,
          .shares = 33,
      },
      {
          .title = "Yen Melemah, Harga Barang Impor di Supermarket Ikut Naik",
          .source = "MAINICHI",
          .url = "https://demo.warta.invalid/mainichi/2024/10/24/yen-melemah-harga-impor",
          .published = "2024-10-24T11:10:00+09:00",
          .lang = "id",
          .body_text =
              "Nilai tukar yen kembali melemah terhadap dolar Amerika Serikat pekan ini. Para "
              "pedagang valuta asing menilai selisih suku bunga yang masih lebar antara kedua "
              "negara menjadi penyebab utamanya.\n\n"
              "Bagi rumah tangga, dampaknya mulai terasa di rak supermarket. Harga sejumlah "
              "barang impor, seperti minyak goreng, kopi, dan daging sapi, naik beberapa "
              "persen dibandingkan awal tahun.\n\n"
              "Sebaliknya, perusahaan eksportir besar, terutama produsen mobil dan mesin, "
              "berpeluang mencatat laba lebih tinggi karena pendapatan dari luar negeri "
              "bernilai lebih besar ketika dikonversi ke yen.\n\n"
              "Ekonom memperkirakan pergerakan yen dalam beberapa bulan mendatang akan sangat "
              "bergantung pada kebijakan bank sentral kedua negara. Pemerintah menyatakan "
              "terus memantau pasar dengan saksama.\n\n"
              "Bagi pekerja asing yang mengirim uang kepada keluarga di negara asal, yen yang "
              "lemah berarti jumlah yang diterima di kampung halaman menjadi lebih kecil.",
          .tags = {"ekonomi", "yen"},
          .views = 15870,
          .likes = 133,
          .shares = 58,
      },
      {
          .title = "New-Season Rice Reaches Shops as Prices Stay High",
          .source = "MAINICHI",
          .url = "",
          .published = "2024-10-26T12:20:00+09:00",
          .lang = "en",
          .body_text =
              "Rice from this year's harvest has begun arriving in supermarkets across Japan, "
              "easing the shortages some shoppers met over the summer, although prices remain "
              "well above last year's.\n\n"
              "Retailers say shelves are mostly full again, but a five-kilogram bag of "
              "popular varieties still costs noticeably more than a year ago. Higher costs "
              "for fertiliser, fuel and labour have pushed up prices along the supply chain.\n\n"
              "Some set-meal restaurants have raised prices or stopped offering free second "
              "helpings of rice. Others blend in cheaper varieties to keep their menus "
              "affordable.\n\n"
              "Agriculture officials expect supply to settle over the winter. Consumer groups "
              "have asked for clearer information on stock levels so that households do not "
              "rush to buy in bulk.",
          .tags = {"ekonomi", "kuliner"},
          .views = 0,
          .likes = 0,
          .shares = 0,
      },
      {
          .title = "Robot Pengantar Barang Mulai Diuji di Trotoar Kawasan Perumahan",
          .source = "THE JAPAN NEWS",
          .url = "https://demo.warta.invalid/japannews/2024/10/28/robot-pengantar-barang",
          .published = "2024-10-28T08:50:00+09:00",
          .lang = "id",
          .body_text =
              "Robot pengantar barang berukuran kecil mulai diuji coba di trotoar sebuah "
              "kawasan perumahan di pinggiran Tokyo. Robot beroda enam itu membawa belanjaan "
              "dari supermarket ke rumah warga yang berjarak hingga dua kilometer.\n\n"
              "Aturan lalu lintas yang diperbarui memungkinkan robot berkecepatan rendah "
              "melintas di trotoar selama diawasi dari jarak jauh oleh operator. Kecepatan "
              "maksimumnya setara dengan orang berjalan kaki.\n\n"
              "Perusahaan pengembang menyatakan robot tersebut dilengkapi kamera dan sensor "
              "untuk menghindari pejalan kaki, sepeda, dan hewan peliharaan. Jika menemui "
              "hambatan yang tidak bisa dilewati, robot akan berhenti dan meminta bantuan "
              "operator.\n\n"
              "Uji coba ini diharapkan membantu mengatasi kekurangan pengemudi pengantar "
              "barang, yang semakin terasa seiring meningkatnya belanja daring dan menuanya "
              "penduduk.",
          .tags = {"teknologi", "transportasi"},
          .views = 7760,
          .likes = 88,
          .shares = 27,
      },
      {
          .title = "新幹線で荷物を運ぶ試験運行　物流の人手不足に対応",
          .source = "MAINICHI",
          .url = "",
          .published = "2024-10-30T08:00:00+09:00",
          .lang = "ja",
          .body_text = "鉄道会社は、新幹線の車両の一部を荷物の輸送に使う試験運行を始めた。"
                       "地方の農産物や鮮魚を、その日のうちに都市部へ届けることを目指す。\n\n"
                       "トラック運転手の時間外労働の規制が強まり、"
                       "長距離輸送の担い手不足が深刻になっている。新幹線を使えば、"
                       "少ない人数で多くの荷物を速く運べる。\n\n"
                       "試験では、朝に水揚げされた魚が昼過ぎには東京の飲食店に届いた。"
                       "鉄道会社は利用状況を見ながら、本格的な運用を検討するとしている。",
          .tags = {"transportasi", "ekonomi", "shinkansen"},
          .views = 1980,
          .likes = 22,
          .shares = 8,
      },
      {
          .title = "Topan Mendekati Kepulauan Okinawa, Puluhan Penerbangan Dibatalkan",
          .source = "KYODO",
          .url = "https://demo.warta.invalid/kyodo/2024/10/31/topan-mendekati-okinawa",
          .published = "2024-10-31T09:20:00+09:00",
          .lang = "id",
          .body_text =
              "Sebuah topan kuat bergerak perlahan ke arah utara dan diperkirakan melintas di "
              "dekat Kepulauan Okinawa pada Kamis malam. Badan Meteorologi Jepang meminta "
              "warga di wilayah selatan prefektur itu mewaspadai angin kencang, gelombang "
              "tinggi, dan hujan deras.\n\n"
              "Dua maskapai besar membatalkan puluhan penerbangan yang menghubungkan Naha "
              "dengan kota-kota di daratan utama. Sejumlah kapal feri antarpulau juga "
              "berhenti beroperasi sejak pagi, sehingga wisatawan yang hendak pulang terpaksa "
              "memperpanjang masa inap.\n\n"
              "Pemerintah daerah membuka pusat evakuasi di beberapa sekolah dan balai warga. "
              "Petugas mengimbau lansia serta warga yang tinggal di dekat pantai agar "
              "mengungsi lebih awal, sebelum angin mencapai puncaknya.\n\n"
              "Menurut prakiraan, topan tersebut akan melemah setelah berbelok ke arah timur "
              "laut pada akhir pekan. Meski begitu, hujan lebat masih mungkin terjadi di "
              "Kyushu bagian selatan hingga Sabtu.",
          .tags = {"cuaca", "bencana", "transportasi"},
          .views = 18420,
          .likes = 212,
          .shares = 87,
      },
      {
          .title = "Ribuan Lampion Terangi Festival Musim Gugur di Kota Tua Gifu",
          .source = "ASAHI",
          .url = "https://demo.warta.invalid/asahi/2024/11/03/festival-lampion-gifu",
          .published = "2024-11-03T19:45:00+09:00",
          .lang = "id",
          .body_text =
              "Ribuan lampion kertas dinyalakan di sepanjang sungai yang membelah sebuah kota "
              "tua di Prefektur Gifu pada Minggu malam. Festival tahunan ini menandai "
              "berakhirnya musim panen dan menarik pengunjung dari berbagai daerah.\n\n"
              "Lampion-lampion tersebut dibuat oleh warga, pelajar, dan perajin kertas washi "
              "setempat. Sebagian dihiasi lukisan daun momiji, sebagian lagi bertuliskan "
              "harapan untuk keluarga dan kampung halaman.\n\n"
              "Panitia menyediakan jalur pejalan kaki satu arah agar pengunjung tidak "
              "berdesakan di jembatan kayu yang sempit. Relawan berbahasa Inggris dan "
              "Mandarin membantu wisatawan asing menemukan tempat terbaik untuk berfoto.\n\n"
              "Seorang perajin yang lebih dari empat puluh tahun membuat kertas washi "
              "mengatakan festival ini penting untuk menjaga keterampilan tradisional tetap "
              "hidup di tengah berkurangnya penduduk usia muda.",
          .tags = {"budaya", "festival", "pariwisata"},
          .views = 6420,
          .likes = 95,
          .shares = 22,
      },
      {
          .title = "Sekolah di Pesisir Gelar Latihan Evakuasi Tsunami Serentak",
          .source = "NHK WORLD",
          .url = "https://demo.warta.invalid/nhk/2024/11/05/latihan-evakuasi-tsunami",
          .published = "2024-11-05T09:00:00+09:00",
          .lang = "id",
          .body_text =
              "Ribuan siswa di sekolah-sekolah pesisir Jepang mengikuti latihan evakuasi "
              "tsunami serentak pada Selasa pagi, bertepatan dengan Hari Kesadaran Tsunami "
              "Sedunia yang diperingati setiap 5 November.\n\n"
              "Dalam latihan itu, sirene dibunyikan setelah simulasi gempa besar. Siswa "
              "berlindung di bawah meja, lalu berjalan cepat menuju bukit atau gedung tinggi "
              "yang telah ditetapkan sebagai tempat evakuasi.\n\n"
              "Guru mencatat waktu yang dibutuhkan setiap kelas untuk mencapai tempat aman. "
              "Di beberapa sekolah, siswa sekolah menengah ditugaskan mendampingi anak-anak "
              "taman kanak-kanak di sekitarnya.\n\n"
              "Pakar kebencanaan menekankan pentingnya latihan rutin karena pada gempa besar, "
              "tsunami bisa tiba hanya dalam hitungan menit. Menurut mereka, keputusan untuk "
              "segera mengungsi tanpa menunggu perintah dapat menyelamatkan nyawa.",
          .tags = {"gempa", "bencana", "pendidikan"},
          .views = 11240,
          .likes = 156,
          .shares = 64,
      },
      {
          .title = "Shinkansen Tokaido Sempat Terhenti Dua Jam akibat Gangguan Listrik",
          .source = "JIJI",
          .url = "https://demo.warta.invalid/jiji/2024/11/05/shinkansen-tokaido-terhenti",
          .published = "2024-11-05T14:05:00+09:00",
          .lang = "id",
          .body_text =
              "Layanan kereta cepat Shinkansen di jalur Tokaido sempat terhenti sekitar dua "
              "jam pada Selasa siang setelah terjadi gangguan pada sistem pasokan listrik di "
              "antara Stasiun Shizuoka dan Hamamatsu.\n\n"
              "Operator kereta menyebutkan tidak ada penumpang yang terluka. Namun, belasan "
              "rangkaian berhenti di tengah jalur maupun di stasiun, dan ribuan penumpang "
              "menunggu di dalam gerbong yang tetap mendapat pendingin udara dan penerangan "
              "darurat.\n\n"
              "Petugas teknis memeriksa kabel listrik di atas rel dan menemukan kerusakan "
              "pada salah satu komponen penyangga. Penyebab pasti kerusakan itu masih "
              "diselidiki.\n\n"
              "Setelah layanan dilanjutkan, jadwal kereta baru kembali normal menjelang "
              "malam. Operator meminta maaf atas keterlambatan tersebut dan berjanji "
              "memperketat pemeriksaan berkala di ruas yang sama.",
          .tags = {"transportasi", "shinkansen"},
          .views = 9530,
          .likes = 74,
          .shares = 31,
      },
      {
          .title = "Chip Plant Boom Strains Housing and Roads in Kyushu Town",
          .source = "KYODO",
          .url = "https://demo.warta.invalid/kyodo/2024/11/07/chip-plant-kyushu-town",
          .published = "2024-11-07T15:45:00+09:00",
          .lang = "en",
          .body_text =
              "The arrival of a large semiconductor plant has transformed a quiet farming "
              "town in Kumamoto Prefecture, bringing new jobs but also traffic jams and "
              "rising rents.\n\n"
              "Thousands of engineers and construction workers have moved into the area over "
              "the past two years. Local officials say empty apartments are now rare, and "
              "some long-time residents report that rents have climbed sharply.\n\n"
              "The prefectural government is widening roads and adding bus routes to ease "
              "congestion at shift changes. Farmers have also raised concerns about "
              "groundwater use, which the company says it will offset by recharging aquifers "
              "through flooded rice fields.\n\n"
              "Economists see the plant as part of a broader effort to rebuild Japan's chip "
              "industry, and other regions are watching to see whether the benefits outweigh "
              "the strain on local infrastructure.",
          .tags = {"ekonomi", "teknologi"},
          .views = 12760,
          .likes = 84,
          .shares = 29,
      },
      {
          .title = "Studio Anime Kekurangan Animator, Mulai Rekrut Talenta dari Asia Tenggara",
          .source = "KYODO",
          .url = "https://demo.warta.invalid/kyodo/2024/11/08/studio-anime-rekrut-animator",
          .published = "2024-11-08T10:00:00+09:00",
          .lang = "id",
          .body_text =
              "Sejumlah studio animasi di Tokyo mulai aktif merekrut animator dari luar "
              "negeri, termasuk dari Indonesia, Filipina, dan Vietnam. Langkah ini diambil "
              "karena permintaan serial anime terus bertambah, sementara jumlah animator muda "
              "di dalam negeri tidak mencukupi.\n\n"
              "Layanan streaming global membuat anime Jepang ditonton di lebih banyak negara "
              "dibandingkan satu dekade lalu. Akibatnya, jadwal produksi semakin padat dan "
              "banyak studio kesulitan memenuhi tenggat.\n\n"
              "Beberapa studio kini menyediakan kelas bahasa Jepang, bantuan mencari tempat "
              "tinggal, dan pelatihan menggambar digital bagi pekerja baru. Ada pula yang "
              "membuka kantor kecil di luar negeri agar animator dapat bekerja dari negara "
              "asalnya.\n\n"
              "Serikat pekerja industri kreatif mengingatkan bahwa perekrutan dari luar "
              "negeri harus dibarengi perbaikan upah dan jam kerja, yang selama ini dikenal "
              "berat di industri animasi.",
          .tags = {"budaya", "anime", "ketenagakerjaan"},
          .views = 21050,
          .likes = 264,
          .shares = 91,
      },
      {
          .title = "Mountain Village Trials Parking Reservations to Ease Crowding",
          .source = "ASAHI",
          .url = "https://demo.warta.invalid/asahi/2024/11/10/mountain-village-reservations",
          .published = "2024-11-10T09:15:00+09:00",
          .lang = "en",
          .body_text =
              "A mountain village known for its steep thatched-roof farmhouses has started "
              "asking day-trippers to reserve parking spaces in advance, in a trial aimed at "
              "easing crowding that residents say has disrupted daily life.\n\n"
              "During the autumn foliage season, tour buses and private cars regularly filled "
              "the village's narrow lanes. Residents complained of litter and of visitors "
              "wandering into private gardens to take photographs.\n\n"
              "Under the trial, cars without a reservation are directed to a car park outside "
              "the village, from where shuttle buses run every fifteen minutes. Visitors "
              "arriving on foot and overnight guests are not affected.\n\n"
              "Tourism officials said early figures suggest noticeably fewer vehicles have "
              "entered the centre on weekends. They plan to survey residents and businesses "
              "before deciding whether to continue the scheme.",
          .tags = {"pariwisata", "sosial"},
          .views = 6980,
          .likes = 66,
          .shares = 21,
      },
      {
          .title = "Jepang dan Uni Eropa Sepakat Perluas Dialog Keamanan",
          .source = "KYODO",
          .url = "https://demo.warta.invalid/kyodo/2024/11/12/jepang-uni-eropa-dialog-keamanan",
          .published = "2024-11-12T17:25:00+09:00",
          .lang = "id",
          .body_text =
              "Pejabat tinggi Jepang dan Uni Eropa sepakat memperluas dialog di bidang "
              "pertahanan dan keamanan dalam pertemuan di Tokyo pada Selasa. Kedua pihak "
              "menyebut kemitraan keamanan yang lebih erat penting di tengah situasi "
              "internasional yang semakin tidak menentu.\n\n"
              "Dalam pernyataan bersama, keduanya berkomitmen meningkatkan kerja sama di "
              "bidang keamanan maritim, pertahanan siber, dan penanggulangan disinformasi. "
              "Mereka juga sepakat menggelar pertemuan tingkat pejabat secara lebih rutin.\n\n"
              "Uni Eropa selama ini lebih dikenal sebagai mitra dagang utama Jepang. Namun, "
              "dalam beberapa tahun terakhir kedua pihak semakin sering membahas isu "
              "keamanan, termasuk stabilitas jalur pelayaran internasional.\n\n"
              "Pengamat menilai kesepakatan ini bukan aliansi militer, melainkan kerangka "
              "kerja sama yang lentur. Langkah konkret seperti latihan bersama dan pertukaran "
              "informasi diperkirakan dibahas lebih lanjut tahun depan.",
          .tags = {"politik", "internasional", "pertahanan"},
          .views = 13480,
          .likes = 97,
          .shares = 45,
      },
      {
          .title = "日欧、防衛協力の強化で一致　海洋安全保障やサイバー分野で",
          .source = "NHK WORLD",
          .url = "https://demo.warta.invalid/nhk/2024/11/12/nichio-boei-kyoryoku",
          .published = "2024-11-12T19:00:00+09:00",
          .lang = "ja",
          .body_text = "日本と欧州連合（EU）の高官が12日、東京で会合を開き、"
                       "安全保障分野での対話を広げることで一致した。\n\n"
                       "日本と欧州連合は防衛分野での協力を強化する。共同声明では、海洋安全保障、"
                       "サイバー防衛、偽情報への対策を重点分野に挙げた。\n\n"
                       "双方はこれまで主に経済面で関係を深めてきたが、"
                       "近年は国際的な海上交通路の安定など、"
                       "安全保障上の課題でも意見交換を重ねている。\n\n"
                       "専門家は、今回の合意は軍事同盟ではなく柔軟な協力の枠組みだと指摘する。"
                       "共同訓練や情報共有などの具体策は、来年以降に協議される見通しだ。",
          .tags = {"politik", "internasional", "pertahanan"},
          .views = 2140,
          .likes = 19,
          .shares = 6,
      },
      {
          .title = "Analisis: Apa Arti Kerja Sama Pertahanan Jepang–Eropa bagi Asia Tenggara?",
          .source = "ASAHI",
          .url = "https://demo.warta.invalid/asahi/2024/11/14/analisis-jepang-eropa-asia-tenggara",
          .published = "2024-11-14T20:10:00+09:00",
          .lang = "id",
          .body_text =
              "Kesepakatan Jepang dan Uni Eropa untuk memperdalam kerja sama pertahanan "
              "mendapat perhatian negara-negara Asia Tenggara. Banyak negara di kawasan ini "
              "memiliki hubungan ekonomi yang erat dengan kedua pihak.\n\n"
              "Sejumlah analis berpendapat kemitraan keamanan semacam ini dapat memperkuat "
              "patroli dan pengawasan di jalur laut yang dilalui kapal dagang menuju Asia "
              "Timur. Jalur tersebut juga sangat penting bagi perdagangan Indonesia.\n\n"
              "Namun, ada pula yang mengingatkan agar kerja sama itu tidak mempertajam "
              "persaingan antarnegara besar. Menurut mereka, negara-negara ASEAN perlu tetap "
              "mengedepankan dialog dan sikap tidak memihak.\n\n"
              "Seorang peneliti hubungan internasional di Jakarta menilai Indonesia dapat "
              "memanfaatkan situasi ini untuk memperluas pelatihan bersama di bidang keamanan "
              "maritim dan penanggulangan bencana, tanpa harus berpihak.",
          .tags = {"politik", "internasional", "analisis"},
          .views = 5890,
          .likes = 38,
          .shares = 17,
      },
      {
          .title = "Kunjungan Wisatawan Asing Terus Meningkat, Daerah Berlomba Menarik Pengunjung",
          .source = "NHK WORLD",
          .url = "https://demo.warta.invalid/nhk/2024/11/15/wisatawan-asing-meningkat",
          .published = "2024-11-15T18:30:00+09:00",
          .lang = "id",
          .body_text =
              "Jumlah wisatawan asing yang datang ke Jepang terus bertambah sepanjang musim "
              "gugur tahun ini. Selain kota besar seperti Tokyo, Osaka, dan Kyoto, semakin "
              "banyak pengunjung yang kini memilih daerah pedesaan dan kota kecil.\n\n"
              "Pelemahan yen membuat biaya perjalanan terasa lebih murah bagi banyak turis, "
              "terutama untuk belanja dan kuliner. Bertambahnya penerbangan langsung dari "
              "sejumlah kota di Asia Tenggara juga ikut mendorong kenaikan tersebut.\n\n"
              "Sejumlah pemerintah daerah mulai menyediakan papan petunjuk dalam berbagai "
              "bahasa, termasuk bahasa Indonesia, serta melatih pemandu wisata setempat. "
              "Beberapa penginapan tradisional juga menyediakan menu halal dan ruang salat.\n\n"
              "Di sisi lain, kepadatan di beberapa lokasi populer memunculkan keluhan warga. "
              "Pemerintah pusat berencana membantu daerah mengatur arus pengunjung, misalnya "
              "dengan sistem reservasi dan penambahan bus.",
          .tags = {"pariwisata", "ekonomi"},
          .views = 24310,
          .likes = 288,
          .shares = 96,
      },
      {
          .title = "Wheelchair Basketball League Draws Record Crowds",
          .source = "NHK WORLD",
          .url = "https://demo.warta.invalid/nhk/2024/11/17/wheelchair-basketball-crowds",
          .published = "2024-11-17T18:00:00+09:00",
          .lang = "en",
          .body_text =
              "Japan's domestic wheelchair basketball league opened its new season this "
              "weekend with the largest crowds in its history, as interest in para sports "
              "stays high after the summer's Paralympic Games.\n\n"
              "Organisers said several games were sold out, and free live streams drew "
              "viewers from abroad. Many spectators were families watching the sport in "
              "person for the first time.\n\n"
              "Clubs are using the moment to recruit players, holding open practice sessions "
              "where visitors can try sports wheelchairs. Coaches say the fast, physical "
              "style of play often surprises newcomers.\n\n"
              "Disability sports groups welcomed the attention but noted that accessible "
              "training halls remain scarce outside large cities, and called for more support "
              "for local gyms.",
          .tags = {"olahraga", "sosial"},
          .views = 4470,
          .likes = 53,
          .shares = 14,
      },
      {
          .title = "Ubi Bakar Kembali Jadi Primadona Jajanan Musim Dingin",
          .source = "MAINICHI",
          .url = "https://demo.warta.invalid/mainichi/2024/11/19/ubi-bakar-musim-dingin",
          .published = "2024-11-19T16:40:00+09:00",
          .lang = "id",
          .body_text =
              "Begitu udara mulai dingin, truk kecil penjual ubi bakar atau yaki-imo kembali "
              "berkeliling di kawasan permukiman. Lagu khas yang diputar dari pengeras "
              "suaranya menjadi penanda datangnya musim dingin bagi banyak warga.\n\n"
              "Selain dijual keliling, ubi bakar kini mudah ditemukan di supermarket dan "
              "minimarket. Beberapa toko bahkan menjual ubi bakar dingin yang disajikan "
              "seperti hidangan penutup.\n\n"
              "Petani di Prefektur Ibaraki dan Kagoshima, dua daerah penghasil ubi jalar "
              "terbesar, menyebut permintaan dari luar negeri juga meningkat. Ubi jalar "
              "Jepang yang manis mulai diekspor ke sejumlah negara Asia.\n\n"
              "Ahli gizi mengingatkan bahwa ubi bakar kaya serat, tetapi tetap mengandung "
              "banyak gula alami. Menikmatinya dalam porsi secukupnya disarankan, terutama "
              "bagi yang sedang menjaga kadar gula darah.",
          .tags = {"kuliner", "budaya"},
          .views = 4380,
          .likes = 57,
          .shares = 12,
      },
      {
          .title = "Musim Gugur yang Hangat Membuat Daun Momiji Terlambat Memerah",
          .source = "THE JAPAN NEWS",
          .url = "https://demo.warta.invalid/japannews/2024/11/20/momiji-terlambat",
          .published = "2024-11-20T07:30:00+09:00",
          .lang = "id",
          .body_text =
              "Suhu udara yang lebih hangat dari biasanya membuat daun momiji di banyak "
              "wilayah Jepang terlambat berubah warna. Di sejumlah taman di Tokyo dan Kyoto, "
              "sebagian besar pohon masih tampak hijau pada pertengahan November.\n\n"
              "Perubahan warna daun membutuhkan beberapa malam yang cukup dingin secara "
              "berturut-turut. Tahun ini, suhu rata-rata bulan Oktober di banyak kota "
              "tercatat di atas angka normal.\n\n"
              "Pengelola kuil dan taman yang populer di kalangan wisatawan menyesuaikan "
              "jadwal acara penerangan malam. Biro perjalanan menyarankan pelanggan memantau "
              "laporan perkembangan warna daun sebelum berangkat.\n\n"
              "Para ahli memperkirakan puncak musim momiji di banyak daerah dataran rendah "
              "akan bergeser ke akhir November hingga awal Desember.",
          .tags = {"cuaca", "pariwisata"},
          .views = 9980,
          .likes = 121,
          .shares = 40,
      },
      {
          .title = "紅葉が見頃に　京都の寺で夜間ライトアップ始まる",
          .source = "ASAHI",
          .url = "https://demo.warta.invalid/asahi/2024/11/23/kyoto-koyo-lightup",
          .published = "2024-11-23T10:30:00+09:00",
          .lang = "ja",
          .body_text = "例年より遅れていた紅葉が見頃を迎え、"
                       "京都市内の寺では夜間のライトアップが始まった。"
                       "初日の夜は国内外から多くの観光客が訪れた。\n\n"
                       "今年は秋の気温が高く、色づきが1週間ほど遅れたという。"
                       "寺の担当者は「ようやく赤と黄色がそろってきた」と話した。\n\n"
                       "混雑を避けるため、一部の寺は事前予約制を取り入れ、"
                       "入場時間を区切っている。市は公共交通機関を利用するよう呼びかけている。",
          .tags = {"pariwisata", "budaya", "cuaca"},
          .views = 3560,
          .likes = 47,
          .shares = 11,
      },
      {
          .title = "Lomba Lari Estafet Pelajar Antarprefektur Berlangsung Meriah",
          .source = "JIJI",
          .url = "https://demo.warta.invalid/jiji/2024/11/24/ekiden-pelajar",
          .published = "2024-11-24T13:15:00+09:00",
          .lang = "id",
          .body_text =
              "Ratusan pelajar sekolah menengah dari berbagai prefektur mengikuti lomba lari "
              "estafet jarak jauh atau ekiden pada Minggu pagi. Setiap tim terdiri atas tujuh "
              "pelari yang bergantian membawa selempang kain di sepanjang rute lebih dari "
              "empat puluh kilometer.\n\n"
              "Ribuan warga berdiri di pinggir jalan untuk memberi semangat. Banyak di antara "
              "mereka membawa bendera kecil bertuliskan nama sekolah atau daerah asal para "
              "pelari.\n\n"
              "Tim dari wilayah Chugoku tampil sebagai juara setelah pelari terakhirnya "
              "menyalip lawan di kilometer penghabisan. Pelatih tim itu mengatakan kemenangan "
              "tersebut buah dari latihan pagi yang konsisten sepanjang musim panas.\n\n"
              "Ekiden merupakan salah satu olahraga paling populer di Jepang dan kerap "
              "disiarkan langsung di televisi. Bagi banyak atlet muda, lomba ini menjadi batu "
              "loncatan menuju tim universitas dan perusahaan.",
          .tags = {"olahraga", "pendidikan"},
          .views = 3120,
          .likes = 41,
          .shares = 9,
      },
      {
          .title = "Perawat Asal Indonesia Jadi Andalan di Panti Wreda Jepang",
          .source = "NHK WORLD",
          .url = "https://demo.warta.invalid/nhk/2024/11/27/perawat-indonesia-panti-wreda",
          .published = "2024-11-27T12:00:00+09:00",
          .lang = "id",
          .body_text =
              "Di sebuah panti wreda di Prefektur Chiba, hampir sepertiga staf perawatnya "
              "berasal dari luar negeri, sebagian besar dari Indonesia. Mereka bekerja "
              "bergiliran siang dan malam merawat sekitar delapan puluh penghuni lanjut usia.\n\n"
              "Banyak di antara mereka datang melalui program kerja sama ekonomi kedua negara "
              "dan harus lulus ujian nasional perawat dalam bahasa Jepang. Ujian itu dikenal "
              "sulit karena penuh istilah medis dan huruf kanji.\n\n"
              "Pengelola panti mengatakan para perawat asal Indonesia dikenal sabar dan "
              "ramah, sehingga disukai penghuni. Beberapa penghuni bahkan belajar sedikit "
              "bahasa Indonesia, seperti “terima kasih” dan “selamat pagi”.\n\n"
              "Jepang menghadapi kekurangan tenaga perawat lansia yang terus membesar. "
              "Pemerintah sedang menyiapkan aturan baru agar pekerja asing dapat tinggal "
              "lebih lama dan membawa keluarga.\n\n"
              "Seorang perawat yang telah enam tahun bekerja di panti itu berharap kelak bisa "
              "membuka usaha layanan perawatan lansia di kampung halamannya di Jawa Tengah, "
              "berbekal pengalaman dari Jepang.",
          .tags = {"sosial", "ketenagakerjaan", "indonesia"},
          .views = 16730,
          .likes = 245,
          .shares = 78,
      },
      {
          .title = "Earthquake Early Warnings to Reach Phones Seconds Sooner",
          .source = "JIJI",
          .url = "https://demo.warta.invalid/jiji/2024/11/29/earthquake-early-warning-update",
          .published = "2024-11-29T11:40:00+09:00",
          .lang = "en",
          .body_text =
              "Japan's weather agency plans to update its earthquake early warning system "
              "next year so that alerts reach smartphones a few seconds sooner in some areas.\n\n"
              "The system detects the first, weaker waves of a quake and estimates the "
              "strength of the shaking that follows. The update adds data from more seabed "
              "sensors, which pick up offshore quakes earlier than instruments on land.\n\n"
              "A few extra seconds can be enough to move away from windows, take cover under "
              "a table or slow a train. Experts caution, however, that places close to the "
              "epicentre may still receive the alert after strong shaking has begun.\n\n"
              "The agency also intends to improve the wording of alerts in foreign languages, "
              "after surveys found that many overseas residents and tourists were unsure what "
              "to do when one arrived.",
          .tags = {"gempa", "teknologi"},
          .views = 10320,
          .likes = 118,
          .shares = 52,
      },

  };
  return kArticles;
}

}  // namespace warta::app
