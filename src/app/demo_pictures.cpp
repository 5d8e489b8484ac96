#include "app/demo_pictures.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace warta::app {
namespace {

struct Rgb {
  double r, g, b;
};

Rgb Mix(const Rgb& a, const Rgb& b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

// A time of day: the sky from top to horizon, the sun, three ridges far to near, the water.
struct Scene {
  Rgb sky_top, sky_low, sun;
  std::array<Rgb, 3> ridges;
  Rgb water;
  double sun_x, sun_y, sun_r;  // fractions of width / height / width
  const char* alt;
};

const std::array<Scene, kDemoPictureCount>& Scenes() {
  static const std::array<Scene, kDemoPictureCount> scenes = {{
      {{40, 70, 140},
       {250, 170, 110},
       {255, 230, 170},
       {{{120, 90, 130}, {80, 60, 100}, {40, 35, 60}}},
       {60, 80, 130},
       0.7,
       0.45,
       0.06,
       "Ilustrasi: matahari terbenam di balik pegunungan dan teluk"},
      {{90, 160, 230},
       {200, 230, 250},
       {255, 250, 220},
       {{{140, 170, 200}, {90, 130, 110}, {50, 90, 60}}},
       {60, 130, 180},
       0.25,
       0.2,
       0.05,
       "Ilustrasi: siang cerah di atas bukit hijau dan danau"},
      {{15, 20, 50},
       {60, 70, 120},
       {240, 240, 220},
       {{{50, 55, 90}, {35, 40, 70}, {20, 22, 40}}},
       {25, 35, 70},
       0.8,
       0.22,
       0.035,
       "Ilustrasi: bulan di atas pegunungan pada malam hari"},
      {{250, 200, 210},
       {255, 235, 220},
       {255, 120, 90},
       {{{220, 170, 190}, {190, 130, 160}, {120, 80, 110}}},
       {230, 170, 180},
       0.5,
       0.35,
       0.07,
       "Ilustrasi: fajar merah muda di atas gunung dan laut"},
      {{120, 130, 140},
       {200, 205, 210},
       {235, 235, 235},
       {{{150, 160, 170}, {110, 120, 130}, {70, 80, 90}}},
       {100, 115, 130},
       0.35,
       0.3,
       0.045,
       "Ilustrasi: hari mendung di lembah dan sungai"},
      {{70, 140, 210},
       {180, 220, 240},
       {255, 245, 200},
       {{{180, 200, 220}, {230, 235, 240}, {200, 80, 60}}},
       {40, 110, 170},
       0.15,
       0.25,
       0.05,
       "Ilustrasi: gunung bersalju dan pantai di musim dingin"},
      {{200, 120, 60},
       {250, 210, 120},
       {255, 240, 180},
       {{{170, 110, 70}, {130, 80, 50}, {90, 50, 30}}},
       {150, 100, 70},
       0.6,
       0.5,
       0.08,
       "Ilustrasi: sore keemasan di atas perbukitan musim gugur"},
      {{30, 90, 110},
       {120, 190, 190},
       {230, 255, 240},
       {{{70, 140, 140}, {40, 110, 100}, {20, 70, 60}}},
       {30, 100, 120},
       0.85,
       0.3,
       0.04,
       "Ilustrasi: pagi berkabut di hutan dan rawa"},
  }};
  return scenes;
}

// Height of ridge k (0 far .. 2 near) at x, as a fraction of the picture's height.
double Ridge(int k, double x, int scene) {
  const double phase = scene * 1.7 + k * 2.3;
  const double base = 0.48 + 0.08 * k;
  return base - 0.09 / (k + 1) * std::sin(x * (3.0 + 2 * k) + phase) -
         0.04 * std::sin(x * (11.0 + 3 * k) + phase * 2) -
         (k == 0 ? 0.18 * std::max(0.0, 1.0 - std::abs(x - 0.45 - 0.05 * (scene % 3)) * 4) : 0);
}

void PutU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

void Chunk(std::string& png, const char* kind, const std::string& data) {
  PutU32(png, static_cast<std::uint32_t>(data.size()));
  std::string body = std::string(kind, 4) + data;
  png += body;
  PutU32(png, static_cast<std::uint32_t>(
                  crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}

}  // namespace

std::string DrawDemoPicture(int scene_index, int width, int height) {
  const Scene& s = Scenes()[static_cast<std::size_t>(scene_index) % Scenes().size()];
  const double horizon = 0.68;
  std::string raw;
  raw.reserve(static_cast<std::size_t>(height) * (1 + 3 * width));
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // PNG filter: none
    const double fy = static_cast<double>(y) / height;
    for (int x = 0; x < width; ++x) {
      const double fx = static_cast<double>(x) / width;
      Rgb c = Mix(s.sky_top, s.sky_low, fy / horizon);
      const double dx = (fx - s.sun_x) * width, dy = (fy - s.sun_y) * height;
      const double d = std::sqrt(dx * dx + dy * dy) / width;
      if (d < s.sun_r)
        c = s.sun;
      else if (d < s.sun_r * 2.5)
        c = Mix(s.sun, c, (d - s.sun_r) / (s.sun_r * 1.5) * 0.6 + 0.4);
      for (int k = 0; k < 3; ++k) {
        if (fy > Ridge(k, fx, scene_index)) c = Mix(s.ridges[k], s.sky_low, 0.15 * (2 - k));
      }
      if (fy > horizon) {
        // Water: darker with depth, light stripes of waves.
        const double depth = (fy - horizon) / (1 - horizon);
        c = Mix(s.water, s.sky_low, 0.35 * (1 - depth));
        if (std::sin(fy * 260 + std::sin(fx * 40) * 2) > 0.93) c = Mix(c, s.sun, 0.35);
      }
      raw += static_cast<char>(std::lround(c.r));
      raw += static_cast<char>(std::lround(c.g));
      raw += static_cast<char>(std::lround(c.b));
    }
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
            reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 6);
  packed.resize(packed_size);
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  PutU32(header, static_cast<std::uint32_t>(width));
  PutU32(header, static_cast<std::uint32_t>(height));
  header +=
      std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter, no interlace
  Chunk(png, "IHDR", header);
  Chunk(png, "IDAT", packed);
  Chunk(png, "IEND", "");
  return png;
}

Result<std::vector<std::int64_t>> AddDemoPictures(media::MediaLibrary& library) {
  std::vector<std::int64_t> ids;
  for (int scene = 0; scene < kDemoPictureCount; ++scene) {
    media::PictureInfo info;
    info.alt = Scenes()[static_cast<std::size_t>(scene)].alt;
    info.credit = "Ilustrasi Media Jepang";
    auto taken = library.Add(DrawDemoPicture(scene, 1280, 800), info);
    if (!taken.ok()) return taken.error();
    ids.push_back(taken->id);
  }
  return ids;
}

}  // namespace warta::app
