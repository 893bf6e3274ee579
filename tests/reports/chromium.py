"""Headless Chromium for the HTML report tests: where it is, and how to run it.

Without Chromium the browser tests are skipped, except in CI (``CI=true``),
where a missing browser must fail rather than let the layout go unchecked.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def require_chromium() -> str:
    """The Chromium executable; skips the test without one, fails in CI."""
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI: the HTML report cannot be checked (apt-get install chromium)")
        pytest.skip("chromium not installed: apt-get install chromium")
    return CHROMIUM


def run_chromium(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run Chromium with a fresh profile under ``workdir``."""
    executable = require_chromium()
    profile = workdir / f"profile-{len(list(workdir.glob('profile-*')))}"
    return subprocess.run([executable, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, timeout=90, check=False)
