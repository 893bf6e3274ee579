"""Golden files: every output format of one pinned week, byte for byte.

After an intended change, refresh them with
``CHARTERCHECK_UPDATE_GOLDEN=1 python -m pytest tests/reports/test_golden.py``
and review the diff.
"""
from __future__ import annotations

import os

import pytest

from chartercheck import __version__
from chartercheck.formatters import FORMATS, get_formatter

from .conftest import HERE, ROOT, lint

EXTENSIONS = {"text": "txt", "concise": "txt", "json": "json", "sarif": "sarif", "github": "txt",
              "gitlab": "json", "junit": "xml", "markdown": "md", "html": "html"}
UPDATE = os.environ.get("CHARTERCHECK_UPDATE_GOLDEN") == "1"


def _normalised(text: str) -> str:
    # The version moves with every release, the checkout with every machine; the goldens should not.
    return text.replace(__version__, "<version>").replace(ROOT.as_uri() + "/", "file:///<checkout>/")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_format_matches_golden(fmt, lang):
    report, posts, charter = lint(lang=lang)
    output = _normalised(get_formatter(fmt)(report, posts=posts, charter=charter, color=False))
    golden = HERE / "golden" / f"week.{lang}.{fmt}.{EXTENSIONS[fmt]}"
    if UPDATE or not golden.exists():
        golden.write_text(output, encoding="utf-8", newline="\n")
        if not UPDATE:
            pytest.fail(f"{golden.name} was missing and has been written: review it and commit it")
    assert output == golden.read_text(encoding="utf-8"), (
        f"{fmt} output differs from {golden.name}; if intended, refresh with "
        "CHARTERCHECK_UPDATE_GOLDEN=1 python -m pytest tests/reports/test_golden.py")


def test_every_format_is_covered():
    assert set(EXTENSIONS) == set(FORMATS)
