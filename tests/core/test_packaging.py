"""The package's metadata: licence, version, typing marker, and a dependency list that says what the code imports."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import chartercheck

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "chartercheck"

#: Declared distributions the code does not import, each with the reason it is declared.
DECLARED_WITHOUT_IMPORT = {
    "tzdata": "zoneinfo reads its time-zone database where the system has none (Windows, slim images)",
    "textstat": "the readability reference text/readability.py reproduces; a named dependency of the project",
}
#: Top-level module → distribution, where the names differ.
DISTRIBUTION_OF = {"yaml": "pyyaml", "x_wr_timezone": "x-wr-timezone",
                   "recurring_ical_events": "recurring-ical-events", "ahocorasick": "pyahocorasick"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()


def _third_party_imports() -> set[str]:
    """Top-level modules imported anywhere in the package that are neither ours nor the standard library's."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "chartercheck"}


def test_licence_is_an_spdx_expression_with_its_file():
    project = _pyproject()["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License") and "chartercheck contributors" in text


def test_version_is_written_once():
    config = _pyproject()
    assert "version" not in config["project"] and config["project"]["dynamic"] == ["version"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "chartercheck.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", chartercheck.__version__)


def test_metadata_for_people_who_adopt_it():
    project = _pyproject()["project"]
    assert {"Homepage", "Documentation", "Repository", "Issues"} <= set(project["urls"])
    assert "Typing :: Typed" in project["classifiers"]
    assert any(c.startswith("License ::") for c in project["classifiers"]) is False  # the SPDX expression says it
    assert (PACKAGE / "py.typed").is_file()


def test_every_import_is_declared_and_every_declaration_imported():
    declared = {_requirement_name(r) for r in _pyproject()["project"]["dependencies"]}
    imported = {DISTRIBUTION_OF.get(name, name).lower() for name in _third_party_imports()}
    assert imported - declared == set(), "imported but not declared in pyproject.toml"
    assert declared - imported - set(DECLARED_WITHOUT_IMPORT) == set(), "declared but never imported"


def test_a_library_whose_internals_we_use_is_bounded_above():
    (requirement,) = [r for r in _pyproject()["project"]["dependencies"] if r.startswith("recurring-ical-events")]
    assert "<" in requirement
    assert "._adapter._component" in (PACKAGE / "readers" / "ics_recurrence.py").read_text("utf-8")


def test_the_project_address_is_written_once_for_code_and_metadata():
    assert _pyproject()["project"]["urls"]["Repository"] == chartercheck.__url__
