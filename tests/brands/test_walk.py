"""Folders as calendar arguments: what is walked, in what order, and what is left out."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from chartercheck.calendar_paths import ExcludePattern, excluded, expand_calendars, is_walked_calendar
from chartercheck.cli import main
from chartercheck.errors import UsageError

CALENDAR = "posts:\n  - {id: a, channel: x, at: 2026-11-23 10:00, text: hello}\n"
CHARTER = "version: 1\nbrand: {name: Test}\n"


def tree(root, files: dict) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def plans(tmp_path, monkeypatch):
    tree(tmp_path, {
        "plans/b.yaml": CALENDAR, "plans/a.csv": "id,channel,at,text\n", "plans/c.ics": "BEGIN:VCALENDAR\n",
        "plans/z/deep/d.yml": CALENDAR, "plans/notes.txt": "not a calendar", "plans/pyproject.toml": "",
        "plans/chartercheck.yaml": CHARTER, "plans/brand-charter.yaml": CHARTER,
        "plans/.hidden/e.yaml": CALENDAR, "plans/.f.yaml": CALENDAR, "plans/archive/old.yaml": CALENDAR,
    })
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(paths):
    return [p.replace(os.sep, "/") for p in paths]


def test_walks_recursively_in_sorted_order_files_before_folders(plans):
    assert names(expand_calendars(["plans"])) == [
        "plans/a.csv", "plans/b.yaml", "plans/c.ics", "plans/archive/old.yaml", "plans/z/deep/d.yml"]


def test_charters_and_other_yaml_without_posts_are_not_calendars(plans):
    tree(plans, {"plans/mkdocs.yml": "site_name: x\nnav: []\n", "plans/bom.yaml": "\ufeff" + CALENDAR})
    assert not is_walked_calendar("plans/chartercheck.yaml") and not is_walked_calendar("plans/brand-charter.yaml")
    assert not is_walked_calendar("plans/mkdocs.yml") and not is_walked_calendar("plans/pyproject.toml")
    assert is_walked_calendar("plans/b.yaml") and is_walked_calendar("plans/bom.yaml")
    assert is_walked_calendar("plans/a.csv") and is_walked_calendar("plans/c.ics")
    result = CliRunner().invoke(main, ["lint", "plans/mkdocs.yml"])  # named: read, and refused as usual
    assert result.exit_code == 2 and "no 'posts:' list found" in result.output


def test_exclude_by_name_prunes_folders_and_by_path_is_relative_to_its_base(plans):
    assert "plans/archive/old.yaml" not in names(expand_calendars(["plans"], [ExcludePattern("archive")]))
    assert names(expand_calendars(["plans"], [ExcludePattern("plans/z/*")]))[-1] == "plans/archive/old.yaml"
    assert "plans/b.yaml" not in names(expand_calendars(["plans"], [ExcludePattern("*.yaml")]))
    assert excluded("plans/archive/old.yaml", [ExcludePattern("archive", "plans")])
    assert excluded("plans/z/deep/d.yml", [ExcludePattern("z/deep", "plans")])
    assert not excluded("plans/b.yaml", [ExcludePattern("z/deep", "plans")])


def test_a_file_named_twice_or_also_found_in_a_folder_is_listed_once(plans):
    assert names(expand_calendars(["plans/b.yaml", "plans", "./plans/b.yaml"]))[:2] == ["plans/b.yaml", "plans/a.csv"]
    assert len(expand_calendars(["plans/b.yaml", "plans"])) == 5


def test_a_folder_without_calendars_is_a_usage_error(plans):
    (plans / "empty").mkdir()
    with pytest.raises(UsageError, match="no calendar file found"):
        expand_calendars(["empty"])
    result = CliRunner().invoke(main, ["lint", "empty"])
    assert result.exit_code == 2
    assert "empty: no calendar file found (looked for .yaml, .yml, .csv and .ics)" in result.output
    assert "Traceback" not in result.output


def test_the_cli_lints_a_folder_and_excludes_on_request(plans):
    result = CliRunner().invoke(main, ["lint", "plans", "--exclude", "z", "--exclude", "archive", "--exclude", "*.csv",
                                       "--exclude", "*.ics", "--format", "concise", "--now", "2026-11-20T09:00"])
    assert result.exit_code in (0, 1), result.output
    assert "d.yml" not in result.output and "old.yaml" not in result.output
