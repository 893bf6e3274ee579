"""The JSON output matches the schema printed in docs/json-format.md."""
from __future__ import annotations

import json
import re

import jsonschema

from chartercheck.formatters.json_format import render

from .conftest import ROOT


def _doc_schema() -> dict:
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    return json.loads(next(b for b in blocks if '"$schema"' in b))


def test_output_matches_documented_schema(week):
    jsonschema.validate(json.loads(render(week[0])), _doc_schema())


def test_documented_example_matches_schema():
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    example = json.loads(re.findall(r"```json\n(.*?)```", text, re.S)[0])
    jsonschema.validate(example, _doc_schema())
