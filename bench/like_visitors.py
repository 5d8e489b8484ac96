"""Visitors and articles for the like benchmarks (bench/likes.lua): writes "cookie token" lines
of 256 visitors, each with the random cookie the site gave it and the CSRF token of that
cookie's visitor, and a spread of article ids, so every request of a run is a new like.

Usage: like_visitors.py BASE_URL MAX_ARTICLE_ID VISITORS_OUT ARTICLES_OUT AGENT_PREFIX"""
import http.cookiejar
import json
import sys
import urllib.request

base, max_id, visitors_path, articles_path, agent = sys.argv[1:6]
max_id = int(max_id)
with open(visitors_path, "w") as out:
    for i in range(256):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.addheaders = [("User-Agent", "%s/%d" % (agent, i))]
        opener.open(base + "/api/v1/session").read()  # sets the visitor's random cookie
        # The first answer's token belongs to the cookie-less visitor (address and user agent,
        # which wrk's requests do not repeat); this one to the cookie's.
        token = json.load(opener.open(base + "/api/v1/session"))["csrf_token"]
        vid = next(c.value for c in jar if c.name == "warta_vid")
        out.write("%s %s\n" % (vid, token))
with open(articles_path, "w") as out:
    for i in range(1, max_id + 1, max(max_id // 1000, 1)):
        out.write("%d\n" % i)
