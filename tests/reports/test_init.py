"""``chartercheck charter init``: commented starter charters that load and pass their own lint."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from chartercheck import load_charter
from chartercheck.cli import main
from chartercheck.commands.init import LANGS, PRESETS, scaffold
from chartercheck.engine import LintOptions, run


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_template_loads_and_passes_charter_check(tmp_path, preset, lang):
    path = tmp_path / "chartercheck.yaml"
    result = CliRunner().invoke(main, ["charter", "init", "--preset", preset, "--lang", lang, "-o", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.count("#") > 15  # it is commented
    charter = load_charter(str(path))
    assert charter.channels and charter.get("strategy.objectives")
    report = run([], charter, LintOptions(select=["CC8"]))
    assert [f.code for f in report.findings if f.severity.label != "info"] == []


def test_french_template_speaks_french():
    text = scaffold("b2b", "fr")
    assert "lang: fr" in text and "register: vous" in text and "Europe/Paris" in text


def test_brand_with_awkward_characters(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(scaffold("b2c", "en", brand='Zoé\'s "Bikes": #1', timezone="America/Montreal"), encoding="utf-8")
    charter = load_charter(str(path))
    assert charter.get("brand.name") == 'Zoé\'s "Bikes": #1' and str(charter.tz) == "America/Montreal"


def test_refuses_to_overwrite(tmp_path):
    path = tmp_path / "chartercheck.yaml"
    path.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["charter", "init", "-o", str(path)])
    assert result.exit_code == 2 and "already exists" in result.output
    assert path.read_text(encoding="utf-8") == "mine"
    assert CliRunner().invoke(main, ["charter", "init", "-o", str(path), "--force"]).exit_code == 0


def test_stdout_and_bad_zone():
    result = CliRunner().invoke(main, ["charter", "init", "-o", "-", "--preset", "b2b"])
    assert result.exit_code == 0 and result.output.startswith("# yaml-language-server: $schema=https://")
    assert result.output.splitlines()[1].startswith("# chartercheck charter")
    bad = CliRunner().invoke(main, ["charter", "init", "-o", "-", "--timezone", "Europe/Nowhere"])
    assert bad.exit_code == 2 and "unknown time zone" in bad.output
