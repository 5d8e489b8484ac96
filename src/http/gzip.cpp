#include "http/gzip.h"

#define ZLIB_CONST
#include <zlib.h>

#include <memory>
#include <new>

namespace warta::http {
namespace {

struct DeflateEnd {
  void operator()(z_stream* s) const { deflateEnd(s); }
};

// Deflates `plain` with window bits `window_bits` (negative: raw; 15 + 16: gzip), ending with
// `flush` (Z_FULL_FLUSH for a part, Z_FINISH for a whole member).
std::string Deflate(std::string_view plain, int level, int window_bits, int flush) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::bad_alloc();
  }
  std::unique_ptr<z_stream, DeflateEnd> owner(&zs);
  std::string out;
  // deflateBound covers Z_FINISH; a full flush adds its empty stored block (5 bytes) at most.
  out.resize(deflateBound(&zs, static_cast<uLong>(plain.size())) + 16);
  zs.next_in = reinterpret_cast<const Bytef*>(plain.data());
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, flush);
  if ((flush == Z_FINISH && rc != Z_STREAM_END) || (flush != Z_FINISH && rc != Z_OK) ||
      zs.avail_in != 0) {
    throw std::bad_alloc();  // only an output buffer too small could stop it: not possible here
  }
  out.resize(zs.total_out);
  return out;
}

void AppendLe32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// Stored blocks (RFC 1951 §3.2.4), not final. We are always on a byte boundary here (after a
// full flush or another stored block), so the block header's 3 bits and padding make one
// zero byte, followed by LEN and its complement.
void AppendStored(std::string& out, std::string_view data) {
  while (!data.empty()) {
    const std::size_t n = std::min<std::size_t>(data.size(), 0xffff);
    out += '\0';
    out += static_cast<char>(n & 0xff);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xff);
    out += static_cast<char>((~n >> 8) & 0xff);
    out.append(data.data(), n);
    data.remove_prefix(n);
  }
}

// gzip header (RFC 1952 §2.3): magic, deflate, no flags, no time, no extra flags, OS unknown.
constexpr char kGzipHeader[10] = {'\x1f', '\x8b', '\x08', 0, 0, 0, 0, 0, 0, '\xff'};
// An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, then end-of-block.
constexpr char kFinalBlock[2] = {'\x03', '\x00'};

}  // namespace

DeflatedPart DeflatePart(std::string_view plain, int level) {
  DeflatedPart part;
  if (plain.empty()) return part;
  part.deflated = Deflate(plain, level, -15, Z_FULL_FLUSH);
  part.crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(plain.data()), static_cast<uInt>(plain.size())));
  part.size = plain.size();
  part.combine_op = static_cast<std::uint32_t>(crc32_combine_gen(static_cast<z_off_t>(part.size)));
  return part;
}

std::string GzipOnce(std::string_view plain, int level) {
  return Deflate(plain, level, 15 + 16, Z_FINISH);
}

bool StitchGzip(std::string_view body, const std::vector<BodyPiece>& pieces, std::string& out) {
  std::size_t at = 0;
  std::size_t bound = sizeof kGzipHeader + sizeof kFinalBlock + 8;
  for (const BodyPiece& piece : pieces) {
    if (piece.offset != at || piece.size > body.size() - at) return false;
    if (piece.fixed != nullptr && piece.fixed->size != piece.size) return false;
    at += piece.size;
    bound += piece.fixed != nullptr ? piece.fixed->deflated.size()
                                    : piece.size + 5 * (piece.size / 0xffff + 1);
  }
  if (at != body.size()) return false;
  out.clear();
  out.reserve(bound);
  out.append(kGzipHeader, sizeof kGzipHeader);
  uLong crc = crc32(0, nullptr, 0);
  for (const BodyPiece& piece : pieces) {
    if (piece.size == 0) continue;
    if (piece.fixed != nullptr) {
      out += piece.fixed->deflated;
      crc = crc32_combine_op(crc, piece.fixed->crc, piece.fixed->combine_op);
    } else {
      // Holes are a few bytes (numbers, a token, a menu): storing them costs nothing and
      // adds 5 bytes each, where compressing them would cost a deflate state per request.
      std::string_view live = body.substr(piece.offset, piece.size);
      AppendStored(out, live);
      crc = crc32(crc, reinterpret_cast<const Bytef*>(live.data()), static_cast<uInt>(live.size()));
    }
  }
  out.append(kFinalBlock, sizeof kFinalBlock);
  AppendLe32(out, static_cast<std::uint32_t>(crc));
  AppendLe32(out, static_cast<std::uint32_t>(body.size() & 0xffffffffU));
  return true;
}

}  // namespace warta::http
