#include "spam/demo_corpus.h"

#include <string>

namespace warta::spam {

const DemoCorpus& Demo() {
  // Long messages are split over two lines, on purpose without a comma between the halves.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  static const DemoCorpus corpus{
      {
          "Situs slot gacor hari ini, deposit 10rb langsung main! Daftar di "
          "https://gacor-maxwin88.example/daftar",
          "MAU CUAN CEPAT? Gabung sekarang, bonus new member 100%! WA 0812 3456 7890",
          "Pinjaman online cair dalam 5 menit tanpa BI checking, hubungi admin 081298765432",
          "Jual followers Instagram murah, 1000 followers cuma 15rb. Order di "
          "www.followerskilat.example",
          "Kerja dari rumah penghasilan 5 juta per hari!!! Klik link di bio 💰💰💰",
          "Togel online terpercaya, bandar resmi, bayar berapapun kemenangan anda. "
          "http://bandar-togel.example",
          "Obat kuat herbal asli, pengiriman rahasia ke seluruh Indonesia, COD bisa. "
          "Chat WA 085711112222",
          "Promo akun premium murah meriah, garansi full. Cek http://akunmurah.example sekarang",
          "Raih jackpot jutaan rupiah setiap hari, link alternatif anti blokir: "
          "https://maxwin-jp.example https://maxwin-jp2.example",
          "Dapatkan saldo DANA gratis 500rb, klik di sini sebelum kehabisan "
          "https://dana-gratis.example/klaim",
          "EARN $500 A DAY FROM HOME!!! NO EXPERIENCE NEEDED, CLICK NOW",
          "Cheap watches and designer bags at 90% off, free shipping worldwide "
          "https://luxury-outlet.example",
          "Best crypto signals, guaranteed 10x profit in one week. Join our Telegram "
          "https://t.example/cryptopump",
          "Buy cheap followers and likes, instant delivery, visit www.fastlikes.example",
          "Congratulations! You have won a free iPhone, claim your prize at "
          "http://prize-claim.example",
          "Online casino bonus 200% on first deposit, play now 🎰🎰 https://casino-win.example",
          "Need a loan? Fast approval, no credit check, low interest. Call +1 555 010 9999",
          "簡単に月収100万円！在宅ワークで誰でも稼げます。詳しくはこちら "
          "https://kasegu-job.example",
          "今すぐ登録で5000円分のポイントプレゼント！ http://point-get.example",
          "激安ブランド品、本物保証、送料無料。今すぐチェック https://brand-yasui.example",
          "オンラインカジノで高額当選！初回入金ボーナス100％ https://casino-jp.example",
          "副業で日給3万円、スマホだけでOK！LINEで無料相談 https://fukugyou.example",
          "出会い系サイトで素敵な人と今すぐ出会える 💕 http://deai-now.example",
          "Slot online terbaik 2024, RTP tertinggi, withdraw cepat. Login "
          "https://rtp-gacor.example",
      },
      {
          "Semoga korban gempa di Noto segera mendapat bantuan dan cepat pulih.",
          "Terima kasih atas beritanya, saya baru tahu kalau kereta Shinkansen terlambat "
          "karena salju.",
          "Menurut saya kebijakan ini bagus untuk pekerja asing di Jepang, tapi prosesnya "
          "masih rumit.",
          "Apakah ada info lebih lanjut tentang jadwal festival musim panas tahun ini?",
          "Harga beras di Jepang naik terus, kasihan warga yang berpenghasilan rendah.",
          "Saya pernah tinggal di Osaka, orang-orangnya ramah sekali. Artikel yang menarik.",
          "Sumbernya Mainichi ya? Kalau bisa cantumkan juga tautan ke berita aslinya.",
          "Bagaimana dampaknya bagi pelajar Indonesia yang sedang kuliah di Tokyo?",
          "Cuaca ekstrem tahun ini memang aneh, di Indonesia juga banjir di mana-mana.",
          "Artikelnya kurang lengkap, tidak disebutkan berapa jumlah korban sebenarnya.",
          "Thanks for translating this, the original Kyodo report was hard to follow.",
          "I visited Kyoto last spring and the crowds were exactly as described here.",
          "Does anyone know whether the new visa rules apply to students as well?",
          "Interesting to see how the yen exchange rate affects tourism numbers.",
          "The article says the election is in October, but I read it was moved to November.",
          "Good summary. The government response seems slow compared to last year's typhoon.",
          "地震の被害に遭われた方々が一日も早く普段の生活に戻れますように。",
          "インドネシアでもこのニュースが報じられているとは知りませんでした。",
          "記事の内容は分かりやすいですが、元の記事へのリンクもあると助かります。",
          "新幹線の遅延は雪のせいだったんですね。来週出張なので気をつけます。",
          "物価の上昇が続いていて、生活が本当に大変になってきました。",
          "Jepang dan Indonesia sudah lama bekerja sama di bidang energi, semoga makin erat.",
          "Saya setuju dengan komentar di atas, pemerintah harus lebih cepat bertindak.",
          "Beritanya bagus, tapi judulnya agak berlebihan dibanding isinya.",
      },
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  return corpus;
}

Result<void> TeachDemo(Classifier& classifier) {
  const DemoCorpus& corpus = Demo();
  WARTA_RETURN_IF_ERROR(classifier.LearnMany({corpus.spam.begin(), corpus.spam.end()}, true));
  return classifier.LearnMany({corpus.ham.begin(), corpus.ham.end()}, false);
}

}  // namespace warta::spam
