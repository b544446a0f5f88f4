"""What each page of the demo costs a phone on a slow mountain link. Run by Benchmarks/run-pages.

For each account: sign in, walk the site from the home page (same-site links, GET only, up to
PAGES pages, two of each page shape), then open every page found twice under a throttled link
(400 kbit/s, 400 ms round trip): once with an empty cache (first visit) and once more (a later
visit, stylesheet and script cached). Prints one line per account and a summary:
    pages=… first_kb_max=… later_kb_max=… fcp_ms_max=… over_first=… over_later=… over_fcp=…
The floor, measured in the same run, is the sign-in page (no data, the same frame)."""
import json, os, re, statistics, sys, urllib.parse
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from browser import Browser

GOAL_FIRST_KB, GOAL_LATER_KB, GOAL_FCP_MS = 40, 15, 2000


def shape(path):
    parts = urllib.parse.urlsplit(path)
    segments = ["N" if s.isdigit() else ("C" if re.fullmatch(r"[A-Z0-9-]+", s) and "-" in s else s) for s in parts.path.split("/")]
    keys = sorted(k for k, _ in urllib.parse.parse_qsl(parts.query))
    return "/".join(segments) + "?" + "&".join(keys)


def discover(browser, base, limit):
    """Pages reachable by following links, two of each shape, downloads left out."""
    queue, seen, shapes, pages = ["/"], {"/"}, {}, []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        browser.open(base + path)
        if browser.evaluate("document.contentType") != "text/html":
            continue
        pages.append(path)
        links = browser.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))") or []
        for link in links:
            if not link.startswith("/") or link.startswith("//") or link.startswith("/assets/"):
                continue
            link = link.split("#")[0]
            if link in seen or re.search(r"\.(docx|xlsx|csv|pdf)(\?|$)|/evidence/|/download", link):
                continue
            seen.add(link)
            key = shape(link)
            if shapes.get(key, 0) >= 2:
                continue
            shapes[key] = shapes.get(key, 0) + 1
            queue.append(link)
    return pages


def measure(browser, url, cold):
    if cold:
        browser.clear_cache()
    browser.open(url)
    return browser.transferred() / 1024, browser.first_contentful_paint_ms() or 0


def main():
    base, password, accounts = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
    limit = int(os.environ.get("PAGES", "40"))
    browser = Browser()
    rows = []
    try:
        browser.viewport(390)
        floor_first, floor_fcp = measure_throttled(browser, base + "/login", cold=True)
        for account in accounts:
            browser.sign_out()
            browser.throttle(kbit=100_000, latency_ms=0)
            browser.sign_in(base, account, password)
            pages = discover(browser, base, limit)
            browser.throttle()
            for path in pages:
                first, fcp = measure(browser, base + path, cold=True)
                later, _ = measure(browser, base + path, cold=False)
                rows.append((account, path, first, later, fcp))
            mine = [r for r in rows if r[0] == account]
            print(f"{account}: {len(mine)} pages, first visit max {max(r[2] for r in mine):.1f} KB, "
                  f"later max {max(r[3] for r in mine):.1f} KB, FCP max {max(r[4] for r in mine):.0f} ms", file=sys.stderr)
    finally:
        browser.close()
    for account, path, first, later, fcp in sorted(rows, key=lambda r: -r[2])[:10]:
        print(f"  heaviest: {account} {path} first {first:.1f} KB later {later:.1f} KB FCP {fcp:.0f} ms", file=sys.stderr)
    over = lambda index, goal: sum(1 for r in rows if r[index] > goal)
    print(f"pages={len(rows)} first_kb_median={statistics.median(r[2] for r in rows):.1f} first_kb_max={max(r[2] for r in rows):.1f} "
          f"later_kb_max={max(r[3] for r in rows):.1f} fcp_ms_median={statistics.median(r[4] for r in rows):.0f} "
          f"fcp_ms_max={max(r[4] for r in rows):.0f} floor_login_kb={floor_first:.1f} floor_login_fcp_ms={floor_fcp:.0f} "
          f"over_first={over(2, GOAL_FIRST_KB)} over_later={over(3, GOAL_LATER_KB)} over_fcp={over(4, GOAL_FCP_MS)}")


def measure_throttled(browser, url, cold):
    browser.throttle()
    return measure(browser, url, cold)


if __name__ == "__main__":
    main()
