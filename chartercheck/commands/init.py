"""``chartercheck charter init``: scaffold a commented charter.

Two presets — ``b2c`` (a consumer brand on Instagram and Facebook, informal)
and ``b2b`` (a company on LinkedIn and X, formal, legal in the approval
circuit) — in English or French. The templates are package data under
``templates/``; every key is commented so the file teaches the charter as it
is edited. The result is written to ``chartercheck.yaml`` by default, the
name ``lint`` discovers on its own. Its first line points YAML editors at the
charter's JSON Schema, so they complete keys and flag typos as one types.
"""
from __future__ import annotations

import json
import os
from importlib import resources
from typing import Optional

import click

PRESETS = ("b2c", "b2b")
LANGS = ("en", "fr")
DEFAULT_OUTPUT = "chartercheck.yaml"
DEFAULT_BRANDS = {"en": "Your Brand", "fr": "Votre Marque"}
DEFAULT_ZONES = {"en": "Europe/London", "fr": "Europe/Paris"}


def template_text(preset: str = "b2c", lang: str = "en") -> str:
    """The raw template of ``preset`` in ``lang`` (with ``__BRAND__`` and ``__TIMEZONE__``)."""
    if preset not in PRESETS or lang not in LANGS:
        raise ValueError(f"no template for preset {preset!r} in {lang!r}")
    return resources.files(__package__).joinpath("templates", f"{preset}-{lang}.yaml").read_text("utf-8")


def scaffold(preset: str = "b2c", lang: str = "en", brand: Optional[str] = None,
             timezone: Optional[str] = None) -> str:
    """A ready-to-edit charter: the template with the brand's name and zone filled in.

    Values are written as JSON strings, which are valid YAML scalars whatever
    characters the name holds (quotes, colons, accents).
    """
    from ..timeutil import load_zone
    zone = timezone or DEFAULT_ZONES[lang]
    load_zone(zone)  # raises ValueError with a suggestion when unknown
    from ..charter.json_schema import SCHEMA_URL
    text = f"# yaml-language-server: $schema={SCHEMA_URL}\n" + template_text(preset, lang)
    return (text.replace("__BRAND__", json.dumps(brand or DEFAULT_BRANDS[lang], ensure_ascii=False))
                .replace("__TIMEZONE__", json.dumps(zone)))


def register(main, charter_group) -> None:
    from ..cli import handle_errors
    from ..errors import Problem, UsageError

    @charter_group.command("init")
    @click.option("--preset", type=click.Choice(PRESETS), default="b2c", show_default=True,
                  help="b2c: consumer brand on Instagram/Facebook; b2b: company on LinkedIn/X.")
    @click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
                  help="Language of the comments and of the messages.")
    @click.option("--brand", help="Brand name to write in the charter.")
    @click.option("--timezone", help="IANA time zone of the brand (default Europe/Paris in French, Europe/London in English).")
    @click.option("-o", "--output", default=DEFAULT_OUTPUT, show_default=True,
                  help="File to write; - for standard output.")
    @click.option("--force", is_flag=True, help="Overwrite an existing file.")
    @handle_errors
    def charter_init(preset, lang, brand, timezone, output, force):
        """Write a commented starter charter to edit."""
        try:
            text = scaffold(preset, lang, brand, timezone)
        except ValueError as exc:
            raise UsageError(Problem("--timezone", None, str(exc))) from None
        if output == "-":
            click.echo(text, nl=False)
            return
        if os.path.exists(output) and not force:
            raise UsageError(Problem(output, None, "file already exists",
                                     hint="choose another name with -o, or overwrite it with --force"))
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        click.echo(f"chartercheck: wrote a {preset} charter ({lang}) to {output}; "
                   f"edit it, then run: chartercheck charter check {output}", err=True)
