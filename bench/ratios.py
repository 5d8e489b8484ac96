"""The ratio: lines of `make bench` (bench/run.sh) from the measured figures.

Reads the results file ("NAME cpu_us rps p99_ms requests" per line, names ending in the site
size) and the extra file ("NAME value" lines: rss_SIZE, generate_SIZE) and prints every line
the benchmark promises, higher is better for warta: CPU per request of the reference over
warta's (nginx's, or the smaller site's). A ratio whose site size was not run prints "n/a"
with the reason, so no line silently disappears."""
import sys

results_path, extra_path, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
rows = {}
for line in open(results_path):
    name, cpu, rps, p99, requests = line.split()
    rows[name] = {"cpu": float(cpu), "rps": float(rps), "p99": float(p99)}
extra = dict(line.split() for line in open(extra_path) if line.strip())

# The comparisons with nginx are made on the 100,000-article site, or the largest one run.
main = 100000 if 100000 in sizes else max(sizes)
big, small = 1000000, 1000


def ratio(name, num, den, field="cpu", note=""):
    if num not in rows or den not in rows:
        missing = [n for n in (num, den) if n not in rows]
        print("ratio: %s n/a (not measured: %s)" % (name, ", ".join(missing)))
        return
    value = rows[num][field] / max(rows[den][field], 1e-9)
    # Three decimals, or two significant digits for the tiny ratios (0.00041, not 0.000).
    shown = "%.3f" % value if value >= 0.01 else "%.2g" % value
    print("ratio: %s %s%s" % (name, shown, note))


note = "" if main == 100000 else " (on the %d-article site)" % main
ratio("article_vs_nginx", "nginx", "article_%d" % main, note=note)
ratio("p99_nginx_vs_article", "nginx", "article_%d" % main, field="p99", note=note)
ratio("article_gzip_vs_nginx_gzip_static", "nginx_gzip", "article_gzip_%d" % main, note=note)


def nginx_same(page, gzip=False):
    """nginx serving the saved copy of the same page (bench/run.sh); the article page's copy
    when that page was not saved (an older results file)."""
    name = "nginx_%s%s" % (page, "_gzip" if gzip else "")
    return name if name in rows else ("nginx_gzip" if gzip else "nginx")


ratio("feed_gzip_vs_nginx_gzip_static", nginx_same("feed", True), "feed_gzip_%d" % main, note=note)
# The front page with pictures within 2x of the article page's CPU (issue 13): >= 0.5.
ratio("article_cpu_vs_home_cpu", "article_%d" % main, "home_%d" % main, note=note)
label = "100k" if main == 100000 else str(main)
# Each page against nginx serving the same page as a static file (the brief's measure), then
# against nginx serving the article page (the reference of earlier runs: a bigger page such as
# the 50-entry feed.xml costs nginx more too, so these lines mix page size into the ratio).
for page in ("home", "section", "tag", "feed", "search_common", "search_rare"):
    ratio("%s_vs_nginx_%s" % (page, label), nginx_same(page), "%s_%d" % (page, main))
    ratio("%s_gzip_vs_nginx_gzip_static_%s" % (page, label), nginx_same(page, True),
          "%s_gzip_%d" % (page, main))
for page in ("home", "section", "tag", "feed", "search_common", "search_rare"):
    ratio("%s_vs_nginx_article_%s" % (page, label), "nginx", "%s_%d" % (page, main))
    ratio("%s_gzip_vs_nginx_gzip_static_article_%s" % (page, label), "nginx_gzip",
          "%s_gzip_%d" % (page, main))
ratio("article_1m_vs_1k", "article_%d" % small, "article_%d" % big)
ratio("home_1m_vs_1k", "home_%d" % small, "home_%d" % big)
ratio("search_vs_article", "article_%d" % big, "search_common_%d" % big)
ratio("search_rare_vs_article", "article_%d" % big, "search_rare_%d" % big)
ratio("like_vs_article", "article_%d" % big, "like_%d" % big)
for name, key, unit in (("rss_1m_mb", "rss_%d" % big, "MB"),
                        ("generate_1m_s", "generate_%d" % big, "s")):
    if key in extra:
        print("bench: %s %s %s" % (name, extra[key], unit))
    else:
        print("bench: %s n/a (the %d-article site was not run)" % (name, big))
# Without the million-article site, what its generation would cost at the largest size's rate
# (linear: the batches are the same; the search index's merges grow a little faster).
done = sorted(int(k.split("_")[-1]) for k in extra if k.startswith("generate_cpu_"))
if done and big not in done:
    n = done[-1]
    print("bench: generate_1m_cpu_s_extrapolated %.0f s (CPU of the %d-article site x %d)"
          % (float(extra["generate_cpu_%d" % n]) * big / n, n, big // n))
