"""Issue 13, Must show 1, end to end: an editor uploads a JPEG (EXIF GPS, an orientation tag), a
PNG, a WebP and an animated GIF through POST /api/v1/admin/media, every served rendition is
fetched from /media/ and checked by its bytes (widths, no metadata), by its pixels (a perceptual
comparison with the upright original) and by its size; bad files are refused with a clear
message; the server's peak memory (VmHWM) is printed for the note.

The pictures are drawn here with Pillow (Debian's python3-pil) so the test knows exactly what
went in; the server never sees Pillow's code, only the bytes."""

import hashlib
import http.client
import io
import json
import re
import struct
import unittest

from PIL import Image, ImageDraw, ImageOps

import test_media as media
from readers_client import Client
from warta_harness import WartaTestCase, assert_memory_below, run_warta

PASSWORD = "kata sandi panjang"
WIDTHS = (320, 640, 960, 1280, 1920)
MARKER = "warta-secret-camera-marker"
# Mean absolute difference of two 16 x 16 grey thumbnails, 0..255. Re-encoding and resizing
# move a few levels; a picture turned the wrong way or another picture moves tens.
SAME_PICTURE = 8.0


def drawing(width, height, seed=0):
    """An asymmetric picture (a dark block top left, a bright bar at the bottom, a gradient):
    turned or mirrored, it no longer matches itself."""
    across = Image.linear_gradient("L").rotate(90).resize((width, height))
    down = Image.linear_gradient("L").resize((width, height))
    red = across.point(lambda v: (255 - v + seed * 40) % 256)
    img = Image.merge("RGB", (red, down, Image.new("L", (width, height), 128)))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, width // 3, height // 4), fill=(10, 10, 10))
    d.rectangle((width // 2, height - height // 6, width - 1, height - 1), fill=(250, 250, 240))
    return img


def exif_with_gps(orientation=1):
    e = Image.Exif()
    e[0x0112] = orientation
    e[0x010E] = MARKER  # ImageDescription: a string to look for in every served byte
    e[0x010F] = "wartaCam"  # Make
    e[0x8825] = {1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 44.0, 28.0)}  # GPS IFD
    return e.tobytes()


def encode(img, fmt, **options):
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def fingerprint(img):
    """16 x 16 grey, of the first frame, flattened on white as the JPEG renditions are."""
    img.seek(0)
    frame = img.convert("RGBA")
    flat = Image.new("RGBA", frame.size, (255, 255, 255, 255))
    flat.alpha_composite(frame)
    return list(flat.convert("L").resize((16, 16), Image.BOX).getdata())


def difference(a, b):
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def jpeg_segments(data):
    """The markers of a JPEG's header segments, up to the scan."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    at, found = 2, []
    while at + 4 <= len(data):
        marker = data[at + 1]
        found.append(marker)
        if marker == 0xDA:
            break
        at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
    return found


def webp_chunks(data):
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", "not a WebP"
    at, found = 12, []
    while at + 8 <= len(data):
        kind, size = data[at:at + 4], struct.unpack("<I", data[at + 4:at + 8])[0]
        found.append(kind)
        at += 8 + size + (size & 1)
    return found


class MediaFormatsTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        r = run_warta("user", "add", "editor1", "--role", "editor", "--db", self.db,
                      stdin=PASSWORD + "\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve()
        self.editor = Client(self.server)
        self.editor.session()
        self.assertEqual(self.editor.login("editor1", PASSWORD).status, 200)

    def upload(self, data, filename, content_type="application/octet-stream"):
        body, form_type = media.multipart([("alt", None, None, b"a test picture"),
                                           ("file", filename, content_type, data)])
        headers = {"Content-Type": form_type, "X-CSRF-Token": self.editor.token,
                   "Cookie": "; ".join("%s=%s" % kv for kv in self.editor.cookies.items())}
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=120)
        try:
            try:
                conn.request("POST", "/api/v1/admin/media", body=body, headers=headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer (413) and close before the body is all sent
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def renditions(self, reply):
        """Every served URL of an upload: the stored renditions (a rendition heavier than the
        upload is left out, ADR 0010 step 5), checked against what the reply advertises."""
        rows = self.sql("SELECT width, format FROM media_variants WHERE media_id = ?", reply["id"])
        base = reply["url"].rsplit("-", 1)[0]
        webps = sorted(w for w, f in rows if f == "webp")
        jpegs = sorted(w for w, f in rows if f == "jpeg")
        self.assertTrue(webps and jpegs, rows)
        self.assertEqual(reply["srcset"], ", ".join("%s-%d.webp %dw" % (base, w, w) for w in webps))
        self.assertEqual(reply["url"], "%s-%d.jpg" % (base, jpegs[-1]))
        self.assertEqual(reply["width"], jpegs[-1])
        return ["%s-%d.webp" % (base, w) for w in webps] + ["%s-%d.jpg" % (base, w) for w in jpegs]

    def check_picture(self, name, original, upright, animated_frames=0):
        """Uploads `original` and checks every rendition against `upright` (a Pillow image of
        what a reader must see); returns the reply."""
        status, body = self.upload(original, name)
        self.assertEqual(status, 201, body)
        reply = json.loads(body)
        w0, h0 = upright.size
        want = fingerprint(upright)
        urls = self.renditions(reply)
        self.assertIn(reply["url"], urls)
        widths = {int(re.search(r"-(\d+)\.(webp|jpg)$", u).group(1)) for u in urls}
        # Only the standard widths up to the picture's own (its own when narrower than 320).
        self.assertTrue(widths <= set(x for x in WIDTHS if x <= w0) or widths == {w0}, widths)
        for url in urls:
            with self.subTest(picture=name, url=url):
                status, headers, data = self.server.get(url)
                self.assertEqual(status, 200)
                webp = url.endswith(".webp")
                self.assertEqual(headers["content-type"], "image/webp" if webp else "image/jpeg")
                self.assertNotEqual(data, original)
                # No metadata: no EXIF, XMP or ICC container, and no byte of the camera's text.
                if webp:
                    chunks = webp_chunks(data)
                    self.assertFalse({b"EXIF", b"XMP ", b"ICCP"} & set(chunks), chunks)
                else:
                    segments = jpeg_segments(data)
                    self.assertFalse([m for m in segments if 0xE1 <= m <= 0xEF or m == 0xFE],
                                     [hex(m) for m in segments])
                for needle in (b"Exif\0\0", MARKER.encode(), b"wartaCam"):
                    self.assertNotIn(needle, data)
                img = Image.open(io.BytesIO(data))
                self.assertEqual(img.format, "WEBP" if webp else "JPEG")
                self.assertFalse(img.getexif(), "EXIF in a served file")
                width = int(re.search(r"-(\d+)\.", url).group(1))
                self.assertEqual(img.size[0], width)
                # Never larger than the source, and the upright aspect kept.
                self.assertLessEqual(img.size[0], w0)
                self.assertLessEqual(img.size[1], h0)
                self.assertAlmostEqual(img.size[1] / img.size[0], h0 / w0, delta=0.01)
                if animated_frames and webp:
                    self.assertEqual(getattr(img, "n_frames", 1), animated_frames)
                    for i in range(animated_frames):
                        img.seek(i)
                        upright.seek(i)
                        self.assertLess(difference(fingerprint_frame(img), fingerprint_frame(upright)),
                                        SAME_PICTURE, "frame %d" % i)
                    img.seek(0)
                    upright.seek(0)
                self.assertLess(difference(fingerprint(img), want), SAME_PICTURE)
        # The original is never reachable by URL, under any name it could have.
        sha = hashlib.sha256(original).hexdigest()
        for ext in ("jpg", "png", "webp", "gif", "orig"):
            for path in ("/media/%s/%s.%s" % (sha[:2], sha, ext),
                         "/media/originals/%s/%s.%s" % (sha[:2], sha, ext)):
                self.assertEqual(self.server.get(path)[0], 404, path)
        return reply

    def test_jpeg_with_gps_and_orientation_comes_out_upright_and_clean(self):
        stored = drawing(1400, 1000)  # as the camera's sensor saw it, lying on its side
        original = encode(stored, "JPEG", quality=92, exif=exif_with_gps(orientation=6))
        # The test's own premise: the upload does carry GPS and the orientation tag.
        tags = Image.open(io.BytesIO(original)).getexif()
        self.assertEqual(tags.get(0x0112), 6)
        self.assertIn(2, tags.get_ifd(0x8825))
        upright = ImageOps.exif_transpose(Image.open(io.BytesIO(original)))
        self.assertEqual(upright.size, (1000, 1400))
        # Turned the wrong way, the check must see another picture (so it can fail).
        self.assertGreater(difference(fingerprint(stored.resize((1000, 1400))),
                                      fingerprint(upright)), SAME_PICTURE)
        reply = self.check_picture("phone.jpg", original, upright)
        self.assertEqual((reply["width"], reply["height"]), (960, 1344))

    def test_png_webp_and_animated_gif(self):
        png_img = drawing(700, 500, seed=1).convert("RGBA")
        ImageDraw.Draw(png_img).ellipse((500, 40, 680, 200), fill=(0, 120, 255, 90))
        self.check_picture("chart.png", encode(png_img, "PNG"), png_img)

        webp_img = drawing(1300, 731, seed=2)
        original = encode(webp_img, "WEBP", quality=90, exif=exif_with_gps())
        self.assertIn(b"EXIF", original)
        self.check_picture("photo.webp", original, webp_img)

        frames = [drawing(400, 300, seed=s).quantize(64) for s in range(4)]
        gif = io.BytesIO()
        frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0)
        self.check_picture("moving.gif", gif.getvalue(), Image.open(io.BytesIO(gif.getvalue())),
                           animated_frames=4)

    def test_bad_files_are_refused_clearly(self):
        good = encode(drawing(800, 600), "JPEG", quality=90)
        bomb = media.png(20000, 20000, grey=True)
        self.assertLess(len(bomb), 2 * 2**20)  # a small file
        refusals = [
            ("page.jpg", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
             422, "this looks like an HTML document"),
            ("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
             b'<script>alert(1)</script></svg>', 422, "this looks like an SVG image"),
            ("cut.jpg", good[:len(good) * 2 // 3], 422, "truncated or corrupt"),
            ("bomb.png", bomb, 413, "20000 x 20000 pixels"),
            ("huge.jpg", good + b"\0" * (30 * 2**20 - len(good)), 413,
             "larger than the limit of 20 MB"),
        ]
        for name, data, want_status, want_message in refusals:
            with self.subTest(file=name):
                status, body = self.upload(data, name, "image/jpeg")
                self.assertEqual(status, want_status, body[:300])
                self.assertIn(want_message, json.loads(body)["error"])
        self.assertEqual(self.sql("SELECT count(*) FROM media"), [(0,)])
        # The server is still there and still takes a good picture.
        self.assertEqual(self.upload(good, "good.jpg")[0], 201)

    def test_peak_memory_of_the_server_is_reported(self):
        pid = self.server.proc.pid
        big = encode(drawing(4000, 3000, seed=3), "JPEG", quality=92, exif=exif_with_gps(6))
        with open("/proc/%d/status" % pid) as f:
            start = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))
        self.assertEqual(self.upload(big, "big.jpg")[0], 201)
        self.assertEqual(self.upload(media.png(20000, 20000, grey=True), "bomb.png")[0], 413)
        with open("/proc/%d/status" % pid) as f:
            peak = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))
        print("\nserver peak RSS (VmHWM): %d MB after start, %d MB after a 12-megapixel JPEG "
              "(%.1f MB) and a refused 20000 x 20000 PNG bomb" % (start // 1024, peak // 1024,
                                                                  len(big) / 2**20))
        assert_memory_below(self, peak // 1024, 400)


def fingerprint_frame(img):
    return list(img.convert("RGBA").convert("L").resize((16, 16), Image.BOX).getdata())


if __name__ == "__main__":
    unittest.main()
