"""Pictures over HTTP (docs/api.md, docs/decisions/0010-pictures.md): an editor uploads through
POST /api/v1/admin/media, the renditions come back from /media/ with immutable cache headers,
everyone else is refused, bad files are refused with a clear message and leave nothing on disk,
and the server's peak memory stays bounded (printed for the decision record)."""

import http.client
import json
import os
import re
import struct
import unittest
import zlib

from readers_client import Client
from warta_harness import WartaTestCase, assert_memory_below, run_warta

PASSWORD = "kata sandi panjang"
UPLOAD = "/api/v1/admin/media"
RENDITION = re.compile(r"^/media/([0-9a-f]{2})/\1[0-9a-f]{62}-\d+\.(webp|jpg)$")


def png(width, height, grey=False, rows=None):
    """A PNG made here with zlib: a gradient with checks (RGB), or one grey level."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    if grey:
        raw = (b"\0" + b"\x80" * width) * height
        header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    else:
        # 64 distinct rows, cycled: cheap to build at 7000 x 7000 and still a real picture.
        distinct = []
        for r in range(64):
            row = bytearray(b"\0")
            for x in range(width):
                row += bytes((x * 255 // width, r * 4, 220 if (x // 40 + r // 8) % 2 else 40))
            distinct.append(bytes(row))
        raw = b"".join(distinct[(y * 64 // height) % 64] for y in range(height))
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(raw, 6)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def multipart(fields, boundary="----wartaTestBoundary7MA4YWxk"):
    """fields: [(name, filename or None, content type or None, bytes)]."""
    body = b""
    for name, filename, content_type, data in fields:
        body += b"--" + boundary.encode() + b"\r\n"
        disposition = 'form-data; name="%s"' % name
        if filename is not None:
            disposition += '; filename="%s"' % filename
        body += b"Content-Disposition: " + disposition.encode() + b"\r\n"
        if content_type:
            body += b"Content-Type: " + content_type.encode() + b"\r\n"
        body += b"\r\n" + data + b"\r\n"
    body += b"--" + boundary.encode() + b"--\r\n"
    return body, "multipart/form-data; boundary=" + boundary


def image_size(data):
    """(width, height) read from a JPEG's SOF or a WebP's header."""
    if data[:2] == b"\xff\xd8":
        at = 2
        while at < len(data):
            marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                h, w = struct.unpack(">HH", data[at + 5:at + 9])
                return w, h
            at += 2 + length
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = data[12:16]
        if kind == b"VP8X":
            w = 1 + int.from_bytes(data[24:27], "little")
            h = 1 + int.from_bytes(data[27:30], "little")
            return w, h
        if kind == b"VP8 ":
            w, h = struct.unpack("<HH", data[26:30])
            return w & 0x3FFF, h & 0x3FFF
        if kind == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


class MediaTest(WartaTestCase):
    def setUp(self):
        super().setUp()
        for name, role in (("editor1", "editor"), ("reader1", "reader")):
            r = run_warta("user", "add", name, "--role", role, "--db", self.db,
                          stdin=PASSWORD + "\n")
            self.assertEqual(r.returncode, 0, r.stderr)
        self.server = self.serve()
        self.media_dir = os.path.join(self.tmp.name, "media")

    def client(self, name=None):
        c = Client(self.server)
        c.session()
        if name:
            self.assertEqual(c.login(name, PASSWORD).status, 200)
        return c

    def upload(self, client, data, filename="photo.jpg", alt=b"", token=True, fields=None):
        body, content_type = multipart(
            fields or [("alt", None, None, alt), ("file", filename, "image/jpeg", data)])
        headers = {"Content-Type": content_type}
        if token and client.token:
            headers["X-CSRF-Token"] = client.token if token is True else token
        if client.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in client.cookies.items())
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=120)
        try:
            conn.request("POST", UPLOAD, body=body, headers=headers)
            resp = conn.getresponse()
            return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), resp.read()
        finally:
            conn.close()

    def files_on_disk(self):
        found = []
        for root, _, names in os.walk(self.media_dir):
            found += [os.path.relpath(os.path.join(root, n), self.media_dir) for n in names]
        return sorted(found)

    def test_an_editor_uploads_and_the_renditions_are_served(self):
        editor = self.client("editor1")
        status, headers, body = self.upload(editor, png(1000, 700), alt="Gunung Fuji".encode())
        self.assertEqual(status, 201, body)
        reply = json.loads(body)
        self.assertEqual(list(reply), ["id", "url", "width", "height", "srcset"])
        self.assertRegex(reply["url"], RENDITION)
        self.assertTrue(reply["url"].endswith("-960.jpg"))
        self.assertEqual((reply["width"], reply["height"]), (960, 672))
        webps = [c.split(" ") for c in reply["srcset"].split(", ")]
        self.assertEqual([w for _, w in webps], ["320w", "640w", "960w"])

        urls = [reply["url"]] + [u for u, _ in webps] + [
            u.replace(".webp", ".jpg") for u, _ in webps]
        for url in urls:
            with self.subTest(url=url):
                self.assertRegex(url, RENDITION)
                status, headers, data = self.server.get(url)
                self.assertEqual(status, 200)
                webp = url.endswith(".webp")
                self.assertEqual(headers["content-type"], "image/webp" if webp else "image/jpeg")
                self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
                self.assertEqual(headers["x-content-type-options"], "nosniff")
                self.assertEqual(headers["etag"], '"%s"' % url.rsplit("/", 1)[1])
                self.assertNotIn("content-encoding", headers)
                self.assertEqual(int(headers["content-length"]), len(data))
                width = int(re.search(r"-(\d+)\.", url).group(1))
                self.assertEqual(image_size(data)[0], width)
                self.assertNotIn(b"Exif\0\0", data)
                # Revalidation costs nothing: 304 on the ETag.
                status, _, _ = self.server.get(url, headers={"If-None-Match": headers["etag"]})
                self.assertEqual(status, 304)

        # The same bytes again: the same picture.
        status, _, again = self.upload(editor, png(1000, 700))
        self.assertEqual(status, 201, again)
        self.assertEqual(json.loads(again), reply)

        # The original is on disk but never served, nor anything else under media.dir.
        sha = reply["url"].split("/")[3][:64]
        self.assertIn(os.path.join("originals", sha[:2], sha + ".png"), self.files_on_disk())
        for path in ("/media/%s/%s.png" % (sha[:2], sha),
                     "/media/%s/%s-960.png" % (sha[:2], sha),
                     "/media/%s/%s-0960.jpg" % (sha[:2], sha),
                     "/media/ff/%s-960.jpg" % sha,
                     "/media/%s/%s-960.jpg/" % (sha[:2], sha),
                     "/media/..%%2foriginals/%s/%s.png" % (sha[:2], sha),
                     "/media/originals/%s.png" % sha,
                     "/media/%s/%s-4000.jpg" % (sha[:2], sha)):
            with self.subTest(path=path):
                status, headers, _ = self.server.get(path)
                self.assertEqual(status, 404)

    def test_only_editors_with_their_csrf_token_may_upload(self):
        picture = png(300, 200)
        # The Admin API's guard answers (web/request/staff.h): 401 anonymous, 403 a reader.
        status, _, body = self.upload(self.client(), picture)
        self.assertEqual(status, 401, body)
        self.assertIn("login required", json.loads(body)["error"])
        status, _, body = self.upload(self.client("reader1"), picture)
        self.assertEqual(status, 403, body)
        self.assertIn("editor role", json.loads(body)["error"])
        editor = self.client("editor1")
        status, _, body = self.upload(editor, picture, token=False)
        self.assertEqual(status, 403, body)
        self.assertIn("CSRF", json.loads(body)["error"])
        status, _, body = self.upload(editor, picture, token="0" * 32)
        self.assertEqual(status, 403, body)
        self.assertEqual(self.files_on_disk(), [])
        # A form may carry the token as a field instead of the header.
        status, _, body = self.upload(editor, picture, token=False, fields=[
            ("csrf_token", None, None, editor.token.encode()),
            ("file", "p.png", "image/png", picture)])
        self.assertEqual(status, 201, body)

    def test_bad_files_are_refused_clearly_and_leave_nothing(self):
        editor = self.client("editor1")
        good = png(600, 400)
        refusals = [
            ("an HTML file named .jpg", b"<!DOCTYPE html><html><body><script>alert(1)</script>",
             422, "this looks like an HTML document"),
            ("an SVG with a script",
             b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
             422, "this looks like an SVG image"),
            ("a truncated picture", good[:len(good) // 2], 422, "truncated or corrupt"),
            ("a PNG bomb", png(20000, 20000, grey=True), 413,
             "20000 x 20000 pixels (400.0 megapixels); the limit is 50.0 megapixels"),
        ]
        for what, data, want_status, want_message in refusals:
            with self.subTest(what=what):
                status, _, body = self.upload(editor, data)
                self.assertEqual(status, want_status, body)
                self.assertIn(want_message, json.loads(body)["error"])
                self.assertEqual(self.files_on_disk(), [])
        # No file at all, or not a form.
        status, _, body = self.upload(editor, b"", fields=[("alt", None, None, b"x")])
        self.assertEqual(status, 400, body)

    def test_an_oversize_upload_is_refused_before_it_is_sent(self):
        editor = self.client("editor1")
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.putrequest("POST", UPLOAD)
        conn.putheader("Content-Type", "multipart/form-data; boundary=x")
        conn.putheader("Content-Length", str(30 * 1024 * 1024))
        conn.putheader("X-CSRF-Token", editor.token)
        conn.putheader("Cookie", "; ".join("%s=%s" % kv for kv in editor.cookies.items()))
        conn.putheader("Expect", "100-continue")
        conn.endheaders()  # and not one byte of the 30 MB
        resp = conn.getresponse()
        self.assertEqual(resp.status, 413)
        self.assertEqual(json.loads(resp.read()),
                         {"error": "media: the file is larger than the limit of 20 MB"})
        conn.close()
        self.assertEqual(self.files_on_disk(), [])

    def test_peak_memory_of_the_server(self):
        editor = self.client("editor1")
        status_path = "/proc/%d/status" % self.server.proc.pid

        def measure(upload):
            """(RSS before, peak during) in MB: the peak (VmHWM) is reset first, so start-up
            (search index, catalogs) does not count."""
            with open("/proc/%d/clear_refs" % self.server.proc.pid, "w") as f:
                f.write("5")
            with open(status_path) as f:
                before = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) // 1024
            upload()
            with open(status_path) as f:
                peak = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) // 1024
            return before, peak

        bomb = png(20000, 20000, grey=True)
        large = png(7000, 7000)
        warm = measure(lambda: self.assertEqual(self.upload(editor, png(640, 480))[0], 201))
        b = measure(lambda: self.assertEqual(self.upload(editor, bomb)[0], 413))
        l = measure(lambda: self.assertEqual(self.upload(editor, large)[0], 201))
        print("\nserver peak RSS: first picture, 640 x 480 PNG (libvips loaded): %d MB from %d MB; "
              "PNG bomb (20000 x 20000, %.1f MB file, refused): %d MB from %d MB; "
              "7000 x 7000 PNG (49 megapixels, %.1f MB file, stored): %d MB from %d MB"
              % (warm[1], warm[0], len(bomb) / 2**20, b[1], b[0], len(large) / 2**20, l[1],
                 l[0]))
        self.assertLess(b[1] - b[0], 40, "the bomb cost memory")
        assert_memory_below(self, l[1] - l[0], 200, "a 49-megapixel picture")


if __name__ == "__main__":
    unittest.main()
