"""Each calendar against its nearest charter; calendars of one charter linted together, of two never."""
from __future__ import annotations

import json

from click.testing import CliRunner

from chartercheck.brands import group_by_charter
from chartercheck.cli import main
from chartercheck.discovery import discover, nearest_config

from .test_walk import tree

CAP_ONE = "version: 1\nbrand: {{name: {name}, timezone: Europe/Paris}}\nchannels:\n  instagram: {{max_per_day: 1}}\n"


def post(post_id: str, hour: int) -> str:
    return f"posts:\n  - {{id: {post_id}, channel: instagram, at: 2026-11-23 {hour:02}:00, text: Bonjour}}\n"


def test_discovery_starts_from_each_calendar_s_folder(tmp_path, monkeypatch):
    tree(tmp_path, {"a/chartercheck.yaml": CAP_ONE.format(name="A"), "a/deep/er/plan.yaml": post("a1", 9),
                    "b/pyproject.toml": '[tool.chartercheck]\ncharter = "brand.yaml"\n',
                    "b/brand.yaml": CAP_ONE.format(name="B"), "b/plan.yaml": post("b1", 9),
                    "c/plan.yaml": post("c", 9)})
    monkeypatch.chdir(tmp_path)
    assert discover("a/deep/er") == ("a/chartercheck.yaml", None)
    assert discover("b") == ("b/brand.yaml", "b/pyproject.toml")
    assert nearest_config("b") == "b/pyproject.toml" and nearest_config("a") is None
    groups = group_by_charter(["c/plan.yaml", "b/plan.yaml", "a/deep/er/plan.yaml", "-"])
    assert [(g.charter, g.calendars) for g in groups] == [
        (None, ["c/plan.yaml", "-"]), ("b/brand.yaml", ["b/plan.yaml"]),
        ("a/chartercheck.yaml", ["a/deep/er/plan.yaml"])]
    (only,) = group_by_charter(["c/plan.yaml", "b/plan.yaml"], "a/chartercheck.yaml")
    assert only.calendars == ["c/plan.yaml", "b/plan.yaml"]


def test_calendars_of_different_charters_never_see_each_other_s_posts(tmp_path, monkeypatch):
    tree(tmp_path, {"a/chartercheck.yaml": CAP_ONE.format(name="A"), "a/plan.yaml": post("a1", 9),
                    "b/chartercheck.yaml": CAP_ONE.format(name="B"), "b/plan.yaml": post("b1", 10)})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["lint", "a", "b", "--format", "json", "--select", "CC101,CC907"])
    data = json.loads(result.output)
    assert data["findings"] == [] and [c["summary"]["posts"] for c in data["charters"]] == [1, 1]
    # the same two posts under one charter: one day, two posts, a cap of 1
    shared = CliRunner().invoke(main, ["lint", "a", "b", "--charter", "a/chartercheck.yaml", "--format", "json",
                                       "--select", "CC101"])
    assert [f["code"] for f in json.loads(shared.output)["findings"]] == ["CC101"]


def test_calendars_sharing_a_charter_are_linted_together(tmp_path, monkeypatch):
    tree(tmp_path, {"a/chartercheck.yaml": CAP_ONE.format(name="A"), "a/w1/plan.yaml": post("a1", 9),
                    "a/w2/plan.yaml": post("a2", 15)})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["lint", "a", "--format", "json", "--select", "CC101"])
    data = json.loads(result.output)
    assert "charters" not in data and data["charter"] == "a/chartercheck.yaml"
    assert [f["code"] for f in data["findings"]] == ["CC101"]
