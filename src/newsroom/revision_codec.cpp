#include "newsroom/revision_codec.h"

#include <zlib.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/limits.h"

namespace warta::newsroom {
namespace {

constexpr char kKeyframe = 'K';
constexpr char kDelta = 'D';
constexpr int kWindowBits = -15;  // raw deflate: the header and checksum are ours
// zlib uses at most its window (32 KB) of a dictionary, the end of it: a changed middle
// longer than that is compressed against its last 32 KB only (articles rarely are).
constexpr std::size_t kMaxDictionary = 32 * 1024;
// Decoded bodies are never larger than the largest body stored (with room for a few edits).
constexpr std::size_t kMaxDecodedBytes = limits::kMaxBodyBytes + 64 * 1024;

Error Corrupt(const std::string& what) { return Error::Corrupt("newsroom: revision " + what); }

std::uint32_t Crc(std::string_view bytes) {
  return static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

void PutCrc(std::string& out, std::uint32_t crc) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((crc >> shift) & 0xFF);
}

void PutVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// Reads a varint at `pos`; nullopt when truncated or longer than 10 bytes.
std::optional<std::uint64_t> GetVarint(std::string_view in, std::size_t& pos) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64 && pos < in.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in[pos++]);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return std::nullopt;
}

std::string_view Dictionary(std::string_view previous) {
  return previous.size() <= kMaxDictionary ? previous
                                           : previous.substr(previous.size() - kMaxDictionary);
}

struct DeflateEnd {
  void operator()(z_stream* s) const { deflateEnd(s); }
};
struct InflateEnd {
  void operator()(z_stream* s) const { inflateEnd(s); }
};

Result<void> Deflate(std::string_view text, std::string_view dictionary, std::string& out) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, kWindowBits, 9, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return Error::Internal("newsroom: deflateInit2 failed");
  }
  std::unique_ptr<z_stream, DeflateEnd> owner(&stream);
  if (!dictionary.empty() &&
      deflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(dictionary.data()),
                           static_cast<uInt>(dictionary.size())) != Z_OK) {
    return Error::Internal("newsroom: deflateSetDictionary failed");
  }
  const std::size_t start = out.size();
  out.resize(start + deflateBound(&stream, static_cast<uLong>(text.size())));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data() + start);
  stream.avail_out = static_cast<uInt>(out.size() - start);
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) {
    return Error::Internal("newsroom: deflate did not finish");
  }
  out.resize(start + stream.total_out);
  return Ok();
}

// Inflates exactly `size` bytes from `in` with `dictionary`.
Result<std::string> Inflate(std::string_view in, std::string_view dictionary, std::size_t size) {
  z_stream stream{};
  if (inflateInit2(&stream, kWindowBits) != Z_OK) {
    return Error::Internal("newsroom: inflateInit2 failed");
  }
  std::unique_ptr<z_stream, InflateEnd> owner(&stream);
  if (!dictionary.empty() &&
      inflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(dictionary.data()),
                           static_cast<uInt>(dictionary.size())) != Z_OK) {
    return Corrupt("dictionary refused");
  }
  std::string out(size, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&stream, Z_FINISH);
  if (rc != Z_STREAM_END || stream.total_out != size) return Corrupt("body does not inflate");
  return out;
}

// The lengths of the common prefix and suffix of a and b, not overlapping in either.
std::pair<std::size_t, std::size_t> Common(std::string_view a, std::string_view b) {
  const std::size_t limit = std::min(a.size(), b.size());
  std::size_t prefix = 0;
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < limit - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  return {prefix, suffix};
}

Result<std::string> DecodeOne(const model::RevisionBody& body, std::string_view previous) {
  const std::string_view in = body.bytes;
  if (body.plain_bytes < 0 || static_cast<std::size_t>(body.plain_bytes) > kMaxDecodedBytes) {
    return Corrupt("size out of range");
  }
  const auto size = static_cast<std::size_t>(body.plain_bytes);
  if (in.size() < 5) return Corrupt("too short");
  std::uint32_t crc = 0;
  for (std::size_t i = 1; i < 5; ++i) crc = (crc << 8) | static_cast<unsigned char>(in[i]);
  std::size_t pos = 5;
  std::string decoded;
  if (in[0] == kKeyframe) {
    WARTA_ASSIGN_OR_RETURN(decoded, Inflate(in.substr(pos), {}, size));
  } else if (in[0] == kDelta) {
    const auto prefix = GetVarint(in, pos);
    const auto suffix = prefix ? GetVarint(in, pos) : std::nullopt;
    if (!suffix || *prefix + *suffix > previous.size() || *prefix + *suffix > size) {
      return Corrupt("delta does not fit the previous body");
    }
    const std::string_view old_middle =
        previous.substr(*prefix, previous.size() - *prefix - *suffix);
    WARTA_ASSIGN_OR_RETURN(std::string middle, Inflate(in.substr(pos), Dictionary(old_middle),
                                                       size - *prefix - *suffix));
    decoded.reserve(size);
    decoded.append(previous.substr(0, *prefix)).append(middle);
    decoded.append(previous.substr(previous.size() - *suffix));
  } else {
    return Corrupt("of an unknown format");
  }
  if (Crc(decoded) != crc) return Corrupt("checksum mismatch");
  return decoded;
}

}  // namespace

Result<model::RevisionBody> EncodeRevision(std::string_view body, std::string_view previous,
                                           bool keyframe) {
  if (body.size() > limits::kMaxBodyBytes) {
    return Error::InvalidArgument("newsroom: a body is at most " +
                                  std::to_string(limits::kMaxBodyBytes) + " bytes");
  }
  model::RevisionBody out;
  out.plain_bytes = static_cast<std::int64_t>(body.size());
  out.keyframe = keyframe;
  if (out.keyframe) {
    out.bytes += kKeyframe;
    PutCrc(out.bytes, Crc(body));
    WARTA_RETURN_IF_ERROR(Deflate(body, {}, out.bytes));
    return out;
  }
  const auto [prefix, suffix] = Common(previous, body);
  out.bytes += kDelta;
  PutCrc(out.bytes, Crc(body));
  PutVarint(out.bytes, prefix);
  PutVarint(out.bytes, suffix);
  const std::string_view middle = body.substr(prefix, body.size() - prefix - suffix);
  const std::string_view old_middle = previous.substr(prefix, previous.size() - prefix - suffix);
  WARTA_RETURN_IF_ERROR(Deflate(middle, Dictionary(old_middle), out.bytes));
  return out;
}

Result<std::string> DecodeChain(std::span<const model::RevisionBody> chain) {
  if (chain.empty() || !chain.front().keyframe) {
    return Corrupt("chain does not start at a keyframe");
  }
  if (chain.size() > static_cast<std::size_t>(kKeyframeInterval)) {
    return Corrupt("chain longer than the keyframe interval");
  }
  std::string body;
  for (const model::RevisionBody& revision : chain) {
    WARTA_ASSIGN_OR_RETURN(body, DecodeOne(revision, body));
  }
  return body;
}

}  // namespace warta::newsroom
