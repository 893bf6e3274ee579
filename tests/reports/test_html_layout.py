"""The HTML report's layout in headless Chromium, on a phone (390 px) and a desktop (1280 px).

A script added to a copy of the page measures every element once the page
has loaded and writes what it found into the DOM, which ``--dump-dom``
returns: nothing may stick out of the viewport (no sideways scrolling), and
no element holding text may be narrower than a readable column (at 14 px,
100 px is about twelve characters; before the phone layout, day columns were
35 px wide and findings wrapped one letter per line).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import pytest

from chartercheck.engine import LintOptions, run
from chartercheck.formatters.html import render
from chartercheck.readers import CalendarSource
from chartercheck.testing import charter_from_text

from .chromium import require_chromium, run_chromium
from .conftest import lint

#: Narrowest element holding text (of at least ``TEXT_MIN_CHARS`` characters of its own).
READABLE_MIN_PX = 100
TEXT_MIN_CHARS = 10
#: A phone and a desktop for every page; the narrowest and widest usual phones for the hardest page.
CASES = [("week", 390), ("week", 1280), ("stress", 360), ("stress", 390), ("stress", 414), ("stress", 1280)]

PROBE = """<script>
window.addEventListener("load", function () {
  function name(el) { return el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
    ? "." + String(el.className).trim().split(/\\s+/).join(".") : ""); }
  function visibleSpan(el, r) {  // the part of the element its clipping ancestors let show
    var left = r.left, right = r.right;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") {
        var c = p.getBoundingClientRect(); left = Math.max(left, c.left); right = Math.min(right, c.right);
      }
    }
    return [left, right];
  }
  var width = document.documentElement.clientWidth, wide = [], narrow = [];
  document.querySelectorAll("body *").forEach(function (el) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") { return; }
    var r = el.getBoundingClientRect();
    if (!r.width || !r.height) { return; }
    var span = visibleSpan(el, r);
    if (span[1] > width + 0.5 || span[0] < -0.5) {
      wide.push(name(el) + " " + Math.round(span[0]) + ".." + Math.round(span[1]));
    }
    var own = "";
    el.childNodes.forEach(function (n) { if (n.nodeType === 3) { own += n.textContent; } });
    own = own.trim();
    var column = el;  // text flows in its nearest block: an inline element is as wide as its words
    while (column.parentElement && /^inline/.test(getComputedStyle(column).display)) { column = column.parentElement; }
    var columnWidth = column.getBoundingClientRect().width;
    if (own.length >= %(chars)d && columnWidth < %(min)d) {
      narrow.push(name(el) + " " + Math.round(columnWidth) + "px: " + own.slice(0, 40));
    }
  });
  parent.postMessage(JSON.stringify({width: width, scrollWidth: document.documentElement.scrollWidth,
                                    wide: wide, narrow: narrow}), "*");
});
</script></body>""" % {"chars": TEXT_MIN_CHARS, "min": READABLE_MIN_PX}

#: Outlook-length ids, a link with no break opportunity, three weeks on three channels.
LONG_ID = "040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5DC01000000000000000010000000" * 2
STRESS_CHARTER = """
brand: {name: Atelier Test}
channels:
  instagram: {platform: instagram, max_per_day: 1}
  facebook: {platform: facebook}
  linkedin: {platform: linkedin}
cadence:
  windows: {mon-sun: ["08:00-20:00"]}
positioning:
  pillars:
    - {id: conseils-entretien-et-securite-routiere, keywords: [conseil], share: {min: 0.4}}
"""


def _stress_page() -> str:
    start = datetime(2026, 11, 9, 7, 30)
    posts = []
    for day in range(21):
        for n, channel in enumerate(("instagram", "facebook", "linkedin")):
            if (day + n) % 2:
                continue
            at = start + timedelta(days=day, hours=n * 7)
            text = ("Offre flash -30 % sur la collection, lien : https://example.org/boutique/"
                    + "collection-hiver-" * 6 + f"?utm_source={channel}")
            posts.append({"id": f"{LONG_ID}-{day}-{n}", "channel": channel, "at": at.strftime("%Y-%m-%d %H:%M"),
                          "text": text})
    calendar = "posts:\n" + "".join(
        f"  - {{id: '{p['id']}', channel: {p['channel']}, at: '{p['at']}', text: '{p['text']}'}}\n" for p in posts)
    charter = charter_from_text(STRESS_CHARTER)
    report = run([CalendarSource("plans/stress.yaml", calendar.encode(), "yaml")], charter,
                 LintOptions(now=datetime(2026, 11, 1, tzinfo=charter.tz)))
    return render(report, posts=report.read_posts, charter=charter)


@pytest.fixture(scope="module")
def pages():
    require_chromium()
    report, posts, charter = lint()
    return {"week": render(report, posts=posts, charter=charter), "stress": _stress_page()}


#: Headless Chromium will not make a window narrower than 500 px: the page is
#: shown in a frame of the phone's width instead, and its probe posts what it
#: measured to this host page, which ``--dump-dom`` returns.
HOST = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="%(page)s" style="border:0;width:%(width)dpx;height:900px"></iframe>
<script>window.addEventListener("message", function (event) {
  var out = document.createElement("pre"); out.id = "layout-probe"; out.textContent = event.data;
  document.body.appendChild(out);
});</script></body></html>"""


def _measure(page: str, width: int, workdir) -> dict:
    path = workdir / f"page-{width}.html"
    path.write_text(page.replace("</body>", PROBE, 1), encoding="utf-8")
    host = workdir / f"host-{width}.html"
    host.write_text(HOST % {"page": path.name, "width": width}, encoding="utf-8")
    out = run_chromium(workdir, f"--window-size={max(width, 1280)},1000", "--virtual-time-budget=5000",
                       "--dump-dom", host.as_uri())
    dom = out.stdout.decode("utf-8")
    found = re.search(r'<pre id="layout-probe">(.*?)</pre>', dom, re.S)
    assert found, out.stderr.decode(errors="replace")[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                      .replace("&gt;", ">"))


@pytest.mark.parametrize("name,width", CASES)
def test_nothing_wider_than_the_screen_and_no_text_column_too_narrow(pages, name, width, tmp_path):
    layout = _measure(pages[name], width, tmp_path)
    assert layout["width"] == width
    assert layout["scrollWidth"] <= width, layout["wide"][:10]
    assert layout["wide"] == [], layout["wide"][:10]
    assert layout["narrow"] == [], layout["narrow"][:10]


def test_the_probe_catches_a_squeezed_column(tmp_path):
    # The same check on a page known to be bad: a 35 px column of text and a too-wide block.
    bad = ('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"></head><body>'
           '<div style="width:35px">one letter per line, as before</div><div style="width:600px">wide</div>'
           "</body></html>")
    layout = _measure(bad, 390, tmp_path)
    assert layout["narrow"] and layout["wide"]
