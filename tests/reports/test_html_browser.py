"""The HTML report in a real headless Chromium: what a person sees, not just the markup.

Skipped, with the reason, on a machine without Chromium; in CI (``CI=true``,
where ``.ci/run`` installs it) a missing Chromium fails (see :mod:`.chromium`).
"""
from __future__ import annotations

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from chartercheck.formatters.html import render

from .chromium import require_chromium, run_chromium


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return run_chromium(tmp_path, *args)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from .conftest import lint
    require_chromium()
    report, posts, charter = lint()
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(report, posts=posts, charter=charter), encoding="utf-8")
    return path, report


def _dom(tmp_path, url: str) -> str:
    out = _chromium(tmp_path, "--virtual-time-budget=2000", "--dump-dom", url)
    assert out.returncode == 0, out.stderr.decode(errors="replace")[-2000:]
    return out.stdout.decode("utf-8")


def test_dom_after_scripts_shows_the_week(page, tmp_path):
    path, report = page
    dom = _dom(tmp_path, path.as_uri())
    for day in ("Mon 23 Nov", "Wed 25 Nov", "Sun 29 Nov"):
        assert day in dom
    for channel in ("instagram", "facebook"):
        assert re.search(f'class="channel"[^>]*>{channel}</th>', dom)
    for finding in report.findings:
        assert finding.code in dom
    # Scripts ran: the body records the filter state, nothing hidden by default.
    assert 'data-shown="error warning info"' in dom
    assert "hidden" not in re.findall(r'<li class="finding[^>]*>', dom)[0]


def test_severity_filter_from_the_query(page, tmp_path):
    path, report = page
    dom = _dom(tmp_path, path.as_uri() + "?severity=error")
    assert 'data-shown="error"' in dom
    items = re.findall(r'<li class="finding sev-(\w+)"[^>]*?( hidden="")?>', dom)
    assert items
    assert all(bool(hidden) == (sev != "error") for sev, hidden in items)
    errors = sum(f.severity.label == "error" for f in report.findings)
    assert f'<span id="shown-count">{errors}</span>' in dom


def _png_pixels(data: bytes):
    """Width, height and raw RGB(A) rows of an 8-bit PNG (enough for a screenshot)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):  # undo the PNG row filters
            left = row[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + left) & 255
            elif kind == 2:
                row[x] = (row[x] + up) & 255
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


def test_screenshot_is_a_real_page(page, tmp_path):
    path, _ = page
    shot = tmp_path / "shot.png"
    out = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1366,900", path.as_uri())
    assert shot.exists(), out.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert len(data) > 20_000
    width, height, channels, rows = _png_pixels(data)
    assert (width, height) == (1366, 900)
    colours = set()
    for row in rows[::15]:
        for x in range(0, width * channels, channels * 7):
            colours.add(row[x:x + 3])
    assert len(colours) > 20  # text, badges, heat colours: not a blank page
    # The error badge red is on screen (above the fold, in the filters and the grid).
    reds = sum(1 for row in rows[::2] for x in range(0, width * channels, channels * 2)
               if row[x] > 150 and row[x + 1] < 80 and row[x + 2] < 80)
    assert reds > 20
