# Writes the site's default share image and publisher logo: the favicon's red disc on white.
import struct, zlib, sys
def png(path, w, h, r):
    cx, cy = w / 2, h / 2
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        for x in range(w):
            d2 = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2
            rows.append(1 if d2 <= r * r else 0)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0))
    data += chunk(b"PLTE", bytes([255, 255, 255, 0xbc, 0x00, 0x2d]))
    data += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)
png(sys.argv[1] + "/share.png", 1200, 630, 180)
png(sys.argv[1] + "/logo.png", 512, 512, 136)
