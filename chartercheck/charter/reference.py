"""``docs/charter.md``, the charter reference, derived from :data:`chartercheck.charter.schema.SCHEMA`.

One table per mapping of the charter, in the order the table declares its
keys: each key with what it takes, its default and what it means. The JSON
Schema (``json_schema.py``) is derived from the same table, so the reference,
the editor's completion and the loader's checks always agree.
"""
from __future__ import annotations

from typing import Iterator

from .json_schema import SCHEMA_URL, json_default
from .schema import SCHEMA
from .types import AnyOf, ListOf, MapOf, Scalar, Section, ValueType

HEADER = """\
# Charter reference

<!-- Generated from chartercheck/charter/schema.py by `chartercheck charter schema --format markdown`;
     edit the table there, then regenerate this file (make docs). -->

A charter is a YAML file, `chartercheck.yaml` by default. Every key is optional
except `version: 1` at the top of the charter being linted; a key that is not
listed here is an error, with a suggestion when it looks like a misspelt one.

**In your editor.** `chartercheck charter schema` prints the charter's JSON
Schema (draft-07); `chartercheck charter init` writes a first line that YAML
editors (VS Code's YAML extension, JetBrains IDEs, Neovim with
yaml-language-server) read to complete keys and flag typos as you type:

```yaml
# yaml-language-server: $schema={url}
```

Offline, point it at a local copy instead:
`chartercheck charter schema > charter.schema.json` and
`# yaml-language-server: $schema=./charter.schema.json`.

Lists of one item may be written as the item alone (`languages: fr` is
`languages: [fr]`). Durations are written `90m`, `4h`, `2d`, `1w` or `1h30m`;
times of day `HH:MM`; day sets `mon-fri`, `sat`, `mon,wed,fri` or `daily`.
"""


def _kind(kind: ValueType) -> str:
    """What ``kind`` takes, in words, for the reference's "Takes" column."""
    if isinstance(kind, Section):
        return f"a mapping (see `{{}}`), or {_kind(kind.fields[kind.shorthand].type)}" if kind.shorthand \
            else "a mapping (see `{}`)"
    if isinstance(kind, ListOf) and isinstance(kind.item, Section):
        return "a list of mappings (see `{}[]`)"
    if isinstance(kind, MapOf) and isinstance(kind.value, Section):
        return "a mapping of names to mappings (see `{}.<name>`)"
    if isinstance(kind, Scalar) and not kind.choices and (kind.minimum is not None or kind.maximum is not None):
        if kind.maximum is None:
            return f"{kind.describe}, {kind.minimum:g} or more"
        return f"{kind.describe} from {kind.minimum:g} to {kind.maximum:g}"
    return kind.describe


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _nested(path: str, kind: ValueType) -> Iterator[tuple[str, Section]]:
    """The mappings reached from the key at ``path``, with the heading each gets."""
    if isinstance(kind, Section):
        yield path, kind
    elif isinstance(kind, ListOf):
        yield from _nested(f"{path}[]", kind.item)
    elif isinstance(kind, MapOf):
        yield from _nested(f"{path}.<name>", kind.value)
    elif isinstance(kind, AnyOf):
        for option in kind.options:
            yield from _nested(path, option)


def _table(path: str, section: Section) -> Iterator[str]:
    title = f"`{path}`" if path else "Top level"
    yield f"\n## {title}\n\n"
    if section.shorthand:
        yield f"May be written as its `{section.shorthand}` alone.\n\n"
    if section.required:
        yield "Required: " + ", ".join(f"`{key}`" for key in section.required) + ".\n\n"
    yield "| Key | Takes | Default | Meaning |\n|---|---|---|---|\n"
    below = []
    for key, spec in section.fields.items():
        here = f"{path}.{key}" if path else key
        takes = _kind(spec.type)
        if "{}" in takes:
            takes = takes.replace("{}", here)
        default = json_default(spec.default)
        shown = "" if default is None else f"`{str(default).lower() if isinstance(default, bool) else default}`"
        yield f"| `{key}` | {_cell(takes)} | {shown} | {_cell(spec.doc)} |\n"
        below.extend(_nested(here, spec.type))
    for child_path, child in below:
        yield from _table(child_path, child)


def render_reference() -> str:
    """The whole of ``docs/charter.md``."""
    return HEADER.format(url=SCHEMA_URL) + "".join(_table("", SCHEMA))
