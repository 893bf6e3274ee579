"""A repository of three brands, as an agency keeps it, built in a temporary folder.

    pyproject.toml                  [tool.chartercheck] exclude = ["archive"]
    brands/velo/chartercheck.yaml   Vélo Lumière (French)
    brands/velo/week48.yaml         its faulty week 48
    brands/velo/archive/week47.yaml excluded by the root's configuration
    brands/cafe/pyproject.toml      names charter.yaml; ignores the tone family, fails on warnings
    brands/cafe/charter.yaml        Northwind Coffee (English)
    brands/cafe/plans/week48.yaml   two Instagram posts the same day: over its cap of 1
    brands/fr/wine/chartercheck.yaml Domaine des Coteaux, two levels down; lint: select CC5, CC6
    brands/fr/wine/plans/week49.yaml its week 49
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-20T12:00"

CAFE_WEEK = """\
calendar:
  timezone: America/New_York
posts:
  - id: cafe-ig1
    channel: instagram
    at: 2026-11-23 09:00
    pillar: craft
    text: "Our new roast is out of the drum: a washed origin from a small farm. #northwindcoffee"
  - id: cafe-ig2
    channel: instagram
    at: 2026-11-23 18:00
    pillar: neighbourhood
    text: "Thanks neighbours for the community cupping tonight, see you next month! #northwindcoffee"
"""

CAFE_PYPROJECT = """\
[project]
name = "northwind-plans"

[tool.chartercheck]
charter = "charter.yaml"
ignore = ["CC2", "CC108"]
fail-on = "warning"
"""


def build(base: Path) -> Path:
    """Write the three-brand repository under ``base`` and return its root."""
    root = base / "agency"
    velo, cafe, wine = root / "brands" / "velo", root / "brands" / "cafe", root / "brands" / "fr" / "wine"
    for folder in (velo / "archive", cafe / "plans", wine / "plans"):
        folder.mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.chartercheck]\nexclude = ["archive"]\n', encoding="utf-8")
    shutil.copy(ROOT / "charters" / "velo-lumiere.yaml", velo / "chartercheck.yaml")
    shutil.copy(ROOT / "sample_calendars" / "week48-faulty.yaml", velo / "week48.yaml")
    shutil.copy(ROOT / "sample_calendars" / "week48-faulty.yaml", velo / "archive" / "week47.yaml")
    shutil.copy(ROOT / "charters" / "northwind-coffee.yaml", cafe / "charter.yaml")
    (cafe / "pyproject.toml").write_text(CAFE_PYPROJECT, encoding="utf-8")
    (cafe / "plans" / "week48.yaml").write_text(CAFE_WEEK, encoding="utf-8")
    wine_charter = (ROOT / "charters" / "domaine-des-coteaux.yaml").read_text(encoding="utf-8")
    (wine / "chartercheck.yaml").write_text(wine_charter + "\nlint:\n  select: [CC5, CC6]\n", encoding="utf-8")
    shutil.copy(ROOT / "sample_calendars" / "wine-estate-week.yaml", wine / "plans" / "week49.yaml")
    return root


@pytest.fixture
def agency(tmp_path, monkeypatch) -> Path:
    """The three-brand repository, as the current directory."""
    root = build(tmp_path)
    monkeypatch.chdir(root)
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR", "GITHUB_ACTIONS"):  # paths relative to the root
        monkeypatch.delenv(variable, raising=False)
    return root
