"""The charter's JSON Schema: derived from the loader's table, shipped, accepting every shipped charter."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from chartercheck.charter import load_charter_text
from chartercheck.charter.json_schema import SCHEMA_URL, charter_json_schema, render_json_schema, shipped_json_schema
from chartercheck.charter.reference import render_reference
from chartercheck.cli import main
from chartercheck.commands.init import LANGS, PRESETS, scaffold
from chartercheck.errors import CharterError
from chartercheck.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[2]
REFRESH = "make docs"
SHIPPED_CHARTERS = sorted([*ROOT.glob("charters/*.yaml"), *ROOT.glob("chartercheck/charter/presets/*.yaml")])


def _validator():
    schema = charter_json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _errors(text: str, label: str) -> list[str]:
    # The project's own YAML reading (timestamps stay text), as the loader sees the file.
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(load_yaml(text, label))]


@pytest.mark.parametrize("path", SHIPPED_CHARTERS, ids=lambda p: p.name)
def test_every_shipped_charter_is_valid(path):
    assert _errors(path.read_text(encoding="utf-8"), str(path)) == []


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_template_is_valid_and_names_the_schema(preset, lang):
    text = scaffold(preset, lang, brand="Ça: \"Marque\"")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_URL}"
    assert _errors(text, f"{preset}-{lang}") == []


def test_a_misspelt_key_is_rejected_by_the_schema_as_by_the_loader():
    text = "version: 1\nbrand: {name: Vélo, timezone: Europe/Paris}\ncadence: {max_per_day_totl: 3}\n"
    errors = _errors(text, "typo.yaml")
    assert errors == ["['cadence']: Additional properties are not allowed ('max_per_day_totl' was unexpected)"]
    with pytest.raises(CharterError, match="max_per_day_total"):
        load_charter_text(text)


@pytest.mark.parametrize("text, where", [
    ("version: 2\n", "['version']"),
    ("version: 1\ncompliance: [fr-evinn]\n", "['compliance']"),
    ("version: 1\ntone: {commercial: {max_share: 1.5}}\n", "['tone', 'commercial', 'max_share']"),
    ("version: 1\nchannels: {ig: {platform: instagram, max_per_day: -1}}\n", "['channels', 'ig', 'max_per_day']"),
    ("version: 1\napproval: {four_eyes: 'yes'}\n", "['approval', 'four_eyes']"),
])
def test_wrong_values_the_loader_refuses_are_flagged_too(text, where):
    assert any(error.startswith(where) for error in _errors(text, "bad.yaml"))
    with pytest.raises(CharterError):
        load_charter_text(text)


def test_shorthands_and_single_items_are_accepted_as_the_loader_accepts_them():
    text = ("version: 1\nextends: preset:platform-defaults\npositioning: {emoji: 2, vocabulary: {reject: [promo]}}\n"
            "strategy: {objectives: awareness}\nrules: {CC101: off, CC2: {severity: info}, CC305: false}\n")
    assert _errors(text, "short.yaml") == []
    load_charter_text(text)


def test_the_shipped_file_and_the_command_give_the_generated_schema():
    assert shipped_json_schema() == render_json_schema(), f"charter.schema.json is stale: {REFRESH}"
    result = CliRunner().invoke(main, ["charter", "schema"])
    assert result.exit_code == 0 and json.loads(result.output) == charter_json_schema()


def test_docs_charter_md_is_generated_from_the_same_table():
    path = ROOT / "docs" / "charter.md"
    assert path.read_text(encoding="utf-8") == render_reference(), f"docs/charter.md is stale: {REFRESH}"
    result = CliRunner().invoke(main, ["charter", "schema", "--format", "markdown"])
    assert result.exit_code == 0 and result.output == render_reference()


def test_every_key_of_the_schema_is_in_the_reference():
    reference = render_reference()

    def keys(schema: dict):
        for option in schema.get("anyOf", []):
            yield from keys(option)
        for name, child in schema.get("properties", {}).items():
            yield name
            yield from keys(child)
        for part in ("items", "additionalProperties"):
            if isinstance(schema.get(part), dict):
                yield from keys(schema[part])

    assert {f"| `{key}` |" for key in keys(charter_json_schema())} <= {
        line[:line.index("` |") + 3] for line in reference.splitlines() if line.startswith("| `")}
